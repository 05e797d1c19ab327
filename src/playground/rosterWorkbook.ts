/** A new workbook that holds only the practice's tabs: the start of the demo, of --fresh and of --import. */
import type { CellJSON, SheetJSON, WorkbookJSON } from '../runtime/types';

/** One tab's content as Sheets holds it. */
export interface TabContent {
  sheetName: string;
  /** Values as Sheets holds them (text, numbers, booleans, dates); row 1 first. */
  rows: CellJSON[][];
  /** Sheets number formats per cell (dates keep theirs); absent = automatic. */
  numberFormats?: (string | null)[][];
  /** Merged ranges in A1 notation; the value sits in the top-left cell only. */
  merges?: string[];
  /** Rows the tab shows in bold (1-based), e.g. its headings. */
  boldRows?: number[];
  frozenRows?: number;
}

export interface PracticeTabs {
  /** The spreadsheet's name, shown in the playground's top bar. */
  spreadsheetName: string;
  tabs: TabContent[];
}

/** A practice whose workbook holds one roster tab, headings in row 1. */
export interface RosterTab {
  spreadsheetName: string;
  sheetName: string;
  /** Header row first. */
  rows: CellJSON[][];
}

/** The sheet id Sheets gives the first tab of a new spreadsheet; later tabs get others. */
const FIRST_SHEET_ID = 0;

function sheetOf(tab: TabContent, sheetId: number): SheetJSON {
  const width = Math.max(1, ...tab.rows.map((r) => r.length));
  const bold = new Set(tab.boldRows ?? []);
  return {
    sheetId,
    name: tab.sheetName,
    cells: tab.rows.map((r) => r.slice()),
    numberFormats: tab.numberFormats?.map((r) => r.slice()),
    fontWeights: tab.rows.map((_, i) => Array<string | null>(width).fill(bold.has(i + 1) ? 'bold' : null)),
    merges: tab.merges?.slice(),
    frozenRows: tab.frozenRows ?? 0,
    frozenColumns: 0,
    conditionalFormats: [],
    metadata: [],
  };
}

export function practiceWorkbook(practice: PracticeTabs, timeZone: string): WorkbookJSON {
  return {
    name: practice.spreadsheetName,
    timeZone,
    sheets: practice.tabs.map((tab, i) => sheetOf(tab, i === 0 ? FIRST_SHEET_ID : 1000 + i)),
    metadata: [],
    documentProperties: {},
  };
}

/** A practice's roster usually has a bold, frozen heading row: the playground shows it so. */
export function rosterWorkbook(roster: RosterTab, timeZone: string): WorkbookJSON {
  const heading = roster.rows.length ? 1 : 0;
  return practiceWorkbook(
    {
      spreadsheetName: roster.spreadsheetName,
      tabs: [{ sheetName: roster.sheetName, rows: roster.rows, boldRows: heading ? [1] : [], frozenRows: heading }],
    },
    timeZone,
  );
}
