/**
 * The named switches for behaviours no reference settles (src/runtime/switches.ts): each value
 * does what it says, so the suites run under CADENCE_RUNTIME_SWITCHES=alternative test something.
 */
import { createEnvironment } from '../../src/runtime';
import { SWITCHES, switchesFrom } from '../../src/runtime/switches';
import type { RuntimeSwitches } from '../../src/runtime/switches';

const envWith = (switches: Partial<RuntimeSwitches>) =>
  createEnvironment({ distDir: `${__dirname}/fixture`, switches });

describe('runtime switches', () => {
  test('every switch documents what is known, where from, and what Cadence does about it', () => {
    for (const [name, info] of Object.entries(SWITCHES)) {
      expect(info.values).toHaveLength(2);
      expect(info.known).toMatch(/https:\/\/|reports/);
      expect(info.cadence.length).toBeGreaterThan(20);
      expect(name).toMatch(/^[a-z][A-Za-z]+$/);
    }
  });

  test('CADENCE_RUNTIME_SWITCHES: alternative flips every switch; names are checked', () => {
    const alt = switchesFrom('alternative');
    for (const [name, info] of Object.entries(SWITCHES))
      expect(alt[name as keyof RuntimeSwitches]).toBe(info.values[1]);
    expect(switchesFrom('metadataFinderOrder=reverse').metadataFinderOrder).toBe('reverse');
    expect(switchesFrom('metadataFinderOrder=reverse').apostropheInTextFormat).toBe('hidden');
    expect(() => switchesFrom('nosuch=1')).toThrow(/unknown switch/);
  });

  test.each([
    ['hidden', 'Amy'],
    ['kept', "'Amy"],
  ] as const)('apostropheInTextFormat=%s: an apostrophe written into an @ cell', (value, shown) => {
    const sheet = envWith({ apostropheInTextFormat: value }).spreadsheet.getSheets()[0];
    sheet.getRange('A1').setNumberFormat('@').setValue("'Amy");
    sheet.getRange('B1').setValue("'Amy");
    expect(sheet.getRange('A1').getValue()).toBe(shown);
    expect(sheet.getRange('B1').getValue()).toBe('Amy');
  });

  test.each([
    ['firstRange', '#ff0000'],
    ['boundingBox', null],
  ] as const)('multiRangeRuleAnchor=%s: a rule over two ranges', (value, colour) => {
    const env = envWith({ multiRangeRuleAnchor: value });
    const sheet = env.spreadsheet.getSheets()[0];
    sheet.getRange('C1:C2').setValues([['x'], ['x']]);
    const rule = env.spreadsheetApp
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=C2="x"')
      .setBackground('#ff0000')
      .setRanges([sheet.getRange('C2'), sheet.getRange('A1')])
      .build();
    sheet.setConditionalFormatRules([rule]);
    // Written for C2 (first range): under the bounding box (A1) C2 tests E3, which is blank.
    expect(env.view().sheets[0].backgrounds[1][2]).toBe(colour);
  });

  test.each([
    ['creation', ['a', 'b']],
    ['reverse', ['b', 'a']],
  ] as const)('metadataFinderOrder=%s', (value, keys) => {
    const env = envWith({ metadataFinderOrder: value });
    env.spreadsheet.addDeveloperMetadata('a').addDeveloperMetadata('b');
    expect(
      env.spreadsheet
        .createDeveloperMetadataFinder()
        .find()
        .map((m) => m.getKey()),
    ).toEqual(keys);
  });

  test.each([
    ['numbersOnly', 1],
    ['numbersAndText', 2],
  ] as const)('countifTextNumbers=%s: COUNTIF "007" over 7 and "007"', (value, count) => {
    const sheet = envWith({ countifTextNumbers: value }).spreadsheet.getSheets()[0];
    sheet.getRange('A1:A2').setValues([[7], ["'007"]]);
    sheet.getRange('B1').setFormula('=COUNTIF(A1:A2,"007")');
    expect(sheet.getRange('B1').getValue()).toBe(count);
  });

  test.each([
    ['refused', true],
    ['allowed', false],
  ] as const)('deleteAllNonFrozenRows=%s', (value, refused) => {
    const sheet = envWith({ deleteAllNonFrozenRows: value }).spreadsheet.getSheets()[0];
    sheet.setFrozenRows(2);
    const attempt = () => sheet.deleteRows(3, sheet.getMaxRows() - 2);
    if (refused) expect(attempt).toThrow('Sorry, it is not possible to delete all non-frozen rows.');
    else expect(attempt).not.toThrow();
  });

  test.each([
    ['allowed', false],
    ['refused', true],
  ] as const)('freezeAllRows=%s', (value, refused) => {
    const sheet = envWith({ freezeAllRows: value }).spreadsheet.getSheets()[0];
    sheet.deleteRows(3, sheet.getMaxRows() - 2);
    if (refused) expect(() => sheet.setFrozenRows(2)).toThrow('Sorry, it is not possible to freeze all rows.');
    else expect(() => sheet.setFrozenRows(2)).not.toThrow();
    expect(() => sheet.setFrozenRows(1)).not.toThrow();
  });

  // A person inserts a row at the top while the script writes under the last row, through a Range
  // obtained before the insert: before the write is sent (setValue), or while it waits unflushed (flush).
  test.each([
    ['fixed', 'Range.setValue', ['', 'a', 'mine', ''], 3],
    ['fixed', 'SpreadsheetApp.flush', ['', 'a', 'mine', ''], 3],
    ['shifted', 'Range.setValue', ['', 'a', 'b', 'mine'], 4],
    ['shifted', 'SpreadsheetApp.flush', ['', 'a', 'b', 'mine'], 4],
  ] as const)('personEditMovesScriptWrites=%s, the person inserting a row before %s', (value, method, column, row) => {
    const env = envWith({ personEditMovesScriptWrites: value });
    const sheet = env.spreadsheet.getSheets()[0];
    sheet.getRange('A1:A2').setValues([['a'], ['b']]);
    env.beforeServiceCall = (called) => {
      if (called !== method) return;
      env.beforeServiceCall = null;
      sheet.insertRowBefore(1);
    };
    expect(env.run('writeUnderLastRow', 'mine')).toBe(row);
    expect(
      sheet
        .getRange('A1:A4')
        .getValues()
        .map((r) => r[0]),
    ).toEqual(column);
  });

  test.each(['fixed', 'shifted'] as const)(
    "personEditMovesScriptWrites=%s: the script's own insert never moves its Range",
    (value) => {
      const env = envWith({ personEditMovesScriptWrites: value });
      const sheet = env.spreadsheet.getSheets()[0];
      sheet.getRange('A1').setValue('a');
      expect(env.run('insertAboveThenWrite', 'mine')).toBe(2);
      expect(
        sheet
          .getRange('A1:A3')
          .getValues()
          .map((r) => r[0]),
      ).toEqual(['', 'mine', '']); // over 'a', which its insert moved there
    },
  );
});
