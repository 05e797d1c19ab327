/**
 * `--import roster.xlsx`: a practice's spreadsheet exported from Google Sheets (File › Download ›
 * Microsoft Excel), read with exceljs, so Cadence can be tried locally on the real roster.
 */
import type ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { CellJSON } from '../runtime/types';
import type { PracticeTabs, TabContent } from './rosterWorkbook';

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
  if ('formula' in value || 'sharedFormula' in value)
    return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('text' in value) return String((value as ExcelJS.CellHyperlinkValue).text);
  return '';
}

/** A Sheets number format for an Excel one: the same syntax for dates and numbers, "General" is automatic. */
function numberFormat(cell: ExcelJS.Cell, value: CellJSON): string | null {
  // exceljs names Excel's built-in short date (format 14, shown in the reader's locale) "mm-dd-yy";
  // Sheets shows that format as a full short date.
  const format =
    cell.numFmt === 'mm-dd-yy' ? 'm/d/yyyy' : cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : null;
  if (typeof value === 'object' && 'date' in value) return format ?? 'yyyy-mm-dd';
  return typeof value === 'number' ? format : null;
}

/**
 * One worksheet as Sheets would hold it. A merged range keeps its value in its top-left cell only
 * (exceljs reads every cell of a merge as the master's value), and stays merged.
 */
function sheetTab(sheet: ExcelJS.Worksheet): TabContent {
  const rows: CellJSON[][] = [];
  const formats: (string | null)[][] = [];
  const boldRows: number[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: CellJSON[] = [];
    const rowFormats: (string | null)[] = [];
    let bold = false;
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = row.getCell(c);
      const covered = cell.isMerged && cell.master.address !== cell.address;
      const value = covered ? '' : cellValue(cell.value);
      cells.push(value);
      rowFormats.push(covered ? null : numberFormat(cell, value));
      if (value !== '' && cell.font?.bold) bold = true;
    }
    rows.push(cells);
    formats.push(rowFormats);
    if (bold) boldRows.push(r);
  }
  // Trailing blank rows are formatting, not data.
  while (rows.length && rows[rows.length - 1].every((v) => v === '')) {
    rows.pop();
    formats.pop();
  }
  const merges = ((sheet.model as { merges?: string[] }).merges ?? []).filter(
    (a1) => Number(/\d+/.exec(a1)?.[0]) <= rows.length,
  );
  const frozen = sheet.views?.find((v) => v.state === 'frozen') as { ySplit?: number } | undefined;
  return {
    sheetName: sheet.name,
    rows,
    numberFormats: formats.some((r) => r.some((f) => f !== null)) ? formats : undefined,
    merges: merges.length ? merges : undefined,
    boldRows: boldRows.filter((r) => r <= rows.length),
    frozenRows: Math.min(frozen?.ySplit ?? 0, rows.length),
  };
}

/**
 * Every tab of an .xlsx file, in order, with its values, number formats and merges, so Cadence
 * finds the roster among them as it would in Sheets.
 */
export async function importRoster(path: string): Promise<PracticeTabs> {
  if (!existsSync(path)) throw new ImportError(`Cannot import ${path}: there is no such file.`);
  // Loaded only for an import: exceljs takes a noticeable part of a second to load, and every
  // other start does without it.
  const { default: excel } = await import('exceljs');
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new ImportError(
      `Cannot import ${path}: it is not an .xlsx workbook (${(error as Error).message}). ` +
        'In Google Sheets use File › Download › Microsoft Excel (.xlsx).',
    );
  }
  const tabs = workbook.worksheets.map(sheetTab);
  if (!tabs.some((t) => t.rows.length > 0)) throw new ImportError(`Cannot import ${path}: its sheets are empty.`);
  return { spreadsheetName: basename(path).replace(/\.xlsx$/i, ''), tabs };
}
