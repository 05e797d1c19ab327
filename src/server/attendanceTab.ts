/**
 * The Attendance tab: found by its metadata tag, recreated with headers if deleted, read in one
 * call, appended to in one call. Row numbers never outlive the lock they were read under.
 */
import { LATER_FIELDS, RECORD_COLUMNS, planColumns, recordWidth, entryRow, requestIdsIn } from '../core/record';
import type { ColumnMap, RecordField, RowContent } from '../core/record';
import { readPlans } from '../core/plannedAbsences';
import { allEntries, readTable } from '../core/recordTable';
import type { RecordTable } from '../core/recordTable';
import { landingSpan, planLanding } from '../core/landing';
import { asCellText, cellText } from '../core/text';
import type { Entry, PlannedAbsence } from '../core/types';
import { ATTENDANCE_KEY, adoptTab, freeSheetName } from './cadenceTabs';
import { noteColumns, rememberedColumns } from './layoutMemory';
import { allValues } from './sheetValues';
import type { CadenceTabs } from './cadenceTabs';
import { dateReader, dateWriter } from './spreadsheetTime';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const ATTENDANCE_NAME = 'Attendance';

/** Number formats of the date columns (Sheets' own pattern syntax). */
const DATE_FORMATS: Partial<Record<RecordField, string>> = {
  sessionDate: 'yyyy-mm-dd',
  plannedUntil: 'yyyy-mm-dd',
  followUpDone: 'yyyy-mm-dd',
  recordedAt: 'yyyy-mm-dd hh:mm',
};

/** The record as read under one call: its rows, columns and entries. */
export interface AttendanceRecord {
  sheet: Sheet;
  columns: ColumnMap;
  /** Row 1 as read, to notice a column a person inserted, moved or deleted before a write landed. */
  headerRow: unknown[];
  /** Data rows (row 2 onwards) as getValues returned them. */
  rows: unknown[][];
  /** The entries read in columns (core/recordTable.ts); each made whole only when asked for. */
  table: RecordTable;
  /**
   * Cadence entries, in the order of the rows (row numbers are never kept: rows are found by Entry
   * ID); all made on first use.
   */
  readonly entries: Entry[];
  /** Planned absences standing (rows of their own status words, never entries: plannedAbsences.ts). */
  plans: PlannedAbsence[];
  timeZone: string;
  /** Rows appended in this execution and not yet checked (checkAppended). */
  appended?: { after: number; entries: readonly RowContent[]; rowsBefore: number }[];
}

/**
 * Each Cadence column carries column-located developer metadata with this key and its field as
 * value; the tag moves with its column when columns are inserted, moved or sorted around it and
 * goes when the column is deleted (https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-location).
 */
export const COLUMN_TAG_KEY = 'cadence.column';
/**
 * Sheet metadata written once every Cadence column carries its tag: from then on a column without
 * its tag was deleted, never "not tagged yet" (a tagging cut short by a failure is finished later).
 */
// Not "cadence.…": that prefix names Cadence's tabs (cadenceTabs.ts), and this tag names no tab.
const COLUMNS_TAGGED_KEY = 'cadence-record:columnsTagged';

/** The keys of the tab's own developer metadata, read in one call. */
function sheetTags(sheet: Sheet): Set<string> {
  return new Set(sheet.getDeveloperMetadata().map((m) => m.getKey()));
}

/**
 * Sheet metadata saying a column added after records existed (LATER_FIELDS) was given to this tab:
 * from then on its column missing means deleted, as for every other column. Before, it means a
 * record written by an earlier version, which reads it as blank and gets it at its next write.
 */
const laterColumnKey = (field: RecordField): string => `cadence-record:column:${field}`;

const FIELDS: readonly string[] = RECORD_COLUMNS.map((c) => c.field);

