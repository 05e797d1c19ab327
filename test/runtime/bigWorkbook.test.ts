/** A workbook with a 130,000-row tab survives a snapshot round trip (issue 10: it overflowed the stack). */
import { fixtureEnvironment } from './fixture';

test('a 130,000-row record is saved to JSON and opened again, every row intact', () => {
  const env = fixtureEnvironment({ timeZone: 'Europe/London' });
  const sheet = env.spreadsheet.getSheets()[0];
  const rows = 130_000;
  sheet.insertRowsAfter(sheet.getMaxRows(), rows + 1 - sheet.getMaxRows());
  const values = Array.from({ length: rows }, (_, i) => [`e${i}`, i % 7 === 0 ? 'unexcused' : 'present', i]);
  sheet.getRange(2, 1, rows, 3).setValues(values);
  sheet.getRange(1, 1, 1, 3).setValues([['Entry ID', 'Status', 'n']]);
  const json = env.toJSON();
  const reopened = fixtureEnvironment({ workbook: JSON.parse(JSON.stringify(json)) });
  const again = reopened.spreadsheet.getSheets()[0];
  expect(again.getLastRow()).toBe(rows + 1);
  expect(again.getRange(rows + 1, 1, 1, 3).getValues()).toEqual([
    [`e${rows - 1}`, (rows - 1) % 7 === 0 ? 'unexcused' : 'present', rows - 1],
  ]);
  expect(
    reopened.spreadsheet
      .getSheets()[0]
      .getRange('C2:C')
      .getValues()
      .reduce((sum, [n]) => sum + Number(n), 0),
  ).toBe((rows * (rows - 1)) / 2);
});
