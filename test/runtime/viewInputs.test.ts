/**
 * The view (Environment.view) tells the playground which cells a person edits through a control,
 * as Sheets draws them: a dropdown for a list rule (unless it hides its dropdown), a checkbox, a
 * date picker for "is a valid date"; and which columns are hidden.
 */
import { createEnvironment } from '../../src/runtime';

test('dropdowns, checkboxes, date pickers and hidden columns are in the view', () => {
  const env = createEnvironment({ distDir: `${__dirname}/fixture`, timeZone: 'Europe/Paris' });
  const sheet = env.spreadsheet.getSheets()[0];
  const rules = env.spreadsheetApp;
  sheet.getRange('A1:D2').setValues([
    ['x', true, '2025-03-10', 'hidden'],
    ['y', false, '', ''],
  ]);
  sheet.getRange('A1').setDataValidation(rules.newDataValidation().requireValueInList(['x', 'z']).build());
  sheet.getRange('A2').setDataValidation(rules.newDataValidation().requireValueInList(['y'], false).build());
  sheet.getRange('B1:B2').setDataValidation(rules.newDataValidation().requireCheckbox().build());
  sheet.getRange('C1:C2').setDataValidation(rules.newDataValidation().requireDate().build());
  sheet.hideColumns(4);
  const view = env.view().sheets[0];
  expect(view.inputs).toEqual([
    { row: 0, column: 0, kind: 'list', options: ['x', 'z'] },
    { row: 0, column: 1, kind: 'checkbox' },
    { row: 0, column: 2, kind: 'date', date: '2025-03-10' },
    { row: 1, column: 1, kind: 'checkbox' },
    { row: 1, column: 2, kind: 'date', date: '' },
  ]);
  expect(view.hiddenColumns).toEqual([4]);
});