/** The tagged Cadence columns of the tab: field → 0-based column (the leftmost if tagged twice). */
function readColumnTags(sheet: Sheet): Map<RecordField, number> {
  const tagged = new Map<RecordField, number>();
  for (const tag of sheet.createDeveloperMetadataFinder().withKey(COLUMN_TAG_KEY).find()) {
    const field = tag.getValue();
    const column = tag.getLocation().getColumn();
    if (!field || !FIELDS.includes(field) || !column) continue;
    const index = column.getColumn() - 1;
    const known = tagged.get(field as RecordField);
    if (known === undefined || index < known) tagged.set(field as RecordField, index);
  }
  return tagged;
}

/** Tags whole columns (0-based) with their fields. */
function tagColumns(sheet: Sheet, fields: readonly { index: number; field: RecordField }[]): void {
  if (fields.length === 0) return;
  const rows = sheet.getMaxRows();
  for (const { index, field } of fields)
    sheet.getRange(1, index + 1, rows, 1).addDeveloperMetadata(COLUMN_TAG_KEY, field);
}

/** Creates the Attendance tab with its headers, formats and tags (first save, or after deletion). */
function createAttendance(ss: Spreadsheet): Sheet {
  const sheet = ss.insertSheet(freeSheetName(ss, ATTENDANCE_NAME));
  sheet.addDeveloperMetadata(ATTENDANCE_KEY);
  const headers = RECORD_COLUMNS.map((c) => c.header);
  sheet.getRange(1, 1, 1, headers.length).setValues([headers]).setFontWeight('bold');
  // The header and the session date and client stay in view while a person scrolls the register.
  sheet.setFrozenRows(1);
  sheet.setFrozenColumns(2);
  RECORD_COLUMNS.forEach(({ width }, i) => sheet.setColumnWidth(i + 1, width));
  const bodyRows = Math.max(sheet.getMaxRows() - 1, 1);
  RECORD_COLUMNS.forEach(({ field }, i) => {
    const format = DATE_FORMATS[field];
    if (format) sheet.getRange(2, i + 1, bodyRows, 1).setNumberFormat(format);
  });
  tagColumns(
    sheet,
    RECORD_COLUMNS.map(({ field }, index) => ({ index, field })),
  );
  sheet.addDeveloperMetadata(COLUMNS_TAGGED_KEY);
  for (const field of LATER_FIELDS) sheet.addDeveloperMetadata(laterColumnKey(field));
  return sheet;
}

/**
 * Reads the record, creating the tab when `create` and it is missing. Columns are found by their
 * tags; a record without any (written before Cadence tagged columns) by heading, and tagged then
 * (only with `create`, under the lock: a read never writes). Cadence columns missing from an
 * untagged record, or from a tagged one without rows, are added after the last used column.
 * Writers look the tabs up under the lock, so two first saves cannot create two record tabs.
 */
