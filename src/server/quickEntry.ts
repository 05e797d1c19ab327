/**
 * Recording from a phone (issue 15): setUpQuickEntry makes or repairs the Quick entry tab, and the
 * onEdit(e) simple trigger does the work when a person picks a date or a group (the group's
 * clients are listed) or ticks Save (the session goes through the sidebar's save path).
 *
 * onEdit runs for every edit in the spreadsheet, in AuthMode.LIMITED and for 30 seconds at most
 * (https://developers.google.com/apps-script/guides/triggers#restrictions). Its first look is at
 * the edited cell's data-validation rule: only Quick entry's three inputs carry its help texts, so
 * an edit anywhere else ends after at most two calls, before anything else is read.
 */
import {
  QUICK_ENTRY_KEY,
  QUICK_ENTRY_NAME,
  actionOfHelp,
  afterSaveLine,
  alreadyRecordedLine,
  quickEntryMarks,
  quickEntryRequest,
  savedLine,
} from '../core/quickEntry';
import type { QuickEntryAction, QuickEntryRow } from '../core/quickEntry';
import { plannedReason } from '../core/plannedAbsences';
import { currentEntries } from '../core/record';
import { rosterGroups } from '../core/roster';
import { adoptTab, freeSheetName, rememberTabs } from './cadenceTabs';
import { withDocumentLock } from './documentLock';
import {
  LAYOUT_BROKEN,
  clearMarks,
  layOut,
  readQuickForm,
  untickSave,
  writeClientRows,
  writeFormId,
  writeStatus,
} from './quickEntryTab';
import type { ClientLine, QuickForm } from './quickEntryTab';
import { storeSession } from './saveSession';
import { readAllEntries, readEntriesAndPlans } from './sidebarData';
import { dateWriter } from './spreadsheetTime';
import { openWorkbook } from './workbook';
import type { Workbook } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The groups a phone can record: those of active clients. */
function activeGroups(workbook: Workbook): string[] {
  return rosterGroups(workbook.roster.clients.filter((c) => c.active));
}

/** "24 Nov" in the spreadsheet's zone. */
function shortDay(workbook: Workbook, day: string): string {
  return Utilities.formatDate(dateWriter(workbook.timeZone).day(day) as Date, workbook.timeZone, 'd MMM');
}

