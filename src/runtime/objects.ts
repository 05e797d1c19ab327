/**
 * How the Spreadsheet service's objects reach one another: a Range hands out its Sheet, a Sheet its
 * Spreadsheet and Ranges, developer metadata its location, a rule or a filter its ranges. Each
 * module registers its constructor here and the others call it through `objects`, so the service
 * modules import one another in one direction only (spreadsheet, sheet, range, then the rest).
 */
import type { Rect } from './a1';
import type { Execution } from './execution';
import type { SheetModel, WorkbookModel } from './model';

export interface ObjectConstructors {
  range(exec: Execution, sheet: SheetModel, rect: Rect): GoogleAppsScript.Spreadsheet.Range;
  sheet(exec: Execution, sheet: SheetModel): GoogleAppsScript.Spreadsheet.Sheet;
  spreadsheet(exec: Execution, workbook: WorkbookModel): GoogleAppsScript.Spreadsheet.Spreadsheet;
}

const registered: Partial<ObjectConstructors> = {};

/** Called once by range.ts, sheet.ts and spreadsheet.ts when they load. */
export function provide(constructors: Partial<ObjectConstructors>): void {
  Object.assign(registered, constructors);
}

function registeredOf<K extends keyof ObjectConstructors>(name: K): ObjectConstructors[K] {
  const make = registered[name];
  if (!make)
    throw new Error(`offline runtime: ${name} objects are not loaded (import spreadsheetApp.ts or environment.ts)`);
  return make;
}

export const objects: ObjectConstructors = {
  range: (exec, sheet, rect) => registeredOf('range')(exec, sheet, rect),
  sheet: (exec, sheet) => registeredOf('sheet')(exec, sheet),
  spreadsheet: (exec, workbook) => registeredOf('spreadsheet')(exec, workbook),
};
