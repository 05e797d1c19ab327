/**
 * What a cell holds, and how a value written by setValue(s) becomes it. Apps Script's setValues
 * writes as if the user typed each value (USER_ENTERED): https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object)
 * notes that values are "interpreted" — strings can become numbers, dates and formulas.
 */
import { instantOf, serialOf, wallTime } from './timezone';

/** A formula cell: the text as entered ('=A1+1'); its value is computed on read. */
export class Formula {
  constructor(readonly formula: string) {}
}

/** Stored cell content; blank is ''. Dates are Node Dates (instants), converted per realm on read. */
export type CellValue = string | number | boolean | Date | Formula;

/** https://support.google.com/docs/answer/37603 — a cell holds at most 50,000 characters. */
export const MAX_CELL_CHARS = 50000;
export const TOO_LONG = `Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`;

/** Cross-realm date test: a Date made inside the add-on's context is not `instanceof` Node's Date. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A cell as Sheets' number comparisons see it: numbers, and dates as serial days; else null. */
export function numericValue(value: unknown, timeZone: string): number | null {
  if (typeof value === 'number') return value;
  if (value instanceof Date) return serialOf(value.getTime(), timeZone);
  return null;
}

export interface Entered {
  value: CellValue;
  /** The number format Sheets applies when the typed text implies one and the cell has none. */
  autoFormat: string | null;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?$/;
const MONTH_FIRST = /^([A-Za-z]{3,9})\.? (\d{1,2})(?:,? (\d{4}))?$/;
const DAY_FIRST = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?(?:[ -](\d{4}))?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])[Mm])?$/;
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** 1-12 for an English month name or its first three letters, else 0. */
function monthNumber(name: string): number {
  const n = name.toLowerCase();
  return MONTHS.findIndex((m) => m === n || (n.length === 3 && m.startsWith(n))) + 1;
}