/** The tab carrying the tag when none is remembered (properties lost, or made by a copy of the file). */
function taggedTab(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Sheet | null {
  const found = ss
    .createDeveloperMetadataFinder()
    .withKey(QUICK_ENTRY_KEY)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .find();
  for (const tag of found) {
    const sheet = tag.getLocation().getSheet();
    if (sheet) return sheet;
  }
  return null;
}

/**
 * Creates the Quick entry tab, or repairs the one there is (its labels, rules and layout; the date,
 * group and marks are kept), and shows it. From Extensions › Cadence › Set up phone entry and from
 * Settings.
 */
export function setUpQuickEntry(): { sheetName: string } {
  const workbook = openWorkbook();
  const sheet = withDocumentLock(() => {
    const tabs = workbook.tabs;
    let tab = tabs.get(QUICK_ENTRY_KEY) ?? null;
    if (!tab && workbook.tabIds[QUICK_ENTRY_KEY] === undefined) tab = taggedTab(workbook.ss);
    let kept: QuickForm | null = null;
    if (tab) {
      kept = readQuickForm(tab, workbook.timeZone, true);
    } else {
      tab = workbook.ss.insertSheet(freeSheetName(workbook.ss, QUICK_ENTRY_NAME));
      tab.addDeveloperMetadata(QUICK_ENTRY_KEY);
    }
    if (tabs.ids[QUICK_ENTRY_KEY] !== tab.getSheetId()) adoptTab(tabs, QUICK_ENTRY_KEY, tab);
    const date = kept?.date ? kept.date : workbook.today;
    const group = kept?.group ?? '';
    layOut(tab, dateWriter(workbook.timeZone).day(date) as Date, group, activeGroups(workbook), '');
    const form = readQuickForm(tab, workbook.timeZone);
    if (form) fill(workbook, { ...form, rows: kept?.rows ?? [] }, form.rows.length);
    rememberTabs(tabs);
    return tab;
  });
  sheet.activate();
  return { sheetName: sheet.getName() };
}

/** Lists the chosen group's active clients (keeping marks already made for them) and says what next. */
function fill(workbook: Workbook, form: QuickForm, blankRows = form.rows.length): void {
  const groups = activeGroups(workbook);
  if (form.date === null) {
    writeStatus(form, 'The session date is not a date; pick it again.');
    return;
  }
  if (!form.date || !form.group) {
    writeClientRows({ ...form, rows: new Array(blankRows) }, [], workbook.settings.reasons, groups);
    writeStatus(form, `Choose the ${form.date ? 'group' : 'session date'} to list the clients.`);
    return;
  }
  const clients = workbook.roster.clients.filter((c) => c.active && c.group === form.group);
  const date = form.date;
  const { entries, plans } = readEntriesAndPlans(workbook);
  const marks = new Map<string, QuickEntryRow>();
  for (const row of form.rows) if (row?.clientId) marks.set(row.clientId, row);
  // A client away on a planned absence is marked not counted with its reason, as the sidebar does.
  const planned = (id: string, name: string): QuickEntryRow | null => {
    const plan = plans.find((p) => p.clientId === id && p.from <= date && date <= p.to);
    if (!plan) return null;
    return {
      clientId: id,
      name,
      status: 'Cancelled',
      reason: plannedReason(plan.reason),
      notice: true,
      note: '',
      followUp: false,
    };
  };
  const lines: ClientLine[] = clients.map((c) => ({
    id: c.id,
    name: c.name,
    marks: marks.get(c.id) ?? planned(c.id, c.name),
  }));
  writeClientRows(
    { ...form, rows: new Array(Math.max(blankRows, form.rows.length)) },
    lines,
    workbook.settings.reasons,
    groups,
  );
  writeFormId(form, Utilities.getUuid());
  if (clients.length === 0) {
    writeStatus(form, `No active client is in the group “${form.group}” on the roster; choose another group.`);
    return;
  }
  const recorded = currentEntries(entries).filter((e) => e.sessionDate === date && e.group === form.group).length;
  writeStatus(
    form,
    recorded > 0
      ? `Already recorded: ${form.group} on ${shortDay(workbook, form.date)} has ${recorded} ${recorded === 1 ? 'entry' : 'entries'}. Saving again is refused; to change it, use Extensions › Cadence › Record a session on a computer.`
      : `${clients.length} ${clients.length === 1 ? 'client' : 'clients'} listed. Choose each one’s Status, then tick Save.`,
  );
}

/** Current entries of that session in the record (read without the lock: a notice, not a decision). */
function recordedCount(workbook: Workbook, date: string, group: string): number {
  return currentEntries(readAllEntries(workbook)).filter((e) => e.sessionDate === date && e.group === group).length;
}

/**
 * Ticking Save: the marks checked, then stored by the sidebar's save path; the answer in the status
 * line. `lockRefused`: why the document lock could not be had, said once the marks are checked.
 */
function save(workbook: Workbook, form: QuickForm, lockRefused: unknown): void {
  untickSave(form);
  if (form.date === null || !form.date || !form.group) {
    writeStatus(form, 'Not saved. Choose the session date and the group, mark each client, then tick Save.');
    return;
  }
  const date = form.date;
  const group = form.group;
  const clients = workbook.roster.clients.filter((c) => c.group === group);
  const marks = quickEntryMarks(form.rows.filter(Boolean), clients);
  if (!marks.ok) {
    const recorded = marks.nothingMarked ? recordedCount(workbook, date, group) : 0;
    writeStatus(form, recorded > 0 ? alreadyRecordedLine(group, shortDay(workbook, date), recorded) : marks.problem);
    return;
  }
  const day = shortDay(workbook, date);
  let message: string;
  try {
    if (lockRefused) throw lockRefused;
    const result = storeSession(quickEntryRequest(form.formId, date, group, marks.attendance), workbook, (entries) =>
      alreadyRecordedLine(group, day, entries),
    );
    const time = Utilities.formatDate(new Date(), workbook.timeZone, 'HH:mm');
    const changed = clearMarks(form);
    message = afterSaveLine(
      result.duplicate
        ? `Already saved: these ${result.entryIds.length} entries were stored at the first tick; nothing was stored twice.`
        : savedLine(result.saved, group, day, time),
      changed,
    );
    writeFormId(form, Utilities.getUuid());
  } catch (error) {
    message = refusalText(error);
  }
  writeStatus(form, message);
}

/** A refusal as one sentence for the status line. */
function refusalText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  if (/permission to call LockService/i.test(text))
    return 'Not saved: Google did not let the phone take the spreadsheet’s lock, so nothing was stored. Record this session on a computer with Extensions › Cadence › Record a session.';
  if (/Exceeded maximum execution time/i.test(text))
    return 'Not saved: the spreadsheet took too long to answer. Tick Save again; a save that got through is not stored twice.';
  return text;
}