export function readAttendance(
  ss: Spreadsheet,
  tabs: CadenceTabs,
  timeZone: string,
  create: boolean,
): AttendanceRecord | null {
  let sheet = tabs.get(ATTENDANCE_KEY) ?? null;
  if (!sheet) {
    if (!create) return null;
    sheet = createAttendance(ss);
    adoptTab(tabs, ATTENDANCE_KEY, sheet);
  }
  const values = allValues(sheet);
  const blank = values.length === 1 && values[0].every((v) => v === '');
  const headerRow: unknown[] = blank ? [] : [...values[0]];
  const rows = blank ? [] : values.slice(1);
  const layout = tabs.layout;
  const sheetId = tabs.ids[ATTENDANCE_KEY] ?? sheet.getSheetId();
  // Row 1 as it read when the tags were last read, and no metadata added or gone since: no tag read.
  const remembered = layout && !blank ? rememberedColumns(layout, sheetId, headerRow) : null;
  let columns: ColumnMap;
  if (remembered) {
    columns = remembered;
  } else {
    const tagged = readColumnTags(sheet);
    const sheetKeys = sheetTags(sheet);
    const complete = tagged.size > 0 && sheetKeys.has(COLUMNS_TAGGED_KEY);
    const plan = planColumns(headerRow, blank ? 0 : headerRow.length, tagged, complete && hasContent(rows));
    const given = (field: RecordField) => !LATER_FIELDS.includes(field) || sheetKeys.has(laterColumnKey(field));
    if (complete)
      refuseDeletedColumns(
        plan.added.filter((a) => given(a.field)),
        rows,
      );
    else refuseLostIdentity(plan.added, rows);
    if (create) {
      if (plan.added.length) {
        writeHeaders(sheet, plan.added);
        for (const { index, header } of plan.added) headerRow[index] = header;
      }
      tagColumns(sheet, [...plan.found, ...plan.added]);
      if (!complete) sheet.addDeveloperMetadata(COLUMNS_TAGGED_KEY);
      for (const field of LATER_FIELDS)
        if (!sheetKeys.has(laterColumnKey(field))) sheet.addDeveloperMetadata(laterColumnKey(field));
    }
    // Only columns every one of which was found by its tag are remembered.
    if (layout && complete && plan.found.length === 0 && plan.added.length === 0)
      noteColumns(layout, sheetId, headerRow, plan.columns);
    columns = plan.columns;
  }
  const dates = dateReader(timeZone);
  const table = readTable(rows, columns, dates);
  let entries: Entry[] | null = null;
  return {
    sheet,
    columns,
    headerRow,
    rows,
    table,
    get entries() {
      return (entries ??= allEntries(table));
    },
    plans: readPlans(rows, columns, dates),
    timeZone,
  };
}

const hasContent = (rows: unknown[][]) => rows.some((row) => row.some((cell) => cell !== '' && cell !== null));

/**
 * A Cadence column deleted from a tab with rows is refused with what to restore, and nothing is
 * written: a new empty column would read every earlier value as blank (open follow-ups gone, a
 * correction without its note), and no column of the user's can stand in for it.
 */
function refuseDeletedColumns(added: { header: string }[], rows: unknown[][]): void {
  if (added.length === 0 || !hasContent(rows)) return;
  const names = added.map((a) => `"${a.header}"`).join(', ');
  const them = added.length > 1 ? 'them' : 'it';
  throw new Error(
    `The Attendance tab's ${names} column${added.length > 1 ? 's were' : ' was'} deleted. Cadence needs ${them} to read the entries already there: put ${them} back with Edit › Undo, or restore an earlier version from File › Version history. Until then Cadence saves nothing, so nothing is written in the wrong place.`,
  );
}

/**
 * The columns that make rows entries (an ID, a status, a client, a day) and keep them once (the
 * request and correction links). Without one of these headers the rows of an untagged record
 * cannot be read: a renamed "Status" would hide every earlier entry from the trends, a renamed
 * "Request ID" would let a retried save be stored twice.
 */
const IDENTITY_HEADERS = RECORD_COLUMNS.filter(({ field }) =>
  ['entryId', 'sessionDate', 'clientId', 'status', 'replaces', 'requestId'].includes(field),
).map(({ header }) => header);

/**
 * An untagged tab with rows whose identity header is gone (renamed, merged over or deleted) is
 * refused with what to do, rather than given a new empty column that would split the record in two.
 */
function refuseLostIdentity(added: { header: string }[], rows: unknown[][]): void {
  const lost = added.filter((a) => IDENTITY_HEADERS.includes(a.header)).map((a) => `"${a.header}"`);
  if (lost.length === 0 || !hasContent(rows)) return;
  throw new Error(
    `The Attendance tab has no ${lost.join(', ')} heading in row 1 (renamed, merged or deleted?). Cadence needs ${lost.length > 1 ? 'them' : 'it'} to read the entries already there: type ${lost.length > 1 ? 'them' : 'it'} back over ${lost.length > 1 ? 'their columns' : 'its column'} (or undo the change). Nothing was saved.`,
  );
}

