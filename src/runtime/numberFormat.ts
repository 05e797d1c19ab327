/**
 * Display values under a Sheets number format (Range.getDisplayValues and the playground grid).
 * Covers the formats Cadence uses — General, @, 0, 0.0, #,##0, 0%, 0.0%, yyyy-mm-dd, yyyy-mm-dd hh:mm —
 * and the date tokens of Sheets' custom formats (yyyy yy mmmm mmm mm m dddd ddd dd d hh h ss am/pm).
 */
import type { CellValue } from './values';
import { instantOfSerial, serialOf, wallTime } from './timezone';

export const GENERAL = 'General';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

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

function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ydhs]/i.test(bare) || (/m/i.test(bare) && !/[0#]/.test(bare));
}

function renderDate(ms: number, format: string, timeZone: string): string {
  const w = wallTime(ms, timeZone);
  const hasAmPm = /am\/pm|a\/p/i.test(format);
  const tokens = format.match(/"[^"]*"|\\.|am\/pm|a\/p|y+|m+|d+|h+|s+|[^ymdhs"\\]+/gi) ?? [];
  const out: string[] = [];
  tokens.forEach((tok, i) => {
    const lower = tok.toLowerCase();
    const prev = tokens.slice(0, i).reverse().find((t) => /^[ymdhs]/i.test(t))?.toLowerCase() ?? '';
    const next = tokens.slice(i + 1).find((t) => /^[ymdhs]/i.test(t))?.toLowerCase() ?? '';
    if (tok.startsWith('"')) out.push(tok.slice(1, -1));
    else if (tok.startsWith('\\')) out.push(tok.slice(1));
    else if (lower === 'am/pm') out.push(w.hour < 12 ? 'AM' : 'PM');
    else if (lower === 'a/p') out.push(w.hour < 12 ? 'A' : 'P');
    else if (lower[0] === 'y') out.push(lower.length <= 2 ? pad(w.year % 100) : String(w.year));
    else if (lower[0] === 'd') {
      if (lower.length >= 4) out.push(DAYS[w.weekday]);
      else if (lower.length === 3) out.push(DAYS[w.weekday].slice(0, 3));
      else out.push(lower.length === 2 ? pad(w.day) : String(w.day));
    } else if (lower[0] === 'h') {
      const h = hasAmPm ? (w.hour % 12 === 0 ? 12 : w.hour % 12) : w.hour;
      out.push(lower.length >= 2 ? pad(h) : String(h));
    } else if (lower[0] === 's') out.push(lower.length >= 2 ? pad(w.second) : String(w.second));
    else if (lower[0] === 'm') {
      // m after an hour or before seconds means minutes, as in Sheets.
      const minutes = lower.length <= 2 && (prev.startsWith('h') || next.startsWith('s'));
      if (minutes) out.push(lower.length === 2 ? pad(w.minute) : String(w.minute));
      else if (lower.length >= 4) out.push(MONTHS[w.month - 1]);
      else if (lower.length === 3) out.push(MONTHS[w.month - 1].slice(0, 3));
      else out.push(lower.length === 2 ? pad(w.month) : String(w.month));
    } else out.push(tok);
  });
  return out.join('');
}

function renderNumber(n: number, format: string): string {
  const sections = format.split(';');
  let section = sections[0];
  if (n < 0 && sections.length > 1) { section = sections[1]; n = -n; }
  const percent = section.includes('%');
  const value = percent ? n * 100 : n;
  const body = /[0#?][0#?,.]*/.exec(section);
  if (!body) return section.replace(/"/g, '');
  const spec = body[0];
  const decimals = spec.includes('.') ? spec.split('.')[1].replace(/[^0#?]/g, '').length : 0;
  const required = spec.includes('.') ? spec.split('.')[1].replace(/[^0]/g, '').length : 0;
  const grouping = spec.split('.')[0].includes(',');
  let text = Math.abs(value).toFixed(decimals);
  if (decimals > required) text = text.replace(new RegExp(`0{1,${decimals - required}}$`), '').replace(/\.$/, '');
  const [wholeDigits, frac] = text.split('.');
  let whole = wholeDigits;
  const minWhole = spec.split('.')[0].replace(/[^0]/g, '').length;
  if (minWhole === 0 && whole === '0' && frac) whole = '';
  if (grouping) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && Number(text) !== 0 ? '-' : '';
  const number = `${sign}${whole}${frac ? `.${frac}` : ''}`;
  return section.slice(0, body.index).replace(/"/g, '') + number + section.slice(body.index + spec.length).replace(/"/g, '');
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
    if (isDateFormat(fmt)) return renderDate(ms, fmt, timeZone);
    return renderNumber(serialOf(ms, timeZone), fmt);
  }
  if (typeof value === 'number') {
    if (fmt === GENERAL || fmt === '@') return generalNumber(value);
    if (isDateFormat(fmt)) return renderDate(instantOfSerial(value, timeZone), fmt, timeZone);
    return renderNumber(value, fmt);
  }
  return String(value);
}
