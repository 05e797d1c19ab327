/**
 * A client's recent entries with Correct and Withdraw. A correction appends a superseding row and
 * a withdrawal a withdrawing one (src/README.md, "The record is append-only"); the old row keeps its content, so here it is
 * shown struck through with what replaced it. One editor is open at a time.
 */
import { HISTORY_LENGTH, WITHDRAWN, type ClientView, type Entry, type Status } from '../core/types';
import { absenceDetails, type DetailsContext } from './absenceDetails';
import { call } from './api';
import { button, h, message, replace, uid } from './dom';
import { shortDate, statusAndReason } from './format';
import { correctionContent, marksFromEntry, pickStatus, sameContent, type Marks } from './marks';
import { newRequestId } from './requestId';
import { summaryButton } from './reports';
import { statusRadios } from './statusRadios';

export interface HistoryContext extends DetailsContext {
  today: string;
  /** A correction or withdrawal was stored: the record view's data is out of date. */
  onChanged(): void;
  onBack(): void;
}

function entryLine(entry: Entry, today: string): string {
  const when = shortDate(entry.sessionDate, today);
  if (entry.status === WITHDRAWN) return `${when} — withdrawal${entry.note ? `: ${entry.note}` : ''}`;
  return `${when} — ${statusAndReason(entry.status, entry.reason)}`;
}

export function historyView(client: ClientView, ctx: HistoryContext): HTMLElement {
  const list = h('ol', { className: 'history', attrs: { 'aria-label': `Entries for ${client.name}` } });
  const status = h('div', { className: 'feedback' });
  const more = h('div', { className: 'more' });
  const summaryFeedback = h('div', { className: 'feedback' });
  let entries: Entry[] = [];

  /**
   * (Re)reads the entries, `pages` pages of them; `news` (e.g. "corrected") is shown once the list
   * is current again. One more entry than shown is asked for, to know whether older ones exist.
   */
  function load(news = '', pages = 1): void {
    replace(list, []); // no button of an out-of-date list can be pressed meanwhile
    replace(more, []);
    replace(status, [message('info', 'Loading entries…')]);
    const shown = pages * HISTORY_LENGTH;
    call('getClientHistory', client.id, 0, shown + 1).then(
      (found) => {
        entries = found.slice(0, shown);
        const empty = entries.length ? null : message('info', 'No entries recorded for this client yet.');
        replace(status, [news ? message('ok', news) : null, empty]);
        paint();
        paintMore(found.length > shown, pages);
      },
      (error: Error) => {
        replace(status, [message('error', error.message), button('Retry', () => load(news, pages))]);
      },
    );
  }

  /** "Older entries" pages back through every entry of the client, a page at a time. */
  function paintMore(older: boolean, pages: number): void {
    if (!older) {
      replace(
        more,
        entries.length > HISTORY_LENGTH ? [h('p', { className: 'secondary', text: 'These are all the entries.' })] : [],
      );
      return;
    }
    const olderButton = button('Older entries', () => {
      olderButton.disabled = true;
      const shown = pages * HISTORY_LENGTH;
      call('getClientHistory', client.id, shown, HISTORY_LENGTH + 1).then(
        (found) => {
          const first = entries.length;
          entries = entries.concat(found.slice(0, HISTORY_LENGTH));
          paint();
          paintMore(found.length > HISTORY_LENGTH, pages + 1);
          (list.children[first]?.querySelector('.entry-line') as HTMLElement | null)?.focus();
        },
        (error: Error) => {
          olderButton.disabled = false;
          replace(more, [message('error', error.message), olderButton]);
        },
      );
    });
    replace(more, [olderButton]);
  }

  function paint(): void {
    replace(
      list,
      entries.map((entry, index) => entryItem(entry, index)),
    );
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
    return (
      !older.followUpDone &&
      !!newer.followUpDone &&
      older.status === newer.status &&
      older.reason === newer.reason &&
      older.note === newer.note
    );
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
      h('div', { className: 'entry-line', text: entryLine(entry, ctx.today), attrs: { tabindex: '-1' } }),
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
    const change = (next: (m: Marks) => Marks): void => {
      marks = next(marks);
      details.update(marks);
      radios.set(marks.status);
    };
    const radios = statusRadios(`Status for ${client.name}`, marks.status, (s: Status) =>
      change((m) => pickStatus(m, s)),
    );
    const details = absenceDetails(client.name, { ...ctx, keepDetails: true }, marks, change);
    const saveButton = button(
      'Save correction',
      () => {
        if (marks.status === null) {
          replace(feedback, [message('error', 'Choose a status.')]);
          return;
        }
        if (marks.note.length > ctx.maxNoteLength) {
          replace(feedback, [message('error', `The note is longer than ${ctx.maxNoteLength} characters.`)]);
          return;
        }
        // Everything the entry records, changed only where the therapist changed it.
        const content = correctionContent(entry, marks);
        if (sameContent(entry, content)) {
          replace(feedback, [message('info', 'Nothing was changed; change a mark, or Cancel.')]);
          return;
        }
        saveButton.disabled = true;
        replace(feedback, [message('info', 'Saving…')]);
        call('correctEntry', { requestId, entryId: entry.entryId, ...content }).then(
          () => {
            ctx.onChanged();
            load(
              `Entry of ${shortDate(entry.sessionDate, ctx.today)} corrected.`,
              Math.max(1, Math.ceil(entries.length / HISTORY_LENGTH)),
            );
          },
          (error: Error) => {
            saveButton.disabled = false;
            replace(feedback, [message('error', error.message)]);
          },
        );
      },
      { className: 'action' },
    );
    const editor = h('div', { className: 'editor' }, [
      radios.el,
      details.el,
      feedback,
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
    const confirm = button(
      'Withdraw entry',
      () => {
        confirm.disabled = true;
        replace(feedback, [message('info', 'Withdrawing…')]);
        call('withdrawEntry', { requestId, entryId: entry.entryId, note: why.value.trim() }).then(
          () => {
            ctx.onChanged();
            load(
              `Entry of ${shortDate(entry.sessionDate, ctx.today)} withdrawn.`,
              Math.max(1, Math.ceil(entries.length / HISTORY_LENGTH)),
            );
          },
          (error: Error) => {
            confirm.disabled = false;
            replace(feedback, [message('error', error.message)]);
          },
        );
      },
      { className: 'action danger' },
    );
    host.appendChild(
      h('div', { className: 'editor' }, [
        h('p', { text: 'Withdraw this entry? It stays in the record, marked as withdrawn, and no longer counts.' }),
        h('label', { text: 'Why withdraw this entry', attrs: { for: whyId } }),
        why,
        feedback,
        h('div', { className: 'bar-buttons' }, [confirm, button('Cancel', closeEditors)]),
      ]),
    );
    why.focus();
  }

  load();
  return h('section', { className: 'history-view', attrs: { 'aria-label': `History for ${client.name}` } }, [
    button('‹ Back', ctx.onBack, { className: 'link back', attrs: { 'aria-label': 'Back' } }),
    h('h1', { text: `History: ${client.name}`, attrs: { tabindex: '-1' } }),
    h('div', { className: 'summary-bar' }, [summaryButton(client, summaryFeedback), summaryFeedback]),
    status,
    list,
    more,
  ]);
}
