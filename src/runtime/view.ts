/**
 * The rendered workbook for the playground and GET /api/workbook: display values, and each cell's
 * background and weight after conditional formatting (the first matching rule wins; else the
 * cell's own background; null where neither is set).
 */
import { effectiveRuleFormat } from './conditionalFormat';
import type { WorkbookModel } from './model';
import type { WorkbookView } from './types';
import { cellDisplay } from './cells';

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
      };
    }),
    activeSheet: (wb.activeSheet ?? wb.sheets[0]).name,
  };
}
