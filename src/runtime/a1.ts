/** A1 notation: parsing 'Sheet'!B2:C, A:A, 2:2 and writing ranges back, 1-based like Apps Script. */

/** A rectangle of cells, 1-based, inclusive of its first row/column. */
export interface Rect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/** A parsed reference: open ends (A:A, B2:B) are null and resolved against the sheet's size. */
export interface A1Reference {
  sheetName: string | null;
  startRow: number | null;
  startColumn: number | null;
  endRow: number | null;
  endColumn: number | null;
}

export function columnLetters(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

/** Splits "'My sheet'!A1:B2" into the sheet name (quotes undone) and the cell part. */
export function splitSheetName(text: string): { sheetName: string | null; cells: string } {
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { sheetName: null, cells: text };
  let sheet = text.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) {
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  return { sheetName: sheet, cells: text.slice(bang + 1) };
}

/** Parses A1 notation; returns null when it is not a reference (Apps Script then says "Range not found"). */
export function parseA1(text: string): A1Reference | null {
  const { sheetName, cells } = splitSheetName(text.trim());
  const parts = cells.split(':');
  if (parts.length > 2 || parts[0] === '') return null;
  const first = CELL.exec(parts[0]);
  const second = parts.length === 2 ? CELL.exec(parts[1]) : first;
  if (!first || !second) return null;
  const [, c1, r1] = first;
  const [, c2, r2] = second;
  if ((!c1 && !r1) || (!c2 && !r2)) return null;
  // A single cell needs both parts; a span may leave one dimension open (A:A, 2:3, B2:B).
  if (parts.length === 1 && (!c1 || !r1)) return null;
  if (parts.length === 2 && ((!c1 && c2) || (!r1 && r2 && !c1))) return null;
  const ref: A1Reference = {
    sheetName,
    startRow: r1 ? Number(r1) : null,
    startColumn: c1 ? columnNumber(c1) : null,
    endRow: r2 ? Number(r2) : null,
    endColumn: c2 ? columnNumber(c2) : null,
  };
  if (ref.startRow === 0 || ref.endRow === 0) return null;
  return ref;
}

/** Resolves open ends against the sheet's grid, ordering the corners as Sheets does. */
export function resolveA1(ref: A1Reference, maxRows: number, maxColumns: number): Rect {
  const r1 = ref.startRow ?? 1;
  const c1 = ref.startColumn ?? 1;
  const r2 = ref.endRow ?? maxRows;
  const c2 = ref.endColumn ?? maxColumns;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return { row, column, numRows: Math.abs(r2 - r1) + 1, numColumns: Math.abs(c2 - c1) + 1 };
}

export function rectToA1(rect: Rect): string {
  const start = `${columnLetters(rect.column)}${rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:${columnLetters(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1}`;
}

/** Sheet names that are not plain words are quoted in A1 notation ('My sheet'!A1). */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function rectContains(rect: Rect, row: number, column: number): boolean {
  return (
    row >= rect.row && row < rect.row + rect.numRows && column >= rect.column && column < rect.column + rect.numColumns
  );
}

export function rectsIntersect(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}
