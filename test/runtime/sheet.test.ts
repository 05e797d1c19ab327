/** Sheets and structure: naming, ids, insert/delete/move shifting everything with the cells, sort, filter. */
import { fixtureEnvironment } from './fixture';

let env = fixtureEnvironment();
function workbook() {
  env = fixtureEnvironment();
  return env.spreadsheet;
}

describe('sheets', () => {
  test('insertSheet names, indexes and activates; duplicates are refused', () => {
    const ss = workbook();
    const a = ss.insertSheet('Attendance');
    expect(a.getIndex()).toBe(2);
    expect(ss.getActiveSheet().getName()).toBe('Attendance');
    const p = ss.insertSheet('Patterns', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Patterns', 'Sheet1', 'Attendance']);
    expect(p.getIndex()).toBe(1);
    expect(ss.insertSheet().getName()).toBe('Sheet4');
    expect(() => ss.insertSheet('attendance')).toThrow(
      'A sheet with the name "attendance" already exists. Please enter another name.',
    );
  });

  test('getRangeList gives a Range per A1 notation, in order; getSheetValues(-1) reads to the last cell with data', () => {
    const ss = workbook();
    const sheet = ss.insertSheet('Grid');
    sheet.getRange('A1:C3').setValues([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    const ranges = sheet.getRangeList(['B2', 'A1:C1', 'C2:C3']).getRanges();
    expect(ranges.map((r) => r.getA1Notation())).toEqual(['B2', 'A1:C1', 'C2:C3']);
    expect(ranges[2].getValues()).toEqual([[6], [9]]);
    expect(() => sheet.getRangeList(['A1', 'A2000'])).toThrow('outside the dimensions of the sheet');
    expect(sheet.getSheetValues(2, 2, -1, -1)).toEqual([
      [5, 6],
      [8, 9],
    ]);
  });

  test('RangeList.setValue writes one value into every range; a refused value writes none of them', () => {
    const ss = workbook();
    const sheet = ss.insertSheet('Grid');
    sheet.getRange('A1:C2').setValues([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    sheet.getRangeList(['A1', 'C1:C2']).setValue('');
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      ['', 2, ''],
      [4, 5, ''],
    ]);
    const rule = env.spreadsheetApp.newDataValidation().requireNumberBetween(0, 9).setAllowInvalid(false).build();
    sheet.getRange('B2').setDataValidation(rule);
    expect(() => sheet.getRangeList(['A2', 'B2']).setValue('x')).toThrow('violates the data validation rules');
    expect(sheet.getRange('A2:B2').getValues()).toEqual([[4, 5]]);
    expect(() => sheet.getRangeList(['A1']).setValue([['x']])).toThrow("don't match the method signature");
  });

  test('sheet ids are stable and unique; getSheetById finds them', () => {
    const ss = workbook();
    const first = ss.getSheets()[0];
    const second = ss.insertSheet('Roster');
    expect(first.getSheetId()).toBe(0);
    expect(second.getSheetId()).not.toBe(0);
    second.setName('Clients');
    expect(ss.getSheetById(second.getSheetId())?.getName()).toBe('Clients');
  });

  test('getSheetByName matches exactly (stricter); names stay unique regardless of case', () => {
    const ss = workbook();
    ss.insertSheet('Roster');
    expect(ss.getSheetByName('Roster')?.getName()).toBe('Roster');
    expect(ss.getSheetByName('roster')).toBeNull();
    expect(() => ss.insertSheet('ROSTER')).toThrow('already exists');
    expect(ss.getSheetByName('Rosters')).toBeNull();
    expect(() => ss.getSheetByName('Roster')!.setName('Sheet1')).toThrow(
      'A sheet with the name "Sheet1" already exists',
    );
  });

  test('deleteSheet removes it, but never the last sheet', () => {
    const ss = workbook();
    const extra = ss.insertSheet('Extra');
    ss.deleteSheet(extra);
    expect(ss.getNumSheets()).toBe(1);
    expect(() => ss.deleteSheet(ss.getSheets()[0])).toThrow("You can't remove all the sheets in a document.");
  });

  test('frozen rows and columns, widths, hidden sheets', () => {
    const ss = workbook();
    const s = ss.insertSheet('Attendance');
    s.setFrozenRows(1);
    s.setFrozenColumns(2);
    s.setColumnWidth(3, 240);
    expect([s.getFrozenRows(), s.getFrozenColumns(), s.getColumnWidth(3), s.getColumnWidth(4)]).toEqual([
      1, 2, 240, 100,
    ]);
    s.hideSheet();
    expect(s.isSheetHidden()).toBe(true);
    expect(ss.getActiveSheet().getName()).toBe('Sheet1');
    expect(() => ss.getSheets()[0].hideSheet()).toThrow("You can't hide all the sheets in a document.");
  });
});

describe('structure changes move cells with their formats, rules and metadata', () => {
  test('insertRows / deleteRows shift values and formats', () => {
    const s = workbook().getSheets()[0];
    s.getRange('A1:A3').setValues([['h'], ['r2'], ['r3']]);
    s.getRange('A3').setBackground('#ff0000');
    s.insertRowsBefore(2, 2);
    expect(
      s
        .getRange('A1:A5')
        .getValues()
        .map((r) => r[0]),
    ).toEqual(['h', '', '', 'r2', 'r3']);
    expect(s.getRange('A5').getBackground()).toBe('#ff0000');
    expect(s.getMaxRows()).toBe(1002);
    s.deleteRows(2, 3);
    expect(s.getRange('A1:A2').getValues()).toEqual([['h'], ['r3']]);
    expect(s.getRange('A2').getBackground()).toBe('#ff0000');
    expect(s.getMaxRows()).toBe(999);
  });

  test('insertColumns / deleteColumns shift values, formats and row/column metadata', () => {
    const ss = workbook();
    const s = ss.getSheets()[0];
    s.getRange('A1:C1').setValues([['Client', 'Status', 'Note']]);
    s.getRange('C1').setFontWeight('bold');
    s.getRange('C:C').addDeveloperMetadata('cadence.column', 'note');
    s.insertColumnBefore(1);
    expect(s.getRange('A1:D1').getValues()).toEqual([['', 'Client', 'Status', 'Note']]);
    expect(s.getRange('D1').getFontWeight()).toBe('bold');
    const found = ss.createDeveloperMetadataFinder().withKey('cadence.column').find();
    expect(found[0].getLocation().getColumn()!.getColumn()).toBe(4);
    s.deleteColumn(2);
    expect(
      ss.createDeveloperMetadataFinder().withKey('cadence.column').find()[0].getLocation().getColumn()!.getColumn(),
    ).toBe(3);
    s.deleteColumn(3);
    expect(ss.createDeveloperMetadataFinder().withKey('cadence.column').find()).toEqual([]);
  });

  test('moveColumns reorders columns and their formats', () => {
    const s = workbook().getSheets()[0];
    s.getRange('A1:D2').setValues([
      ['a', 'b', 'c', 'd'],
      [1, 2, 3, 4],
    ]);
    s.getRange('B1').setBackground('#00ff00');
    s.moveColumns(s.getRange('B1'), 4);
    expect(s.getRange('A1:D2').getValues()).toEqual([
      ['a', 'c', 'b', 'd'],
      [1, 3, 2, 4],
    ]);
    expect(s.getRange('C1').getBackground()).toBe('#00ff00');
    s.moveColumns(s.getRange('C:D'), 1);
    expect(s.getRange('A1:D1').getValues()).toEqual([['b', 'd', 'a', 'c']]);
  });

  test('conditional-format ranges and merges follow inserted rows', () => {
    const ss = workbook();
    const s = ss.getSheets()[0];
    const rule = env.spreadsheetApp
      .newConditionalFormatRule()
      .whenCellNotEmpty()
      .setBackground('#ff0000')
      .setRanges([s.getRange('B2:B10')])
      .build();
    s.setConditionalFormatRules([rule]);
    s.getRange('A1:B1').merge();
    s.insertRowsBefore(1, 1);
    expect(s.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('B3:B11');
    expect(s.getRange('A2:B2').isPartOfMerge()).toBe(true);
    expect(s.getRange('A1').isPartOfMerge()).toBe(false);
  });

  test('appendRow writes after the last row with content and grows a full sheet', () => {
    const s = workbook().getSheets()[0];
    s.getRange('A1').setValue('Entry ID');
    s.appendRow(['e-1', '2026-11-12', 'TRUE']);
    expect(
      s
        .getRange('A2:C2')
        .getValues()[0]
        .map((v) => Object.prototype.toString.call(v)),
    ).toEqual(['[object String]', '[object Date]', '[object Boolean]']);
    s.getRange(1000, 1).setValue('last');
    s.appendRow(['grown']);
    expect(s.getMaxRows()).toBe(1001);
    expect(s.getRange(1001, 1).getValue()).toBe('grown');
  });
});

describe('sort and filter', () => {
  test('Range.sort orders rows physically: numbers, then text ignoring case, blanks last', () => {
    const s = workbook().getSheets()[0];
    s.getRange('A1:B6').setValues([
      ['b', 1],
      [3, 2],
      ['', 3],
      ['A', 4],
      [1, 5],
      ['c', 6],
    ]);
    s.getRange('A1:B6').sort(1);
    expect(s.getRange('A1:B6').getValues()).toEqual([
      [1, 5],
      [3, 2],
      ['A', 4],
      ['b', 1],
      ['c', 6],
      ['', 3],
    ]);
    s.getRange('A1:B6').sort({ column: 2, ascending: false });
    expect(
      s
        .getRange('B1:B6')
        .getValues()
        .map((r) => r[0]),
    ).toEqual([6, 5, 4, 3, 2, 1]);
  });

  test('Sheet.sort keeps frozen header rows in place', () => {
    const s = workbook().getSheets()[0];
    s.getRange('A1:A4').setValues([['Client'], ['Cy'], ['Al'], ['Bo']]);
    s.setFrozenRows(1);
    s.sort(1);
    expect(
      s
        .getRange('A1:A4')
        .getValues()
        .map((r) => r[0]),
    ).toEqual(['Client', 'Al', 'Bo', 'Cy']);
  });

  test('a filter hides rows from view but getValues still returns them', () => {
    const ss = workbook();
    const s = ss.getSheets()[0];
    s.getRange('A1:B4').setValues([
      ['Client', 'Status'],
      ['Al', 'present'],
      ['Bo', 'excused'],
      ['Cy', 'present'],
    ]);
    const filter = s.getRange('A1:B4').createFilter();
    expect(() => s.getRange('A1:B4').createFilter()).toThrow(
      "You can't create a filter in a sheet that already has a filter.",
    );
    filter.setColumnFilterCriteria(2, env.spreadsheetApp.newFilterCriteria().setHiddenValues(['present']).build());
    expect([2, 3, 4].map((r) => s.isRowHiddenByFilter(r))).toEqual([true, false, true]);
    expect(s.getRange('A1:B4').getValues().length).toBe(4);
    filter.sort(1, false);
    expect(
      s
        .getRange('A1:A4')
        .getValues()
        .map((r) => r[0]),
    ).toEqual(['Client', 'Cy', 'Bo', 'Al']);
    s.getFilter()!.remove();
    expect(s.getFilter()).toBeNull();
  });
});

describe('limits and lifetimes', () => {
  test("a deleted sheet's Sheet and Range objects refuse to work", () => {
    const ss = workbook();
    const tab = ss.insertSheet('Patterns');
    const range = tab.getRange('A1');
    ss.deleteSheet(tab);
    expect(() => range.setValue('x')).toThrow('The sheet "Patterns" has been deleted.');
    expect(() => tab.getLastRow()).toThrow('has been deleted');
  });

  test('a workbook holds at most 10 million cells', () => {
    const ss = workbook();
    const s = ss.getSheets()[0];
    s.insertRowsAfter(1000, 380_000);
    expect(() => s.insertRowsAfter(1000, 5_000)).toThrow(
      'This action would increase the number of cells in the workbook above the limit of 10000000 cells.',
    );
  });

  test('changing the spreadsheet time zone keeps what date cells show (Sheets stores wall-clock serials)', () => {
    const ss = workbook();
    const s = ss.getSheets()[0];
    s.getRange('A1').setValue('2026-11-12');
    expect((s.getRange('A1').getValue() as Date).toISOString()).toBe('2026-11-12T05:00:00.000Z');
    ss.setSpreadsheetTimeZone('Europe/Paris');
    expect(s.getRange('A1').getDisplayValue()).toBe('2026-11-12');
    expect((s.getRange('A1').getValue() as Date).toISOString()).toBe('2026-11-11T23:00:00.000Z');
    expect(() => ss.setSpreadsheetTimeZone('Mars/Olympus')).toThrow();
  });
});

describe('more structure', () => {
  test('moveRows moves rows with their formats and row metadata', () => {
    const ss = workbook();
    const s = ss.getSheets()[0];
    s.getRange('A1:A4').setValues([['h'], ['a'], ['b'], ['c']]);
    s.getRange('A4').setFontWeight('bold');
    s.getRange('4:4').addDeveloperMetadata('row', 'c');
    s.moveRows(s.getRange('A4'), 2);
    expect(
      s
        .getRange('A1:A4')
        .getValues()
        .map((r) => r[0]),
    ).toEqual(['h', 'c', 'a', 'b']);
    expect(s.getRange('A2').getFontWeight()).toBe('bold');
    expect(ss.createDeveloperMetadataFinder().withKey('row').find()[0].getLocation().getRow()!.getRow()).toBe(2);
    expect(
      s
        .getRange('2:2')
        .getDeveloperMetadata()
        .map((m) => m.getValue()),
    ).toEqual(['c']);
  });

  test("deleting every column of a rule's range removes the rule; the filter shrinks with its columns", () => {
    const s = workbook().getSheets()[0];
    s.getRange('A1:C3').setValues([
      ['a', 'b', 'c'],
      [1, 2, 3],
      [4, 5, 6],
    ]);
    s.setConditionalFormatRules([
      env.spreadsheetApp
        .newConditionalFormatRule()
        .whenCellEmpty()
        .setBackground('#ff0000')
        .setRanges([s.getRange('B1:B3')])
        .build(),
    ]);
    s.getRange('A1:C3').createFilter();
    s.deleteColumn(2);
    expect(s.getConditionalFormatRules()).toEqual([]);
    expect(s.getFilter()!.getRange().getA1Notation()).toBe('A1:B3');
  });

  test('getSheetValues reads a block, -1 meaning up to the last row or column', () => {
    const s = workbook().getSheets()[0];
    s.getRange('A1:C2').setValues([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(s.getSheetValues(2, 2, -1, -1)).toEqual([[5, 6]]);
  });

  test('appendRow widens the sheet for a longer row', () => {
    const s = workbook().getSheets()[0];
    s.appendRow(Array.from({ length: 30 }, (_, i) => i));
    expect(s.getMaxColumns()).toBe(30);
    expect(s.getRange(1, 30).getValue()).toBe(29);
  });
});
