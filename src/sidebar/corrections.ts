/**
 * A client's recent entries with Correct and Withdraw. A correction appends a superseding row and
 * a withdrawal a withdrawing one (src/README.md, "The record is append-only"); the old row keeps its content, so here it is
 * shown struck through with what replaced it. One editor is open at a time.
 */
import { WITHDRAWN, type ClientView, type Entry, type Status } from '../core/types';
import { absenceDetails, type DetailsContext } from './absenceDetails';
import { call } from './api';
import { button, h, message, replace, uid } from './dom';
import { shortDate, statusAndReason } from './format';
import { emptyMarks, pickStatus, type Marks } from './marks';
import { newRequestId } from './requestId';
import { attendanceInput } from './saveRequest';
import { statusRadios } from './statusRadios';

export interface HistoryContext extends DetailsContext {
  today: string;
  /** A correction or withdrawal was stored: the record view's data is out of date. */
  onChanged(): void;
  onBack(): void;
}

function marksFromEntry(entry: Entry): Marks {
  return {
    ...emptyMarks(),
    status: entry.status === WITHDRAWN ? null : entry.status,
    reason: entry.reason,
    notice: entry.notice === true,
    note: entry.note,
    followUp: entry.followUp,
    followUpTouched: true, // the entry's own follow-up choice stands unless the therapist changes it
  };
}

function entryLine(entry: Entry, today: string): string {
  const when = shortDate(entry.sessionDate, today);
  if (entry.status === WITHDRAWN) return `${when} — withdrawal${entry.note ? `: ${entry.note}` : ''}`;
  return `${when} — ${statusAndReason(entry.status, entry.reason)}`;
}

