/** Range fidelity: coordinates, A1 notation, values as Apps Script returns and stores them. */
import { fixtureEnvironment } from './fixture';

function sheet(timeZone = 'America/New_York') {
  const env = fixtureEnvironment({ timeZone });
  return env.spreadsheet.getSheets()[0];
}

describe('coordinates', () => {
  test('rows and columns are 1-based; A1 forms resolve to the same cells', () => {
    const s = sheet();
    s.getRange(2, 3).setValue('x');
    expect(s.getRange('C2').getValue()).toBe('x');
    expect(s.getRange('Sheet1!C2').getValue()).toBe('x');
    expect(s.getRange(1, 1, 3, 4).getA1Notation()).toBe('A1:D3');
    const column = s.getRange('A:A');
    expect([column.getRow(), column.getNumRows(), column.getNumColumns()]).toEqual([1, 1000, 1]);
    const open = s.getRange('B2:B');
    expect([open.getRow(), open.getColumn(), open.getNumRows()]).toEqual([2, 2, 999]);
    expect(s.getRange('C3:A1').getA1Notation()).toBe('A1:C3');
  });

  test.each([
    [[0, 1], 'The starting row of the range is too small.'],
    [[1, 0], 'The starting column of the range is too small.'],
    [[1, 1, 0, 1], 'The number of rows in the range must be at least 1.'],
    [[1, 1, 1, 0], 'The number of columns in the range must be at least 1.'],
    [[1001, 1], 'The coordinates of the range are outside the dimensions of the sheet.'],
    [[1, 27], 'The coordinates of the range are outside the dimensions of the sheet.'],
    [[999, 1, 3, 1], 'The coordinates of the range are outside the dimensions of the sheet.'],
  ])('getRange(%j) throws "%s"', (args, message) => {
    const s = sheet();
    expect(() => (s.getRange as (...a: number[]) => unknown)(...(args as number[]))).toThrow(message);
  });

  test('bad A1 notation and another sheet\'s name throw "Range not found"', () => {
    const s = sheet();
    expect(() => s.getRange('1A')).toThrow('Range not found');
    expect(() => s.getRange('Other!A1')).toThrow('Range not found');
  });

  test('getCell and offset stay relative to the range', () => {
    const s = sheet();
    s.getRange('B2:C3').setValues([
      [1, 2],
      [3, 4],
    ]);
    const r = s.getRange('B2:C3');
    expect(r.getCell(2, 2).getValue()).toBe(4);
    expect(r.offset(1, 0, 1, 2).getValues()).toEqual([[3, 4]]);
  });
});

test('a method the runtime lacks fails loudly, naming itself', () => {
  const r = sheet().getRange('A1') as unknown as { getDataRegion: () => unknown };
  expect(() => r.getDataRegion()).toThrow('offline runtime: Range.getDataRegion is not implemented');
});

describe('getValues', () => {
  test("blanks are '', numbers numbers, booleans booleans, dates Dates", () => {
    const s = sheet();
    s.getRange('A1:D1').setValues([[1.5, true, new Date('2026-03-04T05:00:00Z'), null]]);
    const [row] = s.getRange('A1:E1').getValues();
    expect(row.slice(0, 2)).toEqual([1.5, true]);
    expect(Object.prototype.toString.call(row[2])).toBe('[object Date]');
    expect((row[2] as Date).toISOString()).toBe('2026-03-04T05:00:00.000Z');
    expect(row.slice(3)).toEqual(['', '']);
  });

  test('getLastRow/getLastColumn count only cells with content; 0 for an empty sheet', () => {
    const s = sheet();
    expect([s.getLastRow(), s.getLastColumn()]).toEqual([0, 0]);
    s.getRange('C5').setValue('x');
    s.getRange('A2').setBackground('#ff0000');
    expect([s.getLastRow(), s.getLastColumn()]).toEqual([5, 3]);
    s.getRange('C5').setValue('');
    expect([s.getLastRow(), s.getLastColumn()]).toEqual([0, 0]);
    expect([s.getMaxRows(), s.getMaxColumns()]).toEqual([1000, 26]);
  });
});

