/**
 * The shape of a report tab (the Client summary and the Practice report), computed in core and
 * written by server/reportTab.ts in a fixed number of service calls: every cell's value, number
 * format, weight and background, the column widths, the frozen header, and the charts.
 *
 * Print: Sheets prints frozen rows on every page and wraps text in wrapped cells; Apps Script
 * cannot choose the paper, so the columns together fit the narrower printable width of A4 and
 * Letter portrait at Sheets' normal margins (A4: 8.27 in − 2 × 0.7 in = 6.87 in ≈ 659 px).
 */
import { asCellText } from './text';

/** The one sentence every report carries (DESIGN.md: a flag is advice to look and talk). */
export const FLAG_LINE = 'A flag is a reason to talk, not a decision.';

/** The widest the columns may be together and still print whole on A4 and Letter portrait. */
export const PRINT_WIDTH = 650;

export const TEXT = 'General';
export const PERCENT = '0%';
export const COUNT = '0';

/** A rectangle of the tab, 1-based. */
export interface Block {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

export interface ChartSpec {
  type: 'column' | 'line';
  title: string;
  /** Category column first, then the series columns, each with its heading row. */
  ranges: Block[];
  stacked: boolean;
  colors: string[];
  /** Top-left cell the chart is anchored at (1-based), and its size in pixels. */
  anchorRow: number;
  anchorColumn: number;
  width: number;
  height: number;
}

export type Cell = string | number;

export interface ReportLayout {
  columnWidths: number[];
  values: Cell[][];
  numberFormats: string[][];
  fontWeights: ('bold' | 'normal')[][];
  backgrounds: (string | null)[][];
  /** Rows frozen at the top: the title, repeated on every printed page. */
  frozenRows: number;
  /** Rows whose cells are merged across the whole width (the title lines). */
  mergedRows: number;
  charts: ChartSpec[];
}

/** Section headings' background: a light grey that prints on any printer. */
export const HEADING_BACKGROUND = '#EFEFEF';
/** Excused, unexcused and refused in the charts: calm, distinct in greyscale too. */
export const ABSENCE_COLOURS = ['#6FA8DC', '#CC4125', '#F1C232'];
/** Rows a chart covers (21 px each) plus one of space. */
export function chartRows(height: number): number {
  return Math.ceil(height / 21) + 1;
}

/** Builds a layout row by row (see layoutBuilder). */
export interface LayoutBuilder {
  readonly width: number;
  /** The 1-based row the next row() will write. */
  nextRow(): number;
  row(cells: Cell[], options?: { bold?: boolean; background?: string; formats?: string[] }): number;
  blank(count?: number): void;
  heading(text: string): number;
  /** A chart anchored at the next row, with blank rows reserved under it. */
  chart(spec: Omit<ChartSpec, 'anchorRow' | 'anchorColumn'>): void;
  build(frozenRows: number, mergedRows: number): ReportLayout;
}

/**
 * A layout builder for these column widths.
 */
export function layoutBuilder(columnWidths: number[]): LayoutBuilder {
  const rows: { cells: Cell[]; formats: string[]; bold: boolean; background: string | null }[] = [];
  const charts: ChartSpec[] = [];
  const width = columnWidths.length;
  const builder: LayoutBuilder = {
    width,
    nextRow: () => rows.length + 1,
    row(cells, options = {}) {
      // Every text is written as text: a note, a name, even "Mar 2026" or "2026-03-04", which Sheets
      // would otherwise read as a date, or anything beginning with = + - @ (core/text.ts).
      const padded = cells.slice(0, width).map((v) => (typeof v === 'string' ? asCellText(v) : v));
      while (padded.length < width) padded.push('');
      const formats = padded.map((v, i) => options.formats?.[i] ?? (typeof v === 'number' ? COUNT : TEXT));
      rows.push({ cells: padded, formats, bold: options.bold ?? false, background: options.background ?? null });
      return rows.length;
    },
    blank(count = 1) {
      for (let i = 0; i < count; i++) builder.row([]);
    },
    heading: (text) => builder.row([text], { bold: true, background: HEADING_BACKGROUND }),
    chart(spec) {
      charts.push({ ...spec, anchorRow: rows.length + 1, anchorColumn: 1 });
      builder.blank(chartRows(spec.height));
    },
    build: (frozenRows, mergedRows) => ({
      columnWidths,
      values: rows.map((r) => r.cells),
      numberFormats: rows.map((r) => r.formats),
      fontWeights: rows.map((r) => r.cells.map(() => (r.bold ? 'bold' : 'normal'))),
      backgrounds: rows.map((r) => r.cells.map(() => r.background)),
      frozenRows,
      mergedRows,
      charts,
    }),
  };
  return builder;
}

/** A rate as a number for a '0%' cell, or a dash when there was nothing to count. */
export function rateCell(rate: number | null): Cell {
  return rate === null ? '—' : rate;
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
