/** The period of a summary or report (core/period.ts, core/dates.ts). */
import { monthsEndingOn } from '../../src/core/dates';
import { monthEnd, monthsFrom, periodMiddle, resolvePeriod } from '../../src/core/period';

test('the default period is the six months ending today, the same day clamped to short months', () => {
  expect(resolvePeriod(undefined, undefined, '2025-03-12')).toEqual({ from: '2024-09-13', to: '2025-03-12' });
  expect(resolvePeriod(null, '', '2025-08-31')).toEqual({ from: '2025-03-01', to: '2025-08-31' });
  expect(monthsEndingOn('2024-08-31', 6)).toBe('2024-03-01'); // 29 Feb 2024, then the day after
  expect(resolvePeriod(undefined, '2025-01-31', '2025-03-12').from).toBe('2024-08-01');
});

test('a period asked for is checked, with messages a therapist can act on', () => {
  expect(() => resolvePeriod('2025-02-30', undefined, '2025-03-12')).toThrow(
    'The start date "2025-02-30" is not a date (YYYY-MM-DD).',
  );
  expect(() => resolvePeriod('2025-03-02', '2025-03-01', '2025-03-12')).toThrow('swap the dates');
  expect(() => resolvePeriod('2000-01-01', '2025-03-01', '2025-03-12')).toThrow('longer than ten years');
  expect(() => resolvePeriod(undefined, undefined, '2025-03-12', true)).toThrow('Choose the first day of the period.');
});

test('months, month ends and the middle day', () => {
  expect(monthsFrom('2024-11-15', '2025-02-01')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
  expect(monthEnd('2024-02-10')).toBe('2024-02-29');
  expect(periodMiddle('2025-01-01', '2025-01-10')).toBe('2025-01-06');
  expect(periodMiddle('2025-01-01', '2025-01-01')).toBe('2025-01-02');
});
