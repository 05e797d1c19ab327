/**
 * Dates in the spreadsheet's own time zone (src/README.md, "The bridge": dates cross the bridge as YYYY-MM-DD in that
 * zone). Utilities.formatDate/parseDate take SimpleDateFormat patterns:
 * https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
 */
import type { DateReader, DateWriter } from '../core/record';

const DAY = 'yyyy-MM-dd';

/**
 * getValues returns Dates made in the script's realm, so instanceof answers at once; the tag is
 * the fallback for a Date from elsewhere. Most cells are text or blank: only objects are asked.
 */
function isDate(value: unknown): value is Date {
  if (typeof value !== 'object' || value === null) return false;
  return (
    (value instanceof DATE || tagOf.call(value) === '[object Date]') &&
    (value as Date).getTime() === (value as Date).getTime()
  );
}

// Globals read once: this runs for every cell of records with 100,000 rows and more.
const DATE = Date;
const tagOf = Object.prototype.toString;

/** A typed text date ('2025-03-04', '2025-03-04 10:00'): its day part. */
const TEXT_DAY = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[ T])/;

/**
 * Reads the record's dates. Days are formatted once per distinct instant: Cadence writes session
 * dates as midnights, so a record of 20,000 entries holds only as many distinct values as session
 * days. Instants become UTC ISO strings in plain JavaScript (they are only compared and shown).
 */
export function dateReader(timeZone: string): DateReader {
  const days = new Map<number, string>();
  const instants = new Map<number, string>();
  // Rows of one session sit together: the day of the row before is usually this row's too.
  let lastTime = NaN;
  let lastDay = '';
  return {
    day(value) {
      if (isDate(value)) {
        const time = value.getTime();
        if (time === lastTime) return lastDay;
        let day = days.get(time);
        if (day === undefined) {
          day = Utilities.formatDate(value, timeZone, DAY);
          days.set(time, day);
        }
        lastTime = time;
        lastDay = day;
        return day;
      }
      const m = typeof value === 'string' && value !== '' ? TEXT_DAY.exec(value) : null;
      return m ? m[1] : '';
    },
    instant(value) {
      if (isDate(value)) {
        // The rows of one save share their Recorded at: one string per distinct instant.
        const time = value.getTime();
        let iso = instants.get(time);
        if (iso === undefined) {
          iso = value.toISOString();
          instants.set(time, iso);
        }
        return iso;
      }
      return typeof value === 'string' ? value.trim() : '';
    },
  };
}

/** Session dates are written as midnight of that day in the spreadsheet's zone, so Sheets shows that day. */
export function dateWriter(timeZone: string): DateWriter {
  // A session's rows share one date: parse it once.
  const days = new Map<string, Date>();
  return {
    day(isoDay) {
      let date = days.get(isoDay);
      if (!date) {
        date = Utilities.parseDate(isoDay, timeZone, DAY);
        days.set(isoDay, date);
      }
      return date;
    },
    instant: (isoInstant) => new Date(isoInstant),
  };
}

export function formatDay(date: Date, timeZone: string): string {
  return Utilities.formatDate(date, timeZone, DAY);
}
