/**
 * Dates in the spreadsheet's own time zone (DESIGN.md: dates cross the bridge as YYYY-MM-DD in that
 * zone). Utilities.formatDate/parseDate take SimpleDateFormat patterns:
 * https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
 */
import type { DateReader, DateWriter } from '../core/record';

const DAY = 'yyyy-MM-dd';
const INSTANT = "yyyy-MM-dd'T'HH:mm:ss";

/** getValues returns Dates made in the script's realm; test the tag rather than instanceof. */
function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]' && !Number.isNaN((value as Date).getTime());
}

/** A typed text date ('2025-03-04', '2025-03-04 10:00'): its day part. */
const TEXT_DAY = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[ T])/;

export function dateReader(timeZone: string): DateReader {
  return {
    day(value) {
      if (isDate(value)) return Utilities.formatDate(value, timeZone, DAY);
      const m = typeof value === 'string' ? TEXT_DAY.exec(value) : null;
      return m ? m[1] : '';
    },
    instant(value) {
      if (isDate(value)) return Utilities.formatDate(value, timeZone, INSTANT);
      return typeof value === 'string' ? value.trim() : '';
    },
  };
}

/** Session dates are written as midnight of that day in the spreadsheet's zone, so Sheets shows that day. */
export function dateWriter(timeZone: string): DateWriter {
  return {
    day: (isoDay) => Utilities.parseDate(isoDay, timeZone, DAY),
    instant: (isoInstant) => Utilities.parseDate(isoInstant, timeZone, INSTANT),
  };
}

export function formatInstant(date: Date, timeZone: string): string {
  return Utilities.formatDate(date, timeZone, INSTANT);
}

export function formatDay(date: Date, timeZone: string): string {
  return Utilities.formatDate(date, timeZone, DAY);
}
