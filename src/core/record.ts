/**
 * The Attendance record as rows: its columns, reading rows into entries, turning an entry into
 * cells, and which entries are current. Pure: dates are converted by functions the server passes.
 */
import { STATUSES, WITHDRAWN } from './types';
import type { Entry, RecordStatus } from './types';
import { asCellText, cellText, headerKey } from './text';

/**
 * Fields stored in a column of their own. "Superseded by" is not one: which entry a later row
 * replaced is derived from that row's Replaces cell when the record is read, so Cadence never
 * writes into a row it did not append (older records' filled "Superseded by" cells are ignored:
 * the Replaces cell they mirror says the same).
 */
export type RecordField = Exclude<keyof Entry, 'supersededBy'>;

/** Cadence's columns in the order a new Attendance tab gets them (src/README.md, "The record is append-only"). */
export const RECORD_COLUMNS: readonly { field: RecordField; header: string; width: number; later?: true }[] = [
  // Read like a register: what happened, to whom, first (issue 12)...
  { field: 'sessionDate', header: 'Session date', width: 95 },
  { field: 'client', header: 'Client', width: 160 },
  { field: 'status', header: 'Status', width: 90 },
  { field: 'reason', header: 'Reason', width: 140 },
  { field: 'notice', header: 'Notice given', width: 95 },
  { field: 'note', header: 'Note', width: 280 },
  { field: 'followUp', header: 'Follow up', width: 80 },
  { field: 'followUpDone', header: 'Follow-up done', width: 110 },
  { field: 'group', header: 'Group', width: 140 },
  // ...then provenance, then the identifiers Cadence needs and a therapist does not read (narrow).
  { field: 'recordedAt', header: 'Recorded at', width: 120 },
  { field: 'recordedBy', header: 'Recorded by', width: 170 },
  { field: 'clientId', header: 'Client ID', width: 80 },
  { field: 'entryId', header: 'Entry ID', width: 60 },
  { field: 'replaces', header: 'Replaces', width: 60 },
  { field: 'requestId', header: 'Request ID', width: 60 },
  // Columns added after records already existed (issue 17): `later`, so a record without them is
  // complete, reads them as blank, and gets them (heading and tag) at its next write.
  // The last day of a planned absence (its row's Session date is the first).
  { field: 'plannedUntil', header: 'Planned until', width: 95, later: true },
  { field: 'minutes', header: 'Minutes attended', width: 80, later: true },
  { field: 'makesUpFor', header: 'Makes up for', width: 60, later: true },
];

/** Fields a record written before they existed lacks: missing, they are added, never refused as deleted. */
export const LATER_FIELDS: readonly RecordField[] = RECORD_COLUMNS.filter((c) => c.later).map((c) => c.field);

/** 0-based column index of every Cadence field in the tab. */
export type ColumnMap = Record<RecordField, number>;

export interface ColumnPlan {
  columns: ColumnMap;
  /** Cadence columns found by heading (no tag yet), to tag. */
  found: { index: number; field: RecordField }[];
  /** Cadence columns absent from the tab, to write (header and tag) at these 0-based columns, after all data. */
  added: { index: number; field: RecordField; header: string }[];
}

/**
 * Where each Cadence column is. `tagged` (field → 0-based column) comes from the columns' tags:
 * headings are only labels, so a renamed, moved or duplicated heading changes nothing. Unless
 * `strict` (every column was tagged and the record has rows), a field without a tag is looked for
 * by heading (case and spacing ignored, the first untagged match): a record no Cadence version
 * tagged yet, or whose tagging was interrupted. A field still missing is planned after `width` and
 * every tagged column, where it cannot land on a column holding the user's data.
 */
