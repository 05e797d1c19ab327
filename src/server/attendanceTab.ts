/**
 * The Attendance tab: found by its metadata tag, recreated with headers if deleted, read in one
 * call, appended to in one call. Row numbers never outlive the lock they were read under.
 */
import { RECORD_COLUMNS, planColumns, readRecord, recordWidth, entryRow, requestIdsIn } from '../core/record';
import type { ColumnMap, RecordField } from '../core/record';
import { cellText } from '../core/text';
import type { Entry } from '../core/types';
import { ATTENDANCE_KEY, adoptTab, freeSheetName } from './cadenceTabs';
import type { CadenceTabs } from './cadenceTabs';
import { dateReader, dateWriter } from './spreadsheetTime';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const ATTENDANCE_NAME = 'Attendance';

/** Number formats of the date columns (Sheets' own pattern syntax). */
const DATE_FORMATS: Partial<Record<RecordField, string>> = {
  sessionDate: 'yyyy-mm-dd',
  followUpDone: 'yyyy-mm-dd',
  recordedAt: 'yyyy-mm-dd hh:mm',
};

/** The record as read under one call: its rows, columns and entries. */
export interface AttendanceRecord {
  sheet: Sheet;
  columns: ColumnMap;
  /** Data rows (row 2 onwards) as getValues returned them. */
  rows: unknown[][];
  /** Cadence entries, in the order of the rows (row numbers are never kept: rows are found by Entry ID). */
  entries: Entry[];
  timeZone: string;
}

/** Creates the Attendance tab with its headers, formats and tag (first save, or after deletion). */
function createAttendance(ss: Spreadsheet): Sheet {
  const sheet = ss.insertSheet(freeSheetName(ss, ATTENDANCE_NAME));
  sheet.addDeveloperMetadata(ATTENDANCE_KEY);
  const headers = RECORD_COLUMNS.map((c) => c.header);
  sheet.getRange(1, 1, 1, headers.length).setValues([headers]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  const bodyRows = Math.max(sheet.getMaxRows() - 1, 1);
  RECORD_COLUMNS.forEach(({ field }, i) => {
    const format = DATE_FORMATS[field];
    if (format) sheet.getRange(2, i + 1, bodyRows, 1).setNumberFormat(format);
  });
  return sheet;
}

/**
 * Reads the record, creating the tab when `create` and it is missing. Cadence headers the user
 * deleted are written back after the last used column (only with `create`: a read never writes).
 * Writers look the tabs up under the lock, so two first saves cannot create two record tabs.
 */
export function readAttendance(ss: Spreadsheet, tabs: CadenceTabs, timeZone: string, create: boolean): AttendanceRecord | null {
  let sheet = tabs.get(ATTENDANCE_KEY) ?? null;
  if (!sheet) {
    if (!create) return null;
    sheet = createAttendance(ss);
    adoptTab(tabs, ATTENDANCE_KEY, sheet);
  }
  const values = sheet.getDataRange().getValues();
  const blank = values.length === 1 && values[0].every((v) => v === '');
  const headerRow = blank ? [] : values[0];
  const { columns, added } = planColumns(headerRow, blank ? 0 : headerRow.length);
  const rows = blank ? [] : values.slice(1);
  refuseLostIdentity(added, rows);
  if (added.length && create) writeHeaders(sheet, added);
  return { sheet, columns, rows, entries: readRecord(rows, columns, dateReader(timeZone)), timeZone };
}

/**
 * The columns that make rows entries (an ID, a status, a client, a day) and keep them once (the
 * request and correction links). Without one of these headers the rows already there cannot be
 * read: a renamed "Status" would hide every earlier entry from the trends, a renamed "Request ID"
 * would let a retried save be stored twice.
 */
const IDENTITY_HEADERS = RECORD_COLUMNS
  .filter(({ field }) => ['entryId', 'sessionDate', 'clientId', 'status', 'replaces', 'requestId'].includes(field))
  .map(({ header }) => header);

/**
 * A tab with rows whose identity header is gone (renamed, merged over or deleted) is refused with
 * what to do, rather than given a new empty column that would split the record in two.
 */
function refuseLostIdentity(added: { header: string }[], rows: unknown[][]): void {
  const lost = added.filter((a) => IDENTITY_HEADERS.includes(a.header)).map((a) => `"${a.header}"`);
  if (lost.length === 0 || !rows.some((row) => row.some((cell) => cell !== '' && cell !== null))) return;
  throw new Error(`The Attendance tab has no ${lost.join(', ')} heading in row 1 (renamed, merged or deleted?). Cadence needs ${lost.length > 1 ? 'them' : 'it'} to read the entries already there: type ${lost.length > 1 ? 'them' : 'it'} back over ${lost.length > 1 ? 'their columns' : 'its column'} (or undo the change). Nothing was saved.`);
}

/** Headers land on row 1 at columns past all data: one contiguous write. */
function writeHeaders(sheet: Sheet, added: { index: number; header: string }[]): void {
  const first = added[0].index;
  const last = added[added.length - 1].index;
  const missingColumns = last + 1 - sheet.getMaxColumns();
  if (missingColumns > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missingColumns);
  const row: string[] = new Array(last - first + 1).fill('');
  for (const { index, header } of added) row[index - first] = header;
  sheet.getRange(1, first + 1, 1, row.length).setValues([row]).setFontWeight('bold');
}

/** Entry IDs stored by an earlier request with this id (a retried save), else null. */
export function earlierSave(record: AttendanceRecord, requestId: string): string[] | null {
  return requestIdsIn(record.rows, record.columns, requestId).get(requestId) ?? null;
}

/**
 * Appends entries into rows inserted for them: the rows are inserted right after the last row with
 * content in any column (asked just now: the document lock keeps other saves out, not people), so
 * no cell a person typed, above, beside or below the record, is ever written over. Then the rows
 * are read back: if a person's sort or row insertion moved them before the write landed, the save
 * says so instead of reporting success.
 */
export function appendEntries(record: AttendanceRecord, entries: readonly Entry[]): void {
  if (entries.length === 0) return;
  const { sheet, columns } = record;
  const width = recordWidth(columns);
  const after = Math.max(sheet.getLastRow(), 1);
  // https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer)
  sheet.insertRowsAfter(after, entries.length);
  const writer = dateWriter(record.timeZone);
  const cells = entries.map((entry) => entryRow(entry, columns, width, writer));
  const block = sheet.getRange(after + 1, 1, entries.length, width);
  block.setValues(cells);
  const formatAt = new Map<number, string>();
  for (const field of Object.keys(DATE_FORMATS) as RecordField[]) formatAt.set(columns[field], DATE_FORMATS[field] as string);
  if (width === RECORD_COLUMNS.length) {
    // Only Cadence's columns in the rows' span: every cell's format in the same range, one call.
    const row = Array.from({ length: width }, (_, c) => formatAt.get(c) ?? 'General');
    block.setNumberFormats(entries.map(() => row));
  } else {
    // A person's own columns sit between Cadence's: their formats are theirs, so date columns one by one.
    formatAt.forEach((format, column) => sheet.getRange(after + 1, column + 1, entries.length, 1).setNumberFormat(format));
  }
  const landed = block.getValues().map((row) => cellText(row[columns.entryId]).trim());
  if (landed.some((id, i) => id !== entries[i].entryId)) {
    throw new Error('Someone moved rows of the Attendance tab while Cadence was saving, so the save could not be checked. Reload the sidebar: what was stored shows there (a retry is stored once).');
  }
}
