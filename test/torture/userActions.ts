/**
 * What users do by hand to the tabs, through the same Spreadsheet API (env.spreadsheet): sort,
 * filter, insert and move columns, add their own column, rename the record, delete Patterns, edit
 * the roster, delete a tab of their own. Each updates the model of what the user wrote.
 */
import type { OfflineEnvironment } from '../../src/runtime';
import { attendanceSheet } from '../server/fixtures';
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
  if (status >= 0) filter.setColumnFilterCriteria(status + 1, env.spreadsheetApp.newFilterCriteria().setHiddenValues(['present']).build());
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
  const patterns = env.spreadsheet.getSheets().find((s) => s.getDeveloperMetadata().some((m) => m.getKey() === 'cadence.patterns')) ?? env.spreadsheet.getSheetByName('Patterns');
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