export function planColumns(
  headerRow: readonly unknown[],
  width: number,
  tagged: ReadonlyMap<RecordField, number> = new Map(),
  strict = false,
): ColumnPlan {
  const taken = new Set(tagged.values());
  const byKey = new Map<string, number>();
  headerRow.forEach((header, index) => {
    const key = headerKey(header);
    // "Follow-up done" and "Follow up done" are the same column to a user.
    if (key && !taken.has(index) && !byKey.has(normalise(key))) byKey.set(normalise(key), index);
  });
  const columns = {} as ColumnMap;
  const found: ColumnPlan['found'] = [];
  const added: ColumnPlan['added'] = [];
  let next = Math.max(width, 0, ...[...taken].map((c) => c + 1));
  for (const { field, header } of RECORD_COLUMNS) {
    const at = tagged.get(field) ?? (strict ? undefined : byKey.get(normalise(headerKey(header))));
    if (at !== undefined) {
      columns[field] = at;
      if (!tagged.has(field)) found.push({ index: at, field });
    } else {
      columns[field] = next;
      added.push({ index: next, field, header });
      next += 1;
    }
  }
  return { columns, found, added };
}

function normalise(key: string): string {
  return key.replace(/[-_]/g, '');
}

/** Columns a Cadence row spans: up to and including the rightmost Cadence column. */
export function recordWidth(columns: ColumnMap): number {
  return Math.max(...Object.values(columns)) + 1;
}

/** How the server turns cell values into the record's date strings (spreadsheet time zone). */
export interface DateReader {
  /** A Session date or Follow-up done cell → YYYY-MM-DD ('' when blank or not a date). */
  day(value: unknown): string;
  /** A Recorded at cell → an ISO timestamp ('' when blank). */
  instant(value: unknown): string;
}

const RECORD_STATUSES: readonly string[] = [...STATUSES, WITHDRAWN];

/**
 * The Cadence entries among `rows`. Rows with a blank Entry ID are the user's own (or blank) and
 * are skipped; so is a row whose Status is not one Cadence knows, since it cannot be counted.
 */
export function readRecord(rows: readonly unknown[][], columns: ColumnMap, dates: DateReader): Entry[] {
  const out: Entry[] = [];
  // One pass over rows that may number 100,000 or more: column indexes looked up once, strings
  // trimmed only when they have space to trim.
  const {
    entryId: idAt,
    status: statusAt,
    sessionDate: dateAt,
    group: groupAt,
    clientId: clientIdAt,
    client: clientAt,
    reason: reasonAt,
    notice: noticeAt,
    note: noteAt,
    followUp: followUpAt,
    followUpDone: doneAt,
    recordedAt: recordedAtAt,
    recordedBy: recordedByAt,
    replaces: replacesAt,
    requestId: requestAt,
    minutes: minutesAt,
    makesUpFor: makesUpAt,
  } = columns;
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index];
    const entryId = trimmedText(row[idAt]);
    if (!entryId) continue;
    // Statuses are written in lower case: toLowerCase (a new string each time) only for others.
    const written = trimmedText(row[statusAt]);
    const status = RECORD_STATUSES.includes(written) ? written : written.toLowerCase();
    if (!RECORD_STATUSES.includes(status)) continue;
    out.push({
      entryId,
      sessionDate: dates.day(row[dateAt]),
      group: trimmedText(row[groupAt]),
      clientId: trimmedText(row[clientIdAt]),
      client: trimmedText(row[clientAt]),
      status: status as RecordStatus,
      reason: trimmedText(row[reasonAt]),
      notice: readYesNo(row[noticeAt]),
      note: cellText(row[noteAt]),
      followUp: readYesNo(row[followUpAt]) === true,
      followUpDone: dates.day(row[doneAt]),
      recordedAt: dates.instant(row[recordedAtAt]),
      recordedBy: trimmedText(row[recordedByAt]),
      replaces: trimmedText(row[replacesAt]),
      supersededBy: '',
      requestId: trimmedText(row[requestAt]),
      minutes: readMinutes(row[minutesAt]),
      makesUpFor: trimmedText(row[makesUpAt]),
    });
  }
  return out;
}

