/**
 * Shared setup for tests that run the built add-on offline: a roster in whatever shape a practice
 * keeps it, session requests, and reading the Attendance record back the way a person would see it.
 * Calls made through env.spreadsheet are the test's own and are not counted.
 */
import { cadenceEnvironment } from '../cadence';
import type { Environment } from '../../src/runtime';
import type { AttendanceInput, SaveSessionRequest, SidebarData } from '../../src/core/types';
import { RECORD_COLUMNS } from '../../src/core/record';
import type { RecordField } from '../../src/core/record';

export const TIME_ZONE = 'America/New_York';
/** 2025-03-12 15:00 in New York: a Wednesday afternoon. */
export const NOW = new Date('2025-03-12T19:00:00Z');
export const TODAY = '2025-03-12';

export interface RosterClient {
  id?: string;
  name: string;
  group?: string;
  active?: string | boolean;
}

export interface RosterShape {
  sheetName?: string;
  /** Header texts in column order; a value per header is taken from the client by these keys. */
  headers?: string[];
  /** Extra columns (with a value on every row) the practice keeps. */
  extraColumns?: string[];
  /** Blank rows before the header row (a header not in row 1). */
  rowsAbove?: number;
  /** Insert a blank row after every nth client. */
  blankEvery?: number;
}

const FIELD_BY_HEADER: Record<string, keyof RosterClient> = {
  'client id': 'id',
  id: 'id',
  mrn: 'id',
  client: 'name',
  name: 'name',
  'client name': 'name',
  'full name': 'name',
  group: 'group',
  session: 'group',
  active: 'active',
  status: 'active',
  discharged: 'active',
};

/** Writes a roster tab (the first sheet, renamed) and returns its sheet. */
export function writeRoster(
  env: Environment,
  clients: RosterClient[],
  shape: RosterShape = {},
): GoogleAppsScript.Spreadsheet.Sheet {
  const headers = shape.headers ?? ['Client ID', 'Client', 'Group', 'Active'];
  const extra = shape.extraColumns ?? [];
  const rows: unknown[][] = [];
  for (let i = 0; i < (shape.rowsAbove ?? 0); i += 1)
    rows.push([...headers, ...extra].map((_, j) => (i === 0 && j === 0 ? 'Our clients 2025' : '')));
  rows.push([...headers, ...extra]);
  clients.forEach((client, i) => {
    rows.push([
      ...headers.map((h) => {
        const value = client[FIELD_BY_HEADER[h.toLowerCase()]];
        return value === undefined ? '' : value;
      }),
      ...extra.map((x) => `${x} ${i + 1}`),
    ]);
    if (shape.blankEvery && (i + 1) % shape.blankEvery === 0) rows.push([...headers, ...extra].map(() => ''));
  });
  const sheet = env.spreadsheet.getSheets()[0];
  sheet.setName(shape.sheetName ?? 'Clients');
  if (rows.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
  // Text cells are written with an apostrophe so the fixture's "007" IDs stay text, as typed.
  const cells = rows.map((r) => r.map((v) => (typeof v === 'string' && v !== '' ? `'${v}` : v)));
  sheet.getRange(1, 1, rows.length, rows[0].length).setValues(cells);
  return sheet;
}

/** The default group: Amy, Ben, Cleo in "Monday group"; Dan in "Tuesday group"; Eve discharged. */
export const PRACTICE: RosterClient[] = [
  { id: 'C001', name: 'Amy Adams', group: 'Monday group', active: 'yes' },
  { id: 'C002', name: 'Ben Brown', group: 'Monday group', active: 'yes' },
  { id: 'C003', name: 'Cleo Clark', group: 'Monday group', active: 'yes' },
  { id: 'C004', name: 'Dan Diaz', group: 'Tuesday group', active: 'yes' },
  { id: 'C005', name: 'Eve Evans', group: 'Monday group', active: 'no' },
];

/** A fresh spreadsheet with the practice's roster, at NOW in New York. */
export function practice(clients: RosterClient[] = PRACTICE, shape: RosterShape = {}): Environment {
  const env = cadenceEnvironment({ timeZone: TIME_ZONE, now: () => new Date(NOW), user: 'therapist@example.org' });
  writeRoster(env, clients, shape);
  return env;
}

let requestCounter = 0;
export function newRequestId(): string {
  requestCounter += 1;
  return `req-${requestCounter}-${Math.random().toString(36).slice(2)}`;
}

/** A session where every client listed is present unless `marks` says otherwise. */
export function session(
  clientIds: string[],
  marks: Record<string, Partial<AttendanceInput>> = {},
  over: Partial<SaveSessionRequest> = {},
): SaveSessionRequest {
  return {
    requestId: newRequestId(),
    date: '2025-03-10',
    group: 'Monday group',
    attendance: clientIds.map((clientId) => ({ clientId, status: 'present', ...marks[clientId] })),
    ...over,
  };
}

/** The Attendance tab, found the way the add-on finds it (the sheet ID it remembered, else its metadata tag), or null. */
export function attendanceSheet(env: Environment): GoogleAppsScript.Spreadsheet.Sheet | null {
  const remembered = (JSON.parse(env.documentProperties()['cadence.tabIds'] ?? '{}') as Record<string, number>)[
    'cadence.attendance'
  ];
  if (remembered !== undefined) return env.spreadsheet.getSheetById(remembered);
  const tags = env.spreadsheet.createDeveloperMetadataFinder().withKey('cadence.attendance').find();
  return tags.length ? tags[0].getLocation().getSheet() : null;
}

export type RecordRowView = Record<string, string | number | boolean>;

/** Cadence's tagged columns of the record: 0-based column → field, as the add-on finds them. */
export function taggedColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet): Map<number, RecordField> {
  const tagged = new Map<number, RecordField>();
  for (const tag of sheet.createDeveloperMetadataFinder().withKey('cadence.column').find()) {
    const column = tag.getLocation().getColumn()!.getColumn() - 1;
    if (!tagged.has(column)) tagged.set(column, tag.getValue() as RecordField);
  }
  return tagged;
}

