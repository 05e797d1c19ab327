/** Calendar dates as 'YYYY-MM-DD' strings, the form they cross google.script.run in. */

const DAY_MS = 24 * 60 * 60 * 1000;

function toUtc(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new Error(`Not a YYYY-MM-DD date: "${date}"`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

export function addDays(date: string, days: number): string {
  return new Date(toUtc(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(toUtc(date)).getUTCDay();
}

/** The latest date before `date` (never `date` itself) that falls on `day` (0 = Sunday). */
export function previousWeekday(date: string, day: number): string {
  const back = ((weekday(date) - day + 7) % 7) || 7;
  return addDays(date, -back);
}

/** Today's date in a time zone (Node has Intl; the add-on itself uses Utilities.formatDate). */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
