/**
 * What the playground's HTTP API sends the page: the server (httpApp.ts) builds these and the page
 * (page/) reads them, so both sides are checked against one definition. Types only.
 */

/** GET /api/workbook: the spreadsheet as shown (the runtime's WorkbookView, plus its name). */
export interface WorkbookWire {
  name: string;
  activeSheet: string;
  sheets: {
    name: string;
    values: string[][];
    backgrounds: (string | null)[][];
    fontWeights: (string | null)[][];
    frozenRows: number;
    frozenColumns: number;
    hidden?: boolean;
    /** Widths the add-on set, by 1-based column (others sized from their text). */
    columnWidths?: Record<number, number>;
    /** Cells whose text wraps, as 0-based [row, column]. */
    wrapped?: [number, number][];
    /** Hidden columns (1-based), not drawn. */
    hiddenColumns?: number[];
    /** Cells edited through a dropdown, a checkbox or a date picker (0-based row and column). */
    inputs?: { row: number; column: number; kind: 'list' | 'checkbox' | 'date'; options?: string[]; date?: string }[];
    /** Merged ranges: 0-based [row, column] of the top-left cell, then rows and columns. */
    merges?: [number, number, number, number][];
    /** Embedded charts, with the categories and series they draw (DESIGN.md: `charts: [{type, ranges}]`). */
    charts?: ChartWire[];
  }[];
}

/** POST /api/edit: one person's edit, as typing, picking or ticking does it (fires onEdit). */
export interface EditRequest {
  sheet: string;
  /** A1 notation within the sheet: 'B3', or 'A1:B2' for the same value in every cell. */
  range: string;
  /** Typed text, or true/false for a checkbox. */
  value: string | boolean | number;
}

/** An embedded chart as the page draws it (the runtime's ChartView). */
export interface ChartWire {
  chartId: number;
  /** 'column', 'line', ... (Charts.ChartType in lower case). */
  type: string;
  /** A1 ranges the chart reads. */
  ranges: string[];
  title: string;
  stacked: boolean;
  colors: string[];
  /** Anchor cell (1-based) and offset, and size, in pixels. */
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  width: number;
  height: number;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

export type SheetWire = WorkbookWire['sheets'][number];

/** GET /api/ui: what the page needs besides the grid: the menu, whether a sidebar is open, and messages. */
export interface UiView {
  spreadsheetName: string;
  menu: { title: string; items: { caption: string; functionName: string }[] } | null;
  /** `version` changes whenever the add-on shows a sidebar again, so the page reloads it. */
  sidebar: { title: string; version: number } | null;
  /** ui.alert and toast texts shown so far, oldest first. */
  messages: string[];
  /** Under `npm run dev` only: changes when the page was rebuilt, so the page reloads itself. */
  dev?: { pageVersion: number };
}