/**
 * The labels of the record's columns as a test reads them: a tagged Cadence column by its field's
 * recommended heading whatever the user renamed it to, any other column by its heading (a user's
 * column that shares a Cadence heading is shown as "<heading> (user's)").
 */
export function columnLabels(sheet: GoogleAppsScript.Spreadsheet.Sheet, headerRow: readonly unknown[]): string[] {
  const tagged = taggedColumns(sheet);
  const headerOf = new Map(RECORD_COLUMNS.map((c) => [c.field, c.header]));
  const cadence = new Set([...tagged.values()].map((f) => headerOf.get(f)));
  return headerRow.map((h, i) => {
    const field = tagged.get(i);
    if (field) return headerOf.get(field) as string;
    const text = String(h);
    // A blank heading gets a label of its own, so two blank columns never share (and hide) a key.
    if (text.trim() === '') return `(blank heading, column ${i + 1})`;
    return tagged.size && cadence.has(text) ? `${text} (user's)` : text;
  });
}

/**
 * The record as a person reads it: one object per data row keyed by header, dates shown as
 * YYYY-MM-DD (Session date, Follow-up done) or YYYY-MM-DD HH:mm (Recorded at) in the
 * spreadsheet's zone. Blank rows are kept (as objects of '') so tests can see nothing moved.
 */
export function readRecordBack(env: Environment): RecordRowView[] {
  const sheet = attendanceSheet(env);
  if (!sheet || sheet.getLastRow() < 2) return [];
  const values = sheet.getDataRange().getValues();
  const headers = columnLabels(sheet, values[0]);
  return values.slice(1).map((row) => {
    const view: RecordRowView = {};
    headers.forEach((h, i) => {
      const v = row[i];
      view[h] =
        v instanceof Date || Object.prototype.toString.call(v) === '[object Date]'
          ? formatInZone(v as Date, h === 'Recorded at' ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd')
          : (v as string | number | boolean);
    });
    return view;
  });
}

/** Made once: constructing an Intl.DateTimeFormat costs far more than using it (suites read thousands of rows). */
const ZONE_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Formats a date in the fixture's zone without Apps Script's Utilities (node has Intl). */
function formatInZone(date: Date, pattern: 'yyyy-MM-dd' | 'yyyy-MM-dd HH:mm'): string {
  const parts = Object.fromEntries(ZONE_FORMAT.formatToParts(date).map((p) => [p.type, p.value]));
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  return pattern === 'yyyy-MM-dd' ? day : `${day} ${parts.hour}:${parts.minute}`;
}

/** Cadence entries only (rows with an Entry ID). */
export function recordEntries(env: Environment): RecordRowView[] {
  return readRecordBack(env).filter((r) => r['Entry ID'] !== '' && r['Entry ID'] !== undefined);
}

export function sidebar(env: Environment): SidebarData {
  return env.run<SidebarData>('getSidebarData');
}

/** The message of the Error a run throws, or null when it succeeds. */
export function failure(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * The Entry ID of the row that superseded `entryId` (a correction, withdrawal or follow-up marked
 * done names it in its Replaces cell), or '' while it is current: derived as Cadence derives it.
 */
export function supersededBy(rows: readonly RecordRowView[], entryId: string): string {
  return String(rows.find((r) => r.Replaces === entryId)?.['Entry ID'] ?? '');
}

/** The newest version of an entry: the row reached by following Replaces links forward. */
export function latestVersion(rows: readonly RecordRowView[], entryId: string): RecordRowView | undefined {
  let row = rows.find((r) => r['Entry ID'] === entryId);
  for (let steps = 0; row && steps < rows.length; steps += 1) {
    const id = String(row['Entry ID']);
    const next = rows.find((r) => r.Replaces === id);
    if (!next) break;
    row = next;
  }
  return row;
}
