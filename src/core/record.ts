/**
 * The Attendance record as rows: its columns, reading rows into entries, turning an entry into
 * cells, and which entries are current. Pure: dates are converted by functions the server passes.
 */
import { WITHDRAWN } from './types';
import type { Entry } from './types';
import { asCellText, headerKey, trimmedText } from './text';

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

/**
 * Positions (in order) of the entries that count: neither withdrawn nor superseded by a later row
 * (one rule for entries and for the record read in columns, core/recordTable.ts). The fields come
 * as columns: a loop over plain arrays, which a long record needs.
 */
export function currentPositions(
  entryIds: readonly string[],
  replaces: readonly string[],
  statuses: readonly string[],
  replaced: ReadonlySet<string> = replacedIds(replaces),
): number[] {
  const current: number[] = [];
  for (let i = 0; i < entryIds.length; i += 1)
    if (statuses[i] !== WITHDRAWN && (replaced.size === 0 || !replaced.has(entryIds[i]))) current.push(i);
  return current;
}

/** The Entry IDs some later row replaces (a correction, a withdrawal, a follow-up marked done). */
export function replacedIds(replaces: readonly string[]): Set<string> {
  const replaced = new Set<string>();
  for (let i = 0; i < replaces.length; i += 1) if (replaces[i]) replaced.add(replaces[i]);
  return replaced;
}

/** Entries that count: neither withdrawn nor superseded by a later row. */
export function currentEntries(entries: readonly Entry[]): Entry[] {
  return currentPositions(
    entries.map((e) => e.entryId),
    entries.map((e) => e.replaces),
    entries.map((e) => e.status),
  ).map((i) => (entries[i].supersededBy ? { ...entries[i], supersededBy: '' } : entries[i]));
}

/** Newest first: by session date, then by when it was recorded. */
export function newestFirst(a: Entry, b: Entry): number {
  if (a.sessionDate !== b.sessionDate) return a.sessionDate < b.sessionDate ? 1 : -1;
  if (a.recordedAt !== b.recordedAt) return a.recordedAt < b.recordedAt ? 1 : -1;
  return 0;
}