/** Headers land on row 1 at columns past all data: one contiguous write. */
function writeHeaders(sheet: Sheet, added: { index: number; header: string }[]): void {
  const first = added[0].index;
  const last = added[added.length - 1].index;
  const missingColumns = last + 1 - sheet.getMaxColumns();
  if (missingColumns > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missingColumns);
  const row: string[] = new Array(last - first + 1).fill('');
  for (const { index, header } of added) row[index - first] = header;
  sheet
    .getRange(1, first + 1, 1, row.length)
    .setValues([row])
    .setFontWeight('bold');
}

/** Entry IDs stored by an earlier request with this id (a retried save), else null. */
export function earlierSave(record: AttendanceRecord, requestId: string): string[] | null {
  return requestIdsIn(record.rows, record.columns, requestId).get(requestId) ?? null;
}

/**
 * Appends entries into rows inserted for them right after the last row with content in any column
 * (as read under the lock: the document lock keeps other saves out, not people). Inserting, not
 * writing into blank rows already there, is what keeps a person's typing safe: a person who picked
 * a blank cell under the record before the save (as anyone types a row) has it moved down with
 * the insert, as Sheets moves every collaborator's cursor, so neither write lands on the other.
 * Then the write is checked (checkAppended, after the rest of the change is written, so that its
 * read is the last): if a person inserted, moved or deleted a column since the record was
 * read (row 1 changed), the tags are read again and the new rows (Cadence's own, appended in this
 * execution) are written again where the columns are now. If a person inserted or deleted rows
 * meanwhile (the row count says so), where the write landed is worked out from the record as read
 * (core/landing.ts): a person's cells it covered are put back and Cadence's rows moved into the
 * rows it inserted.
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertRowsAfter(Integer,Integer)
 */
export function appendEntries(record: AttendanceRecord, entries: readonly RowContent[]): void {
  if (entries.length === 0) return;
  const { sheet } = record;
  // Row 1 is the header; the record's rows follow it (the read held every row with content).
  const after = Math.max(1 + record.rows.length, 1);
  const rowsBefore = sheet.getMaxRows();
  sheet.insertRowsAfter(after, entries.length);
  writeRows(record, sheet.getRange(after + 1, 1, entries.length, recordWidth(record.columns)), entries, record.columns);
  (record.appended ??= []).push({ after, entries, rowsBefore });
}

/**
 * Checks the rows this execution appended (writeRecord calls it once everything else is written):
 * the column check and the row count described at appendEntries. Returns whether anything was
 * appended: then its last call that waits for the spreadsheet was a read after every write (the
 * row count that follows is a read of the sheet's shape), so nothing is left queued
 * (documentLock.ts writesApplied).
 */
export function checkAppended(record: AttendanceRecord): boolean {
  const appended = record.appended ?? [];
  record.appended = [];
  const { sheet } = record;
  for (const { after, entries, rowsBefore } of appended) {
    let columns = record.columns;
    let headerRow = record.headerRow;
    for (let attempt = 0; ; attempt += 1) {
      if (sameCells(headerNow(sheet, Math.max(headerRow.length, recordWidth(columns))), headerRow)) break;
      // Row 1 changed: read it whole (a column inserted past the old width shows only then).
      const now = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
      const moved = planColumns(now, now.length, readColumnTags(sheet), true);
      if (sameColumns(moved.columns, columns)) break;
      // The previous write used the old places: blank what it wrote (rows of this execution only).
      sheet.getRange(after + 1, 1, entries.length, recordWidth(columns)).clearContent();
      if (moved.added.length || attempt === 2) throw new Error(COLUMNS_CHANGED);
      columns = moved.columns;
      headerRow = now;
      writeRows(record, sheet.getRange(after + 1, 1, entries.length, recordWidth(columns)), entries, columns);
    }
    const delta = sheet.getMaxRows() - rowsBefore - entries.length;
    if (delta !== 0) settleAfterPersonRows(record, entries, columns, after, delta);
  }
  return appended.length > 0;
}

/** Row 1's first `width` cells, in one call. */
function headerNow(sheet: Sheet, width: number): unknown[] {
  return sheet.getSheetValues(1, 1, 1, width)[0];
}

