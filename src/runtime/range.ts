/** Range: values (user-entered semantics), display values, formats, merges, sort, filter, metadata. */
import { rectsIntersect, rectToA1, type Rect } from './a1';
import { normalizeColor } from './colors';
import { checkValidations, validationModelOf, validationObject } from './dataValidation';
import type { Execution } from './execution';
import { filterObject } from './filter';
import { addMetadata, metadataObjects, rangeMetadataLocation } from './metadata';
import type { FormatLayer, SheetModel } from './model';
import { GENERAL } from './numberFormat';
import { serviceObject } from './service';
import { enterValue, Formula, type CellValue } from './values';
import { objects, provide } from './objects';
import { followEdit } from './personEdits';
import { checkAlive, checkRect } from './cells';
import { cellDisplay, formulaResult, rangeInfo, sortRows } from './cells';
import { addProtection, changesRange, checkEditable } from './protection';

type Range = GoogleAppsScript.Spreadsheet.Range;

type RangeApi = Pick<
  Range,
  | 'getA1Notation'
  | 'getRow'
  | 'getColumn'
  | 'getRowIndex'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getHeight'
  | 'getWidth'
  | 'getSheet'
  | 'getGridId'
  | 'getCell'
  | 'offset'
  | 'isBlank'
  | 'activate'
  | 'protect'
  | 'getValue'
  | 'getValues'
  | 'setValue'
  | 'setValues'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFormula'
  | 'getFormulas'
  | 'setFormula'
  | 'setFormulas'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'getBackground'
  | 'getBackgrounds'
  | 'setBackground'
  | 'setBackgrounds'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'getFontStyle'
  | 'getFontStyles'
  | 'setFontStyle'
  | 'setFontStyles'
  | 'getFontLine'
  | 'getFontLines'
  | 'setFontLine'
  | 'setFontLines'
  | 'getFontColor'
  | 'setFontColor'
  | 'setFontColors'
  | 'getFontSize'
  | 'getFontSizes'
  | 'setFontSize'
  | 'setFontSizes'
  | 'getFontFamily'
  | 'getFontFamilies'
  | 'setFontFamily'
  | 'setFontFamilies'
  | 'getHorizontalAlignment'
  | 'getHorizontalAlignments'
  | 'setHorizontalAlignment'
  | 'setHorizontalAlignments'
  | 'getVerticalAlignment'
  | 'getVerticalAlignments'
  | 'setVerticalAlignment'
  | 'setVerticalAlignments'
  | 'getWrap'
  | 'getWraps'
  | 'setWrap'
  | 'setWraps'
  | 'getNote'
  | 'getNotes'
  | 'setNote'
  | 'setNotes'
  | 'clear'
  | 'clearContent'
  | 'clearFormat'
  | 'clearNote'
  | 'merge'
  | 'mergeAcross'
  | 'mergeVertically'
  | 'breakApart'
  | 'isPartOfMerge'
  | 'getMergedRanges'
  | 'createFilter'
  | 'getFilter'
  | 'sort'
  | 'addDeveloperMetadata'
  | 'getDeveloperMetadata'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'clearDataValidations'
>;

const DEFAULTS: Record<FormatLayer, string | number | boolean> = {
  numberFormat: GENERAL,
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontLine: 'none',
  fontColor: '#000000',
  fontSize: 10,
  fontFamily: 'Arial',
  background: '#ffffff',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  wrap: false,
  note: '',
};

/** The exact messages Apps Script gives when a 2-D array does not fit its range. */
export function checkShape(values: unknown, numRows: number, numColumns: number, method: string): unknown[][] {
  if (!Array.isArray(values) || !values.every((row) => Array.isArray(row))) {
    const kind = Array.isArray(values) ? `${values.length ? typeof values[0] : 'Object'}[]` : typeof values;
    throw new Error(`The parameters (${kind}) don't match the method signature for SpreadsheetApp.Range.${method}.`);
  }
  const rows = values as unknown[][];
  if (rows.length !== numRows) {
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${numRows}.`,
    );
  }
  for (const row of rows) {
    if (row.length !== numColumns) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numColumns}.`,
      );
    }
  }
  return rows;
}

/**
 * Writes cells as the user would have typed them, applying the number format Sheets infers.
 * Everything is interpreted before anything is stored, so a refused value leaves the sheet as it was.
 */
export function writeCells(
  sheet: SheetModel,
  rect: Rect,
  valueAt: (i: number, j: number) => unknown,
  exec?: Execution,
): void {
  enterCells(sheet, rect, valueAt, exec)();
}

