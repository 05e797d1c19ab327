/**
 * Wall-clock arithmetic in IANA time zones, on the Node side (Intl is fine here: this is the
 * runtime, not the add-on). Used by Utilities.formatDate, user-entered dates and display values.
 */

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * Java's custom zone IDs, which Utilities.formatDate accepts besides IANA names ("GMT+1",
 * "GMT-05:30", "UTC+2"): a fixed offset in minutes east, or null for any other name.
 */
export function fixedOffset(timeZone: string): number | null {
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(timeZone);
  if (!m) return null;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

/** Throws for a zone Intl does not know, as Apps Script does for an invalid time zone argument. */
export function checkTimeZone(timeZone: string): void {
  if (fixedOffset(timeZone) === null) formatterFor(timeZone);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function wallTimeByIntl(ms: number, timeZone: string): WallTime {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '0';
  let year = Number(get('year'));
  if (get('era') === 'BC') year = 1 - year;
  return {
    year,
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')),
    minute: Number(get('minute')),
    second: Number(get('second')),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS.indexOf(get('weekday')),
  };
}

// Zone transitions fall on quarter hours and rarely: one Intl lookup per zone and day (two, to
// see that the offset held all day), else per quarter hour on a transition day. Rendering a
// 130,000-row tab would otherwise spend seconds in formatToParts.
const QUARTER_HOUR = 900000;
const DAY = 86400000;
const dayOffsets = new Map<string, Map<number, number | null>>();
const quarterOffsets = new Map<string, Map<number, number>>();

function cacheFor<V>(caches: Map<string, Map<number, V>>, timeZone: string): Map<number, V> {
  let cache = caches.get(timeZone);
  if (!cache) {
    cache = new Map();
    caches.set(timeZone, cache);
  }
  if (cache.size > 100000) cache.clear();
  return cache;
}

function offsetByIntl(at: number, timeZone: string): number {
  const w = wallTimeByIntl(at, timeZone);
  const d = new Date(Date.UTC(2000, 0, 1, w.hour, w.minute, w.second));
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  return Math.round((d.getTime() - at) / 60000);
}

/** Offset of the zone from UTC at an instant, in minutes (east positive). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const fixed = fixedOffset(timeZone);
  if (fixed !== null) return fixed;
  const day = Math.floor(ms / DAY);
  const days = cacheFor(dayOffsets, timeZone);
  let whole = days.get(day);
  if (whole === undefined) {
    const start = offsetByIntl(day * DAY, timeZone);
    whole = offsetByIntl((day + 1) * DAY - QUARTER_HOUR, timeZone) === start ? start : null;
    days.set(day, whole);
  }
  if (whole !== null) return whole;
  const bucket = Math.floor(ms / QUARTER_HOUR);
  const quarters = cacheFor(quarterOffsets, timeZone);
  let offset = quarters.get(bucket);
  if (offset === undefined) {
    offset = offsetByIntl(bucket * QUARTER_HOUR, timeZone);
    quarters.set(bucket, offset);
  }
  return offset;
}

export function wallTime(ms: number, timeZone: string): WallTime {
  const d = new Date(ms + offsetMinutes(ms, timeZone) * 60000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

/**
 * The instant at which the zone's clocks show this wall time (the earlier one in a DST overlap).
 * A time the clocks skip (a DST gap) is read with the offset in force before the gap, so it lands
 * after it, as a lenient java.util.Calendar (Utilities.parseDate's SimpleDateFormat) does: midnight
 * of 2025-09-07 in America/Santiago, which does not exist, is 01:00 that day, never 23:00 the day before.
 */
export function instantOf(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
  timeZone = 'UTC',
): number {
  const d = new Date(Date.UTC(2000, 0, 1, hour, minute, second, ms));
  d.setUTCFullYear(year, month - 1, day);
  const asUtc = d.getTime();
  const first = asUtc - offsetMinutes(asUtc, timeZone) * 60000;
  // Second pass settles guesses that landed on the other side of a transition.
  const settled = asUtc - offsetMinutes(first, timeZone) * 60000;
  if (settled + offsetMinutes(settled, timeZone) * 60000 === asUtc) return settled;
  if (first + offsetMinutes(first, timeZone) * 60000 === asUtc) return first;
  // In a gap neither reads back: the later candidate used the offset from before the gap.
  return Math.max(first, settled);
}

/** Days since 1899-12-30 in the zone: the serial number Sheets uses for dates in formulas. */
export function serialOf(ms: number, timeZone: string): number {
  return (ms + offsetMinutes(ms, timeZone) * 60000) / 86400000 + 25569;
}

export function instantOfSerial(serial: number, timeZone: string): number {
  const local = Math.round((serial - 25569) * 86400000);
  const d = new Date(local);
  return instantOf(
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
    timeZone,
  );
}

const nameFormatters = new Map<string, Intl.DateTimeFormat>();

/** Short and long zone names (EST, Eastern Standard Time) for the z / zzzz patterns. */
export function zoneName(ms: number, timeZone: string, style: 'short' | 'long'): string {
  const fixed = fixedOffset(timeZone);
  if (fixed !== null) {
    const a = Math.abs(fixed);
    return `GMT${fixed < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
  }
  const key = `${timeZone}|${style}`;
  let f = nameFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: style });
    nameFormatters.set(key, f);
  }
  return f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}