/**
 * A person inserted or deleted rows while the entries were written: read the rows the write can
 * have moved to, find where it landed, put back a person's cells it covered (text stays text:
 * asCellText) and write the entries into Cadence's own rows, then check them by Entry ID.
 */
function settleAfterPersonRows(
  record: AttendanceRecord,
  entries: readonly RowContent[],
  columns: ColumnMap,
  after: number,
  delta: number,
): void {
  const { sheet } = record;
  const width = recordWidth(columns);
  const span = landingSpan(after, entries.length, delta);
  const bottom = Math.min(span.bottom, sheet.getMaxRows());
  const read = () => sheet.getSheetValues(span.top, 1, bottom - span.top + 1, width);
  const plan = planLanding({
    after,
    entryIds: entries.map((e) => e.entryId),
    entryIdColumn: columns.entryId,
    record: (row) => record.rows[row - 2]?.slice(0, width),
    delta,
    nowTop: span.top,
    now: read(),
  });
  if (!plan) throw new Error(ROWS_MOVED);
  for (const { row, cells } of plan.restore) {
    const range = sheet.getRange(row, 1, 1, width);
    range.setNumberFormat('General');
    range.setValues([cells.map((cell) => (typeof cell === 'string' ? asCellText(cell) : cell))]);
  }
  if (plan.restore.length > 0) {
    for (const row of plan.clear) sheet.getRange(row, 1, 1, width).clearContent();
    let k = 0;
    while (k < entries.length) {
      let run = 1;
      while (k + run < entries.length && plan.entryRows[k + run] === plan.entryRows[k] + run) run += 1;
      writeRows(record, sheet.getRange(plan.entryRows[k], 1, run, width), entries.slice(k, k + run), columns);
      k += run;
    }
  }
  const now = read();
  const landed = plan.entryRows.map((row) => cellText(now[row - span.top]?.[columns.entryId]).trim());
  if (landed.some((id, i) => id !== entries[i].entryId)) throw new Error(ROWS_MOVED);
}

const COLUMNS_CHANGED =
  'Columns of the Attendance tab were deleted or changed while Cadence was saving, so nothing was saved. Check the tab (Edit › Undo puts a deleted column back), then Save again.';
const ROWS_MOVED =
  'Rows of the Attendance tab kept moving while Cadence was saving. Reload the sidebar: what was stored shows there (Save again stores it once).';

/** Writes entries into `block` (their rows, as wide as these columns), with the date formats. */
function writeRows(
  record: AttendanceRecord,
  block: GoogleAppsScript.Spreadsheet.Range,
  entries: readonly RowContent[],
  columns: ColumnMap,
): void {
  const width = recordWidth(columns);
  const writer = dateWriter(record.timeZone);
  block.setValues(entries.map((entry) => entryRow(entry, columns, width, writer)));
  const formatAt = new Map<number, string>();
  for (const field of Object.keys(DATE_FORMATS) as RecordField[])
    formatAt.set(columns[field], DATE_FORMATS[field] as string);
  if (width === RECORD_COLUMNS.length) {
    // Only Cadence's columns in the rows' span: every cell's format in the same range, one call.
    const row = Array.from({ length: width }, (_, c) => formatAt.get(c) ?? 'General');
    block.setNumberFormats(entries.map(() => row));
  } else {
    // A person's own columns sit between Cadence's: their formats are theirs, so date columns one by one.
    const firstRow = block.getRow();
    formatAt.forEach((format, column) =>
      record.sheet.getRange(firstRow, column + 1, entries.length, 1).setNumberFormat(format),
    );
  }
}

function sameCells(a: readonly unknown[], b: readonly unknown[]): boolean {
  const width = Math.max(a.length, b.length);
  for (let i = 0; i < width; i += 1) if (cellText(a[i] ?? '') !== cellText(b[i] ?? '')) return false;
  return true;
}

function sameColumns(a: ColumnMap, b: ColumnMap): boolean {
  return RECORD_COLUMNS.every(({ field }) => a[field] === b[field]);
}