/** cellText(value).trim(), without a new string for the usual cell that starts and ends in printable ASCII. */
function trimmedText(value: unknown): string {
  if (typeof value !== 'string' || value === '') return cellText(value).trim();
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? value : value.trim();
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

/** Request IDs already in the record, from every row with content in that column. */
export function requestIdsIn(rows: readonly unknown[][], columns: ColumnMap, only?: string): Map<string, string[]> {
  const ids = new Map<string, string[]>();
  for (const row of rows) {
    const requestId = trimmedText(row[columns.requestId]);
    if (!requestId || (only !== undefined && requestId !== only)) continue;
    const entryId = trimmedText(row[columns.entryId]);
    if (!entryId) continue;
    const list = ids.get(requestId);
    if (list) list.push(entryId);
    else ids.set(requestId, [entryId]);
  }
  return ids;
}

/** What one appended row holds: an entry, or a planned absence's row (its own status words). */
export type RowContent = Omit<Entry, 'status' | 'supersededBy'> & { status: string };

/** How the server turns the record's date strings into cell values. */
export interface DateWriter {
  day(isoDay: string): unknown;
  instant(isoInstant: string): unknown;
}

/**
 * One Cadence row of `width` cells for `entry`. Every text the user typed (or a roster holds) is
 * written as inert text; the columns between Cadence's stay blank.
 */
export function entryRow(entry: RowContent, columns: ColumnMap, width: number, dates: DateWriter): unknown[] {
  const row: unknown[] = new Array(width).fill('');
  const cells: Record<RecordField, unknown> = {
    entryId: asCellText(entry.entryId),
    sessionDate: dates.day(entry.sessionDate),
    group: asCellText(entry.group),
    clientId: asCellText(entry.clientId),
    client: asCellText(entry.client),
    status: entry.status,
    reason: asCellText(entry.reason),
    notice: entry.notice === null ? '' : entry.notice ? 'yes' : 'no',
    note: asCellText(entry.note),
    followUp: entry.followUp ? 'yes' : '',
    followUpDone: entry.followUpDone ? dates.day(entry.followUpDone) : '',
    recordedAt: dates.instant(entry.recordedAt),
    recordedBy: asCellText(entry.recordedBy),
    replaces: asCellText(entry.replaces),
    requestId: asCellText(entry.requestId),
    plannedUntil: entry.plannedUntil ? dates.day(entry.plannedUntil) : '',
    minutes: entry.minutes ?? '',
    makesUpFor: asCellText(entry.makesUpFor ?? ''),
  };
  for (const { field } of RECORD_COLUMNS) row[columns[field]] = cells[field];
  return row;
}

/**
 * Marks every entry a later row replaced (a correction, a withdrawal, a follow-up marked done) as
 * superseded by it. The Replaces cell of the newer row is the only evidence: it travels with its
 * own row, so no sort or insert can make it point at another entry.
 */
export function linkSuperseded(entries: readonly Entry[]): Entry[] {
  const replacedBy = new Map<string, string>();
  for (const entry of entries)
    if (entry.replaces && !replacedBy.has(entry.replaces)) replacedBy.set(entry.replaces, entry.entryId);
  return entries.map((entry) => {
    const by = replacedBy.get(entry.entryId) ?? '';
    return by === entry.supersededBy ? entry : { ...entry, supersededBy: by };
  });
}

/** The newest version of an entry: follows Replaces links forward from `entryId`. */
export function latestVersion(linked: readonly Entry[], entryId: string): Entry | undefined {
  const byId = new Map(linked.map((e) => [e.entryId, e]));
  let entry = byId.get(entryId);
  const seen = new Set<string>();
  while (entry?.supersededBy && !seen.has(entry.entryId)) {
    seen.add(entry.entryId);
    entry = byId.get(entry.supersededBy);
  }
  return entry;
}

/** Entries that count: neither withdrawn nor superseded by a later row. */
export function currentEntries(entries: readonly Entry[]): Entry[] {
  // linkSuperseded's result, filtered, in one pass and without a copy of the whole record.
  const replaced = new Set<string>();
  for (const entry of entries) if (entry.replaces) replaced.add(entry.replaces);
  const current: Entry[] = [];
  for (const entry of entries) {
    if (entry.status === WITHDRAWN || replaced.has(entry.entryId)) continue;
    current.push(entry.supersededBy ? { ...entry, supersededBy: '' } : entry);
  }
  return current;
}

/** Newest first: by session date, then by when it was recorded. */
export function newestFirst(a: Entry, b: Entry): number {
  if (a.sessionDate !== b.sessionDate) return a.sessionDate < b.sessionDate ? 1 : -1;
  if (a.recordedAt !== b.recordedAt) return a.recordedAt < b.recordedAt ? 1 : -1;
  return 0;
}
