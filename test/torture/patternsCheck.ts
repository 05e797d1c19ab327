/**
 * The Patterns invariant: the tab shows exactly what core computes from the record as it reads
 * back. Core's own functions (planColumns, readRecord, currentEntries, buildPatternGrid) run here
 * on the Attendance tab's cells; the expected grid is written into a scratch spreadsheet the way
 * the server writes it (formats, then values) and the two are compared as the user sees them.
 */
import { gridOf } from '../core/recordFixtures';
import { currentEntries, planColumns } from '../../src/core/record';
import { readRecord } from '../../src/core/recordTable';
import type { DateReader } from '../../src/core/record';
import type { Entry, SidebarData } from '../../src/core/types';
import { cadenceEnvironment } from '../cadence';
import type { Environment } from '../../src/runtime';
import { TIME_ZONE, attendanceSheet, taggedColumns } from '../server/fixtures';
import { formatInZone } from './zonedTime';

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** The reader the server uses, written again in Node: cells to YYYY-MM-DD in the spreadsheet's zone. */
const NODE_DATES: DateReader = {
  day: (v) =>
    isDate(v)
      ? formatInZone(v, TIME_ZONE).slice(0, 10)
      : (typeof v === 'string' && /^\s*(\d{4}-\d{2}-\d{2})/.exec(v)?.[1]) || '',
  instant: (v) => (isDate(v) ? formatInZone(v, TIME_ZONE) : typeof v === 'string' ? v.trim() : ''),
};

/** Current entries of the record, read from the Attendance tab's cells with core's reader. */
export function entriesReadBack(env: Environment): Entry[] {
  const sheet = attendanceSheet(env);
  if (!sheet || sheet.getLastRow() < 1) return [];
  const values = sheet.getDataRange().getValues();
  const tagged = new Map([...taggedColumns(sheet)].map(([column, field]) => [field, column]));
  const { columns } = planColumns(values[0], values[0].length, tagged);
  return currentEntries(readRecord(values.slice(1), columns, NODE_DATES));
}

export function patternsSheet(env: Environment): GoogleAppsScript.Spreadsheet.Sheet | null {
  const tags = env.spreadsheet.createDeveloperMetadataFinder().withKey('cadence.patterns').find();
  return tags.length ? tags[0].getLocation().getSheet() : null;
}

/** Display values of a grid written as the server writes it, in a spreadsheet of the same zone. */
function rendered(values: (string | number)[][], formats: string[][], width: number): string[][] {
  const scratch = cadenceEnvironment({ timeZone: TIME_ZONE }).spreadsheet.getSheets()[0];
  if (values.length > scratch.getMaxRows())
    scratch.insertRowsAfter(scratch.getMaxRows(), values.length - scratch.getMaxRows());
  if (width > scratch.getMaxColumns())
    scratch.insertColumnsAfter(scratch.getMaxColumns(), width - scratch.getMaxColumns());
  const range = scratch.getRange(1, 1, values.length, width);
  range.setNumberFormats(formats);
  range.setValues(values);
  return range.getDisplayValues();
}

/** Differences between the Patterns tab and what core computes from the record now. */
export function patternsProblems(env: Environment): string[] {
  const sheet = patternsSheet(env);
  if (!sheet) return ['the Patterns tab is missing after a write'];
  const data = env.run<SidebarData>('getSidebarData');
  const grid = gridOf({
    clients: data.clients.map(({ id, name, group, active }) => ({ id, name, group, active })),
    entries: entriesReadBack(env),
    today: data.today,
    settings: data.settings,
  });
  const expected = rendered(grid.values, grid.numberFormats, grid.width);
  const problems: string[] = [];
  // Sheets cannot delete every row below frozen ones, so an empty grid may keep one blank row.
  if (sheet.getLastRow() !== grid.values.length || sheet.getLastColumn() !== grid.width) {
    problems.push(
      `the Patterns tab spans ${sheet.getLastRow()}×${sheet.getLastColumn()}, core computes ${grid.values.length}×${grid.width}`,
    );
  }
  const shown = sheet.getRange(1, 1, grid.values.length, grid.width).getDisplayValues();
  expected.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (shown[r][c] !== cell && problems.length < 8)
        problems.push(
          `Patterns R${r + 1}C${c + 1} shows ${JSON.stringify(shown[r][c])}, core computes ${JSON.stringify(cell)}`,
        );
    }),
  );
  return problems;
}
