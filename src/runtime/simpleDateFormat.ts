/**
 * Java SimpleDateFormat patterns, which Utilities.formatDate and Utilities.parseDate take
 * (https://developers.google.com/apps-script/reference/utilities/utilities#formatDate(Date,String,String)
 * links to java.text.SimpleDateFormat): letters are fields, '...' quotes literal text, '' is a quote.
 */
import { instantOf, offsetMinutes, wallTime, zoneName } from './timezone';
import { DAYS, MONTHS } from './calendarNames';

type Token = { field: string; width: number } | { literal: string };

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push({ literal: "'" });
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new Error(`Unterminated quote in date pattern: ${pattern}`);
      tokens.push({ literal: pattern.slice(i + 1, end) });
      i = end + 1;
    } else if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern[j] === ch) j++;
      if (!'GyYMLwWDdFEuaHkKhmsSzZX'.includes(ch)) throw new Error(`Illegal pattern character '${ch}'`);
      tokens.push({ field: ch, width: j - i });
      i = j;
    } else {
      tokens.push({ literal: ch });
      i++;
    }
  }
  return tokens;
}

const pad = (n: number, width: number) => String(Math.abs(n)).padStart(width, '0');

function offsetText(minutes: number, style: 'Z' | 'X', width: number): string {
  if (style === 'X' && minutes === 0) return 'Z';
  const sign = minutes < 0 ? '-' : '+';
  const h = pad(Math.floor(Math.abs(minutes) / 60), 2);
  const m = pad(Math.abs(minutes) % 60, 2);
  if (style === 'Z') return `${sign}${h}${m}`;
  if (width === 1) return `${sign}${h}`;
  return width === 2 ? `${sign}${h}${m}` : `${sign}${h}:${m}`;
}