/** Two-digit years: 00-29 are 20xx, 30-99 are 19xx (Sheets' pivot). */
function fullYear(text: string | undefined, current: number): number {
  if (text === undefined) return current;
  const y = Number(text);
  return text.length === 2 ? (y < 30 ? 2000 + y : 1900 + y) : y;
}

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * A string as Sheets takes it when typed (the spreadsheet locale is taken to be en_US):
 * - '=...' is a formula, also after leading whitespace (tab, CR, space) and also in a cell
 *   formatted as plain text '@'. Both are stricter than Sheets is known to be: an add-on must
 *   never rely on whitespace or '@' alone to neutralise a formula — a leading apostrophe does;
 * - a leading apostrophe forces text and is not stored;
 * - numbers ('0012' → 12, '+5', '-5', '1,234', '50%' → 0.5), TRUE/FALSE, dates ('2026-11-12',
 *   '11/12/2026', '1/2' in the current year, 'Nov 12, 2026', '12 Nov'), times ('9:30', '2:05 PM');
 * - any other text beginning with '+', '-' or '@' is taken as a formula. Sheets' own handling of
 *   these varies ('-x' gives #ERROR!, '@' may open a chip); the stricter choice surfaces every
 *   place where user text could be read as code.
 */
export function enterString(
  text: string,
  numberFormat: string | null,
  timeZone: string,
  now: number = Date.now(),
  apostrophe: 'hidden' | 'kept' = 'hidden',
): Entered {
  if (text.length > MAX_CELL_CHARS) throw new Error(TOO_LONG);
  if (text === '') return { value: '', autoFormat: null };
  // Switch apostropheInTextFormat: in a plain-text cell the apostrophe may stay part of the value.
  if (text.startsWith("'"))
    return { value: numberFormat === '@' && apostrophe === 'kept' ? text : text.slice(1), autoFormat: null };
  const lead = text.trimStart();
  if (lead.startsWith('=')) return { value: new Formula(lead), autoFormat: null };
  if (numberFormat === '@') return { value: text, autoFormat: null };
  const t = text.trim();
  const percent = t.endsWith('%');
  const numeric = percent ? t.slice(0, -1).trim() : t;
  if (NUMBER.test(numeric) || GROUPED.test(numeric)) {
    const n = Number(numeric.replace(/,/g, ''));
    if (percent) {
      const decimals = numeric.includes('.') ? numeric.split('.')[1].length : 0;
      return { value: n / 100, autoFormat: decimals ? `0.${'0'.repeat(decimals)}%` : '0%' };
    }
    return { value: n, autoFormat: null };
  }
  if (/^(true|false)$/i.test(t)) return { value: t.toLowerCase() === 'true', autoFormat: null };
  const iso = ISO_DATE.exec(t);
  if (iso) {
    const [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const [h, mi, s] = [Number(iso[4] ?? 0), Number(iso[5] ?? 0), Number(iso[6] ?? 0)];
    if (validDay(y, m, d) && h < 24 && mi < 60 && s < 60) {
      return {
        value: new Date(instantOf(y, m, d, h, mi, s, 0, timeZone)),
        autoFormat: iso[4] === undefined ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss',
      };
    }
  }
  // Dates as an en_US user types them; a missing year is the current one.
  const year = () => wallTime(now, timeZone).year;
  const us = US_DATE.exec(t);
  const named = MONTH_FIRST.exec(t) ?? DAY_FIRST.exec(t);
  const parts = us
    ? ([Number(us[1]), Number(us[2]), us[3]] as const)
    : named
      ? MONTH_FIRST.test(t)
        ? ([monthNumber(named[1]), Number(named[2]), named[3]] as const)
        : ([monthNumber(named[2]), Number(named[1]), named[3]] as const)
      : null;
  if (parts) {
    const [m, d, yearText] = parts;
    const y = fullYear(yearText, yearText === undefined ? year() : 0);
    if (validDay(y, m, d))
      return { value: new Date(instantOf(y, m, d, 0, 0, 0, 0, timeZone)), autoFormat: us ? 'm/d/yyyy' : 'd mmm yyyy' };
  }
  const time = TIME.exec(t);
  if (time && Number(time[2]) < 60 && Number(time[3] ?? 0) < 60) {
    let hour = Number(time[1]);
    const half = time[4]?.toLowerCase();
    if (half && (hour < 1 || hour > 12)) return { value: text, autoFormat: null };
    if (half) hour = (hour % 12) + (half === 'p' ? 12 : 0);
    if (hour < 24) {
      // A time alone is a date on Sheets' epoch day, 1899-12-30.
      const ms = instantOf(1899, 12, 30, hour, Number(time[2]), Number(time[3] ?? 0), 0, timeZone);
      return { value: new Date(ms), autoFormat: 'h:mm:ss am/pm' };
    }
  }
  if (/^[+\-@]/.test(lead)) return { value: new Formula(`=${lead}`), autoFormat: null };
  return { value: text, autoFormat: null };
}

/**
 * Any value the add-on writes. Numbers, booleans and Dates pass as they are; null/undefined clear
 * the cell. Other objects are refused (Apps Script would store their string form, which is never
 * what an add-on meant: the stricter choice).
 */
export function enterValue(
  value: unknown,
  numberFormat: string | null,
  timeZone: string,
  now: number = Date.now(),
  apostrophe: 'hidden' | 'kept' = 'hidden',
): Entered {
  switch (typeof value) {
    case 'string':
      return enterString(value, numberFormat, timeZone, now, apostrophe);
    case 'number':
      return { value, autoFormat: null };
    case 'boolean':
      return { value, autoFormat: null };
    case 'undefined':
      return { value: '', autoFormat: null };
    default:
      if (value === null) return { value: '', autoFormat: null };
      if (isDate(value)) {
        const ms = value.getTime();
        if (Number.isNaN(ms)) throw new Error('Invalid Date cannot be written to a cell.');
        return { value: new Date(ms), autoFormat: null };
      }
      throw new Error(`Cannot write a value of type ${Object.prototype.toString.call(value).slice(8, -1)} to a cell.`);
  }
}
