/**
 * The period a summary or report covers: checking what the user asked for, the default (the last
 * six months), its calendar months and its middle day. Days are YYYY-MM-DD (core/dates.ts).
 */
import { addDays, daysBetween, isIsoDate, monthsEndingOn, monthStart } from './dates';
import { DEFAULT_PERIOD_MONTHS } from './types';

export interface Period {
  from: string;
  to: string;
}

/** The longest period accepted: ten years keeps the tab and its chart readable. */
export const MAX_PERIOD_DAYS = 3660;

/** YYYY-MM of a day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** The last day of the month of `day`. */
export function monthEnd(day: string): string {
  return addDays(monthStart(day, 1), -1);
}

/** Every month (YYYY-MM) from the month of `from` to the month of `to`. */
export function monthsFrom(from: string, to: string): string[] {
  const months: string[] = [];
  for (let start = monthStart(from); start <= to; start = monthStart(start, 1)) months.push(monthOf(start));
  return months;
}

/** The first day of the period's second half (the halves differ by at most a day). */
export function periodMiddle(from: string, to: string): string {
  return addDays(from, Math.ceil((daysBetween(from, to) + 1) / 2));
}

/** "March 2026" for "2026-03". */
export function monthLabel(month: string): string {
  const names = [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ];
  return `${names[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** "Mar 2026" for "2026-03": the chart's axis. */
export function shortMonthLabel(month: string): string {
  return `${monthLabel(month).slice(0, 3)} ${month.slice(0, 4)}`;
}

/**
 * The period asked for, checked, with the defaults filled in: `to` today, `from` the day after the
 * same day six months before `to`. Throws a message the user can act on.
 */
export function resolvePeriod(from: unknown, to: unknown, today: string, requireFrom = false): Period {
  const problems: string[] = [];
  const given = (v: unknown) => v !== undefined && v !== null && v !== '';
  if (given(from) && !isIsoDate(from)) problems.push(`The start date "${String(from)}" is not a date (YYYY-MM-DD).`);
  if (given(to) && !isIsoDate(to)) problems.push(`The end date "${String(to)}" is not a date (YYYY-MM-DD).`);
  if (requireFrom && !given(from)) problems.push('Choose the first day of the period.');
  if (requireFrom && !given(to)) problems.push('Choose the last day of the period.');
  if (problems.length) throw new Error(problems.join(' '));
  const end = given(to) ? (to as string) : today;
  const start = given(from) ? (from as string) : monthsEndingOn(end, DEFAULT_PERIOD_MONTHS);
  if (start > end) throw new Error(`The period starts (${start}) after it ends (${end}): swap the dates.`);
  if (daysBetween(start, end) > MAX_PERIOD_DAYS)
    throw new Error(`The period from ${start} to ${end} is longer than ten years: choose a shorter one.`);
  return { from: start, to: end };
}
