/**
 * Cadence's sidebar: one getSidebarData call on load, then the session form, the history of a
 * client (corrections) and Settings, all painted from that data.
 *
 * Labels the browser tests drive (accessible names; keep them stable):
 *   nav buttons            "Record", "Settings"                (aria-pressed marks the current one)
 *   load failure           button "Retry"
 *   to record              region "To record" (only with schedules) with buttons "Record Friday choir,
 *                          12 Nov (today)" / "Record Ana Lima, 5 Nov"
 *   attention list         region "Needs attention"
 *   form                   region "Record a session"; "Session date" (date input); "Group" (select:
 *                          each group's name, or "Individual clients"); "Filter clients" and one
 *                          checkbox per client name in group "Clients to record"; "Mark all present"
 *   per client (e.g. Ana Lima), inside list "Clients in this session":
 *                          radiogroup "Status for Ana Lima" with radios "Present", "Late", "Excused",
 *                          "Unexcused", "Refused", "Cancelled" (use exact matching: "Excused" is a
 *                          substring of "Unexcused"); select "Reason for Ana Lima"; checkboxes
 *                          "Notice given for Ana Lima", "Follow up next session for Ana Lima";
 *                          textarea "Note for Ana Lima"; button "History for Ana Lima";
 *                          list "Open follow-ups for Ana Lima" with buttons
 *                          "Done: follow-up for Ana Lima from 12 Nov"
 *   save                   button "Save session" (class action, in the bottom bar); errors and
 *                          progress in role=alert / role=status; after a save a region "Saved"
 *                          with the summary and button "Record another"
 *   history                region "History for Ana Lima", list "Entries for Ana Lima"; buttons
 *                          "Correct entry of 12 Nov", "Withdraw entry of 12 Nov", "Back"; the
 *                          correction editor reuses "Status for Ana Lima" / "Reason for Ana Lima" /
 *                          "Note for Ana Lima" and has "Save correction", "Cancel"; a withdrawal
 *                          asks "Why withdraw this entry" and confirms with "Withdraw entry"
 *   settings               region "Settings"; selects "Roster sheet", "Heading row", "Name column",
 *                          "ID column", "Group column", "Status column"; group "Active when the
 *                          status is" with one checkbox per value; "Detect the roster again";
 *                          without IDs: "Add a Cadence ID column"; list "Sessions under other
 *                          names" with a select "Link “<old name>” (n sessions, last 12 Nov) to"
 *                          and a button "Link sessions of <old name>";
 *                          "Create a roster tab" (no roster);
 *                          reasons list "Reasons" with "Move <reason> up/down", "Remove <reason>";
 *                          "New reason" + "Add reason"; the trend numbers by their visible labels;
 *                          "Weeks in Patterns", "Longest note (characters)"; "Save settings";
 *                          radiogroup "Suggest a conversation at" ("Watch (sooner, more often)",
 *                          "Rising (later, rarer)"); list "Schedules", select "Schedule for", group
 *                          "Meets on" with a checkbox per weekday, "Starts (optional)", "Ends
 *                          (optional)", "Add schedule", "Break for", "Break from", "Break until",
 *                          "Add break"; a select "Status for the reason <reason>" per reason;
 *                          list "Planned absences" with "Call off planned absence: <text>",
 *                          "Client away", "First day", "Last day", "Reason for the absence",
 *                          "Note (optional)", "Add planned absence"
 * Match names exactly ({ exact: true }) where one label is part of another: "Settings" / "Save
 * settings", "Record" / "Record another", "Excused" / "Unexcused", "Withdraw entry" / "Withdraw
 * entry of 12 Nov". Clients who share a name are labelled with their ID: "Ana Lima (C002)".
 * Dates are shown as "12 Nov" (the year is added when it is not the current one).
 */
import type {
  ClientView,
  RecordedSession,
  SaveSessionRequest,
  SaveSessionResult,
  SidebarData,
  ToRecord,
} from '../core/types';
import { call } from './api';
import { attentionSection } from './attention';
import { historyView } from './corrections';
import { button, h, message, replace } from './dom';
import { recordView } from './record';
import { reportsView } from './reports';
import { withDistinctNames } from './roster';
import { savedView } from './saved';
import { sessionCorrectionView } from './sessionCorrection';
import { settingsView } from './settings';
import { toRecordSection } from './toRecord';
import { newForm, state } from './state';
import { useReasonStatuses } from './marks';

type View = 'record' | 'reports' | 'settings';

/** The control to focus when the record view is painted again (after History › Back). */
let returnFocus: string | null = null;

const app = document.getElementById('app') as HTMLElement;
const recordTab = button('Record', () => show('record'));
const reportsTab = button('Reports', () => show('reports'));
const settingsTab = button('Settings', () => show('settings'));
const nav = h('nav', { className: 'tabs', attrs: { 'aria-label': 'Cadence' } }, [recordTab, reportsTab, settingsTab]);
const news = h('div', { className: 'news' });
const body = h('div', { className: 'body' });

function setTab(view: View): void {
  recordTab.setAttribute('aria-pressed', String(view === 'record'));
  reportsTab.setAttribute('aria-pressed', String(view === 'reports'));
  settingsTab.setAttribute('aria-pressed', String(view === 'settings'));
}

function announce(kind: 'ok' | 'info' | 'error', text: string): void {
  replace(news, text ? [message(kind, text)] : []);
}