/**
 * The onEdit(e) simple trigger. Never throws: in the mobile apps nobody would see the error, so
 * every refusal is a sentence in the tab's status line.
 */
export function onQuickEntryEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  // In AuthMode.NONE (installed, not yet used in this document) no spreadsheet call is allowed.
  if (!e || !e.range || e.authMode === ScriptApp.AuthMode.NONE) return;
  // The guard: two calls at most on any cell that is not one of Quick entry's inputs.
  const rule = e.range.getDataValidation();
  if (!rule) return;
  const action = actionOfHelp(rule.getHelpText());
  if (!action) return;
  const sheet = e.range.getSheet();
  const read: { form: QuickForm | null } = { form: null };
  try {
    if (action === 'fill') {
      act(sheet, action, read, null);
      return;
    }
    // A tick of Save takes the document lock first and opens the workbook under it, as the
    // sidebar's save does: its one read of properties and tabs then serves the whole save.
    let locked = false;
    try {
      withDocumentLock(() => {
        locked = true;
        act(sheet, action, read, null);
      });
      return;
    } catch (error) {
      if (locked) throw error;
      // No lock (busy, or refused in a simple trigger): the form is read without it, and says so.
      act(sheet, action, read, error);
    }
  } catch (error) {
    try {
      if (read.form) {
        untickSave(read.form);
        writeStatus(read.form, refusalText(error));
      }
    } catch {
      // Nothing more can be said: the record was not written, or was written whole.
    }
  }
}

/** What an edit of one of the tab's inputs does; `read.form` is set once the form is read. */
function act(sheet: Sheet, action: QuickEntryAction, read: { form: QuickForm | null }, lockRefused: unknown): void {
  const workbook = openWorkbook();
  const remembered = workbook.tabIds[QUICK_ENTRY_KEY];
  const id = sheet.getSheetId();
  // Another tab with a copied input (or a duplicated Quick entry tab) is not the one to act on.
  if (remembered !== undefined ? remembered !== id : !isTagged(sheet)) return;
  const form = readQuickForm(sheet, workbook.timeZone);
  read.form = form;
  if (!form) {
    writeStatusAnywhere(sheet, LAYOUT_BROKEN);
    return;
  }
  if (action === 'fill') fill(workbook, form);
  else if (form.saveTicked) save(workbook, form, lockRefused);
}

function isTagged(sheet: Sheet): boolean {
  return sheet.getDeveloperMetadata().some((m) => m.getKey() === QUICK_ENTRY_KEY);
}

/** The tab lost its labels: say so in the first cell a person sees. */
function writeStatusAnywhere(sheet: Sheet, text: string): void {
  sheet.getRange(1, 3).setValue(text);
}
