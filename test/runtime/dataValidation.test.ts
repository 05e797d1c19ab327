/** Data validation: the builder, rules on cells, enforcement of rejecting rules on the script's writes. */
import { fixtureEnvironment } from './fixture';

function setup() {
  const env = fixtureEnvironment();
  const s = env.spreadsheet.getSheets()[0];
  return { env, app: env.spreadsheetApp, s };
}

test('a built rule reports its criteria, values, help text and whether it rejects', () => {
  const { app } = setup();
  const rule = app
    .newDataValidation()
    .requireValueInList(['present', 'excused'], true)
    .setAllowInvalid(false)
    .setHelpText('Pick one')
    .build();
  expect(String(rule.getCriteriaType())).toBe('VALUE_IN_LIST');
  expect(rule.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
  expect(rule.getCriteriaValues()).toEqual([['present', 'excused'], true]);
  expect([rule.getAllowInvalid(), rule.getHelpText()]).toEqual([false, 'Pick one']);
  expect(rule.copy().setAllowInvalid(true).build().getAllowInvalid()).toBe(true);
});

test("a rejecting rule refuses the script's write with Apps Script's message, and stores nothing", () => {
  const { app, s } = setup();
  s.getRange('B2:B10').setDataValidation(
    app.newDataValidation().requireValueInList(['present', 'excused']).setAllowInvalid(false).build(),
  );
  s.getRange('A2:B2').setValues([['Al', 'present']]);
  expect(() => s.getRange('A3:B3').setValues([['Bo', 'absent']])).toThrow(
    'The data you entered in cell B3 violates the data validation rules set on this cell.',
  );
  expect(s.getRange('A3:B3').getValues()).toEqual([['', '']]);
  expect(() => s.getRange('B4').setValue('')).not.toThrow();
});

test('a warning-only rule (the default) lets any value in', () => {
  const { app, s } = setup();
  s.getRange('B2').setDataValidation(app.newDataValidation().requireNumberBetween(0, 1).build());
  s.getRange('B2').setValue(5);
  expect(s.getRange('B2').getValue()).toBe(5);
});

test.each([
  ['requireCheckbox', (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireCheckbox(), true, 'yes'],
  [
    'requireNumberGreaterThan',
    (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireNumberGreaterThan(3),
    4,
    3,
  ],
  [
    'requireTextContains',
    (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireTextContains('@'),
    'a@b.org',
    'ab',
  ],
  [
    'requireTextIsEmail',
    (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireTextIsEmail(),
    'a@b.org',
    'a@b',
  ],
  [
    'requireFormulaSatisfied',
    (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) => b.requireFormulaSatisfied('=LEN(A1)<=3'),
    'abc',
    'abcd',
  ],
] as const)('%s accepts %j and refuses %j', (_name, make, ok, bad) => {
  const { app, s } = setup();
  s.getRange('A1').setDataValidation(make(app.newDataValidation()).setAllowInvalid(false).build());
  s.getRange('A1').setValue(ok);
  expect(s.getRange('A1').getValue()).toBe(ok);
  expect(() => s.getRange('A1').setValue(bad)).toThrow('violates the data validation rules');
});

test('requireValueInRange reads the allowed values from the range; rules move with inserted rows and round-trip', () => {
  const { env, app, s } = setup();
  const lists = env.spreadsheet.insertSheet('Lists');
  lists.getRange('A1:A2').setValues([['Group A'], ['Group B']]);
  s.getRange('C2:C5').setDataValidation(
    app.newDataValidation().requireValueInRange(lists.getRange('A1:A2')).setAllowInvalid(false).build(),
  );
  expect(() => s.getRange('C2').setValue('Group C')).toThrow('violates');
  s.insertRowsBefore(1, 1);
  expect(s.getRange('C2').getDataValidation()).toBeNull();
  expect(String(s.getRange('C3').getDataValidation()!.getCriteriaType())).toBe('VALUE_IN_RANGE');
  expect(s.getRange('C3').getDataValidation()!.getCriteriaValues()[0].getA1Notation()).toBe('A1:A2');
  const again = fixtureEnvironment({ workbook: env.toJSON() });
  const copy = again.spreadsheet.getSheetByName('Sheet1')!;
  expect(() => copy.getRange('C6').setValue('Group C')).toThrow('violates');
  copy.getRange('C6').setValue('Group B');
  expect(again.toJSON()).toEqual(fixtureEnvironment({ workbook: again.toJSON() }).toJSON());
  copy.getRange('C3:C6').clearDataValidations();
  copy.getRange('C6').setValue('Group C');
  expect(copy.getRange('C6').getValue()).toBe('Group C');
});
