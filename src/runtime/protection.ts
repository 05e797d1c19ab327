/**
 * Protected sheets and ranges (Data › Protect sheets and ranges): a script runs as the user, so a
 * user who is not one of a protection's editors cannot change what it covers from a script either
 * (https://developers.google.com/apps-script/reference/spreadsheet/protection). Warning-only
 * protections ask a person to confirm in the UI and do not stop a script
 * (Protection.setWarningOnly). The refusal is Sheets' own sentence.
 */
import type { Rect } from './a1';
import type { Execution } from './execution';
import type { SheetModel } from './model';
import { objects } from './objects';
import { serviceObject } from './service';

export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export interface ProtectionModel {
  /** null: the whole sheet. */
  range: Rect | null;
  description: string;
  /** Who may edit besides the spreadsheet's owner (the test's handle). */
  editors: string[];
  warningOnly: boolean;
}

const overlaps = (a: Rect, b: Rect) =>
  a.row < b.row + b.numRows &&
  b.row < a.row + a.numRows &&
  a.column < b.column + b.numColumns &&
  b.column < a.column + a.numColumns;

/**
 * Refuses an execution's change to `rect` of `sheet` that a protection forbids; `rect` null is a
 * change to the sheet itself (its structure, rules, name), which only a whole-sheet protection stops.
 */
export function checkEditable(exec: Execution, sheet: SheetModel, rect: Rect | null): void {
  if (!exec.counted) return; // the test's own handle is the spreadsheet's owner
  const user = exec.world.settings.user;
  const blocking = sheet.protections.some(
    (p) =>
      !p.warningOnly && !p.editors.includes(user) && (p.range === null || (rect !== null && overlaps(p.range, rect))),
  );
  if (blocking) throw new Error(PROTECTED_MESSAGE);
}

/** Methods that change a range's cells (values, formats, notes, merges, validation, order). */
export function changesRange(method: string): boolean {
  return /^(set|clear|merge|break|sort|insert|delete|move|trim|randomize|check|uncheck|apply|autoFill)/.test(method);
}

/** The part of the sheet a Sheet method changes: its rows or columns, the whole sheet (null), or nothing (undefined). */
export function sheetChange(sheet: SheetModel, method: string, args: unknown[]): Rect | null | undefined {
  const n = (i: number, d = 1) => (typeof args[i] === 'number' ? (args[i] as number) : d);
  switch (method) {
    case 'deleteRow':
      return { row: n(0), column: 1, numRows: 1, numColumns: sheet.maxColumns };
    case 'deleteRows':
      return { row: n(0), column: 1, numRows: n(1), numColumns: sheet.maxColumns };
    case 'deleteColumn':
      return { row: 1, column: n(0), numRows: sheet.maxRows, numColumns: 1 };
    case 'deleteColumns':
      return { row: 1, column: n(0), numRows: sheet.maxRows, numColumns: n(1) };
    default:
      return /^(insert|append|move|sort|clear|setFrozen|setConditionalFormatRules|clearConditionalFormatRules|setName|hideSheet|showSheet|setColumnWidth|setRowHeight|hideRows|hideColumns|showRows|showColumns|addDeveloperMetadata|setTabColor|updateChart|removeChart)/.test(
        method,
      )
        ? null
        : undefined;
  }
}

type ProtectionApi = Pick<
  GoogleAppsScript.Spreadsheet.Protection,
  | 'getDescription'
  | 'setDescription'
  | 'getEditors'
  | 'addEditor'
  | 'addEditors'
  | 'removeEditor'
  | 'removeEditors'
  | 'isWarningOnly'
  | 'setWarningOnly'
  | 'remove'
  | 'canEdit'
  | 'getRange'
  | 'getProtectionType'
>;

export function protectionObject(
  exec: Execution,
  sheet: SheetModel,
  p: ProtectionModel,
): GoogleAppsScript.Spreadsheet.Protection {
  const userOf = (u: unknown) =>
    typeof u === 'string' ? u : String((u as { getEmail?: () => string }).getEmail?.() ?? u);
  const impl: ProtectionApi = {
    getDescription: () => p.description,
    setDescription(d) {
      p.description = String(d);
      return self;
    },
    getEditors: () =>
      exec.realm.array(
        p.editors.map((email) => serviceObject(exec, 'User', { getEmail: () => email })),
      ) as unknown as GoogleAppsScript.Base.User[],
    addEditor(u: unknown) {
      const e = userOf(u);
      if (!p.editors.includes(e)) p.editors.push(e);
      return self;
    },
    addEditors(list: string[]) {
      for (const u of list) impl.addEditor(u as never);
      return self;
    },
    removeEditor(u: unknown) {
      const e = userOf(u);
      p.editors = p.editors.filter((x) => x !== e);
      return self;
    },
    removeEditors(list: unknown[]) {
      for (const u of list) impl.removeEditor(u as never);
      return self;
    },
    isWarningOnly: () => p.warningOnly,
    setWarningOnly(w) {
      p.warningOnly = Boolean(w);
      return self;
    },
    remove() {
      sheet.protections = sheet.protections.filter((x) => x !== p);
    },
    canEdit: () => !exec.counted || p.warningOnly || p.editors.includes(exec.world.settings.user),
    getRange: () =>
      objects.range(
        exec,
        sheet,
        p.range ?? { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns },
      ),
    getProtectionType: () => (p.range ? 'RANGE' : 'SHEET') as unknown as GoogleAppsScript.Spreadsheet.ProtectionType,
  };
  const self = serviceObject<GoogleAppsScript.Spreadsheet.Protection>(exec, 'Protection', impl);
  return self;
}

/** A new protection made by Range.protect() / Sheet.protect(): its maker may edit. */
export function addProtection(
  exec: Execution,
  sheet: SheetModel,
  range: Rect | null,
): GoogleAppsScript.Spreadsheet.Protection {
  const p: ProtectionModel = {
    range,
    description: '',
    editors: exec.counted ? [exec.world.settings.user] : [],
    warningOnly: false,
  };
  sheet.protections.push(p);
  return protectionObject(exec, sheet, p);
}
