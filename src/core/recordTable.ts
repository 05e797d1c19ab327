/**
 * The record's rows read as entries. A record may hold 130,000 rows (issue 13), and making an
 * object of every field of every row is most of the time spent reading it: so the few fields every
 * pass over the whole record needs are read into columns, and a row's whole entry is made only when
 * something asks for it (once). The sidebar's answer works from the columns and asks for the
 * entries its lists show; everything else asks for them all (allEntries).
 */
import { currentPositions } from './record';
import type { ColumnMap, DateReader } from './record';
import { cellText, trimmedText } from './text';
import { STATUSES, WITHDRAWN } from './types';
import type { Entry, RecordStatus } from './types';

export interface RecordTable {
  /** The entries, in the record's order (rows with an Entry ID and a status Cadence knows). */
  readonly size: number;
  readonly entryId: readonly string[];
  /** Session dates, YYYY-MM-DD. */
  readonly day: readonly string[];
  readonly clientId: readonly string[];
  readonly status: readonly RecordStatus[];
  /** Reasons as written (trimmed): make-ups owed are told by them. */
  readonly reason: readonly string[];
  readonly replaces: readonly string[];
  readonly followUp: readonly boolean[];
  readonly makesUpFor: readonly string[];
  /** Entry `i` whole. */
  entry(i: number): Entry;
}

/** A Set, not a list: asked once per row of a long record. */
const RECORD_STATUSES: ReadonlySet<string> = new Set<string>([...STATUSES, WITHDRAWN]);

/** The row's status as Cadence knows it, or null (the row is then not an entry: it cannot be counted). */
function statusOf(cell: unknown): RecordStatus | null {
  // Statuses are written in lower case: toLowerCase (a new string each time) only for others.
  const written = trimmedText(cell);
  const status = RECORD_STATUSES.has(written) ? written : written.toLowerCase();
  return RECORD_STATUSES.has(status) ? (status as RecordStatus) : null;
}

/**
 * The Cadence entries among `rows`. Rows with a blank Entry ID are the user's own (or blank) and
 * are skipped; so is a row whose Status is not one Cadence knows, since it cannot be counted.
 */
export function readTable(rows: readonly unknown[][], columns: ColumnMap, dates: DateReader): RecordTable {
  const scan = scanRows(rows, columns, dates);
  // Sized once: entries are made in any order, and writing far past the end of an empty array
  // turns it into a slow dictionary.
  const made = new Array<Entry | undefined>(scan.at.length);
  const entry = (i: number): Entry => (made[i] ??= wholeEntry(rows[scan.at[i]], columns, dates, scan, i));
  return {
    size: scan.at.length,
    entryId: scan.entryId,
    day: scan.day,
    clientId: scan.clientId,
    status: scan.status,
    reason: scan.reason,
    replaces: scan.replaces,
    followUp: scan.followUp,
    makesUpFor: scan.makesUpFor,
    entry,
  };
}

interface Scan {
  /** The row index of each entry. */
  at: Int32Array;
  entryId: string[];
  day: string[];
  clientId: string[];
  status: RecordStatus[];
  reason: string[];
  replaces: string[];
  followUp: boolean[];
  makesUpFor: string[];
}

/**
 * The one pass over every row, kept small: each execution compiles it afresh (Apps Script loads the
 * script per execution), and a large loop body costs more to compile than to run.
 */
function scanRows(rows: readonly unknown[][], columns: ColumnMap, dates: DateReader): Scan {
  // Sized for every row once (and cut to the entries found): growing eight long arrays by push
  // copies each several times over.
  const size = rows.length;
  const at = new Int32Array(size);
  const entryId = new Array<string>(size);
  const day = new Array<string>(size);
  const clientId = new Array<string>(size);
  const status = new Array<RecordStatus>(size);
  const reason = new Array<string>(size);
  const replaces = new Array<string>(size);
  const followUp = new Array<boolean>(size);
  const makesUpFor = new Array<string>(size);
  const { entryId: idAt, status: statusAt, sessionDate: dateAt, clientId: clientIdAt } = columns;
  const { replaces: replacesAt, followUp: followUpAt, makesUpFor: makesUpAt, reason: reasonAt } = columns;
  let n = 0;
  for (let index = 0; index < size; index += 1) {
    const row = rows[index];
    const id = trimmedText(row[idAt]);
    if (!id) continue;
    const known = statusOf(row[statusAt]);
    if (known === null) continue;
    at[n] = index;
    entryId[n] = id;
    status[n] = known;
    // Most of these cells are blank on most rows: no call for a blank one.
    const why = row[reasonAt];
    reason[n] = why === '' ? '' : trimmedText(why);
    day[n] = dates.day(row[dateAt]);
    clientId[n] = trimmedText(row[clientIdAt]);
    const link = row[replacesAt];
    replaces[n] = link === '' ? '' : trimmedText(link);
    const asked = row[followUpAt];
    followUp[n] = asked !== '' && readYesNo(asked) === true;
    const makesUp = row[makesUpAt];
    makesUpFor[n] = makesUp === '' ? '' : trimmedText(makesUp);
    n += 1;
  }
  for (const column of [entryId, day, clientId, status, reason, replaces, followUp, makesUpFor]) column.length = n;
  return { at: at.subarray(0, n), entryId, day, clientId, status, reason, replaces, followUp, makesUpFor };
}

