/**
 * What the playground needs of calendar days beyond core/dates.ts (whose day arithmetic it uses):
 * Sunday-based weekdays for the demo's schedule, and today in a time zone.
 */
import { addDays, daysBetween, weekStart } from '../core/dates';

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  // weekStart is the Monday of the week: Monday is 1 day after Sunday.
  return (daysBetween(weekStart(date), date) + 1) % 7;
}

/** The latest date before `date` (never `date` itself) that falls on `day` (0 = Sunday). */
export function previousWeekday(date: string, day: number): string {
  const back = (weekday(date) - day + 7) % 7 || 7;
  return addDays(date, -back);
}

/** Today's date in a time zone (Node has Intl; the add-on itself uses Utilities.formatDate). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