export function formatDate(ms: number, timeZone: string, pattern: string): string {
  const w = wallTime(ms, timeZone);
  return tokenize(pattern)
    .map((t) => {
      if ('literal' in t) return t.literal;
      const n = t.width;
      switch (t.field) {
        case 'G':
          return w.year > 0 ? 'AD' : 'BC';
        case 'y':
        case 'Y':
          return n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        case 'M':
        case 'L':
          if (n >= 4) return MONTHS[w.month - 1];
          if (n === 3) return MONTHS[w.month - 1].slice(0, 3);
          return pad(w.month, n);
        case 'd':
          return pad(w.day, n);
        case 'D': {
          const start = Date.UTC(w.year, 0, 1);
          return pad(Math.round((Date.UTC(w.year, w.month - 1, w.day) - start) / 86400000) + 1, n);
        }
        case 'E':
          return n >= 4 ? DAYS[w.weekday] : DAYS[w.weekday].slice(0, 3);
        case 'u':
          return pad(w.weekday === 0 ? 7 : w.weekday, n);
        case 'F':
          return pad(Math.floor((w.day - 1) / 7) + 1, n);
        case 'w':
        case 'W': {
          const jan1 = new Date(Date.UTC(w.year, 0, 1)).getUTCDay();
          const dayOfYear = Math.round((Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86400000);
          if (t.field === 'W')
            return pad(Math.floor((w.day - 1 + new Date(Date.UTC(w.year, w.month - 1, 1)).getUTCDay()) / 7) + 1, n);
          return pad(Math.floor((dayOfYear + jan1) / 7) + 1, n);
        }
        case 'a':
          return w.hour < 12 ? 'AM' : 'PM';
        case 'H':
          return pad(w.hour, n);
        case 'k':
          return pad(w.hour === 0 ? 24 : w.hour, n);
        case 'K':
          return pad(w.hour % 12, n);
        case 'h':
          return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        case 'm':
          return pad(w.minute, n);
        case 's':
          return pad(w.second, n);
        case 'S':
          return pad(w.millisecond, Math.max(n, 3)).slice(0, Math.max(n, 3));
        case 'z':
          return zoneName(ms, timeZone, n >= 4 ? 'long' : 'short');
        case 'Z':
          return offsetText(offsetMinutes(ms, timeZone), 'Z', n);
        case 'X':
          return offsetText(offsetMinutes(ms, timeZone), 'X', n);
        default:
          return '';
      }
    })
    .join('');
}

/**
 * Parses text with a pattern in a zone; null when the text does not fit (Utilities.parseDate then
 * throws). Numeric fields take as many digits as the pattern gives when followed by another
 * number, otherwise all digits, as SimpleDateFormat does.
 */
export function parseDate(text: string, timeZone: string, pattern: string): number | null {
  const tokens = tokenize(pattern);
  let pos = 0;
  let year = 1970,
    month = 1,
    day = 1,
    hour = 0,
    minute = 0,
    second = 0,
    ms = 0;
  let pm: boolean | null = null;
  let twelveHour = false;
  let offset: number | null = null;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if ('literal' in t) {
      if (!text.startsWith(t.literal, pos)) return null;
      pos += t.literal.length;
      continue;
    }
    const next = tokens[k + 1];
    const adjacentNumber =
      next !== undefined &&
      'field' in next &&
      !'EaGzZX'.includes(next.field) &&
      !('ML'.includes(next.field) && next.width >= 3);
    if (('ML'.includes(t.field) && t.width >= 3) || t.field === 'E') {
      const names = t.field === 'E' ? DAYS : MONTHS;
      const rest = text.slice(pos).toLowerCase();
      const idx = names.findIndex((name) => rest.startsWith(name.toLowerCase()));
      const shortIdx = names.findIndex((name) => rest.startsWith(name.slice(0, 3).toLowerCase()));
      if (idx >= 0) pos += names[idx].length;
      else if (shortIdx >= 0) pos += 3;
      else return null;
      if (t.field !== 'E') month = (idx >= 0 ? idx : shortIdx) + 1;
      continue;
    }
    if (t.field === 'a') {
      const marker = text.slice(pos, pos + 2).toUpperCase();
      if (marker !== 'AM' && marker !== 'PM') return null;
      pm = marker === 'PM';
      pos += 2;
      continue;
    }
    if (t.field === 'Z' || t.field === 'X') {
      const m = /^(Z)|^([+-])(\d\d):?(\d\d)?/.exec(text.slice(pos));
      if (!m) return null;
      offset = m[1] ? 0 : (m[2] === '-' ? -1 : 1) * (Number(m[3]) * 60 + Number(m[4] ?? 0));
      pos += m[0].length;
      continue;
    }
    const digits = adjacentNumber ? new RegExp(`^[+-]?\\d{1,${t.width}}`) : /^[+-]?\d+/;
    const m = digits.exec(text.slice(pos));
    if (!m) return null;
    pos += m[0].length;
    const n = Number(m[0]);
    switch (t.field) {
      case 'y':
      case 'Y':
        year = t.width <= 2 && m[0].length <= 2 ? 2000 + n : n;
        break;
      case 'M':
      case 'L':
        month = n;
        break;
      case 'd':
        day = n;
        break;
      case 'H':
      case 'k':
        hour = n % 24;
        break;
      case 'h':
      case 'K':
        hour = n % 12;
        twelveHour = true;
        break;
      case 'm':
        minute = n;
        break;
      case 's':
        second = n;
        break;
      case 'S':
        ms = n;
        break;
      default:
        break;
    }
  }
  if (twelveHour && pm) hour += 12;
  if (pm !== null && !twelveHour && pm && hour < 12) hour += 12;
  // SimpleDateFormat is lenient by default: 2025-02-30 rolls over to March 2.
  if (offset !== null) {
    return Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset * 60000;
  }
  const normal = new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms));
  return instantOf(
    normal.getUTCFullYear(),
    normal.getUTCMonth() + 1,
    normal.getUTCDate(),
    normal.getUTCHours(),
    normal.getUTCMinutes(),
    normal.getUTCSeconds(),
    normal.getUTCMilliseconds(),
    timeZone,
  );
}
