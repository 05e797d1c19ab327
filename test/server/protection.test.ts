/**
 * Protected tabs (Data › Protect sheets and ranges): Sheets refuses a script's write for a user who
 * may not edit, and Cadence says so plainly, with nothing half-written.
 */
import { failure, practice, recordEntries, session, attendanceSheet } from './fixtures';

describe('a protected Attendance or Patterns tab', () => {
  test('a protected Attendance tab: the save is refused naming the tab and what to do; nothing is stored', () => {
    const env = practice();
    env.run('saveSession', session(['C001']));
    attendanceSheet(env)!.protect().setDescription('locked by the owner');
    const before = JSON.stringify(env.toJSON().sheets.map((s) => s.cells));
    const message = failure(() => env.run('saveSession', session(['C002'], {}, { date: '2025-03-11' })));
    expect(message).toMatch(/^Nothing was saved: the "Attendance" tab is protected .* Ask the spreadsheet's owner/);
    expect(JSON.stringify(env.toJSON().sheets.map((s) => s.cells))).toBe(before);
    expect(recordEntries(env)).toHaveLength(1);
  });

  test('a protection the therapist may edit, or a warning-only one, stops nothing', () => {
    const env = practice();
    env.run('saveSession', session(['C001']));
    const protection = attendanceSheet(env)!.protect().addEditor('therapist@example.org');
    env.run('saveSession', session(['C002'], {}, { date: '2025-03-11' }));
    protection.removeEditor('therapist@example.org').setWarningOnly(true);
    env.run('saveSession', session(['C003'], {}, { date: '2025-03-11' }));
    expect(recordEntries(env)).toHaveLength(3);
  });

  test('a protected Patterns tab: the entry is saved, and the message says Patterns could not be refreshed', () => {
    const env = practice();
    env.run('saveSession', session(['C001']));
    env.spreadsheet.getSheetByName('Patterns')!.protect();
    const message = failure(() => env.run('saveSession', session(['C002'], {}, { date: '2025-03-11' })));
    expect(message).toMatch(
      /^Your entry was saved, but the Patterns tab could not be refreshed \(You are trying to edit a protected cell or object/,
    );
    expect(recordEntries(env)).toHaveLength(2);
  });
});
