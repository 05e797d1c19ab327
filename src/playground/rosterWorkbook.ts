/** A new workbook that holds only a roster tab: the start of the demo, of --fresh and of --import. */
import type { CellJSON, WorkbookJSON } from '../runtime/types';

export interface RosterTab {
  /** The spreadsheet's name, shown in the playground's top bar. */
  spreadsheetName: string;
  sheetName: string;
  /** Header row first; values as Sheets holds them (text, numbers, booleans, dates). */
  rows: CellJSON[][];
}

/** The sheet id Sheets gives the first tab of a new spreadsheet. */
const FIRST_SHEET_ID = 0;

export function rosterWorkbook(roster: RosterTab, timeZone: string): WorkbookJSON {
  const width = Math.max(1, ...roster.rows.map((r) => r.length));
  return {
    name: roster.spreadsheetName,
    timeZone,
    sheets: [{
      sheetId: FIRST_SHEET_ID,
      name: roster.sheetName,
      cells: roster.rows.map((r) => r.slice()),
      // A practice's roster usually has a bold, frozen header: the playground shows it so.
      fontWeights: roster.rows.length ? [Array<string | null>(width).fill('bold')] : [],
      frozenRows: roster.rows.length ? 1 : 0,
      frozenColumns: 0,
      conditionalFormats: [],
      metadata: [],
    }],
    metadata: [],
    documentProperties: {},
  };
}