/**
 * Interprets and checks cells as writeCells does, storing nothing; the returned function stores
 * them (journaled for the execution). Several ranges written by one call are all checked first.
 */
export function enterCells(
  sheet: SheetModel,
  rect: Rect,
  valueAt: (i: number, j: number) => unknown,
  exec?: Execution,
): () => void {
  const tz = sheet.workbook.timeZone;
  const now = sheet.workbook.clock();
  const formats = sheet.formats.numberFormat;
  const entered: CellValue[][] = new Array(rect.numRows);
  const autoFormats: [number, number, string][] = [];
  for (let i = 0; i < rect.numRows; i++) {
    const row: CellValue[] = new Array(rect.numColumns);
    for (let j = 0; j < rect.numColumns; j++) {
      const v = valueAt(i, j);
      // Numbers, booleans and plain words need no parsing: only digits, signs, '=', "'" and TRUE/FALSE do.
      if (typeof v === 'number' || typeof v === 'boolean' || v === '') {
        row[j] = v as CellValue;
        continue;
      }
      if (typeof v === 'string' && v.length <= 50000 && isPlainText(v)) {
        row[j] = v;
        continue;
      }
      const format = formats.get(rect.row - 1 + i, rect.column - 1 + j);
      const e = enterValue(v, format, tz, now, sheet.workbook.switches.apostropheInTextFormat);
      row[j] = e.value;
      if (e.autoFormat && (format === null || format === GENERAL)) autoFormats.push([i, j, e.autoFormat]);
    }
    entered[i] = row;
  }
  checkValidations(sheet, rect, entered);
  return () => {
    if (exec?.counted) exec.pending.record(sheet, rect, entered);
    sheet.values.writeBlock(rect.row - 1, rect.column - 1, rect.numRows, rect.numColumns, (i, j) => entered[i][j]);
    for (const [i, j, f] of autoFormats) formats.set(rect.row - 1 + i, rect.column - 1 + j, f);
  };
}

/**
 * Text that typing cannot turn into anything else: it starts with a letter other than t/f
 * (TRUE, FALSE), or a non-ASCII character, and if that letter could begin a month name
 * ('Nov 12'), it holds no digit.
 */
function isPlainText(v: string): boolean {
  const c = v.charCodeAt(0) | 0x20; // lower-cases ASCII letters
  if (v.charCodeAt(0) > 0x7f) return true;
  if (c < 0x61 || c > 0x7a || c === 0x74 || c === 0x66) return false;
  return !'jmasond'.includes(String.fromCharCode(c)) || !/\d/.test(v);
}

function formulaCell(formula: unknown): CellValue {
  const f = String(formula ?? '');
  return f === '' ? '' : new Formula(f.startsWith('=') ? f : `=${f}`);
}

