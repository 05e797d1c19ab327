/** Sheet: ranges by coordinates and A1, size, structure (insert/delete/move), frozen panes, rules, metadata. */
import { parseA1, resolveA1, type Rect } from './a1';
import { ruleModelOf, ruleObject } from './conditionalFormat';
import type { Execution } from './execution';
import { filterObject } from './filter';
import { personEdit, type GridEdit } from './personEdits';
import { addMetadata, finderObject, metadataObjects } from './metadata';
import type { SheetModel } from './model';
import { enterCells, rangeObject, writeCells } from './range';
import { serviceObject } from './service';
import { objects, provide } from './objects';
import { cellDisplay, checkAlive, checkRect, rangeInfo, readCell, sortRows } from './cells';
import { sheetChartMethods } from './chart';
import { addProtection, checkEditable, protectionObject, sheetChange } from './protection';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

type SheetApi = Pick<
  Sheet,
  | 'getName'
  | 'setName'
  | 'getSheetId'
  | 'getSheetName'
  | 'getIndex'
  | 'getParent'
  | 'activate'
  | 'getRange'
  | 'getDataRange'
  | 'getSheetValues'
  | 'getRangeList'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertRows'
  | 'insertRowsBefore'
  | 'insertRowsAfter'
  | 'insertRowBefore'
  | 'insertRowAfter'
  | 'insertColumns'
  | 'insertColumnsBefore'
  | 'insertColumnsAfter'
  | 'insertColumnBefore'
  | 'insertColumnAfter'
  | 'deleteRow'
  | 'deleteRows'
  | 'deleteColumn'
  | 'deleteColumns'
  | 'appendRow'
  | 'moveColumns'
  | 'moveRows'
  | 'sort'
  | 'clear'
  | 'clearContents'
  | 'clearFormats'
  | 'hideSheet'
  | 'showSheet'
  | 'isSheetHidden'
  | 'setFrozenRows'
  | 'setFrozenColumns'
  | 'getFrozenRows'
  | 'getFrozenColumns'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'getColumnWidth'
  | 'setRowHeight'
  | 'getRowHeight'
  | 'autoResizeColumns'
  | 'autoResizeColumn'
  | 'hideRows'
  | 'showRows'
  | 'hideColumns'
  | 'showColumns'
  | 'isRowHiddenByUser'
  | 'isRowHiddenByFilter'
  | 'isColumnHiddenByUser'
  | 'getFilter'
  | 'getConditionalFormatRules'
  | 'setConditionalFormatRules'
  | 'clearConditionalFormatRules'
  | 'addDeveloperMetadata'
  | 'getDeveloperMetadata'
  | 'createDeveloperMetadataFinder'
  | 'setTabColor'
  | 'getTabColor'
  | 'copyTo'
  | 'protect'
  | 'getProtections'
>;

/** Resolves getRange's argument forms: (row, column[, numRows[, numColumns]]) or (a1Notation). */
export function rectOf(sheet: SheetModel, args: unknown[]): Rect {
  if (typeof args[0] === 'string') {
    const ref = parseA1(args[0]);
    if (!ref || (ref.sheetName !== null && ref.sheetName !== sheet.name)) throw new Error('Range not found');
    const rect = resolveA1(ref, sheet.maxRows, sheet.maxColumns);
    checkRect(sheet, rect);
    return rect;
  }
  const [row, column, numRows = 1, numColumns = 1] = args as number[];
  const rect = { row, column, numRows, numColumns };
  checkRect(sheet, rect);
  return rect;
}

function count(n: unknown, what: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new Error(`Those ${what} are out of bounds.`);
  return n;
}

/** The model behind each Sheet object, so services taking a Sheet need not call it (and count). */
export const sheetModels = new WeakMap<object, SheetModel>();

export function modelOfSheet(sheet: unknown): SheetModel {
  const model = sheetModels.get(sheet as object);
  if (!model) throw new Error("The parameters (Object) don't match the method signature: a Sheet was expected.");
  return model;
}

