/** Spreadsheet: the sheets, the time zone, toasts and document-level developer metadata. */
import { parseA1 } from './a1';
import type { Execution } from './execution';
import { addMetadata, finderObject, metadataObjects } from './metadata';
import type { WorkbookModel } from './model';
import { serviceObject } from './service';
import { rangeObject } from './range';
import { modelOfSheet, rectOf, sheetObject } from './sheet';
import { checkTimeZone } from './timezone';
import { provide } from './objects';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

type SpreadsheetApi = Pick<
  Spreadsheet,
  | 'getId'
  | 'getName'
  | 'rename'
  | 'getUrl'
  | 'getSheets'
  | 'getNumSheets'
  | 'getSheetByName'
  | 'getSheetById'
  | 'insertSheet'
  | 'deleteSheet'
  | 'getActiveSheet'
  | 'setActiveSheet'
  | 'moveActiveSheet'
  | 'getRange'
  | 'getSpreadsheetTimeZone'
  | 'setSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'toast'
  | 'addDeveloperMetadata'
  | 'getDeveloperMetadata'
  | 'createDeveloperMetadataFinder'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getDataRange'
  | 'duplicateActiveSheet'
>;

/** Default names follow Sheets: Sheet1, Sheet2, ... skipping names in use. */
function nextSheetName(wb: WorkbookModel): string {
  for (let n = wb.sheets.length + 1; ; n++) if (!wb.findSheet(`Sheet${n}`)) return `Sheet${n}`;
}

export function spreadsheetObject(exec: Execution, wb: WorkbookModel): Spreadsheet {
  const activeModel = () => wb.activeSheet ?? wb.sheets[0];
  const active = () => sheetObject(exec, activeModel());
  const impl: SpreadsheetApi = {
    getId: () => wb.id,
    getName: () => wb.name,
    rename(name) {
      wb.name = String(name);
    },
    getUrl: () => `https://docs.google.com/spreadsheets/d/${wb.id}/edit`,
    getSheets: () => exec.realm.array(wb.sheets.map((s) => sheetObject(exec, s))),
    getNumSheets: () => wb.sheets.length,
    getSheetByName(name) {
      // Whether Apps Script matches names regardless of case is not documented; an exact match is
      // the stricter choice (code that relies on case-folding fails here, not in production).
      const s = wb.sheets.find((x) => x.name === String(name));
      return s ? sheetObject(exec, s) : null;
    },
    getSheetById(id) {
      const s = wb.sheets.find((x) => x.id === id);
      return s ? sheetObject(exec, s) : null;
    },
    insertSheet: ((...args: unknown[]) => {
      let name: string | null = null;
      let index = wb.sheets.length;
      if (typeof args[0] === 'string') name = args[0];
      if (typeof args[0] === 'number') index = args[0];
      if (typeof args[1] === 'number') index = args[1];
      if (args.some((a) => typeof a === 'object' && a !== null)) {
        throw new Error('offline runtime: Spreadsheet.insertSheet with options is not implemented');
      }
      if (!Number.isInteger(index) || index < 0 || index > wb.sheets.length)
        throw new Error('The sheet index is out of range.');
      const n = name ?? nextSheetName(wb);
      wb.checkNewName(n);
      const sheet = wb.addSheet(n, index);
      // insertSheet makes the new sheet the active one, as in Sheets.
      wb.activate(sheet);
      return sheetObject(exec, sheet);
    }) as Spreadsheet['insertSheet'],
    deleteSheet(sheet) {
      const model = modelOfSheet(sheet);
      if (!wb.sheets.includes(model)) throw new Error('Sheet not found');
      if (wb.sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
      wb.removeSheet(model);
    },
    getActiveSheet: active,
    /** Duplicate in the tab menu: "Copy of <name>" just after the active sheet, then active (see Sheet.copyTo). */
    duplicateActiveSheet() {
      const source = activeModel();
      const copy = wb.duplicateSheet(source, wb.sheets.indexOf(source) + 1);
      wb.activate(copy);
      return sheetObject(exec, copy);
    },
    setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet) {
      const model = modelOfSheet(sheet);
      wb.activate(model);
      return sheetObject(exec, model);
    },
    moveActiveSheet(pos) {
      const s = wb.activeSheet ?? wb.sheets[0];
      if (!Number.isInteger(pos) || pos < 1 || pos > wb.sheets.length)
        throw new Error('The sheet index is out of range.');
      wb.sheets = wb.sheets.filter((x) => x !== s);
      wb.sheets.splice(pos - 1, 0, s);
    },
    getRange(a1) {
      const ref = parseA1(String(a1));
      if (!ref) throw new Error('Range not found');
      const model =
        ref.sheetName === null ? (wb.activeSheet ?? wb.sheets[0]) : wb.sheets.find((x) => x.name === ref.sheetName);
      if (!model) throw new Error('Range not found');
      return rangeObject(exec, model, rectOf(model, [String(a1)]));
    },
    getSpreadsheetTimeZone: () => wb.timeZone,
    setSpreadsheetTimeZone(timezone) {
      checkTimeZone(timezone);
      wb.setTimeZone(timezone);
    },
    getSpreadsheetLocale: () => 'en_US',
    toast(msg: string, title?: string) {
      exec.world.ui.toasts.push(title ? `${title}: ${String(msg)}` : String(msg));
    },
    addDeveloperMetadata(key: string, value?: unknown, visibility?: unknown) {
      addMetadata(wb, { type: 'SPREADSHEET' }, key, value, visibility);
      return self;
    },
    getDeveloperMetadata: () =>
      exec.realm.array(
        metadataObjects(
          exec,
          wb.metadata.filter((m) => m.location.type === 'SPREADSHEET'),
        ),
      ),
    createDeveloperMetadataFinder: () => finderObject(exec, wb, null),
    // The active sheet's, without counting a Sheet call the add-on did not make.
    getLastRow: () => activeModel().lastRow(),
    getLastColumn: () => activeModel().lastColumn(),
    getDataRange: () => {
      const m = activeModel();
      return rangeObject(exec, m, {
        row: 1,
        column: 1,
        numRows: Math.max(1, m.lastRow()),
        numColumns: Math.max(1, m.lastColumn()),
      });
    },
  };
  const self = serviceObject<Spreadsheet>(exec, 'Spreadsheet', impl);
  return self;
}

provide({ spreadsheet: spreadsheetObject });
