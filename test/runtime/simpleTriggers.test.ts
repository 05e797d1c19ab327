/**
 * The onEdit(e) simple trigger (https://developers.google.com/apps-script/guides/triggers): fired by
 * a person's edit (Environment.edit) and never by a script's own writes, with the edit event's
 * fields (https://developers.google.com/apps-script/guides/triggers/events#edit), in AuthMode.LIMITED
 * with its restrictions, stopped after its time limit.
 */
import { createEnvironment } from '../../src/runtime';
import type { EnvironmentOptions } from '../../src/runtime';

const envWith = (options: Partial<EnvironmentOptions> = {}) =>
  createEnvironment({ distDir: `${__dirname}/fixture`, user: 'amy@example.org', ...options });

const lastEdit = (env: ReturnType<typeof envWith>) =>
  JSON.parse(env.documentProperties().lastEdit ?? 'null') as Record<string, unknown> | null;

describe('onEdit(e), fired by a person’s edit', () => {
  test('the event: LIMITED, the range, value, no oldValue for a blank cell, the source; no email', () => {
    const env = envWith();
    expect(env.edit('Sheet1', 'B2', '42')).toEqual({ fired: true, error: null });
    expect(lastEdit(env)).toEqual({
      authMode: 'LIMITED',
      value: '42',
      hasValue: true,
      hasOldValue: false,
      a1: 'B2',
      sheet: 'Sheet1',
      source: 'Untitled spreadsheet',
      email: '',
    });
    expect(env.spreadsheet.getRange('B2').getValue()).toBe(42);
    env.edit('Sheet1', 'B2', 'forty-two');
    expect(lastEdit(env)).toMatchObject({ value: 'forty-two', oldValue: '42', hasOldValue: true });
  });

  test('a checkbox tick gives "TRUE"; an edit of several cells gives no value', () => {
    const env = envWith();
    const sheet = env.spreadsheet.getSheets()[0];
    sheet.getRange('C1').setDataValidation(env.spreadsheetApp.newDataValidation().requireCheckbox().build());
    env.edit('Sheet1', 'C1', true);
    expect(lastEdit(env)).toMatchObject({ value: 'TRUE', hasValue: true });
    env.edit('Sheet1', 'A1:B2', 'x');
    expect(lastEdit(env)).toMatchObject({ a1: 'A1:B2', hasValue: false, hasOldValue: false });
  });

  test("the script's own writes never fire it: not from a run, not from the trigger itself", () => {
    const env = envWith();
    env.run('writeCell', 'A1', 'by the script');
    expect(env.documentProperties().edits).toBeUndefined();
    env.edit('Sheet1', 'A2', 'echo');
    expect(env.spreadsheet.getRange('B2').getValue()).toBe('echo written by the script');
    expect(env.documentProperties().edits).toBe('1');
  });

  test('input a rejecting data-validation rule forbids is refused, and nothing fires', () => {
    const env = envWith();
    env.spreadsheet
      .getRange('A1')
      .setDataValidation(env.spreadsheetApp.newDataValidation().requireDate().setAllowInvalid(false).build());
    expect(() => env.edit('Sheet1', 'A1', 'not a date')).toThrow(/violates the data validation rules/);
    expect(env.documentProperties().edits).toBeUndefined();
    env.edit('Sheet1', 'A1', '2025-03-10');
    expect(Object.prototype.toString.call(env.spreadsheet.getRange('A1').getValue())).toBe('[object Date]');
  });

  test('LIMITED refuses the container UI; the error is the trigger’s, the edit stands', () => {
    const env = envWith();
    const result = env.edit('Sheet1', 'A1', 'sidebar');
    expect(result.error).toMatch(/You do not have permission to call Ui.showSidebar/);
    expect(env.spreadsheet.getRange('A1').getValue()).toBe('sidebar');
    expect(env.logs.at(-1)).toMatch(/^onEdit failed: /);
  });

  test.each([
    ['available', null],
    ['refused', /You do not have permission to call LockService.getDocumentLock/],
  ] as const)('switch lockInSimpleTriggers=%s', (value, error) => {
    const env = envWith({ switches: { lockInSimpleTriggers: value } });
    const result = env.edit('Sheet1', 'A1', 'lock');
    if (error) expect(result.error).toMatch(error);
    else expect(result.error).toBeNull();
    // Outside a simple trigger the lock is there under both.
    expect(() => env.run('hasLockNow')).not.toThrow();
  });

  test('a simple trigger past its time limit is stopped (30 s in Apps Script; shortened here)', () => {
    const env = envWith({ simpleTriggerLimitMs: 20 });
    expect(env.edit('Sheet1', 'A1', 'slow').error).toBe('Exceeded maximum execution time');
    expect(envWith().edit('Sheet1', 'A1', 'slow').error).toBeNull();
  });

  test('building the event costs the add-on no service call', () => {
    const env = envWith();
    env.edit('Sheet1', 'A1', 'x');
    expect(env.lastCalls.byMethod['Spreadsheet.getRange']).toBeUndefined();
  });
});