function rangeOf(range: unknown, sheet: SheetModel): Rect {
  const info = rangeInfo.get(range as object);
  if (!info || info.sheet !== sheet) throw new Error('The range must be on this sheet.');
  return info.rect;
}

export function sheetObject(exec: Execution, sheet: SheetModel): Sheet {
  const wb = sheet.workbook;
  const live = () => checkAlive(sheet);
  /** The test's handle is a person: their edit meets the running scripts' writes as personEdits.ts says. */
  const structural = (edit: GridEdit, apply: () => void) =>
    exec.counted ? apply() : personEdit(exec.world.running, edit, apply);
  const insertRows = (before: number, howMany = 1) => {
    live();
    if (before < 1 || before > sheet.maxRows + 1) throw new Error('Those rows are out of bounds.');
    const n = count(howMany, 'rows');
    structural({ sheet, axis: 'row', at: before, count: n, insert: true }, () => sheet.insertRows(before, n));
    return self;
  };
  const insertColumns = (before: number, howMany = 1) => {
    live();
    if (before < 1 || before > sheet.maxColumns + 1) throw new Error('Those columns are out of bounds.');
    const n = count(howMany, 'columns');
    structural({ sheet, axis: 'column', at: before, count: n, insert: true }, () => sheet.insertColumns(before, n));
    return self;
  };
  const deleteRows = (at: number, howMany = 1) => {
    live();
    if (at < 1 || at + howMany - 1 > sheet.maxRows) throw new Error('Those rows are out of bounds.');
    if (howMany >= sheet.maxRows) throw new Error("You can't delete all the rows on the sheet.");
    // Switch deleteAllNonFrozenRows: whether the rows below the frozen ones may all go.
    if (
      sheet.frozenRows > 0 &&
      at > sheet.frozenRows &&
      howMany >= sheet.maxRows - sheet.frozenRows &&
      sheet.workbook.switches.deleteAllNonFrozenRows === 'refused'
    ) {
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    const n = count(howMany, 'rows');
    structural({ sheet, axis: 'row', at, count: n, insert: false }, () => sheet.deleteRows(at, n));
    return self;
  };
  const deleteColumns = (at: number, howMany = 1) => {
    live();
    if (at < 1 || at + howMany - 1 > sheet.maxColumns) throw new Error('Those columns are out of bounds.');
    if (howMany >= sheet.maxColumns) throw new Error("You can't delete all the columns on the sheet.");
    const n = count(howMany, 'columns');
    structural({ sheet, axis: 'column', at, count: n, insert: false }, () => sheet.deleteColumns(at, n));
    return self;
  };
  const range = (rect: Rect) => rangeObject(exec, sheet, rect);

  const impl: SheetApi = {
    getName: () => sheet.name,
    getSheetName: () => sheet.name,
    setName(name) {
      live();
      const n = String(name);
      wb.checkNewName(n, sheet);
      if (n.trim() === '') throw new Error('Sheet name cannot be empty.');
      sheet.name = n;
      return self;
    },
    getSheetId: () => sheet.id,
    getIndex: () => wb.sheets.indexOf(sheet) + 1,
    getParent: () => objects.spreadsheet(exec, wb),
    activate() {
      wb.activate(sheet);
      return self;
    },

    getRange: ((...args: unknown[]) => {
      live();
      return range(rectOf(sheet, args));
    }) as Sheet['getRange'],
    /**
     * Several ranges from A1 notations in one call; RangeList.getRanges gives them as Range objects
     * (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getRangeList(String),
     * https://developers.google.com/apps-script/reference/spreadsheet/range-list#getRanges()).
     */
    getRangeList: (a1Notations: string[]) => {
      live();
      if (!Array.isArray(a1Notations) || a1Notations.length === 0)
        throw new Error(
          "The parameters (String[]) don't match the method signature for SpreadsheetApp.Sheet.getRangeList.",
        );
      const ranges = a1Notations.map((a1) => range(rectOf(sheet, [String(a1)])));
      const list = serviceObject<GoogleAppsScript.Spreadsheet.RangeList>(exec, 'RangeList', {
        getRanges: () => exec.realm.array(ranges),
        /**
         * One value into every range, in one call: a value write like Range.setValue, batched and
         * sent at the next flush (https://developers.google.com/apps-script/reference/spreadsheet/range-list#setValue(Object):
         * "Sets the value for each Range in the RangeList"). Every range is checked before any is
         * written, so a refusal leaves the sheet as it was.
         */
        setValue(value: unknown) {
          if (Array.isArray(value))
            throw new Error(
              `The parameters (${typeof value[0]}[]) don't match the method signature for SpreadsheetApp.RangeList.setValue.`,
            );
          checkAlive(sheet);
          // Where the ranges are now: under personEditMovesScriptWrites=shifted they move with a person's edits.
          const rects = ranges.map((r) => rangeInfo.get(r)!.rect);
          for (const rect of rects) checkEditable(exec, sheet, rect);
          rects.map((rect) => enterCells(sheet, rect, () => value, exec)).forEach((store) => store());
          return list;
        },
      });
      return list;
    },
    getDataRange: () =>
      range({ row: 1, column: 1, numRows: Math.max(1, sheet.lastRow()), numColumns: Math.max(1, sheet.lastColumn()) }),
    getSheetValues: (row, column, numRows, numColumns) => {
      const rows = numRows === -1 ? sheet.lastRow() - row + 1 : numRows;
      const cols = numColumns === -1 ? sheet.lastColumn() - column + 1 : numColumns;
      const rect = rectOf(sheet, [row, column, rows, cols]);
      return exec.realm.rows(
        sheet.values.rows,
        rect.row - 1,
        rect.column - 1,
        rect.numRows,
        rect.numColumns,
        (cell, r, c) => readCell(sheet, r + 1, c + 1),
      );
    },
    getLastRow: () => sheet.lastRow(),
    getLastColumn: () => sheet.lastColumn(),
    getMaxRows: () => sheet.maxRows,
    getMaxColumns: () => sheet.maxColumns,

    insertRows: (rowIndex, numRows?: number) => insertRows(rowIndex, numRows),
    insertRowsBefore: (before, howMany) => insertRows(before, howMany),
    insertRowsAfter: (after, howMany) => insertRows(after + 1, howMany),
    insertRowBefore: (before) => insertRows(before, 1),
    insertRowAfter: (after) => insertRows(after + 1, 1),
    insertColumns: (columnIndex, numColumns?: number) => insertColumns(columnIndex, numColumns),
    insertColumnsBefore: (before, howMany) => insertColumns(before, howMany),
    insertColumnsAfter: (after, howMany) => insertColumns(after + 1, howMany),
    insertColumnBefore: (before) => insertColumns(before, 1),
    insertColumnAfter: (after) => insertColumns(after + 1, 1),
    deleteRow: (row) => deleteRows(row, 1),
    deleteRows: (at, howMany) => deleteRows(at, howMany),
    deleteColumn: (column) => deleteColumns(column, 1),
    deleteColumns: (at, howMany?: number) => deleteColumns(at, howMany),
    appendRow(rowContents) {
      live();
      if (!Array.isArray(rowContents))
        throw new Error("The parameters (String) don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
      // appendRow grows the sheet when the last row is used, as in Sheets.
      const row = sheet.lastRow() + 1;
      if (row > sheet.maxRows) {
        wb.checkCellLimit(sheet.maxColumns);
        sheet.maxRows = row;
      }
      if (rowContents.length > sheet.maxColumns) {
        wb.checkCellLimit((rowContents.length - sheet.maxColumns) * sheet.maxRows);
        sheet.maxColumns = rowContents.length;
      }
      if (rowContents.length > 0)
        writeCells(
          sheet,
          { row, column: 1, numRows: 1, numColumns: rowContents.length },
          (_i, j) => rowContents[j],
          exec,
        );
      return self;
    },
    moveColumns(columnSpec, destinationIndex) {
      live();
      const spec = rangeOf(columnSpec, sheet);
      const from = spec.column;
      const n = spec.numColumns;
      if (destinationIndex < 1 || destinationIndex > sheet.maxColumns + 1)
        throw new Error('Those columns are out of bounds.');
      sheet.moveColumns(from, n, destinationIndex);
    },
    moveRows(rowSpec, destinationIndex) {
      live();
      if (destinationIndex < 1 || destinationIndex > sheet.maxRows + 1)
        throw new Error('Those rows are out of bounds.');
      const spec = rangeOf(rowSpec, sheet);
      sheet.moveRows(spec.row, spec.numRows, destinationIndex);
    },
    sort(columnPosition, ascending = true) {
      live();
      // Sheet.sort leaves frozen header rows in place.
      const first = sheet.frozenRows + 1;
      const last = sheet.lastRow();
      if (last >= first) {
        sortRows(
          sheet,
          { row: first, column: 1, numRows: last - first + 1, numColumns: sheet.maxColumns },
          { column: columnPosition, ascending },
        );
      }
      return self;
    },

    clear() {
      live();
      sheet.values.rows = [];
      for (const g of Object.values(sheet.formats)) g.rows = [];
      return self;
    },
    clearContents() {
      live();
      sheet.values.rows = [];
      return self;
    },
    clearFormats() {
      live();
      for (const [k, g] of Object.entries(sheet.formats)) if (k !== 'note') g.rows = [];
      return self;
    },
    hideSheet() {
      live();
      if (wb.sheets.filter((s) => !s.hidden && s !== sheet).length === 0)
        throw new Error("You can't hide all the sheets in a document.");
      sheet.hidden = true;
      // The user cannot look at a hidden sheet: the next visible one becomes active.
      if (wb.activeSheet === sheet) wb.activeSheet = wb.sheets.find((s) => !s.hidden) ?? sheet;
      return self;
    },
    showSheet() {
      sheet.hidden = false;
      return self;
    },
    isSheetHidden: () => sheet.hidden,

    setFrozenRows(rows) {
      if (!Number.isInteger(rows) || rows < 0 || rows > sheet.maxRows) throw new Error('Those rows are out of bounds.');
      // Switch freezeAllRows: whether every row may be frozen.
      if (rows > 0 && rows >= sheet.maxRows && wb.switches.freezeAllRows === 'refused')
        throw new Error('Sorry, it is not possible to freeze all rows.');
      sheet.frozenRows = rows;
    },
    setFrozenColumns(columns) {
      if (!Number.isInteger(columns) || columns < 0 || columns > sheet.maxColumns)
        throw new Error('Those columns are out of bounds.');
      if (columns > 0 && columns >= sheet.maxColumns && wb.switches.freezeAllRows === 'refused')
        throw new Error('Sorry, it is not possible to freeze all columns.');
      sheet.frozenColumns = columns;
    },
    getFrozenRows: () => sheet.frozenRows,
    getFrozenColumns: () => sheet.frozenColumns,
    setColumnWidth(column, width) {
      sheet.columnWidths.set(column, width);
      return self;
    },
    setColumnWidths(start, n, width) {
      for (let c = start; c < start + n; c++) sheet.columnWidths.set(c, width);
      return self;
    },
    getColumnWidth: (column) => sheet.columnWidths.get(column) ?? 100,
    setRowHeight(row, height) {
      sheet.rowHeights.set(row, height);
      return self;
    },
    getRowHeight: (row) => sheet.rowHeights.get(row) ?? 21,
    autoResizeColumns: () => self,
    autoResizeColumn: () => self,
    hideRows: ((start: number, n: number = 1) => {
      for (let r = start; r < start + n; r++) sheet.hiddenRows.add(r);
    }) as Sheet['hideRows'],
    showRows: ((start: number, n: number = 1) => {
      for (let r = start; r < start + n; r++) sheet.hiddenRows.delete(r);
    }) as Sheet['showRows'],
    hideColumns: ((start: number, n: number = 1) => {
      for (let c = start; c < start + n; c++) sheet.hiddenColumns.add(c);
    }) as Sheet['hideColumns'],
    showColumns: ((start: number, n: number = 1) => {
      for (let c = start; c < start + n; c++) sheet.hiddenColumns.delete(c);
    }) as Sheet['showColumns'],
    isRowHiddenByUser: (row) => sheet.hiddenRows.has(row),
    isColumnHiddenByUser: (column) => sheet.hiddenColumns.has(column),
    isRowHiddenByFilter: (row) => rowHiddenByFilter(sheet, row),

    getFilter: () => (sheet.filter ? filterObject(exec, sheet) : null),
    getConditionalFormatRules: () => exec.realm.array(sheet.rules.map((r) => ruleObject(exec, sheet, r))),
    setConditionalFormatRules(rules) {
      live();
      if (!Array.isArray(rules))
        throw new Error(
          "The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.",
        );
      // Replaces every rule of the sheet (https://developers.google.com/apps-script/reference/spreadsheet/sheet#setConditionalFormatRules(ConditionalFormatRule)).
      sheet.rules = rules.map((r) => ruleModelOf(r, sheet));
    },
    clearConditionalFormatRules() {
      sheet.rules = [];
    },

    addDeveloperMetadata(key: string, value?: unknown, visibility?: unknown) {
      live();
      addMetadata(wb, { type: 'SHEET', sheet }, key, value, visibility);
      return self;
    },
    getDeveloperMetadata: () =>
      exec.realm.array(
        metadataObjects(
          exec,
          wb.metadata.filter((m) => m.location.type === 'SHEET' && m.location.sheet === sheet),
        ),
      ),
    createDeveloperMetadataFinder: () => finderObject(exec, wb, sheet),
    setTabColor(color) {
      sheet.tabColor = color;
      return self;
    },
    getTabColor: () => sheet.tabColor,

    /**
     * A copy named "Copy of <name>" at the end of the spreadsheet, with cells, formats, rules and
     * (switch copyCarriesMetadata, default yes: the stricter choice) developer metadata.
     * https://developers.google.com/apps-script/reference/spreadsheet/sheet#copyTo(Spreadsheet)
     */
    copyTo(spreadsheet) {
      if (
        spreadsheet !== undefined &&
        spreadsheet !== null &&
        (spreadsheet as unknown as { getId(): string }).getId() !== wb.id
      ) {
        throw new Error(
          'offline runtime: copying to another spreadsheet is not modelled (spreadsheets.currentonly reaches no other file)',
        );
      }
      return sheetObject(exec, wb.duplicateSheet(sheet, wb.sheets.length));
    },
    protect: () => addProtection(exec, sheet, null),
    getProtections: ((type: unknown) =>
      exec.realm.array(
        sheet.protections
          .filter((p) => (String(type) === 'SHEET' ? p.range === null : p.range !== null))
          .map((p) => protectionObject(exec, sheet, p)),
      )) as Sheet['getProtections'],
  };
  Object.assign(impl, sheetChartMethods(exec, sheet));
  const self = serviceObject<Sheet>(exec, 'Sheet', impl, (method, args) => {
    checkAlive(sheet);
    const change = sheetChange(sheet, method, args);
    if (change !== undefined) checkEditable(exec, sheet, change);
  });
  sheetModels.set(self, sheet);
  return self;
}

/** A row is hidden by the filter when a column's hidden values include the row's display value there. */
export function rowHiddenByFilter(sheet: SheetModel, row: number): boolean {
  const f = sheet.filter;
  if (!f || row <= f.range.row || row >= f.range.row + f.range.numRows) return false;
  for (const [column, hidden] of f.hiddenValues) {
    if (hidden.includes(cellDisplay(sheet, row, column))) return true;
  }
  return false;
}

provide({ sheet: sheetObject });
