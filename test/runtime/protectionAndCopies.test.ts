/**
 * Protected ranges refuse a script's writes in Sheets' words; copying a sheet (Sheet.copyTo,
 * Duplicate in the tab menu) carries its developer metadata unless the copyCarriesMetadata switch
 * says otherwise.
 */
import { createEnvironment } from '../../src/runtime';
import { PROTECTED_MESSAGE } from '../../src/runtime/protection';

describe('protection', () => {
  // The add-on runs as the environment's user; the test's handle is the spreadsheet's owner.
  const env = () => {
    const e = createEnvironment({ distDir: `${__dirname}/fixture`, user: 'therapist@example.org' });
    e.spreadsheet.getSheets()[0].getRange('A1').setValue('row');
    return e;
  };

  test("a protected range refuses the user's writes but not the owner's; warning-only refuses nothing", () => {
    const e = env();
    const sheet = e.spreadsheet.getSheets()[0];
    const p = sheet.getRange('A1:B2').protect();
    sheet.getRange('A1').setValue('owner'); // the owner may
    expect(() => e.run('writeCell', 'A1', 'user')).toThrow(PROTECTED_MESSAGE);
    expect(() => e.run('writeCell', 'C3', 'user')).not.toThrow();
    p.setWarningOnly(true);
    expect(() => e.run('writeCell', 'A1', 'user')).not.toThrow();
    p.setWarningOnly(false);
    p.addEditor('therapist@example.org');
    expect(() => e.run('writeCell', 'B2', 'user')).not.toThrow();
  });

  test('a protected sheet refuses writes anywhere on it', () => {
    const e = env();
    e.spreadsheet.getSheets()[0].protect();
    expect(() => e.run('writeCell', 'Z99', 'user')).toThrow(PROTECTED_MESSAGE);
  });
});

describe('copies of a sheet', () => {
  test.each([
    ['yes', ['tag']],
    ['no', []],
  ] as const)('copyCarriesMetadata=%s: Sheet.copyTo and duplicateActiveSheet', (value, keys) => {
    const e = createEnvironment({ distDir: `${__dirname}/fixture`, switches: { copyCarriesMetadata: value } });
    const ss = e.spreadsheet;
    const sheet = ss.getSheets()[0];
    sheet.getRange('A1:B1').setValues([['Name', 7]]);
    sheet.setFrozenRows(1);
    sheet.addDeveloperMetadata('tag');
    const copy = sheet.copyTo(ss);
    expect(copy.getName()).toBe('Copy of Sheet1');
    expect(copy.getRange('A1:B1').getValues()).toEqual([['Name', 7]]);
    expect(copy.getFrozenRows()).toBe(1);
    expect(copy.getDeveloperMetadata().map((m) => m.getKey())).toEqual(keys);
    ss.setActiveSheet(sheet);
    const dup = ss.duplicateActiveSheet();
    expect(dup.getName()).toBe('Copy of Sheet1 2');
    expect(dup.getIndex()).toBe(2);
    expect(ss.getActiveSheet().getName()).toBe('Copy of Sheet1 2');
    sheet.getRange('A1').setValue('changed');
    expect(copy.getRange('A1').getValue()).toBe('Name');
  });
});
