/** Whole-workbook checks the torture suites share: nothing became a formula; nothing changed. */
import type { Environment } from '../../src/runtime';

export interface FormulaCell {
  sheet: string;
  row: number;
  column: number;
  formula: string;
}

/** Every formula in the workbook. Cadence writes none: any one here came from text it stored. */
export function formulaCells(env: Environment): FormulaCell[] {
  const found: FormulaCell[] = [];
  for (const sheet of env.spreadsheet.getSheets()) {
    if (sheet.getLastRow() === 0 || sheet.getLastColumn() === 0) continue;
    sheet
      .getDataRange()
      .getFormulas()
      .forEach((cells, r) =>
        cells.forEach((formula, c) => {
          if (formula !== '') found.push({ sheet: sheet.getName(), row: r + 1, column: c + 1, formula });
        }),
      );
  }
  return found;
}

/** The whole workbook (cells, formats, rules, metadata, properties) as one comparable string. */
export function workbookState(env: Environment): string {
  return JSON.stringify(env.toJSON());
}
