/**
 * What users do by hand to the tabs, through the same Spreadsheet API (env.spreadsheet): sort,
 * filter, insert and move columns, add their own column, rename the record, delete Patterns, edit
 * the roster, delete a tab of their own. Each updates the model of what the user wrote.
 */
import type { OfflineEnvironment } from '../../src/runtime';
import { attendanceSheet, columnLabels, readRecordBack, taggedColumns } from '../server/fixtures';
import type { RecordModel } from './recordModel';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The record tab, only once it has rows to act on. */
function record(env: OfflineEnvironment): Sheet | null {
  const sheet = attendanceSheet(env);
  return sheet && sheet.getLastRow() >= 2 ? sheet : null;
}

export function sortRecord(env: OfflineEnvironment, pick: number, ascending: boolean): boolean {
  const sheet = record(env);
  if (!sheet) return false;
  const width = sheet.getLastColumn();
  sheet.getRange(2, 1, sheet.getLastRow() - 1, width).sort({ column: (pick % width) + 1, ascending });
  return true;
}

/** Turns a filter on (hiding present rows) or off. */
export function toggleFilter(env: OfflineEnvironment): boolean {
  const sheet = record(env);
  if (!sheet) return false;
  const existing = sheet.getFilter();
  if (existing) {
    existing.remove();
    return true;
  }
  const filter = sheet.getDataRange().createFilter();
  const status = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf('Status');
  if (status >= 0)
    filter.setColumnFilterCriteria(
      status + 1,
      env.spreadsheetApp.newFilterCriteria().setHiddenValues(['present']).build(),
    );
  return true;
}

export function insertBlankColumn(env: OfflineEnvironment, pick: number): boolean {
  const sheet = record(env);
  if (!sheet) return false;
  sheet.insertColumnBefore((pick % sheet.getLastColumn()) + 1);
  return true;
}

export function moveColumn(env: OfflineEnvironment, from: number, to: number): boolean {
  const sheet = record(env);
  if (!sheet) return false;
  const width = sheet.getLastColumn();
  const source = (from % width) + 1;
  const destination = (to % (width + 1)) + 1;
  if (destination === source || destination === source + 1) return false;
  sheet.moveColumns(sheet.getRange(1, source, sheet.getMaxRows(), 1), destination);
  return true;
}

/** The user's own column, headed and filled on every row, inserted at a chosen place. */
export function addUserColumn(env: OfflineEnvironment, model: RecordModel, pick: number, label: number): boolean {
  const sheet = record(env);
  if (!sheet) return false;
  const header = `My column ${label}`;
  if (model.userColumns.has(header)) return false;
  const width = sheet.getLastColumn();
  const at = (pick % (width + 1)) + 1;
  if (at <= width) sheet.insertColumnBefore(at);
  const rows = sheet.getLastRow();
  const ids = sheet.getRange(1, 1, rows, sheet.getLastColumn()).getValues();
  const idColumn = ids[0].indexOf('Entry ID');
  const values = new Map<string, string>();
  const cells = ids.map((row, i) => {
    if (i === 0) return [header];
    const value = `${header} row ${i} ${i % 3 === 0 ? '=not a formula' : ''}`.trim();
    if (row[idColumn]) values.set(String(row[idColumn]), value);
    // Typed as text, the way a user would type it with a leading apostrophe for an "=".
    return [value.includes('=') ? `'${value}` : value];
  });
  sheet.getRange(1, at, rows, 1).setValues(cells);
  model.userColumns.set(header, values);
  return true;
}

export function renameRecord(env: OfflineEnvironment, label: number): boolean {
  const sheet = attendanceSheet(env);
  if (!sheet) return false;
  const name = `Attendance log ${label}`;
  if (env.spreadsheet.getSheetByName(name)) return false;
  sheet.setName(name);
  return true;
}

/** Deletes Cadence's Patterns tab (found by name or tag); the next write recreates it. */
export function deletePatterns(env: OfflineEnvironment, model: RecordModel): boolean {
  const patterns =
    env.spreadsheet.getSheets().find((s) => s.getDeveloperMetadata().some((m) => m.getKey() === 'cadence.patterns')) ??
    env.spreadsheet.getSheetByName('Patterns');
  if (!patterns) return false;
  env.spreadsheet.deleteSheet(patterns);
  model.patterns = 'absent';
  return true;
}

const ROSTER = 'Clients';

