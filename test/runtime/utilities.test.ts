/** Utilities.formatDate / parseDate with Java SimpleDateFormat patterns in IANA zones. */
import { formatDate, parseDate } from '../../src/runtime/simpleDateFormat';

const instant = Date.UTC(2026, 10, 12, 15, 4, 5, 7); // Thu 12 Nov 2026 15:04:05.007 UTC

test.each([
  ['yyyy-MM-dd', 'America/New_York', '2026-11-12'],
  ['yyyy-MM-dd HH:mm:ss.SSS', 'Etc/UTC', '2026-11-12 15:04:05.007'],
  ['EEE d MMM yy', 'Europe/Paris', 'Thu 12 Nov 26'],
  ['EEEE, MMMM d', 'Pacific/Kiritimati', 'Friday, November 13'],
  ['h:mm a', 'America/Los_Angeles', '7:04 AM'],
  ['Z', 'America/New_York', '-0500'],
  ['XXX', 'Asia/Kolkata', '+05:30'],
  ['XXX', 'Etc/UTC', 'Z'],
  ["'week' w, 'day' D", 'Etc/UTC', 'week 46, day 316'],
  ["yyyy-MM-dd'T'HH:mm:ss''", 'Etc/UTC', "2026-11-12T15:04:05'"],
  ["yyyy-MM-dd'T'HH:mm:ss'Z'", 'GMT', '2026-11-12T15:04:05Z'],
  ['HH:mm z', 'GMT+1', '16:04 GMT+01:00'],
  ['HH:mm XXX', 'GMT-05:30', '09:34 -05:30'],
])('formatDate(%j in %s) = %j', (pattern, zone, expected) => {
  expect(formatDate(instant, zone, pattern)).toBe(expected);
});

test('daylight saving: the same wall clock maps to different offsets', () => {
  expect(formatDate(Date.UTC(2026, 2, 8, 6, 59), 'America/New_York', 'HH:mm Z')).toBe('01:59 -0500');
  expect(formatDate(Date.UTC(2026, 2, 8, 7, 0), 'America/New_York', 'HH:mm Z')).toBe('03:00 -0400');
});

test('parseDate reads the pattern in the zone', () => {
  expect(new Date(parseDate('2026-11-12', 'America/New_York', 'yyyy-MM-dd')!).toISOString()).toBe(
    '2026-11-12T05:00:00.000Z',
  );
  expect(new Date(parseDate('12/03/2026 14:30', 'Europe/London', 'dd/MM/yyyy HH:mm')!).toISOString()).toBe(
    '2026-03-12T14:30:00.000Z',
  );
  expect(new Date(parseDate('Nov 12 2026 2:05 PM', 'Etc/UTC', 'MMM d yyyy h:mm a')!).toISOString()).toBe(
    '2026-11-12T14:05:00.000Z',
  );
  expect(new Date(parseDate('20261112', 'Etc/UTC', 'yyyyMMdd')!).toISOString()).toBe('2026-11-12T00:00:00.000Z');
  expect(parseDate('not a date', 'Etc/UTC', 'yyyy-MM-dd')).toBeNull();
});

test('parseDate is lenient like SimpleDateFormat: Feb 30 rolls into March', () => {
  expect(new Date(parseDate('2025-02-30', 'Etc/UTC', 'yyyy-MM-dd')!).toISOString()).toBe('2025-03-02T00:00:00.000Z');
});
