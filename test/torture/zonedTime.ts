/** Instants of a wall-clock time in a time zone, computed in Node (Intl) independently of the runtime. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(ms: number, zone: string): number {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, format);
  }
  const p = Object.fromEntries(format.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
  return Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
}

/** The instant at which `zone` reads y-m-d h:mi:s (the later one when that time does not exist). */
export function zonedInstant(zone: string, y: number, m: number, d: number, h = 0, mi = 0, s = 0): Date {
  const wanted = Date.UTC(y, m - 1, d, h, mi, s);
  let ms = wanted;
  for (let i = 0; i < 3; i += 1) ms += wanted - wallClock(ms, zone);
  return new Date(ms);
}

/** YYYY-MM-DD one calendar year after `day` (29 Feb → 1 Mar). */
export function addYear(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
}

/** YYYY-MM-DDTHH:mm:ss of an instant in `zone` (the server's "Recorded at" reading). */
export function formatInZone(date: Date, zone: string): string {
  const ms = wallClock(date.getTime(), zone);
  return new Date(ms).toISOString().slice(0, 19);
}
