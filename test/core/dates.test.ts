import { addDays, daysBetween, isIsoDate, weekStart } from '../../src/core/dates';

describe('dates', () => {
  it('accepts only real YYYY-MM-DD days', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    for (const bad of [
      '2025-02-29',
      '2025-02-30',
      '2025-13-01',
      '2025-2-3',
      '2025-02-03T00:00',
      ' 2025-02-03',
      '',
      20250203,
      null,
    ]) {
      expect(isIsoDate(bad)).toBe(false);
    }
  });
  it('adds days across months, leap days and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-05', -7)).toBe('2025-12-29');
    expect(() => addDays('2025-02-30', 1)).toThrow('"2025-02-30" is not a date');
  });
  it('counts days between, signed', () => {
    expect(daysBetween('2025-12-25', '2026-01-05')).toBe(11);
    expect(daysBetween('2026-01-05', '2025-12-25')).toBe(-11);
    // A daylight-saving change in between does not make a day of 23 hours.
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
  });
  it('finds the Monday starting the week', () => {
    expect(weekStart('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // the Sunday after
    expect(weekStart('2026-01-01')).toBe('2025-12-29'); // across a year
    expect(weekStart('1969-12-31')).toBe('1969-12-29'); // before the epoch
  });
});
