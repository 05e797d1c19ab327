/** Utilities (formatDate, parseDate, getUuid, sleep, base64), Logger and console. */
import { randomUUID } from 'node:crypto';
import type { Execution } from './execution';
import { serviceObject } from './service';
import { formatDate, parseDate } from './simpleDateFormat';
import { checkTimeZone } from './timezone';
import { isDate } from './values';

type Utilities = GoogleAppsScript.Utilities.Utilities;

export function utilitiesObject(exec: Execution): Utilities {
  const impl: Pick<
    Utilities,
    'formatDate' | 'parseDate' | 'getUuid' | 'sleep' | 'base64Encode' | 'base64Decode' | 'formatString'
  > = {
    formatDate(date, timeZone, format) {
      if (!isDate(date))
        throw new Error(
          "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
        );
      const ms = date.getTime();
      if (Number.isNaN(ms)) throw new Error('Invalid argument: date');
      checkTimeZone(String(timeZone));
      return formatDate(ms, String(timeZone), String(format));
    },
    parseDate(date, timeZone, format) {
      checkTimeZone(String(timeZone));
      const ms = parseDate(String(date), String(timeZone), String(format));
      if (ms === null) throw new Error(`Unparseable date: "${String(date)}"`);
      return exec.realm.date(ms);
    },
    getUuid: () => randomUUID(),
    // Virtual time: an execution never waits, and the clock does not move.
    sleep: () => undefined,
    base64Encode: ((data: unknown) =>
      Buffer.from(String(data), 'utf8').toString('base64')) as Utilities['base64Encode'],
    base64Decode: ((encoded: unknown) =>
      exec.realm.array(
        [...Buffer.from(String(encoded), 'base64')].map((b) => (b > 127 ? b - 256 : b)),
      )) as Utilities['base64Decode'],
    formatString: (template, ...args) => formatTemplate(String(template), args),
  };
  return serviceObject(exec, 'Utilities', impl);
}

/** Logger.log's and Utilities.formatString's %s/%d substitution. */
function formatTemplate(template: string, args: unknown[]): string {
  let i = 0;
  return template.replace(/%[sdif%]/g, (m) => (m === '%%' ? '%' : i < args.length ? String(args[i++]) : m));
}

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (isDate(v)) return v.toString();
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

export function loggerObject(exec: Execution): GoogleAppsScript.Base.Logger {
  const logs = exec.world.logs;
  const impl: Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> = {
    log: ((first: unknown, ...rest: unknown[]) => {
      logs.push(typeof first === 'string' && rest.length ? formatTemplate(first, rest) : show(first));
      return self;
    }) as GoogleAppsScript.Base.Logger['log'],
    getLog: () => logs.join('\n'),
    clear() {
      logs.length = 0;
    },
  };
  const self = serviceObject<GoogleAppsScript.Base.Logger>(exec, 'Logger', impl);
  return self;
}

/** console in the add-on writes to the same log (Apps Script sends both to the execution log). */
export function consoleObject(exec: Execution): Pick<Console, 'log' | 'info' | 'warn' | 'error'> {
  const write = (...args: unknown[]) => {
    exec.world.logs.push(args.map(show).join(' '));
  };
  return { log: write, info: write, warn: write, error: write };
}
