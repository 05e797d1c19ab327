/**
 * The session form: date, group or individual clients, one row per client, and the bottom bar
 * with "Save session". Saving sends ONE saveSession call with the form's request id.
 */
import { firstOfWeeks, isIsoDate } from '../core/dates';
import { plannedReason } from '../core/types';
import type {
  ClientView,
  FollowUp,
  RecordedSession,
  SaveSessionRequest,
  SaveSessionResult,
  SidebarData,
} from '../core/types';
import { call } from './api';
import { BUSY_RETRY_MS, isBusyMessage } from './busy';
import { clientRow, type ClientRow, type RowContext } from './clientRow';
import { button, h, message, replace, select, uid } from './dom';
import { shortDate } from './format';
import { emptyMarks, pickStatus, type Marks } from './marks';
import { planOn, planText } from './plannedAbsences';
import { matchingSessions, recordedText, sessionKey } from './recorded';
import { newRequestId } from './requestId';
import { filterClients, groupMembers, pickedClients } from './roster';
import { saveRequest } from './saveRequest';
import { marksOf, type SessionForm, type SessionScope } from './state';
import { checkForm, futureDateNote, type FormRow } from './validate';

export interface RecordHooks {
  onHistory(client: ClientView): void;
  onSaved(request: SaveSessionRequest, result: SaveSessionResult): void;
  /** Open a recorded session to correct it. */
  onOpenSession(session: RecordedSession): void;
}

export interface RecordView {
  /** The form's content (scrolls) and its bottom bar (stays put). */
  el: HTMLElement;
  bar: HTMLElement;
}

const NONE = '';
const INDIVIDUAL = 'individual';
const GROUP = 'group:';

function scopeValue(scope: SessionScope): string {
  return scope.kind === 'group' ? GROUP + scope.group : scope.kind === 'individual' ? INDIVIDUAL : NONE;
}

function scopeOf(value: string): SessionScope {
  if (value === INDIVIDUAL) return { kind: 'individual' };
  if (value.indexOf(GROUP) === 0) return { kind: 'group', group: value.slice(GROUP.length) };
  return { kind: 'none' };
}

function sessionClients(data: SidebarData, form: SessionForm): ClientView[] {
  if (form.scope.kind === 'group') return groupMembers(data.clients, form.scope.group);
  if (form.scope.kind === 'individual') return pickedClients(data.clients, form.picked);
  return [];
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => window.setTimeout(resolve, ms));