export function rangeObject(exec: Execution, sheet: SheetModel, at: Rect): Range {
  // Its own copy: under personEditMovesScriptWrites=shifted a person's edit moves it (personEdits.ts).
  const rect = { ...at };
  let r0 = rect.row - 1;
  let c0 = rect.column - 1;
  const { numRows, numColumns } = rect;
  const realm = exec.realm;

  const resolve = (cell: unknown, row: number, column: number) =>
    formulaResult(sheet, row + 1, column + 1, (cell as Formula).formula);

  /** A format as Apps Script reports it: the default where none is set; sizes as numbers, wrap as a boolean. */
  const formatAt = (layer: FormatLayer, i: number, j: number) => {
    const s = sheet.formats[layer].get(r0 + i, c0 + j);
    const d = DEFAULTS[layer];
    return s === null ? d : typeof d === 'number' ? Number(s) : typeof d === 'boolean' ? s === 'true' : s;
  };
  const layerGrid = (layer: FormatLayer) => {
    const out: unknown[][] = [];
    for (let i = 0; i < numRows; i++) {
      const row: unknown[] = [];
      for (let j = 0; j < numColumns; j++) row.push(formatAt(layer, i, j));
      out.push(row);
    }
    return out;
  };
  const one = <T>(layer: FormatLayer) => formatAt(layer, 0, 0) as T;
  const all = <T>(layer: FormatLayer) => realm.rows(layerGrid(layer), 0, 0, numRows, numColumns) as T[][];
  const setOne = (layer: FormatLayer, value: string | null) => {
    sheet.formats[layer].writeBlock(r0, c0, numRows, numColumns, () => value);
    return self;
  };
  const setAll = (layer: FormatLayer, values: unknown, method: string, norm: (v: unknown) => string | null) => {
    const rows = checkShape(values, numRows, numColumns, method);
    const normal = rows.map((row) => row.map(norm));
    sheet.formats[layer].writeBlock(r0, c0, numRows, numColumns, (i, j) => normal[i][j]);
    return self;
  };
  const text = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
  const flag = (v: unknown) => (v === null || v === undefined ? null : String(Boolean(v)));

  /** Stores cells as they are (formulas), journaled like any value write. */
  const storeCells = (cells: CellValue[][]) => {
    if (exec.counted) exec.pending.record(sheet, rect, cells);
    sheet.values.writeBlock(r0, c0, numRows, numColumns, (i, j) => cells[i][j]);
  };
  const mergesHere = () => sheet.merges.filter((m) => rectsIntersect(m, rect));
  const addMerge = (m: Rect) => {
    const partial = sheet.merges.filter((x) => rectsIntersect(x, m));
    if (
      partial.some(
        (x) =>
          !(
            x.row >= m.row &&
            x.column >= m.column &&
            x.row + x.numRows <= m.row + m.numRows &&
            x.column + x.numColumns <= m.column + m.numColumns
          ),
      )
    ) {
      throw new Error('You must select all cells in a merged range to merge or unmerge them.');
    }
    sheet.merges = sheet.merges.filter((x) => !partial.includes(x));
    if (m.numRows === 1 && m.numColumns === 1) return;
    // Merging keeps only the top-left value, as in Sheets.
    for (let i = 0; i < m.numRows; i++) {
      for (let j = 0; j < m.numColumns; j++) if (i || j) sheet.values.set(m.row - 1 + i, m.column - 1 + j, '');
    }
    sheet.merges.push({ ...m });
  };

  const impl: RangeApi = {
    getA1Notation: () => rectToA1(rect),
    getRow: () => rect.row,
    getRowIndex: () => rect.row,
    getColumn: () => rect.column,
    getLastRow: () => rect.row + numRows - 1,
    getLastColumn: () => rect.column + numColumns - 1,
    getNumRows: () => numRows,
    getNumColumns: () => numColumns,
    getHeight: () => numRows,
    getWidth: () => numColumns,
    getSheet: () => objects.sheet(exec, sheet),
    getGridId: () => sheet.id,
    getCell(row, column) {
      if (row < 1 || column < 1 || row > numRows || column > numColumns) {
        throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
      }
      return rangeObject(exec, sheet, {
        row: rect.row + row - 1,
        column: rect.column + column - 1,
        numRows: 1,
        numColumns: 1,
      });
    },
    offset(rowOffset: number, columnOffset: number, rows?: number, columns?: number) {
      const next = {
        row: rect.row + rowOffset,
        column: rect.column + columnOffset,
        numRows: rows ?? numRows,
        numColumns: columns ?? numColumns,
      };
      checkRect(sheet, next);
      return rangeObject(exec, sheet, next);
    },
    isBlank() {
      for (let i = 0; i < numRows; i++)
        for (let j = 0; j < numColumns; j++) if (sheet.values.get(r0 + i, c0 + j) !== '') return false;
      return true;
    },
    activate() {
      sheet.workbook.activate(sheet);
      return self;
    },

    protect: () => addProtection(exec, sheet, { ...rect }),
    getValues: () => realm.rows(sheet.values.rows, r0, c0, numRows, numColumns, resolve),
    getValue: () => realm.rows(sheet.values.rows, r0, c0, 1, 1, resolve)[0][0],
    setValues(values) {
      const rows = checkShape(values, numRows, numColumns, 'setValues');
      writeCells(sheet, rect, (i, j) => rows[i][j], exec);
      return self;
    },
    setValue(value) {
      if (Array.isArray(value))
        throw new Error(
          `The parameters (${typeof value[0]}[]) don't match the method signature for SpreadsheetApp.Range.setValue.`,
        );
      writeCells(sheet, rect, () => value, exec);
      return self;
    },
    getDisplayValues() {
      const out: string[][] = [];
      for (let i = 0; i < numRows; i++) {
        const row: string[] = [];
        for (let j = 0; j < numColumns; j++) row.push(cellDisplay(sheet, rect.row + i, rect.column + j));
        out.push(row);
      }
      return realm.rows(out, 0, 0, numRows, numColumns) as string[][];
    },
    getDisplayValue: () => cellDisplay(sheet, rect.row, rect.column),
    getFormulas() {
      const out: string[][] = [];
      for (let i = 0; i < numRows; i++) {
        const row: string[] = [];
        for (let j = 0; j < numColumns; j++) {
          const v = sheet.values.get(r0 + i, c0 + j);
          row.push(v instanceof Formula ? v.formula : '');
        }
        out.push(row);
      }
      return realm.rows(out, 0, 0, numRows, numColumns) as string[][];
    },
    getFormula() {
      const v = sheet.values.get(r0, c0);
      return v instanceof Formula ? v.formula : '';
    },
    setFormula(formula) {
      const cell = formulaCell(formula);
      storeCells(Array.from({ length: numRows }, () => new Array<CellValue>(numColumns).fill(cell)));
      return self;
    },
    setFormulas(formulas) {
      storeCells(checkShape(formulas, numRows, numColumns, 'setFormulas').map((row) => row.map(formulaCell)));
      return self;
    },

    getNumberFormat: () => one('numberFormat'),
    getNumberFormats: () => all('numberFormat'),
    setNumberFormat: (f) => setOne('numberFormat', text(f)),
    setNumberFormats: (f) => setAll('numberFormat', f, 'setNumberFormats', text),
    getBackground: () => one('background'),
    getBackgrounds: () => all('background'),
    setBackground: (c) => setOne('background', normalizeColor(c)),
    setBackgrounds: (c) => setAll('background', c, 'setBackgrounds', normalizeColor),
    getFontWeight: () => one('fontWeight'),
    getFontWeights: () => all('fontWeight'),
    setFontWeight: (w) => setOne('fontWeight', text(w)),
    setFontWeights: (w) => setAll('fontWeight', w, 'setFontWeights', text),
    getFontStyle: () => one('fontStyle'),
    getFontStyles: () => all('fontStyle'),
    setFontStyle: (s) => setOne('fontStyle', text(s)),
    setFontStyles: (s) => setAll('fontStyle', s, 'setFontStyles', text),
    getFontLine: () => one('fontLine'),
    getFontLines: () => all('fontLine'),
    setFontLine: (s) => setOne('fontLine', text(s)),
    setFontLines: (s) => setAll('fontLine', s, 'setFontLines', text),
    getFontColor: () => one('fontColor'),
    setFontColor: (c: unknown) => setOne('fontColor', normalizeColor(c)),
    setFontColors: (c) => setAll('fontColor', c, 'setFontColors', normalizeColor),
    getFontSize: () => one('fontSize'),
    getFontSizes: () => all('fontSize'),
    setFontSize: (s) => setOne('fontSize', text(s)),
    setFontSizes: (s) => setAll('fontSize', s, 'setFontSizes', text),
    getFontFamily: () => one('fontFamily'),
    getFontFamilies: () => all('fontFamily'),
    setFontFamily: (s) => setOne('fontFamily', text(s)),
    setFontFamilies: (s) => setAll('fontFamily', s, 'setFontFamilies', text),
    getHorizontalAlignment: () => one('horizontalAlignment'),
    getHorizontalAlignments: () => all('horizontalAlignment'),
    setHorizontalAlignment: (s) => setOne('horizontalAlignment', text(s)),
    setHorizontalAlignments: (s) => setAll('horizontalAlignment', s, 'setHorizontalAlignments', text),
    getVerticalAlignment: () => one('verticalAlignment'),
    getVerticalAlignments: () => all('verticalAlignment'),
    setVerticalAlignment: (s) => setOne('verticalAlignment', text(s)),
    setVerticalAlignments: (s) => setAll('verticalAlignment', s, 'setVerticalAlignments', text),
    getWrap: () => one('wrap'),
    getWraps: () => all('wrap'),
    setWrap: (w) => setOne('wrap', flag(w)),
    setWraps: (w) => setAll('wrap', w, 'setWraps', flag),
    getNote: () => one('note'),
    getNotes: () => all('note'),
    setNote: (n) => setOne('note', text(n)),
    setNotes: (n) => setAll('note', n, 'setNotes', text),

    clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }) {
      if (!options?.formatOnly) impl.clearContent();
      if (!options?.contentsOnly) impl.clearFormat();
      return self;
    },
    clearContent() {
      sheet.values.writeBlock(r0, c0, numRows, numColumns, () => '');
      return self;
    },
    clearFormat() {
      for (const [layer, grid] of Object.entries(sheet.formats)) {
        if (layer !== 'note') grid.writeBlock(r0, c0, numRows, numColumns, () => null);
      }
      return self;
    },
    clearNote() {
      sheet.formats.note.writeBlock(r0, c0, numRows, numColumns, () => null);
      return self;
    },

    merge() {
      addMerge(rect);
      return self;
    },
    mergeAcross() {
      for (let i = 0; i < numRows; i++) addMerge({ row: rect.row + i, column: rect.column, numRows: 1, numColumns });
      return self;
    },
    mergeVertically() {
      for (let j = 0; j < numColumns; j++) addMerge({ row: rect.row, column: rect.column + j, numRows, numColumns: 1 });
      return self;
    },
    breakApart() {
      const here = mergesHere();
      if (
        here.some(
          (m) =>
            !(
              m.row >= rect.row &&
              m.column >= rect.column &&
              m.row + m.numRows <= rect.row + numRows &&
              m.column + m.numColumns <= rect.column + numColumns
            ),
        )
      ) {
        throw new Error('You must select all cells in a merged range to merge or unmerge them.');
      }
      sheet.merges = sheet.merges.filter((m) => !here.includes(m));
      return self;
    },
    isPartOfMerge: () => mergesHere().length > 0,
    getMergedRanges: () => realm.array(mergesHere().map((m) => rangeObject(exec, sheet, m))),

    createFilter() {
      if (sheet.filter) throw new Error("You can't create a filter in a sheet that already has a filter.");
      sheet.filter = { range: { ...rect }, hiddenValues: new Map() };
      return filterObject(exec, sheet);
    },
    getFilter: () => (sheet.filter && rectsIntersect(sheet.filter.range, rect) ? filterObject(exec, sheet) : null),
    sort(sortSpecObj) {
      sortRows(sheet, rect, sortSpecObj);
      return self;
    },

    addDeveloperMetadata(key: string, value?: unknown, visibility?: unknown) {
      addMetadata(sheet.workbook, rangeMetadataLocation(sheet, rect), key, value, visibility);
      return self;
    },
    setDataValidation(rule) {
      const model = validationModelOf(rule);
      sheet.validations.writeBlock(r0, c0, numRows, numColumns, () => model);
      return self;
    },
    setDataValidations(rules) {
      const rows = checkShape(rules, numRows, numColumns, 'setDataValidations').map((row) =>
        row.map(validationModelOf),
      );
      sheet.validations.writeBlock(r0, c0, numRows, numColumns, (i, j) => rows[i][j]);
      return self;
    },
    getDataValidation() {
      const model = sheet.validations.get(r0, c0);
      return (model ? validationObject(exec, model) : null) as GoogleAppsScript.Spreadsheet.DataValidation;
    },
    getDataValidations() {
      const out: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] = [];
      for (let i = 0; i < numRows; i++) {
        const row: (GoogleAppsScript.Spreadsheet.DataValidation | null)[] = [];
        for (let j = 0; j < numColumns; j++) {
          const model = sheet.validations.get(r0 + i, c0 + j);
          row.push(model ? validationObject(exec, model) : null);
        }
        out.push(row);
      }
      return realm.rows(out, 0, 0, numRows, numColumns) as GoogleAppsScript.Spreadsheet.DataValidation[][];
    },
    clearDataValidations() {
      sheet.validations.writeBlock(r0, c0, numRows, numColumns, () => null);
      return self;
    },
    getDeveloperMetadata: () =>
      realm.array(
        metadataObjects(
          exec,
          sheet.workbook.metadata.filter((m) => {
            const loc = m.location;
            if (loc.type !== 'ROW' && loc.type !== 'COLUMN') return false;
            if (loc.sheet !== sheet) return false;
            const span =
              loc.type === 'ROW'
                ? { row: loc.start, column: 1, numRows: loc.length, numColumns: sheet.maxColumns }
                : { row: 1, column: loc.start, numRows: sheet.maxRows, numColumns: loc.length };
            return (
              rectsIntersect(span, rect) &&
              (loc.type === 'ROW' ? rect.numColumns === sheet.maxColumns : rect.numRows === sheet.maxRows)
            );
          }),
        ),
      ),
  };
  const self = serviceObject<Range>(exec, 'Range', impl, (method) => {
    checkAlive(sheet);
    if (changesRange(method)) checkEditable(exec, sheet, rect);
  });
  const info = { sheet, rect: { ...rect } };
  rangeInfo.set(self, info);
  if (exec.counted && sheet.workbook.switches.personEditMovesScriptWrites === 'shifted') {
    exec.rangeFollowers.push((edit) => {
      if (edit.sheet !== sheet) return;
      followEdit(rect, edit);
      info.rect = { ...rect };
      r0 = rect.row - 1;
      c0 = rect.column - 1;
    });
  }
  return self;
}

provide({ range: rangeObject });
