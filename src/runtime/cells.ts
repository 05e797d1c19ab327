/**
 * Reading a sheet model's cells as the services show them, sorting its rows, and the checks every
 * service object makes of a sheet and a rectangle. Shared by Range, Sheet, Filter, data validation
 * and conditional formatting, so none of them needs to import another for it.
 */
import { rectContains, type Rect } from './a1';
import { formulaCellValue } from './formula';
import type { SheetModel } from './model';
import { displayValue, isDateFormat } from './numberFormat';
import { compareForSort } from './sort';
import { instantOfSerial } from './timezone';
import { Formula, type CellValue } from './values';

/** Where each Range object points, for services that take ranges (rule builders, moveColumns). */
export const rangeInfo = new WeakMap<object, { sheet: SheetModel; rect: Rect }>();

/** The value a formula cell shows, or the stored value itself. */
export function readCell(sheet: SheetModel, row: number, column: number): Exclude<CellValue, Formula> | '' {
  const v = sheet.values.get(row - 1, column - 1);
  return v instanceof Formula ? formulaResult(sheet, row, column, v.formula) : v;
}

/** A formula's value; a number in a date-formatted cell (=TODAY()) reads back as a Date, as in Sheets. */
export function formulaResult(
  sheet: SheetModel,
  row: number,
  column: number,
  formula: string,
): Exclude<CellValue, Formula> {
  const v = formulaCellValue(sheet, row, column, formula);
  if (typeof v !== 'number') return v;
  const format = sheet.formats.numberFormat.get(row - 1, column - 1);
  return format !== null && isDateFormat(format) ? new Date(instantOfSerial(v, sheet.workbook.timeZone)) : v;
}

export function cellDisplay(sheet: SheetModel, row: number, column: number): string {
  return displayValue(
    readCell(sheet, row, column),
    sheet.formats.numberFormat.get(row - 1, column - 1),
    sheet.workbook.timeZone,
  );
}

/** Range.sort: a column number, {column, ascending}, or an array of those; columns are sheet columns. */
export function sortRows(sheet: SheetModel, rect: Rect, spec: unknown): void {
  const specs = (Array.isArray(spec) ? spec : [spec]).map((s) => {
    if (typeof s === 'number') return { column: s, ascending: true };
    const o = s as { column?: unknown; ascending?: unknown };
    return { column: Number(o.column), ascending: o.ascending !== false };
  });
  for (const s of specs) {
    if (!rectContains(rect, rect.row, s.column))
      throw new Error(`The sort column must be within the range. Column ${s.column} is out of range.`);
  }
  const order = Array.from({ length: rect.numRows }, (_, i) => i);
  // Each sort column read once, not at every comparison.
  const keys = specs.map((s) => order.map((i) => readCell(sheet, rect.row + i, s.column)));
  order.sort((a, b) => {
    for (let k = 0; k < specs.length; k++) {
      const c = compareForSort(keys[k][a], keys[k][b], specs[k].ascending);
      if (c !== 0) return c;
    }
    return a - b;
  });
  sheet.permuteRows(rect.row, order, rect.column, rect.numColumns === sheet.maxColumns ? Infinity : rect.numColumns);
}

/** Apps Script's coordinate errors, in its words. */
export function checkRect(sheet: SheetModel, rect: Rect): void {
  for (const n of [rect.row, rect.column, rect.numRows, rect.numColumns]) {
    if (typeof n !== 'number' || !Number.isInteger(n)) throw new Error(`Cannot convert '${String(n)}' to int.`);
  }
  if (rect.row < 1) throw new Error('The starting row of the range is too small.');
  if (rect.column < 1) throw new Error('The starting column of the range is too small.');
  if (rect.numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
  if (rect.numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
  if (rect.row + rect.numRows - 1 > sheet.maxRows || rect.column + rect.numColumns - 1 > sheet.maxColumns) {
    throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }
}

/** A Sheet or Range object outlives its sheet; using it then fails (Apps Script's wording is not documented). */
export function checkAlive(sheet: SheetModel): void {
  if (!sheet.workbook.sheets.includes(sheet)) throw new Error(`The sheet "${sheet.name}" has been deleted.`);
}
