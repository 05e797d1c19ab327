/**
 * `--import roster.xlsx`: a practice's roster exported from Google Sheets (File › Download ›
 * Microsoft Excel), read with exceljs, so Cadence can be tried locally on the real roster.
 */
import type ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { rosterColumns } from '../core/roster';
import type { CellJSON } from '../runtime/types';
import type { RosterTab } from './rosterWorkbook';

/** A file that cannot be used as a roster; the message says which file and why. */
export class ImportError extends Error {}

/** A cell as Sheets would hold its value: formulas by their computed result, rich text as text. */
function cellValue(value: ExcelJS.CellValue): CellJSON {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) {
    // exceljs gives a date-only cell as midnight UTC of that day; keep it at noon UTC so the
    // calendar day stays the same in any spreadsheet time zone within ±11 hours.
    const dateOnly = value.getUTCHours() === 0 && value.getUTCMinutes() === 0 && value.getUTCSeconds() === 0;
    return { date: new Date(value.getTime() + (dateOnly ? 12 * 3600 * 1000 : 0)).toISOString() };
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return String((value as ExcelJS.CellHyperlinkValue).text);
  return '';
}

function sheetRows(sheet: ExcelJS.Worksheet): CellJSON[][] {
  const rows: CellJSON[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: CellJSON[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellValue(row.getCell(c).value));
    rows.push(cells);
  }
  // Trailing blank rows are formatting, not roster.
  while (rows.length && rows[rows.length - 1].every((v) => v === '')) rows.pop();
  return rows;
}

/**
 * The roster of an .xlsx file: the first sheet whose first row has a name-like header (the same
 * headers Cadence recognises in Sheets), else the first sheet, where Settings can pick columns.
 */
export async function importRoster(path: string): Promise<RosterTab> {
  if (!existsSync(path)) throw new ImportError(`Cannot import ${path}: there is no such file.`);
  // Loaded only for an import: exceljs takes a noticeable part of a second to load, and every
  // other start does without it.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new ImportError(`Cannot import ${path}: it is not an .xlsx workbook (${(error as Error).message}). `
      + 'In Google Sheets use File › Download › Microsoft Excel (.xlsx).');
  }
  const sheets = workbook.worksheets.map((sheet) => ({ name: sheet.name, rows: sheetRows(sheet) }));
  const withName = sheets.find((s) => s.rows.length > 0 && rosterColumns(s.rows[0], null).columns !== null);
  const chosen = withName ?? sheets.find((s) => s.rows.length > 0);
  if (!chosen) throw new ImportError(`Cannot import ${path}: its sheets are empty.`);
  return {
    spreadsheetName: basename(path).replace(/\.xlsx$/i, ''),
    sheetName: chosen.name,
    rows: chosen.rows,
  };
}