describe('setValues', () => {
  test("a size mismatch throws Apps Script's message", () => {
    const r = sheet().getRange('A1:B2');
    expect(() => r.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => r.setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(() => r.setValues([1, 2] as unknown as unknown[][])).toThrow(
      "don't match the method signature for SpreadsheetApp.Range.setValues",
    );
  });

  test('a failed write stores nothing', () => {
    const s = sheet();
    expect(() => s.getRange('A1:B1').setValues([['ok', 'x'.repeat(50001)]])).toThrow(
      'Your input contains more than the maximum of 50000 characters in a single cell.',
    );
    expect(s.getRange('A1').getValue()).toBe('');
    s.getRange('A2').setValue('x'.repeat(50000));
    expect((s.getRange('A2').getValue() as string).length).toBe(50000);
  });
});

describe('user-entered strings', () => {
  const typed = (text: string, format?: string) => {
    const s = sheet();
    if (format) s.getRange('A1').setNumberFormat(format);
    s.getRange('A1').setValue(text);
    return {
      value: s.getRange('A1').getValue(),
      formula: s.getRange('A1').getFormula(),
      display: s.getRange('A1').getDisplayValue(),
    };
  };

  test.each([
    ['0012', 12],
    ['-5', -5],
    ['+5', 5],
    ['1,234', 1234],
    ['3.25', 3.25],
    [' 7 ', 7],
    ['50%', 0.5],
    ['TRUE', true],
    ['false', false],
  ])('%j becomes %j', (text, value) => {
    expect(typed(text).value).toBe(value);
  });

  test("'=' starts a formula; its value is computed where supported", () => {
    const s = sheet();
    s.getRange('A1:B1').setValues([[2, '=A1*3']]);
    expect(s.getRange('B1').getFormula()).toBe('=A1*3');
    expect(s.getRange('B1').getValue()).toBe(6);
  });

  test("an unsupported function gives the documented marker '#OFFLINE!'", () => {
    expect(typed('=IMPORTXML("http://x", "//a")')).toMatchObject({
      value: '#OFFLINE!',
      formula: '=IMPORTXML("http://x", "//a")',
    });
  });

  test('a leading apostrophe forces text and is not stored', () => {
    expect(typed("'=1+1")).toEqual({ value: '=1+1', formula: '', display: '=1+1' });
    expect(typed("'0012").value).toBe('0012');
  });

  test.each(['+x', '-no show', '@home'])('%j (a sign or @ before text) is taken as a formula (stricter)', (text) => {
    expect(typed(text).formula).toBe(`=${text}`);
  });

  test.each(['\t=1+1', '\r=HYPERLINK("http://x")', '  =A1'])(
    '%j: whitespace before = still makes a formula (stricter)',
    (text) => {
      expect(typed(text).formula).toBe(text.trimStart());
    },
  );

  test('whitespace around a number is ignored', () => {
    expect(typed('\t-5 ').value).toBe(-5);
  });

  test("plain-text format '@' keeps text as typed, except '=' (stricter)", () => {
    expect(typed('0012', '@')).toMatchObject({ value: '0012', formula: '' });
    expect(typed('-5', '@').value).toBe('-5');
    expect(typed('=1+1', '@').formula).toBe('=1+1');
  });

  test('an ISO date becomes a Date at midnight in the spreadsheet zone, displayed as typed', () => {
    const r = typed('2026-11-12');
    expect((r.value as Date).toISOString()).toBe('2026-11-12T05:00:00.000Z');
    expect(r.display).toBe('2026-11-12');
    const s = sheet('Asia/Tokyo');
    s.getRange('A1').setValue('2026-11-12');
    expect((s.getRange('A1').getValue() as Date).toISOString()).toBe('2026-11-11T15:00:00.000Z');
  });

  test.each([
    ['11/12/2026', '2026-11-12'],
    ['1/2', '2026-01-02'],
    ['1/2/27', '2027-01-02'],
    ['Nov 12, 2026', '2026-11-12'],
    ['12 Nov', '2026-11-12'],
    ['12-November-2026', '2026-11-12'],
  ])('%j is a date, as an en_US user typing it gets (%s)', (text, iso) => {
    const env = fixtureEnvironment({ timeZone: 'Etc/UTC', now: () => new Date('2026-06-01T00:00:00Z') });
    const s = env.spreadsheet.getSheets()[0];
    s.getRange('A1').setValue(text);
    expect((s.getRange('A1').getValue() as Date).toISOString().slice(0, 10)).toBe(iso);
  });

  test("times become dates on Sheets' epoch day", () => {
    const env = fixtureEnvironment({ timeZone: 'Etc/UTC' });
    const s = env.spreadsheet.getSheets()[0];
    s.getRange('A1:C1').setValues([['9:30', '2:05 PM', '13:00 PM']]);
    const [a, b, c] = s.getRange('A1:C1').getValues()[0];
    expect([(a as Date).toISOString(), (b as Date).toISOString(), c]).toEqual([
      '1899-12-30T09:30:00.000Z',
      '1899-12-30T14:05:00.000Z',
      '13:00 PM',
    ]);
  });

  test('an impossible date stays text', () => {
    expect(typed('2025-02-30').value).toBe('2025-02-30');
  });

  test('numbers, booleans and Dates pass as they are', () => {
    const s = sheet();
    const d = new Date('2026-01-01T12:34:00Z');
    s.getRange('A1:C1').setValues([[42, false, d]]);
    expect(s.getRange('A1:C1').getValues()).toEqual([[42, false, d]]);
  });
});

describe('display values and number formats', () => {
  test.each([
    [0.256, '0%', '26%'],
    [0.256, '0.0%', '25.6%'],
    [3.7, '0', '4'],
    [1234.5, '#,##0.00', '1,234.50'],
    [0.5, 'General', '0.5'],
    [12, '@', '12'],
    [true, 'General', 'TRUE'],
  ])('%j under %j shows %j', (value, format, shown) => {
    const s = sheet();
    s.getRange('A1').setValue(value).setNumberFormat(format);
    expect(s.getRange('A1').getDisplayValue()).toBe(shown);
    expect(s.getRange('A1').getNumberFormat()).toBe(format);
  });

  test('dates render in the spreadsheet zone with date formats', () => {
    const s = sheet('America/New_York');
    const d = new Date('2026-11-12T19:05:00Z');
    s.getRange('A1:C1').setValues([[d, d, d]]);
    s.getRange('A1:C1').setNumberFormats([['yyyy-mm-dd', 'yyyy-mm-dd hh:mm', 'General']]);
    expect(s.getRange('A1:C1').getDisplayValues()).toEqual([['2026-11-12', '2026-11-12 14:05', '2026-11-12 14:05:00']]);
  });

  test('formats are stored per cell and read back as a grid', () => {
    const s = sheet();
    s.getRange('A1:B1')
      .setFontWeight('bold')
      .setBackgrounds([['#FFF2CC', null]]);
    expect(s.getRange('A1:B2').getFontWeights()).toEqual([
      ['bold', 'bold'],
      ['normal', 'normal'],
    ]);
    expect(s.getRange('A1:B1').getBackgrounds()).toEqual([['#fff2cc', '#ffffff']]);
    s.getRange('A1')
      .setFontColor('#EA9999')
      .setHorizontalAlignment('center')
      .setWrap(true)
      .setFontStyle('italic')
      .setFontLine('line-through');
    const a1 = s.getRange('A1');
    expect([a1.getFontColor(), a1.getHorizontalAlignment(), a1.getWrap(), a1.getFontStyle(), a1.getFontLine()]).toEqual(
      ['#ea9999', 'center', true, 'italic', 'line-through'],
    );
  });
});

describe('merges', () => {
  test('merge keeps the top-left value; merged ranges are reported', () => {
    const s = sheet();
    s.getRange('A1:C1').setValues([['Entry ID', 'Session date', 'Group']]);
    s.getRange('A1:B1').merge();
    expect(s.getRange('A1:C1').getValues()).toEqual([['Entry ID', '', 'Group']]);
    expect(s.getRange('B1').isPartOfMerge()).toBe(true);
    expect(s.getRange('C1').isPartOfMerge()).toBe(false);
    expect(
      s
        .getRange('A1:C3')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['A1:B1']);
    expect(() => s.getRange('B1:C1').merge()).toThrow(
      'You must select all cells in a merged range to merge or unmerge them.',
    );
    s.getRange('A1:B1').breakApart();
    expect(s.getRange('B1').isPartOfMerge()).toBe(false);
  });
});