function show(view: View): void {
  const data = state.data;
  if (!data) return;
  announce('info', '');
  if (view === 'record' && state.stale) {
    reload();
    return;
  }
  setTab(view);
  if (view === 'reports') {
    replace(body, [reportsView(data)]);
  } else if (view === 'settings') {
    replace(body, [
      settingsView(data, {
        onData: (fresh, text) => {
          state.stale = false;
          paint(fresh, 'settings');
          announce('ok', text);
        },
      }),
    ]);
  } else {
    const form = recordView(data, state.form, {
      onHistory: showHistory,
      onSaved: showSaved,
      onOpenSession: showSession,
    });
    replace(body, [
      h('h1', { text: 'Record a session' }),
      toRecordSection(data, recordScheduled),
      attentionSection(data.clients, data.settings.talkAt),
      form.el,
      form.bar,
    ]);
  }
  const target =
    returnFocus === null
      ? null
      : [...body.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === returnFocus);
  returnFocus = null;
  if (target) {
    target.focus();
    target.scrollIntoView({ block: 'center' });
  } else {
    window.scrollTo(0, 0);
  }
}

/**
 * A session chosen from "To record": the form takes its date and its group (or its client, for an
 * individual session); marks already made stay (they are keyed by client), as when the group changes.
 */
function recordScheduled(item: ToRecord): void {
  const form = state.form;
  form.date = item.date;
  if (item.group !== undefined) form.scope = { kind: 'group', group: item.group };
  else if (item.clientId !== undefined) {
    form.scope = { kind: 'individual' };
    form.picked = new Set([item.clientId]);
  }
  show('record');
  const first = body.querySelector<HTMLElement>('ul.clients input, ul.clients button');
  first?.focus();
  first?.scrollIntoView({ block: 'center' });
}

function showHistory(client: ClientView): void {
  const data = state.data;
  if (!data) return;
  replace(body, [
    historyView(client, {
      reasons: data.reasons,
      maxNoteLength: data.settings.maxNoteLength,
      today: data.today,
      onChanged: () => {
        state.stale = true;
      },
      onBack: () => {
        returnFocus = `History for ${client.name}`;
        show('record');
      },
    }),
  ]);
  window.scrollTo(0, 0);
  (body.querySelector('h1') as HTMLElement | null)?.focus();
}

/** A recorded session opened to correct it (from the "already recorded" notice). */
function showSession(session: RecordedSession): void {
  const data = state.data;
  if (!data) return;
  setTab('record');
  announce('info', '');
  const view = sessionCorrectionView(data, session, {
    onHistory: showHistory,
    onSaved: showSaved,
    onBack: () => show('record'),
  });
  replace(body, [view.el, view.bar]);
  window.scrollTo(0, 0);
  (body.querySelector('h1') as HTMLElement | null)?.focus();
}

/**
 * After a save or a session correction. The answer carries fresh sidebar data (DESIGN.md: the
 * sidebar never calls back after a save), so last entries, follow-ups, trends and recorded
 * sessions are current without another request.
 */
function showSaved(request: SaveSessionRequest, result: SaveSessionResult): void {
  const previous = state.data;
  if (!previous) return;
  const data = result.sidebar ? { ...result.sidebar, clients: withDistinctNames(result.sidebar.clients) } : previous;
  state.data = data;
  state.stale = !result.sidebar;
  // A fresh form at once, keeping the date: whatever way the therapist goes back, the saved
  // marks cannot be sent a second time under a new request id.
  state.form = newForm(request.date);
  const nameOf = (id: string): string =>
    data.clients.find((c) => c.id === id)?.name ?? previous.clients.find((c) => c.id === id)?.name ?? id;
  replace(body, [savedView(request, result, nameOf, data.today, () => show('record'))]);
  window.scrollTo(0, 0);
}

/** Paints fresh data; the session form keeps its marks (they are keyed by client id). */
function paint(data: SidebarData, view: View): void {
  data.clients = withDistinctNames(data.clients);
  useReasonStatuses(data.settings.reasonStatuses);
  state.data = data;
  state.stale = false;
  if (!state.form.date) state.form = newForm(data.today);
  if (state.form.scope.kind === 'none' && data.groups.length === 0) state.form.scope = { kind: 'individual' };
  app.removeAttribute('aria-busy');
  replace(app, [nav, news, body]);
  show(view);
}

function load(firstView: () => View): void {
  app.setAttribute('aria-busy', 'true');
  replace(app, [h('p', { className: 'loading', text: 'Loading…', attrs: { role: 'status' } })]);
  call('getSidebarData').then(
    (data) => paint(data, firstView()),
    (error: Error) => {
      app.removeAttribute('aria-busy');
      replace(app, [
        h('h1', { text: 'Cadence' }),
        message('error', `Cadence could not load this spreadsheet's data: ${error.message}`),
        button('Retry', () => load(firstView), { className: 'action' }),
      ]);
    },
  );
}

function reload(): void {
  load(() => 'record');
}

// The menu's Settings item appends a script setting cadenceStartView after this page's own
// script. It is read when the data arrives, and the load starts once the whole document has been
// parsed, so the appended script has run whatever the order of answers.
const start = (): void =>
  load(() =>
    window.cadenceStartView === 'settings' ? 'settings' : window.cadenceStartView === 'reports' ? 'reports' : 'record',
  );
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
