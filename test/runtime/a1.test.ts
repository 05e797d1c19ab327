/** A1 notation as Apps Script reads it. */
import { columnLetters, columnNumber, parseA1, rectToA1, resolveA1 } from '../../src/runtime/a1';

test.each([
  [1, 'A'],
  [26, 'Z'],
  [27, 'AA'],
  [52, 'AZ'],
  [703, 'AAA'],
])('column %i is %s and back', (n, letters) => {
  expect(columnLetters(n)).toBe(letters);
  expect(columnNumber(letters)).toBe(n);
});

test.each([
  ['B2', { row: 2, column: 2, numRows: 1, numColumns: 1 }],
  ['$B$2:$C$4', { row: 2, column: 2, numRows: 3, numColumns: 2 }],
  ['A:A', { row: 1, column: 1, numRows: 1000, numColumns: 1 }],
  ['B2:B', { row: 2, column: 2, numRows: 999, numColumns: 1 }],
  ['2:3', { row: 2, column: 1, numRows: 2, numColumns: 26 }],
  ["'My tab'!A1:B2", { row: 1, column: 1, numRows: 2, numColumns: 2 }],
])('%s resolves on a 1000 x 26 sheet', (a1, rect) => {
  const ref = parseA1(a1);
  expect(ref).not.toBeNull();
  expect(resolveA1(ref!, 1000, 26)).toEqual(rect);
});

test('the sheet name is unquoted', () => {
  expect(parseA1("'Tom''s tab'!C3")?.sheetName).toBe("Tom's tab");
});

test.each(['', 'A', '1', 'A0', '1A', 'A1:B2:C3', 'A1:'])('%j is not a reference', (text) => {
  expect(parseA1(text)).toBeNull();
});

test('rectToA1 writes one cell or a span', () => {
  expect(rectToA1({ row: 3, column: 28, numRows: 1, numColumns: 1 })).toBe('AB3');
  expect(rectToA1({ row: 1, column: 1, numRows: 10, numColumns: 2 })).toBe('A1:B10');
});