export function historyView(client: ClientView, ctx: HistoryContext): HTMLElement {
  const list = h('ol', { className: 'history', attrs: { 'aria-label': `Entries for ${client.name}` } });
  const status = h('div', { className: 'feedback' });
  let entries: Entry[] = [];

  /** (Re)reads the entries; `news` (e.g. "corrected") is shown once the list is current again. */
  function load(news = ''): void {
    replace(list, []); // no button of an out-of-date list can be pressed meanwhile
    replace(status, [message('info', 'Loading entries…')]);
    call('getClientHistory', client.id).then((found) => {
      entries = found;
      const empty = entries.length ? null : message('info', 'No entries recorded for this client yet.');
      replace(status, [news ? message('ok', news) : null, empty]);
      paint();
    }, (error: Error) => {
      replace(status, [message('error', error.message), button('Retry', () => load(news))]);
    });
  }

  function paint(): void {
    replace(list, entries.map((entry, index) => entryItem(entry, index)));
  }

  /** Why an entry no longer counts: withdrawn (with the reason given), its follow-up done, or corrected. */
  function supersededText(entry: Entry): string {
    const by = entries.find((e) => e.entryId === entry.supersededBy);
    if (by?.status === WITHDRAWN) return by.note ? `Withdrawn: ${by.note}` : 'Withdrawn';
    if (by && followUpMarkedDone(entry, by)) return 'Follow-up marked done (a newer version below)';
    return 'Corrected: replaced by a later entry';
  }

  /** The version a follow-up completion appended: the same content, with "Follow-up done" filled. */
  function followUpMarkedDone(older: Entry, newer: Entry): boolean {
    return !older.followUpDone && !!newer.followUpDone && older.status === newer.status && older.reason === newer.reason && older.note === newer.note;
  }

  /** What the row that replaced an earlier one did. */
  function replacesText(entry: Entry): string {
    const older = entries.find((e) => e.entryId === entry.replaces);
    return older && followUpMarkedDone(older, entry) ? 'Follow-up marked done' : 'Correction of an earlier entry';
  }

  function entryItem(entry: Entry, index: number): HTMLElement {
    const withdrawal = entry.status === WITHDRAWN;
    const current = entry.supersededBy === '' && !withdrawal;
    const when = shortDate(entry.sessionDate, ctx.today);
    const className = current ? 'entry' : withdrawal ? 'entry withdrawal' : 'entry superseded';
    const item = h('li', { className }, [
      h('div', { className: 'entry-line', text: entryLine(entry, ctx.today) }),
      entry.supersededBy ? h('div', { className: 'secondary', text: supersededText(entry) }) : null,
      entry.replaces && !withdrawal ? h('div', { className: 'secondary', text: replacesText(entry) }) : null,
      entry.note && !withdrawal ? h('div', { className: 'secondary note-text', text: entry.note }) : null,
    ]);
    if (!current) return item;
    const actions = h('div', { className: 'entry-actions' }, [
      button('Correct', () => openCorrection(index), { attrs: { 'aria-label': `Correct entry of ${when}` } }),
      button('Withdraw', () => openWithdrawal(index), { attrs: { 'aria-label': `Withdraw entry of ${when}` } }),
    ]);
    item.appendChild(actions);
    return item;
  }

  function closeEditors(): void {
    paint(); // rebuilding the list closes any open editor
  }

  /** Closes other editors and gives the entry's item, without its buttons, to a new editor. */
  function editorHost(index: number): HTMLElement {
    closeEditors();
    const host = list.children[index] as HTMLElement;
    host.querySelector('.entry-actions')?.remove();
    return host;
  }

  function openCorrection(index: number): void {
    const entry = entries[index];
    const host = editorHost(index);
    const requestId = newRequestId(); // one per editor opened: retrying this correction stores it once
    let marks = marksFromEntry(entry);
    const feedback = h('div', { className: 'feedback' });
    const change = (next: (m: Marks) => Marks): void => { marks = next(marks); details.update(marks); radios.set(marks.status); };
    const radios = statusRadios(`Status for ${client.name}`, marks.status, (s: Status) => change((m) => pickStatus(m, s)));
    const details = absenceDetails(client.name, ctx, marks, change);
    const saveButton = button('Save correction', () => {
      if (marks.status === null) { replace(feedback, [message('error', 'Choose a status.')]); return; }
      if (marks.note.length > ctx.maxNoteLength) {
        replace(feedback, [message('error', `The note is longer than ${ctx.maxNoteLength} characters.`)]);
        return;
      }
      // The same fields a new entry would send for this status (details only for a missed session).
      const { clientId: _clientId, ...content } = attendanceInput(client.id, marks);
      saveButton.disabled = true;
      replace(feedback, [message('info', 'Saving…')]);
      call('correctEntry', { requestId, entryId: entry.entryId, ...content }).then(() => {
        ctx.onChanged();
        load(`Entry of ${shortDate(entry.sessionDate, ctx.today)} corrected.`);
      }, (error: Error) => {
        saveButton.disabled = false;
        replace(feedback, [message('error', error.message)]);
      });
    }, { className: 'action' });
    const editor = h('div', { className: 'editor' }, [
      radios.el, details.el, feedback,
      h('div', { className: 'bar-buttons' }, [saveButton, button('Cancel', closeEditors)]),
    ]);
    host.appendChild(editor);
    radios.focus();
  }

  function openWithdrawal(index: number): void {
    const entry = entries[index];
    const host = editorHost(index);
    const requestId = newRequestId();
    const whyId = uid('why');
    const why = h('textarea', { attrs: { id: whyId, rows: '2', maxlength: String(ctx.maxNoteLength) } });
    const feedback = h('div', { className: 'feedback' });
    const confirm = button('Withdraw entry', () => {
      confirm.disabled = true;
      replace(feedback, [message('info', 'Withdrawing…')]);
      call('withdrawEntry', { requestId, entryId: entry.entryId, note: why.value.trim() }).then(() => {
        ctx.onChanged();
        load(`Entry of ${shortDate(entry.sessionDate, ctx.today)} withdrawn.`);
      }, (error: Error) => {
        confirm.disabled = false;
        replace(feedback, [message('error', error.message)]);
      });
    }, { className: 'action danger' });
    host.appendChild(h('div', { className: 'editor' }, [
      h('p', { text: 'Withdraw this entry? It stays in the record, marked as withdrawn, and no longer counts.' }),
      h('label', { text: 'Why withdraw this entry', attrs: { for: whyId } }),
      why,
      feedback,
      h('div', { className: 'bar-buttons' }, [confirm, button('Cancel', closeEditors)]),
    ]));
    why.focus();
  }

  load();
  return h('section', { className: 'history-view', attrs: { 'aria-label': `History for ${client.name}` } }, [
    button('‹ Back', ctx.onBack, { className: 'link back', attrs: { 'aria-label': 'Back' } }),
    h('h2', { text: `History: ${client.name}`, attrs: { tabindex: '-1' } }),
    status,
    list,
  ]);
}