export function recordView(data: SidebarData, form: SessionForm, hooks: RecordHooks): RecordView {
  const maxNoteLength = data.settings.maxNoteLength;
  let rows = new Map<string, ClientRow>();

  const dateId = uid('date');
  const date = h('input', { attrs: { id: dateId, type: 'date', required: '' } });
  date.value = form.date;
  const dateNote = h('div', { className: 'secondary date-note', attrs: { 'aria-live': 'polite' } });
  const showDateNote = (): void => {
    dateNote.textContent = futureDateNote(form.date, data.today, shortDate(data.today, data.today)) ?? '';
  };
  date.addEventListener('change', () => {
    form.date = date.value;
    showDateNote();
    paintRecorded();
    if (data.plannedAbsences.length) paintRows();
  });
  showDateNote();

  // Said at once when the date and group chosen are already in the record.
  const recorded = h('div', { className: 'recorded', attrs: { role: 'status' } });
  const repeated = (): RecordedSession[] => matchingSessions(data.recordedSessions, form.date, form.scope, form.picked);
  function paintRecorded(): void {
    const found = repeated();
    if (found.length === 0 || form.secondSession === sessionKey(form.date, form.scope)) {
      replace(recorded, []);
      return;
    }
    const [newest] = found;
    replace(recorded, [
      h('div', { className: 'message warn' }, [
        h('p', { text: recordedText(newest, data.today, data.timeZone, found.length - 1) }),
        h('div', { className: 'bar-buttons' }, [
          button('Open that session', () => hooks.onOpenSession(newest), { className: 'action' }),
          button('Record a second session that day', () => {
            form.secondSession = sessionKey(form.date, form.scope);
            paintRecorded();
            (list.querySelector('input') as HTMLElement | null)?.focus();
          }),
        ]),
      ]),
    ]);
  }

  const scopeId = uid('scope');
  const scopeOptions: [string, string][] = [
    [NONE, 'Choose a group…'],
    ...data.groups.map((g): [string, string] => [GROUP + g, g]),
    [INDIVIDUAL, 'Individual clients'],
  ];
  const scope = select(scopeOptions, scopeValue(form.scope), { attrs: { id: scopeId } });
  scope.addEventListener('change', () => {
    form.scope = scopeOf(scope.value);
    paintScope();
    paintRecorded();
  });

  const picker = h('div', { className: 'picker' });
  const marked = h('span', { className: 'secondary' });
  const markAll = button(
    'Mark all present',
    () => {
      for (const client of sessionClients(data, form)) {
        const m = marksOf(form, client.id);
        if (m.status !== null) continue; // only the unmarked: never undo an absence already entered
        const next = pickStatus(m, 'present');
        form.marks.set(client.id, next);
        rows.get(client.id)?.update(next);
      }
      showCount();
    },
    { attrs: { title: 'Marks every client not marked yet as present' } },
  );
  const tools = h('div', { className: 'row-tools' }, [markAll, marked]);
  const list = h('ul', { className: 'clients', attrs: { 'aria-label': 'Clients in this session' } });
  const empty = h('p', { className: 'secondary' });

  const feedback = h('div', { className: 'feedback' });
  const save = button(
    'Save session',
    () => {
      void submit();
    },
    { className: 'action' },
  );
  const bar = h('div', { className: 'bottom' }, [feedback, h('div', { className: 'bar-buttons' }, [save])]);

  const rowContext = (client: ClientView): RowContext => ({
    plan: planNote(client),
    reasons: data.reasons,
    maxNoteLength,
    today: data.today,
    patternsSince: firstOfWeeks(data.today, data.settings.patternWeeks),
    followUps: data.followUps.filter((f) => f.clientId === client.id),
    onChange: (clientId, m) => {
      form.marks.set(clientId, m);
      showCount();
    },
    onHistory: hooks.onHistory,
    onFollowUpDone: (done: FollowUp) => {
      data.followUps = data.followUps.filter((f) => f.entryId !== done.entryId);
    },
  });

  function showCount(): void {
    const clients = sessionClients(data, form);
    const done = clients.filter((c) => marksOf(form, c.id).status !== null).length;
    marked.textContent = clients.length ? `${done} of ${clients.length} marked` : '';
  }

  /** "Planned absence: holiday, 14 Mar – 13 Apr", for a client away on the form's date. */
  function planNote(client: ClientView): string | undefined {
    const plan = planOn(data.plannedAbsences, client.id, form.date);
    return plan ? `Planned absence: ${planText(plan, data.today)}. Marked Cancelled (not counted).` : undefined;
  }

  /**
   * A client away on the form's date (a planned absence) and not marked yet is marked Cancelled with
   * the reason "planned: …", so the absence is never counted; a mark the form made this way and the
   * therapist left alone goes again when the date moves off the absence.
   */
  function applyPlans(clients: readonly ClientView[]): void {
    for (const [id, filled] of form.planned) {
      if (form.marks.get(id) === filled && !planOn(data.plannedAbsences, id, form.date)) form.marks.delete(id);
      if (form.marks.get(id) !== filled) form.planned.delete(id);
    }
    for (const client of clients) {
      const plan = planOn(data.plannedAbsences, client.id, form.date);
      if (!plan || form.marks.has(client.id)) continue;
      const filled: Marks = { ...emptyMarks(), status: 'cancelled', reason: plannedReason(plan.reason), notice: true };
      form.marks.set(client.id, filled);
      form.planned.set(client.id, filled);
    }
  }

  function paintRows(): void {
    const clients = sessionClients(data, form);
    applyPlans(clients);
    rows = new Map();
    replace(
      list,
      clients.map((client) => {
        const row = clientRow(client, marksOf(form, client.id), rowContext(client));
        rows.set(client.id, row);
        return row.el;
      }),
    );
    tools.hidden = clients.length === 0;
    empty.textContent =
      form.scope.kind === 'none'
        ? 'Choose a group, or individual clients, to list who to mark.'
        : form.scope.kind === 'group' && clients.length === 0
          ? 'No active clients in this group.'
          : form.scope.kind === 'individual' && clients.length === 0
            ? 'Tick the clients who were booked for this session.'
            : '';
    empty.hidden = empty.textContent === '';
    showCount();
  }

  function paintPicker(): void {
    if (form.scope.kind !== 'individual') {
      picker.hidden = true;
      replace(picker, []);
      return;
    }
    picker.hidden = false;
    const filterId = uid('filter');
    const filter = h('input', { attrs: { id: filterId, type: 'search', autocomplete: 'off' } });
    filter.value = form.filter;
    const boxes = h('div', { className: 'picker-list', attrs: { role: 'group', 'aria-label': 'Clients to record' } });
    const paintBoxes = (): void => {
      const matches = filterClients(data.clients, form.filter);
      replace(
        boxes,
        matches.length
          ? matches.map((client) => {
              const box = h('input', { attrs: { type: 'checkbox' } });
              box.checked = form.picked.has(client.id);
              box.addEventListener('change', () => {
                if (box.checked) form.picked.add(client.id);
                else form.picked.delete(client.id);
                paintRows();
                paintRecorded();
              });
              return h('label', { className: 'pick' }, [
                box,
                ' ',
                h('span', { text: client.name }),
                client.group ? h('span', { className: 'secondary', text: ` · ${client.group}` }) : null,
              ]);
            })
          : [h('span', { className: 'secondary', text: 'No active client matches.' })],
      );
    };
    filter.addEventListener('input', () => {
      form.filter = filter.value;
      paintBoxes();
    });
    paintBoxes();
    replace(picker, [h('label', { text: 'Filter clients', attrs: { for: filterId } }), filter, boxes]);
  }

  function paintScope(): void {
    paintPicker();
    paintRows();
  }

  function say(kind: 'error' | 'ok' | 'info', text: string): void {
    replace(feedback, [message(kind, text)]);
  }

  async function submit(): Promise<void> {
    if (form.saving) return;
    if (repeated().length && form.secondSession !== sessionKey(form.date, form.scope)) {
      say(
        'error',
        'This session is already recorded: open it to correct it, or choose "Record a second session that day".',
      );
      (recorded.querySelector('button') as HTMLElement | null)?.focus();
      return;
    }
    const clients = sessionClients(data, form);
    const formRows: FormRow[] = clients.map((c) => ({ clientId: c.id, name: c.name, marks: marksOf(form, c.id) }));
    const problem = checkForm(form.date, formRows, maxNoteLength);
    if (problem) {
      say('error', problem.message);
      if (problem.clientId) rows.get(problem.clientId)?.focus();
      else if (!isIsoDate(form.date)) date.focus();
      else scope.focus();
      return;
    }
    const group = form.scope.kind === 'group' ? form.scope.group : null;
    const request = requestFor(saveRequest(form.requestId, form.date, group, formRows));
    form.saving = true;
    save.disabled = true;
    save.setAttribute('aria-busy', 'true');
    say('info', 'Saving…');
    try {
      const result = await saveWithOneRetry(request);
      form.requestId = newRequestId();
      form.failed = null;
      replace(feedback, []);
      hooks.onSaved(request, result);
    } catch (error) {
      // The form stays as it is: nothing typed is lost, and Save again reuses the request id.
      form.failed = { requestId: request.requestId, content: contentOf(request) };
      say('error', `${(error as Error).message} Your entries are still here.`);
    } finally {
      form.saving = false;
      save.disabled = false;
      save.removeAttribute('aria-busy');
      // A disabled button drops focus to the page; a keyboard user resumes where they were.
      if (save.isConnected && (document.activeElement === document.body || document.activeElement === null))
        save.focus();
    }
  }

  /**
   * After a failed or unanswered save, a form whose content changed gets a new request id (the old
   * one is bound to what it sent, if that landed) and names the attempt as `retryOf`, so the server
   * says so if that attempt was stored after all instead of storing the session twice.
   */
  function requestFor(request: SaveSessionRequest): SaveSessionRequest {
    const { failed } = form;
    if (!failed || failed.content === contentOf(request)) return request;
    form.requestId = newRequestId();
    return { ...request, requestId: form.requestId, retryOf: failed.requestId };
  }

  async function saveWithOneRetry(request: SaveSessionRequest): Promise<SaveSessionResult> {
    try {
      return await call('saveSession', request);
    } catch (error) {
      if (!isBusyMessage((error as Error).message)) throw error;
      say('info', 'Another save is in progress; trying again in 2 seconds…');
      await wait(BUSY_RETRY_MS);
      return call('saveSession', request);
    }
  }

  const noRoster =
    data.clients.length === 0
      ? message(
          'info',
          `${data.roster.problem ?? 'No clients were found on the roster.'} Open Settings to choose the roster tab, or to create one.`,
        )
      : null;
  const el = h('section', { className: 'record', attrs: { 'aria-label': 'Record a session' } }, [
    data.roster.sheetName && data.roster.summary
      ? h('p', { className: 'secondary roster-summary', text: `Cadence reads ${data.roster.summary}.` })
      : null,
    noRoster,
    // Copies of Cadence's tabs, named (text only): a duplicated Attendance tab is never written to.
    ...(data.tabWarnings ?? []).map((warning) => message('info', warning)),
    data.unlinked.length
      ? message(
          'info',
          `Sessions recorded as ${data.unlinked.map((u) => `“${u.name}”`).join(', ')} match no one on the roster now (renamed?). Open Settings to link them to the client.`,
        )
      : null,
    h('div', { className: 'block field' }, [
      h('label', { text: 'Session date', attrs: { for: dateId } }),
      date,
      dateNote,
    ]),
    h('div', { className: 'block field' }, [h('label', { text: 'Group', attrs: { for: scopeId } }), scope]),
    recorded,
    picker,
    tools,
    empty,
    list,
  ]);
  paintScope();
  paintRecorded();
  return { el, bar };
}

/** What a save request asks to store, without its ids: two requests with equal content are one save. */
function contentOf(request: SaveSessionRequest): string {
  const { requestId: _id, retryOf: _retryOf, ...content } = request;
  return JSON.stringify(content);
}
