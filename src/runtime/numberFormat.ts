/**
 * Display values under a Sheets number format (Range.getDisplayValues and the playground grid).
 * Covers the formats add-ons commonly use — General, @, 0, 0.0, #,##0, 0%, 0.0%, yyyy-mm-dd, yyyy-mm-dd hh:mm —
 * and the date tokens of Sheets' custom formats (yyyy yy mmmm mmm mm m dddd ddd dd d hh h ss am/pm).
 */
import type { CellValue } from './values';
import { instantOfSerial, serialOf, wallTime, type WallTime } from './timezone';
import { DAYS, MONTHS } from './calendarNames';

export const GENERAL = 'General';

/** A number as Sheets' General format shows it: integers whole, others to 10 significant digits. */
export function generalNumber(n: number): string {
  if (!Number.isFinite(n)) return n > 0 ? '#NUM!' : '#NUM!';
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  if (Math.abs(n) >= 1e15 || (Math.abs(n) < 1e-9 && n !== 0)) {
    const [m, e] = n.toExponential(5).split('e');
    return `${String(Number(m))}E${Number(e) >= 0 ? '+' : '-'}${String(Math.abs(Number(e))).padStart(2, '0')}`;
  }
  return String(Number(n.toPrecision(10)));
}

/** General shows a date as yyyy-mm-dd, with the time only when it is not midnight (our choice; Sheets follows the locale). */
function generalDate(ms: number, timeZone: string): string {
  const w = wallTime(ms, timeZone);
  const date = `${w.year}-${pad(w.month)}-${pad(w.day)}`;
  if (w.hour === 0 && w.minute === 0 && w.second === 0) return date;
  return `${date} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Whether a number format shows dates or times (Sheets' date tokens outside quotes). */
export function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ydhs]/i.test(bare) || (/m/i.test(bare) && !/[0#]/.test(bare));
}

type WallTimePart = (w: WallTime) => string;

/** Compiles a date format into one function per token (rendering a large tab reuses them). */
function compileDate(format: string): WallTimePart[] {
  const hasAmPm = /am\/pm|a\/p/i.test(format);
  const tokens = format.match(/"[^"]*"|\\.|am\/pm|a\/p|y+|m+|d+|h+|s+|[^ymdhs"\\]+/gi) ?? [];
  const isField = (t: string) => /^[ymdhs]/i.test(t);
  return tokens.map((tok, i): WallTimePart => {
    const lower = tok.toLowerCase();
    const n = lower.length;
    if (tok.startsWith('"')) {
      const text = tok.slice(1, -1);
      return () => text;
    }
    if (tok.startsWith('\\')) {
      const text = tok.slice(1);
      return () => text;
    }
    if (lower === 'am/pm') return (w) => (w.hour < 12 ? 'AM' : 'PM');
    if (lower === 'a/p') return (w) => (w.hour < 12 ? 'A' : 'P');
    switch (lower[0]) {
      case 'y':
        return n <= 2 ? (w) => pad(w.year % 100) : (w) => String(w.year);
      case 'd':
        if (n >= 4) return (w) => DAYS[w.weekday];
        if (n === 3) return (w) => DAYS[w.weekday].slice(0, 3);
        return n === 2 ? (w) => pad(w.day) : (w) => String(w.day);
      case 'h': {
        const hour = (w: WallTime) => (hasAmPm ? (w.hour % 12 === 0 ? 12 : w.hour % 12) : w.hour);
        return n >= 2 ? (w) => pad(hour(w)) : (w) => String(hour(w));
      }
      case 's':
        return n >= 2 ? (w) => pad(w.second) : (w) => String(w.second);
      case 'm': {
        // m after an hour or before seconds means minutes, as in Sheets.
        const prev = tokens.slice(0, i).reverse().find(isField)?.toLowerCase() ?? '';
        const next =
          tokens
            .slice(i + 1)
            .find(isField)
            ?.toLowerCase() ?? '';
        if (n <= 2 && (prev.startsWith('h') || next.startsWith('s')))
          return n === 2 ? (w) => pad(w.minute) : (w) => String(w.minute);
        if (n >= 4) return (w) => MONTHS[w.month - 1];
        if (n === 3) return (w) => MONTHS[w.month - 1].slice(0, 3);
        return n === 2 ? (w) => pad(w.month) : (w) => String(w.month);
      }
      default:
        return () => tok;
    }
  });
}

/** Compiles a number format (first section for positives and zero, second for negatives). */
function compileNumber(format: string): (n: number) => string {
  const sections = format.split(';').map((section) => {
    const body = /[0#?][0#?,.]*/.exec(section);
    if (!body) {
      const text = section.replace(/"/g, '');
      return () => text;
    }
    const spec = body[0];
    const [intSpec, fracSpec = ''] = spec.split('.');
    const decimals = fracSpec.replace(/[^0#?]/g, '').length;
    const required = fracSpec.replace(/[^0]/g, '').length;
    const grouping = intSpec.includes(',');
    const minWhole = intSpec.replace(/[^0]/g, '').length;
    const percent = section.includes('%');
    const prefix = section.slice(0, body.index).replace(/"/g, '');
    const suffix = section.slice(body.index + spec.length).replace(/"/g, '');
    const optional = decimals > required ? new RegExp(`0{1,${decimals - required}}$`) : null;
    return (n: number) => {
      const value = percent ? n * 100 : n;
      let text = Math.abs(value).toFixed(decimals);
      if (optional) text = text.replace(optional, '').replace(/\.$/, '');
      const [wholeDigits, frac] = text.split('.');
      let whole = minWhole === 0 && wholeDigits === '0' && frac ? '' : wholeDigits;
      if (grouping) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
      const sign = value < 0 && Number(text) !== 0 ? '-' : '';
      return `${prefix}${sign}${whole}${frac ? `.${frac}` : ''}${suffix}`;
    };
  });
  return (n) => (n < 0 && sections.length > 1 ? sections[1](-n) : sections[0](n));
}

interface Compiled {
  date: boolean;
  renderDate: WallTimePart[];
  renderNumber: (n: number) => string;
}
const compiled = new Map<string, Compiled>();

function compile(format: string): Compiled {
  let c = compiled.get(format);
  if (!c) {
    c = { date: isDateFormat(format), renderDate: compileDate(format), renderNumber: compileNumber(format) };
    if (compiled.size > 1000) compiled.clear();
    compiled.set(format, c);
  }
  return c;
}

function renderDate(ms: number, parts: WallTimePart[], timeZone: string): string {
  const w = wallTime(ms, timeZone);
  let out = '';
  for (const part of parts) out += part(w);
  return out;
}

/** The text a cell shows: what getDisplayValues returns. */
export function displayValue(value: CellValue | '', format: string | null, timeZone: string): string {
  if (value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') return value;
  const fmt = format === null || format === '' ? GENERAL : format;
  if (value instanceof Date) {
    const ms = value.getTime();
    if (fmt === GENERAL || fmt === '@') return generalDate(ms, timeZone);
    const c = compile(fmt);
    return c.date ? renderDate(ms, c.renderDate, timeZone) : c.renderNumber(serialOf(ms, timeZone));
  }
  if (typeof value === 'number') {
    if (fmt === GENERAL || fmt === '@') return generalNumber(value);
    const c = compile(fmt);
    return c.date ? renderDate(instantOfSerial(value, timeZone), c.renderDate, timeZone) : c.renderNumber(value);
  }
  return String(value);
}
