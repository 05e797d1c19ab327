/** The formula evaluator behind cell formulas and conditional-format custom formulas. */
import { fixtureEnvironment } from './fixture';

function valueOf(formula: string, cells: unknown[][] = []) {
  const env = fixtureEnvironment({ now: () => new Date('2026-11-12T15:00:00Z') });
  const s = env.spreadsheet.getSheets()[0];
  if (cells.length) s.getRange(1, 1, cells.length, cells[0].length).setValues(cells);
  s.getRange('Z1').setFormula(formula);
  return s.getRange('Z1').getValue();
}

const grid = [
  ['Al', 3, 'present'],
  ['bo', 5, 'excused'],
  ['Cy', '', 'unexcused'],
  ['Al', 7, 'excused'],
];

test.each([
  ['=1+2*3', 7],
  ['=(1+2)*3', 9],
  ['=2^3', 8],
  ['=-A1', '#VALUE!'],
  ['=10/4', 2.5],
  ['=1/0', '#DIV/0!'],
  ['=50%', 0.5],
  ['="a"&"b"&1', 'ab1'],
  ['="A"="a"', true],
  ['=EXACT("A","a")', false],
  ['=1<"a"', true],
  ['="b">"A"', true],
  ['=AND(B1>2,B2>4)', true],
  ['=OR(B3>0,FALSE)', false],
  ['=NOT(ISBLANK(B3))', false],
  ['=IF(B1>3,"hi","lo")', 'lo'],
  ['=LEN(C2)', 7],
  ['=LEFT(C2,2)', 'ex'],
  ['=RIGHT(C2)', 'd'],
  ['=MID(C3,3,3)', 'exc'],
  ['=UPPER(A2)', 'BO'],
  ['=LOWER("X")', 'x'],
  ['=TRIM("  a   b ")', 'a b'],
  ['=ISNUMBER(B1)', true],
  ['=ISNUMBER(A1)', false],
  ['=ISTEXT(A1)', true],
  ['=COUNTIF(A1:A4,"al")', 2],
  ['=COUNTIF(C1:C4,"*cused")', 3],
  ['=COUNTIF(B1:B4,">4")', 2],
  ['=COUNTIF(B1:B4,"<>3")', 3],
  ['=COUNTIF(B1:B4,"")', 1],
  ['=COUNTIFS(A1:A4,"Al",C1:C4,"excused")', 1],
  ['=COUNTIFS(A:A,"Al",B:B,">=3")', 2],
  ['=MATCH("cy",A1:A4,0)', 3],
  ['=MATCH("zz",A1:A4,0)', '#N/A'],
  ['=SUM(B1:B4)', 15],
  ['=COUNTA(A1:C4)', 11],
  ['=FIND("U","P U")', 3],
  ['=FIND("u","P U")', '#VALUE!'],
  ['=ISNUMBER(FIND("*","P U"))', false],
  ['=SUMPRODUCT((A1:A4="al")*(B1:B4>4))', 1],
  ['=SUMPRODUCT(A1:A4="al")', 0],
  ['=SUMPRODUCT(EXACT(A1:A4,"Al")*1)', 2],
  ['=SUMPRODUCT(ARRAYFORMULA(EXACT(TRIM(B1:B4&""),"3")*1))', 1],
  ['=SUMPRODUCT(A1:A2,B1:B4)', '#VALUE!'],
  ['=INDIRECT("A2")', 'bo'],
  ['=IFERROR(1/0,"none")', 'none'],
  ['=ROW(A3)', 3],
  ['=NOSUCH(1)', '#OFFLINE!'],
  ['=1+', '#ERROR!'],
])('%s → %j', (formula, expected) => {
  expect(valueOf(formula, grid)).toEqual(expected);
});

test('TODAY() follows the environment clock in the spreadsheet zone', () => {
  // 2026-11-12 in New York is serial 46338.
  expect(valueOf('=TODAY()')).toBe(46338);
});

test('a number formula in a date-formatted cell reads back as a Date', () => {
  const env = fixtureEnvironment({ now: () => new Date('2026-11-12T15:00:00Z') });
  const s = env.spreadsheet.getSheets()[0];
  s.getRange('A1').setFormula('=TODAY()').setNumberFormat('yyyy-mm-dd');
  expect((s.getRange('A1').getValue() as Date).toISOString()).toBe('2026-11-12T05:00:00.000Z');
  expect(s.getRange('A1').getDisplayValue()).toBe('2026-11-12');
});

test('a formula reading another sheet by name', () => {
  const env = fixtureEnvironment();
  const ss = env.spreadsheet;
  ss.insertSheet('My tab').getRange('B2').setValue(41);
  ss.getSheets()[0].getRange('A1').setValue("='My tab'!B2+1");
  expect(ss.getSheets()[0].getRange('A1').getValue()).toBe(42);
});
