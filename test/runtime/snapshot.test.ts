/** toJSON / options.workbook round-trip everything, and view() renders what the grid shows. */
import { join } from 'node:path';
import { fixtureEnvironment } from './fixture';

function populated() {
  const env = fixtureEnvironment({ distDir: join(__dirname, 'fixture'), timeZone: 'America/Chicago' });
  const ss = env.spreadsheet;
  const app = env.spreadsheetApp;
  const att = ss.insertSheet('Attendance');
  att.getRange('A1:D3').setValues([
    ['Entry ID', 'Session date', 'Status', 'Rate'],
    ['e-1', '2026-11-12', 'excused', '=1/4'],
    ['e-2', new Date('2026-11-13T18:30:00Z'), "'=not a formula", 0.5],
  ]);
  att.getRange('A1:D1').setFontWeight('bold').setBackground('#efefef');
  att.getRange('D2:D3').setNumberFormat('0%');
  att.getRange('B3').setNumberFormat('yyyy-mm-dd hh:mm');
  att.getRange('C2').setNote('checked');
  att.setFrozenRows(1);
  att.getRange('A1:B1').merge();
  att.addDeveloperMetadata('cadence.tab', 'attendance');
  att.getRange('C:C').addDeveloperMetadata('cadence.column', 'status');
  att.setConditionalFormatRules([
    app
      .newConditionalFormatRule()
      .whenTextEqualTo('excused')
      .setBackground('#FFF2CC')
      .setRanges([att.getRange('C2:C')])
      .build(),
  ]);
  att.getRange('A1:D3').createFilter();
  ss.addDeveloperMetadata('cadence.version', '3');
  env.run('rememberSetting', 'rosterSheet', 'Sheet1');
  return env;
}

test('toJSON → workbook option → toJSON is the identity', () => {
  const first = populated().toJSON();
  const again = fixtureEnvironment({ workbook: JSON.parse(JSON.stringify(first)) });
  expect(again.toJSON()).toEqual(first);
  const att = again.spreadsheet.getSheetByName('Attendance')!;
  expect(att.getRange('B2').getValue()).toEqual(new Date('2026-11-12T06:00:00Z'));
  expect(att.getRange('D2').getFormula()).toBe('=1/4');
  expect(att.getRange('C3').getValue()).toBe('=not a formula');
  expect(att.getFrozenRows()).toBe(1);
  expect(att.getRange('A1').isPartOfMerge()).toBe(true);
  expect(att.getConditionalFormatRules()[0].getRanges()[0].getA1Notation()).toBe('C2:C1000');
  expect(
    again.spreadsheet
      .createDeveloperMetadataFinder()
      .withKey('cadence.column')
      .find()[0]
      .getLocation()
      .getColumn()!
      .getColumn(),
  ).toBe(3);
  expect(again.documentProperties()).toEqual({ rosterSheet: 'Sheet1' });
  expect(att.getFilter()?.getRange().getA1Notation()).toBe('A1:D3');
});

test('view() shows display values, dates as YYYY-MM-DD unless formatted, and conditional colours', () => {
  const view = populated().view();
  const att = view.sheets.find((s) => s.name === 'Attendance')!;
  expect(att.values).toEqual([
    ['Entry ID', '', 'Status', 'Rate'],
    ['e-1', '2026-11-12', 'excused', '25%'],
    ['e-2', '2026-11-13 12:30', '=not a formula', '50%'],
  ]);
  expect(att.backgrounds[1][2]).toBe('#fff2cc');
  expect(att.backgrounds[2][2]).toBeNull();
  expect(att.backgrounds[0][0]).toBe('#efefef');
  expect(att.fontWeights[0][3]).toBe('bold');
  expect(att.frozenRows).toBe(1);
  expect(view.activeSheet).toBe('Attendance');
  expect(view.sheets.map((s) => s.hidden ?? false)).toEqual([false, false]);
});
