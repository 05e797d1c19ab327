/**
 * Calendar days as 'YYYY-MM-DD' strings, the form dates cross the bridge in (src/README.md, "The bridge"). Pure day
 * arithmetic through Date.UTC, so no time zone or daylight-saving change can shift a day: the
 * server has already turned each cell into a day in the spreadsheet's zone.
 */

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86400000;

/** Days since 1970-01-01 of a valid day, or null ('2025-02-30', '2025-2-3', '' are not days). */
function dayNumber(s: string): number | null {
  const m = ISO_DAY.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 30 Feb over to 2 Mar; a real day survives the round trip unchanged.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

function requireDay(s: string): number {
  const n = dayNumber(s);
  if (n === null) throw new Error(`"${s}" is not a date (expected YYYY-MM-DD).`);
  return n;
}

function dayString(n: number): string {
  const d = new Date(n * DAY_MS);
  const pad = (v: number, w: number) => String(v).padStart(w, '0');
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

export function isIsoDate(s: unknown): s is string {
  return typeof s === 'string' && dayNumber(s) !== null;
}

export function addDays(s: string, n: number): string {
  return dayString(requireDay(s) + n);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return requireDay(b) - requireDay(a);
}

/** The Monday of the ISO week holding the day (weeks start on Monday). */
export function weekStart(s: string): string {
  const n = requireDay(s);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting Monday as 0.
  const mondayBased = (((n + 3) % 7) + 7) % 7;
  return dayString(n - mondayBased);
}

/** The same day `n` months later (earlier for negative n), the last day of the month when it has no such day. */
export function addMonths(s: string, n: number): string {
  requireDay(s);
  const [y, m, d] = s.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return dayString(Date.UTC(year, month, Math.min(d, last)) / DAY_MS);
}

/** The Monday of the first of `weeks` calendar weeks ending with the week of `today` (the weeks Patterns can show). */
export function firstOfWeeks(today: string, weeks: number): string {
  return addDays(weekStart(today), -7 * (weeks - 1));
}

/** The first day of the month `n` months after the month of `day` (n may be negative). */
export function monthStart(day: string, n = 0): string {
  requireDay(day);
  const month = Number(day.slice(5, 7)) - 1 + n;
  const year = Number(day.slice(0, 4)) + Math.floor(month / 12);
  const m = ((month % 12) + 12) % 12;
  return `${String(year).padStart(4, '0')}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * The first day of the `months` months that end with `day`: the day after the same day `months`
 * months before (clamped to that month's length: six months before 31 August is 28 February).
 */
export function monthsEndingOn(day: string, months: number): string {
  return addDays(addMonths(day, -months), 1);
}
