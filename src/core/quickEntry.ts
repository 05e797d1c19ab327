/**
 * The Quick entry tab (DESIGN.md "Tabs", contract): recording from the Sheets mobile apps, which
 * show no add-on menu or sidebar. Its layout, its words, and turning what a person marked there
 * into the same SaveSessionRequest the sidebar sends. Pure: server/quickEntryTab.ts reads and
 * writes the cells.
 */
import { fingerprint } from './fingerprint';
import { STATUSES } from './types';
import type { AttendanceInput, SaveSessionRequest, Status } from './types';

/** The tag on the tab (sheet developer metadata) and the key of its remembered sheet ID. */
export const QUICK_ENTRY_KEY = 'cadence.quickEntry';
export const QUICK_ENTRY_NAME = 'Quick entry';

/** Column A labels, each with its input in column B of the same row (contract). */
export const QUICK_ENTRY_LABELS = { date: 'Session date', group: 'Group', save: 'Save' } as const;
/** The header row above the clients (contract), then the hidden column that ties a row to its client. */
export const QUICK_ENTRY_HEADERS = ['Client', 'Status', 'Reason', 'Notice', 'Note', 'Follow-up'] as const;
export const QUICK_ENTRY_ID_HEADER = 'Cadence ID';

/** Fixed places of a freshly laid-out tab (1-based); a read finds them again by their labels. */
export const LAYOUT = { dateRow: 1, groupRow: 2, saveRow: 3, statusRow: 4, headerRow: 5, columns: 7 } as const;

/** The dropdown's labels, one per status (matched case-insensitively when read back). */
export const STATUS_CHOICES: readonly string[] = STATUSES.map((s) => s.charAt(0).toUpperCase() + s.slice(1));

/**
 * Help texts of the data-validation rules on the tab's inputs. onEdit's first look is at the edited
 * cell's rule: only these three texts mean "act", so an edit anywhere else costs at most the two
 * calls of that look (Range.getDataValidation, DataValidation.getHelpText).
 */
export const QUICK_ENTRY_HELP = {
  date: 'Cadence: the session date. Choosing it lists the group’s clients.',
  group: 'Cadence: the group. Choosing it lists its active clients.',
  save: 'Cadence: tick to save the marks to the Attendance record.',
  status: 'Cadence: Present, Late, Excused, Unexcused, Refused or Cancelled.',
  reason: 'Cadence: why the client missed the session.',
  checkbox: 'Cadence: tick for yes.',
} as const;

export type QuickEntryAction = 'fill' | 'save';

/** What an edit of a cell with this help text asks for, or null: not one of Quick entry's inputs. */
export function actionOfHelp(help: string): QuickEntryAction | null {
  if (help === QUICK_ENTRY_HELP.date || help === QUICK_ENTRY_HELP.group) return 'fill';
  if (help === QUICK_ENTRY_HELP.save) return 'save';
  return null;
}

/** A status typed or picked, any case, surrounding spaces ignored; null if it is none. */
export function statusOf(text: string): Status | null {
  const key = text.trim().toLowerCase();
  return (STATUSES as readonly string[]).includes(key) ? (key as Status) : null;
}

/** One client row as read from the tab. */
export interface QuickEntryRow {
  /** The roster client ID from the hidden column ('' when a person typed the row). */
  clientId: string;
  name: string;
  status: string;
  reason: string;
  notice: boolean;
  note: string;
  followUp: boolean;
}

/** A client of the roster, as the tab needs it. */
export interface QuickEntryClient {
  id: string;
  name: string;
}

export type QuickEntryMarks =
  { ok: true; attendance: AttendanceInput[] } | { ok: false; problem: string; nothingMarked: boolean };

const list = (names: string[]) =>
  names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/**
 * The marks of the rows as the sidebar would send them, or the sentence saying what to do first.
 * A row typed by a person is matched to a client of the group by name (case and spaces ignored).
 */
export function quickEntryMarks(rows: readonly QuickEntryRow[], group: readonly QuickEntryClient[]): QuickEntryMarks {
  const listed = rows.filter((r) => r.clientId || r.name.trim());
  if (listed.length === 0)
    return {
      ok: false,
      problem: 'No clients are listed: choose the session date and the group first.',
      nothingMarked: true,
    };
  const byName = new Map(group.map((c) => [c.name.trim().toLowerCase(), c.id]));
  const unmarked: string[] = [];
  const unknown: string[] = [];
  const wrong: string[] = [];
  const attendance: AttendanceInput[] = [];
  for (const row of listed) {
    const who = row.name.trim() || row.clientId;
    const clientId = row.clientId || byName.get(row.name.trim().toLowerCase()) || '';
    if (!clientId) {
      unknown.push(`“${who}”`);
      continue;
    }
    if (!row.status.trim()) {
      unmarked.push(who);
      continue;
    }
    const status = statusOf(row.status);
    if (!status) {
      wrong.push(`“${row.status.trim()}” for ${who}`);
      continue;
    }
    const mark: AttendanceInput = { clientId, status, followUp: row.followUp };
    if (status !== 'present' && status !== 'late') mark.notice = row.notice;
    if (row.reason.trim()) mark.reason = row.reason.trim();
    if (row.note.trim()) mark.note = row.note.trim();
    attendance.push(mark);
  }
  const problems: string[] = [];
  if (unknown.length)
    problems.push(
      `${list(unknown)} ${unknown.length === 1 ? 'is' : 'are'} not in this group on the roster; choose the group again to list its clients.`,
    );
  if (wrong.length) problems.push(`${list(wrong)} is not a status; choose ${list(STATUS_CHOICES.slice())}.`);
  if (unmarked.length) problems.push(`Mark ${list(unmarked)}, then tick Save again.`);
  if (problems.length)
    return {
      ok: false,
      problem: `Not saved. ${problems.join(' ')}`,
      nothingMarked: attendance.length === 0 && wrong.length === 0 && unknown.length === 0,
    };
  return { ok: true, attendance };
}

/**
 * The request, with an id made from the form's id and its content: a double tap, a retried trigger
 * or a second phone ticking Save on the same marks sends the same id, which the record stores once.
 * The form gets a new id whenever its clients are listed again and after each save, so the same
 * marks recorded again later (a withdrawn session re-entered) are a new request.
 */
export function quickEntryRequest(
  formId: string,
  date: string,
  group: string,
  attendance: AttendanceInput[],
): SaveSessionRequest {
  return { requestId: `quick-${fingerprint([formId, date, group, attendance])}`, date, group, attendance };
}

/** "Saved 8 entries — Tuesday drum circle, 24 Nov, 14:05". */
export function savedLine(saved: number, group: string, day: string, time: string): string {
  return `Saved ${saved} ${saved === 1 ? 'entry' : 'entries'} — ${group}, ${day}, ${time}`;
}

/**
 * The status line after a save, naming the rows (clients, or "row 12") people changed while it
 * ran: those changes were not saved and stay on the form.
 */
export function afterSaveLine(saved: string, changedRows: readonly string[]): string {
  if (changedRows.length === 0) return saved;
  return `${saved}${saved.endsWith('.') ? '' : '.'} Changes made while saving to ${list(changedRows.slice())} were not saved and are still on the form; to record them, correct the entries on a computer (Extensions › Cadence › Record a session).`;
}

/** The refusal of a second save of a session already in the record (the sidebar offers corrections). */
export function alreadyRecordedLine(group: string, day: string, entries: number): string {
  return `${group} on ${day} is already recorded (${entries} ${entries === 1 ? 'entry' : 'entries'}); nothing was saved. To change it, open Extensions › Cadence › Record a session on a computer.`;
}
