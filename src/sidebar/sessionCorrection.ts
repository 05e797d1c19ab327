/**
 * A recorded session opened to correct it: every client's entry as recorded, prefilled; the
 * therapist changes any marks and saves once. One correctSession request carries only the lines
 * that changed, and the server appends one superseding row for each of them.
 */
import type {
  ClientView,
  RecordedSession,
  SaveSessionRequest,
  SaveSessionResult,
  SessionCorrectionRequest,
  SidebarData,
} from '../core/types';
import { call } from './api';
import { clientRow, type ClientRow } from './clientRow';
import { button, h, message, replace } from './dom';
import { shortDate } from './format';
import { correctionContent, marksFromEntry, sameContent, type Marks } from './marks';
import { newRequestId } from './requestId';

export interface SessionCorrectionHooks {
  onHistory(client: ClientView): void;
  /** The corrections were stored: `summary` lists them as a save would. */
  onSaved(summary: SaveSessionRequest, result: SaveSessionResult): void;
  onBack(): void;
}

/** The client as the sidebar names it; a client no longer on the roster keeps its ID as name. */
function clientOf(data: SidebarData, clientId: string): ClientView {
  return (
    data.clients.find((c) => c.id === clientId) ?? {
      id: clientId,
      name: clientId,
      group: '',
      active: false,
      lastEntry: null,
      trend: {
        level: 'none',
        chronic: false,
        explanation: '',
        sessions: 0,
        absences: 0,
        recentRate: null,
        usualRate: null,
      },
    }
  );
}

export function sessionCorrectionView(
  data: SidebarData,
  session: RecordedSession,
  hooks: SessionCorrectionHooks,
): { el: HTMLElement; bar: HTMLElement } {
  const when = shortDate(session.date, data.today);
  const title = `${session.group || 'Individual session'}, ${when}`;
  const requestId = newRequestId(); // one per opening: a retry stores the corrections once
  const marks = new Map<string, Marks>(session.entries.map((e) => [e.entryId, marksFromEntry(e)]));
  const rows: ClientRow[] = [];
  const list = h('ul', { className: 'clients', attrs: { 'aria-label': 'Clients in this session' } });
  const byName = session.entries
    .map((entry) => ({ entry, client: clientOf(data, entry.clientId) }))
    .sort((a, b) => a.client.name.localeCompare(b.client.name, undefined, { numeric: true }));
  for (const { entry, client } of byName) {
    const row = clientRow(client, marks.get(entry.entryId) as Marks, {
      reasons: data.reasons,
      maxNoteLength: data.settings.maxNoteLength,
      today: data.today,
      keepDetails: true,
      followUps: [], // done or not, an earlier follow-up is not part of this session
      onChange: (_clientId, next) => {
        marks.set(entry.entryId, next);
      },
      onHistory: hooks.onHistory,
      onFollowUpDone: () => undefined,
    });
    rows.push(row);
    list.appendChild(row.el);
  }

  const feedback = h('div', { className: 'feedback' });
  const say = (kind: 'error' | 'ok' | 'info', text: string): void => replace(feedback, [message(kind, text)]);
  let saving = false;
  const save = button(
    'Save corrections',
    () => {
      void submit();
    },
    { className: 'action' },
  );

  async function submit(): Promise<void> {
    if (saving) return;
    const changed: SessionCorrectionRequest['corrections'] = [];
    const lines: SaveSessionRequest['attendance'] = [];
    for (const { entry, client } of byName) {
      const m = marks.get(entry.entryId) as Marks;
      if (m.note.length > data.settings.maxNoteLength) {
        say('error', `The note for ${client.name} is longer than ${data.settings.maxNoteLength} characters.`);
        return;
      }
      const content = correctionContent(entry, m);
      if (sameContent(entry, content)) continue;
      changed.push({ entryId: entry.entryId, ...content });
      lines.push({ clientId: entry.clientId, ...content });
    }
    if (changed.length === 0) {
      say('info', 'Nothing was changed; change a mark, or go Back.');
      return;
    }
    saving = true;
    save.disabled = true;
    say('info', 'Saving…');
    try {
      const result = await call('correctSession', { requestId, corrections: changed });
      const summary: SaveSessionRequest = { requestId, date: session.date, attendance: lines };
      if (session.group) summary.group = session.group;
      hooks.onSaved(summary, result);
    } catch (error) {
      say('error', `${(error as Error).message} Your changes are still here.`);
    } finally {
      saving = false;
      save.disabled = false;
    }
  }

  const el = h('section', { className: 'record', attrs: { 'aria-label': `Correct ${title}` } }, [
    button('‹ Back', hooks.onBack, { className: 'link back', attrs: { 'aria-label': 'Back' } }),
    h('h1', { text: `Correct: ${title}`, attrs: { tabindex: '-1' } }),
    h('p', {
      className: 'secondary',
      text: 'Change any marks and save once. Only the entries you change get a correcting row; the rest stay as recorded.',
    }),
    list,
  ]);
  const bar = h('div', { className: 'bottom' }, [
    feedback,
    h('div', { className: 'bar-buttons' }, [save, button('Cancel', hooks.onBack)]),
  ]);
  return { el, bar };
}
