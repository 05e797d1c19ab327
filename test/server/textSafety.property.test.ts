/**
 * Whatever a therapist types — formula-like, number-like, date-like, quoted — is stored as that
 * exact text and never becomes a formula, through the built add-on's saveSession.
 */
import fc from 'fast-check';
import type { SaveSessionResult } from '../../src/core/types';
import { attendanceSheet, practice, recordEntries, session } from './fixtures';

/** Text that Sheets would otherwise parse: leading = + - @ ', numbers, dates, booleans, times. */
const risky = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.tuple(fc.constantFrom('=', '+', '-', '@', "'", "''", ' ='), fc.string({ maxLength: 20 })).map(([a, b]) => a + b),
  fc.constantFrom(
    '007',
    '1,234',
    '50%',
    '1e5',
    'TRUE',
    'false',
    '2025-03-10',
    '3/4/2025',
    '12:30',
    '=A1',
    '=IMPORTXML("http://x","//a")',
    '-1',
    '+1',
  ),
);

test('notes, reasons and group names are stored exactly as typed, never as formulas', () => {
  const env = practice();
  fc.assert(
    fc.property(risky, risky, risky, (note, reason, group) => {
      const result = env.run<SaveSessionResult>(
        'saveSession',
        session(['C001'], { C001: { status: 'excused', note, reason } }, { group }),
      );
      const row = recordEntries(env).find((r) => r['Entry ID'] === result.entryIds[0])!;
      expect(row.Note).toBe(note);
      expect(row.Reason).toBe(reason.trim());
      expect(row.Group).toBe(group.trim());
    }),
    { numRuns: 60 },
  );
  expect(attendanceSheet(env)!.getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
});