export function renameClient(env: OfflineEnvironment, model: RecordModel, pick: number, label: number): boolean {
  const roster = env.spreadsheet.getSheetByName(ROSTER);
  if (!roster || model.roster.length === 0) return false;
  const index = pick % model.roster.length;
  const name = `${model.roster[index].name.split(' (')[0]} (${label})`;
  roster.getRange(index + 2, 2).setValue(name);
  model.roster[index].name = name;
  model.rosterCells = roster.getDataRange().getValues();
  if (model.patterns === 'fresh') model.patterns = 'stale';
  return true;
}

export function addClient(env: OfflineEnvironment, model: RecordModel, label: number): boolean {
  const roster = env.spreadsheet.getSheetByName(ROSTER);
  if (!roster) return false;
  const id = `N${String(label).padStart(3, '0')}`;
  if (model.roster.some((r) => r.id === id)) return false;
  const row = { id, name: `New Client ${label}`, group: label % 2 ? 'Monday group' : 'Tuesday group', active: 'yes' };
  roster.appendRow([row.id, row.name, row.group, row.active]);
  model.roster.push(row);
  model.rosterCells = roster.getDataRange().getValues();
  if (model.patterns === 'fresh') model.patterns = 'stale';
  return true;
}

export function deleteOtherSheet(env: OfflineEnvironment, model: RecordModel): boolean {
  const name = [...model.otherSheets.keys()][0];
  const sheet = name ? env.spreadsheet.getSheetByName(name) : null;
  if (!name || !sheet) return false;
  env.spreadsheet.deleteSheet(sheet);
  model.otherSheets.delete(name);
  return true;
}

/** Renames one heading of the record (Cadence's or the user's): headings are labels. */
export function renameHeading(env: OfflineEnvironment, model: RecordModel, pick: number, label: number): boolean {
  const sheet = record(env);
  if (!sheet) return false;
  const row = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  const headers = row.map(String);
  const labels = columnLabels(sheet, row);
  const at = pick % headers.length;
  // The user's own columns are tracked by their label (a "Status" of theirs reads as "Status
  // (user's)"); renaming those is a different story.
  if (model.userColumns.has(labels[at]) || model.userColumns.has(headers[at]) || headers[at].startsWith('My column'))
    return false;
  sheet.getRange(1, at + 1).setValue(`${headers[at] || 'column'} (${label})`);
  return true;
}

/** A column of the user's own headed like one of Cadence's ("Status", "Note", "Request ID"), filled on every row. */
export function addSameNameColumn(env: OfflineEnvironment, model: RecordModel, pick: number): boolean {
  const sheet = record(env);
  if (!sheet) return false;
  const heading = ['Status', 'Note', 'Request ID', 'Entry ID'][pick % 4];
  const key = `${heading} (user's)`;
  if (model.userColumns.has(key)) return false;
  sheet.insertColumnBefore(1 + (pick % sheet.getLastColumn()));
  const at = 1 + (pick % (sheet.getLastColumn() - 1));
  const rows = readRecordBack(env);
  const values = new Map<string, string>();
  const cells = [
    [heading],
    ...rows.map((row, i) => {
      const value = heading === 'Status' ? 'present' : `${heading.toLowerCase()} ${i}`;
      if (row['Entry ID']) values.set(String(row['Entry ID']), value);
      return [value];
    }),
  ];
  sheet.getRange(1, at, cells.length, 1).setValues(cells);
  model.userColumns.set(key, values);
  return true;
}

/** A person types a row of their own under the record (or into a blank row inside it). */
export function typeRow(env: OfflineEnvironment, model: RecordModel, label: number): boolean {
  const sheet = record(env);
  if (!sheet) return false;
  const text = `typed by hand ${label}`;
  const at = sheet.getLastRow() + 1 + (label % 2);
  if (at > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), at - sheet.getMaxRows());
  // A person types a note, a name or a date under the record, not an id in Cadence's identity
  // columns (Entry ID, Replaces, Request ID): those are found by tag wherever columns were moved.
  const identity = new Set<string>(['entryId', 'replaces', 'requestId']);
  const tagged = taggedColumns(sheet);
  const free = Array.from({ length: sheet.getLastColumn() }, (_, i) => i).filter(
    (i) => !identity.has(tagged.get(i) ?? ''),
  );
  sheet.getRange(at, free[(1 + (label % 3)) % free.length] + 1).setValue(text);
  model.typedRows.push(text);
  return true;
}

/** Inserts a blank row among the entries (rows are found by Entry ID, never by number). */
export function insertBlankRow(env: OfflineEnvironment, pick: number): boolean {
  const sheet = record(env);
  if (!sheet) return false;
  sheet.insertRowBefore(2 + (pick % (sheet.getLastRow() - 1)));
  return true;
}
