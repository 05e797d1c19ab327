/**
 * The questions a missed (or cancelled) session asks: reason, notice given, a short note and
 * whether to follow up next session. Used by the session form and by the correction editor.
 */
import { h, select, uid } from './dom';
import { asksForDetails, hasDetails, pickReason, setFollowUp, setNote, setNotice, type Marks } from './marks';

export interface AbsenceDetails {
  el: HTMLElement;
  /** Shows the marks (after a change made elsewhere, e.g. a reason that set the status). */
  update(marks: Marks): void;
}

export interface DetailsContext {
  reasons: readonly string[];
  maxNoteLength: number;
  /** A correction: the details it keeps stay in view whatever the status (see correctionContent). */
  keepDetails?: boolean;
}

/** `who` ends every label: "Reason for Ana Lima", "Note for Ana Lima". */
export function absenceDetails(
  who: string,
  ctx: DetailsContext,
  marks: Marks,
  change: (next: (m: Marks) => Marks) => void,
): AbsenceDetails {
  const options: [string, string][] = [['', 'Choose a reason…'], ...ctx.reasons.map((r): [string, string] => [r, r])];
  if (marks.reason && ctx.reasons.indexOf(marks.reason) < 0) options.push([marks.reason, marks.reason]);
  const reasonId = uid('reason');
  const reason = select(options, marks.reason, { attrs: { id: reasonId, 'aria-label': `Reason for ${who}` } });
  reason.addEventListener('change', () => change((m) => pickReason(m, reason.value)));

  const notice = h('input', { attrs: { type: 'checkbox', 'aria-label': `Notice given for ${who}` } });
  notice.addEventListener('change', () => change((m) => setNotice(m, notice.checked)));

  const followUp = h('input', { attrs: { type: 'checkbox', 'aria-label': `Follow up next session for ${who}` } });
  followUp.addEventListener('change', () => change((m) => setFollowUp(m, followUp.checked)));

  const counterId = uid('count');
  // Described by, not live: announcing every keystroke's count would drown the typing.
  const counter = h('span', { className: 'counter', attrs: { id: counterId } });
  const noteId = uid('note');
  const note = h('textarea', {
    attrs: {
      id: noteId,
      rows: '2',
      maxlength: String(ctx.maxNoteLength),
      'aria-label': `Note for ${who}`,
      'aria-describedby': counterId,
      placeholder: 'Short and factual: it is part of the record',
    },
  });
  note.value = marks.note;
  const showCount = (): void => {
    counter.textContent = `${note.value.length} / ${ctx.maxNoteLength}`;
  };
  note.addEventListener('input', () => {
    showCount();
    change((m) => setNote(m, note.value));
  });

  const el = h('div', { className: 'details' }, [
    h('div', { className: 'field' }, [h('label', { text: 'Reason', attrs: { for: reasonId } }), reason]),
    h('div', { className: 'checks' }, [
      h('label', {}, [notice, ' Notice given']),
      h('label', {}, [followUp, ' Follow up next session']),
    ]),
    h('div', { className: 'field' }, [h('label', { text: 'Note (optional)', attrs: { for: noteId } }), note, counter]),
  ]);

  const update = (m: Marks): void => {
    el.hidden = !asksForDetails(m.status) && !(ctx.keepDetails && hasDetails(m));
    if (reason.value !== m.reason) reason.value = m.reason;
    notice.checked = m.notice;
    followUp.checked = m.followUp;
    if (note.value !== m.note) note.value = m.note;
    showCount();
  };
  update(marks);
  return { el, update };
}
