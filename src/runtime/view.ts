/**
 * The rendered workbook for the playground and GET /api/workbook: display values, and each cell's
 * background and weight after conditional formatting (the first matching rule wins; else the
 * cell's own background; null where neither is set).
 */
import { effectiveRuleFormat } from './conditionalFormat';
import type { SheetModel, WorkbookModel } from './model';
import type { CellInput, WorkbookView } from './types';
import { cellDisplay } from './cells';
import { displayValue } from './numberFormat';
import { isDate } from './values';
import { chartView } from './chart';

export function renderWorkbook(wb: WorkbookModel): WorkbookView {
  return {
    sheets: wb.sheets.map((sheet) => {
      // The used area, and at least the frozen header, so an empty tab still shows its headers' place.
      const rows = Math.max(sheet.lastRow(), sheet.frozenRows);
      const columns = Math.max(sheet.lastColumn(), sheet.frozenColumns);
      const values: string[][] = [];
      const backgrounds: (string | null)[][] = [];
      const fontWeights: (string | null)[][] = [];
      // Cells set to wrap, as [row, column] pairs (0-based): few, so not a full grid of flags.
      const wrapped: [number, number][] = [];
      const inputs: CellInput[] = [];
      for (let r = 1; r <= rows; r++) {
        const v: string[] = [];
        const b: (string | null)[] = [];
        const w: (string | null)[] = [];
        for (let c = 1; c <= columns; c++) {
          v.push(cellDisplay(sheet, r, c));
          const rule = sheet.rules.length ? effectiveRuleFormat(sheet, r, c) : null;
          b.push(rule?.background ?? sheet.formats.background.get(r - 1, c - 1));
          w.push(rule?.bold ? 'bold' : sheet.formats.fontWeight.get(r - 1, c - 1));
          const wrap = sheet.formats.wrap.get(r - 1, c - 1);
          if (wrap !== null && wrap !== '' && String(wrap) !== 'false') wrapped.push([r - 1, c - 1]);
          const input = cellInput(sheet, r, c);
          if (input) inputs.push(input);
        }
        values.push(v);
        backgrounds.push(b);
        fontWeights.push(w);
      }
      return {
        name: sheet.name,
        sheetId: sheet.id,
        values,
        backgrounds,
        fontWeights,
        frozenRows: sheet.frozenRows,
        frozenColumns: sheet.frozenColumns,
        ...(sheet.hidden ? { hidden: true } : {}),
        columnWidths: Object.fromEntries([...sheet.columnWidths].filter(([c]) => c <= columns)),
        wrapped,
        hiddenColumns: [...sheet.hiddenColumns].filter((c) => c <= columns).sort((a, b) => a - b),
        inputs,
        merges: sheet.merges.map(
          (m) => [m.row - 1, m.column - 1, m.numRows, m.numColumns] as [number, number, number, number],
        ),
        charts: sheet.charts.map((c) => chartView(c, sheet)),
      };
    }),
    activeSheet: (wb.activeSheet ?? wb.sheets[0]).name,
  };
}

/**
 * The control Sheets shows for a cell's data-validation rule: a dropdown for a list (or a range's
 * values), a checkbox, a date picker for "is a valid date"; other rules only check typed text.
 */
function cellInput(sheet: SheetModel, r: number, c: number): CellInput | null {
  const rule = sheet.validations.get(r - 1, c - 1);
  if (!rule) return null;
  const at = { row: r - 1, column: c - 1 };
  switch (rule.criteria) {
    case 'CHECKBOX':
      return { ...at, kind: 'checkbox' };
    case 'DATE_IS_VALID_DATE': {
      const value = sheet.values.get(r - 1, c - 1);
      return {
        ...at,
        kind: 'date',
        date: isDate(value) ? displayValue(value, 'yyyy-mm-dd', sheet.workbook.timeZone) : '',
      };
    }
    case 'VALUE_IN_LIST':
      return rule.values[1] === false ? null : { ...at, kind: 'list', options: (rule.values[0] as string[]).slice() };
    case 'VALUE_IN_RANGE': {
      const src = rule.source;
      if (!src || rule.values[0] === false) return null;
      const options: string[] = [];
      for (let i = src.rect.row; i < src.rect.row + src.rect.numRows; i++)
        for (let j = src.rect.column; j < src.rect.column + src.rect.numColumns; j++) {
          const text = cellDisplay(src.sheet, i, j);
          if (text !== '' && !options.includes(text)) options.push(text);
        }
      return { ...at, kind: 'list', options };
    }
    default:
      return null;
  }
}