/** Entry `i` of the scan, whole, from its row. */
function wholeEntry(row: readonly unknown[], columns: ColumnMap, dates: DateReader, scan: Scan, i: number): Entry {
  return {
    entryId: scan.entryId[i],
    sessionDate: scan.day[i],
    group: trimmedText(row[columns.group]),
    clientId: scan.clientId[i],
    client: trimmedText(row[columns.client]),
    status: scan.status[i],
    reason: scan.reason[i],
    notice: readYesNo(row[columns.notice]),
    note: cellText(row[columns.note]),
    followUp: scan.followUp[i],
    followUpDone: dates.day(row[columns.followUpDone]),
    recordedAt: dates.instant(row[columns.recordedAt]),
    recordedBy: trimmedText(row[columns.recordedBy]),
    replaces: scan.replaces[i],
    supersededBy: '',
    requestId: trimmedText(row[columns.requestId]),
    minutes: readMinutes(row[columns.minutes]),
    makesUpFor: scan.makesUpFor[i],
  };
}

/** No entries. */
const EMPTY: RecordTable = {
  size: 0,
  entryId: [],
  day: [],
  clientId: [],
  status: [],
  reason: [],
  replaces: [],
  followUp: [],
  makesUpFor: [],
  entry: () => {
    throw new RangeError('no entry');
  },
};

/** `table` with `entries` after its own (a save's rows after the record's), entries made only as asked. */
export function withEntries(table: RecordTable, entries: readonly Entry[]): RecordTable {
  if (entries.length === 0) return table;
  const column = <T>(own: readonly T[], pick: (e: Entry) => T): T[] => own.concat(entries.map(pick));
  const size = table.size;
  return {
    size: size + entries.length,
    entryId: column(table.entryId, (e) => e.entryId),
    day: column(table.day, (e) => e.sessionDate),
    clientId: column(table.clientId, (e) => e.clientId),
    status: column(table.status, (e) => e.status),
    reason: column(table.reason, (e) => e.reason),
    replaces: column(table.replaces, (e) => e.replaces),
    followUp: column(table.followUp, (e) => e.followUp),
    makesUpFor: column(table.makesUpFor, (e) => e.makesUpFor ?? ''),
    entry: (i) => (i < size ? table.entry(i) : entries[i - size]),
  };
}

/** Entries already made as a table. */
export function tableOf(entries: readonly Entry[]): RecordTable {
  return withEntries(EMPTY, entries);
}

/** The entries at these positions, in their order. */
export function entriesAt(table: RecordTable, positions: readonly number[]): Entry[] {
  return positions.map((i) => table.entry(i));
}

/** Every entry, in the record's order. */
export function allEntries(table: RecordTable): Entry[] {
  const out: Entry[] = new Array<Entry>(table.size);
  for (let i = 0; i < table.size; i += 1) out[i] = table.entry(i);
  return out;
}

/** Positions of the current entries (record.ts currentPositions: one rule). */
export function currentRows(table: RecordTable, replaced?: ReadonlySet<string>): number[] {
  return currentPositions(table.entryId, table.replaces, table.status, replaced);
}

/** The entries among `rows` (readTable), all made. */
export function readRecord(rows: readonly unknown[][], columns: ColumnMap, dates: DateReader): Entry[] {
  return allEntries(readTable(rows, columns, dates));
}

/** A whole number of minutes (0 or more) as written or typed; null when blank or not a number. */
function readMinutes(value: unknown): number | null {
  if (value === '') return null; // the usual cell: no minutes written
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? Math.round(n) : null;
}

/** 'yes' / 'no' as Cadence writes them; TRUE/FALSE as a user's checkbox holds them; else null. */
function readYesNo(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === '') return null;
  if (value === 'yes') return true;
  if (value === 'no') return false;
  const key = cellText(value).trim().toLowerCase();
  if (key === 'yes' || key === 'y' || key === 'true') return true;
  if (key === 'no' || key === 'n' || key === 'false') return false;
  return null;
}
