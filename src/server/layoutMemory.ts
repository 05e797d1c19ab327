/**
 * What Cadence last found through developer metadata (copies of its tabs, the Attendance columns'
 * tags), remembered in document properties beside the settings and trusted only while the
 * spreadsheet holds exactly as many metadata items as when it was found.
 *
 * Why a count: reading the tags is one round trip per tag and per property of a tag (about 60
 * calls for the record's 15 columns), while the count of every item in the spreadsheet is one
 * finder query (https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder#find(),
 * which by default "considers all metadata associated with the spreadsheet, sheets, rows, and
 * columns"). Whatever can make the memory wrong changes the count: a tagged column deleted takes
 * its tag with it (https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-location),
 * a copy of a tagged tab brings its tags along. What does not change the count — a column
 * inserted, moved or renamed — shows in row 1, which every read already holds: the record's
 * columns are taken from memory only when row 1 reads exactly as it did and each Cadence column's
 * heading appears there once (two columns with the same heading could have been swapped, so then
 * the tags are read). Any doubt takes the tags; the memory is never the only copy of anything.
 */
import { RECORD_COLUMNS } from '../core/record';
import type { ColumnMap } from '../core/record';
import { cellText } from '../core/text';
import { setDocumentProperty } from './documentProperties';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const LAYOUT_PROPERTY = 'cadence.layout';

/** A tab carrying one of Cadence's tags that is not the one Cadence uses for it (as remembered). */
export interface RememberedCopy {
  key: string;
  sheetId: number;
  name: string;
  originalName: string | null;
}

/** The record's columns as their tags placed them, with row 1 as it read then. */
export interface RememberedColumns {
  sheetId: number;
  header: string[];
  columns: ColumnMap;
}

export interface LayoutMemory {
  /** Metadata items in the whole spreadsheet when this was found. */
  metadataCount: number;
  /** The tag keys of Cadence's tabs that some tab carried then. */
  taggedKeys: string[];
  copies: RememberedCopy[];
  record: RememberedColumns | null;
  /** Cadence's tab IDs when this was found (trustedLayout); absent in memories stored before. */
  tabIds?: Record<string, number>;
}

/** This execution's view: the count it read, and whether the memory still holds. */
export interface LayoutState {
  count: number;
  /** The memory, when the count still matches it; null otherwise. */
  valid: LayoutMemory | null;
  /** What to remember at the end (set by the look-ups that read the tags), or null for no change. */
  next: LayoutMemory | null;
}

const FIELDS = RECORD_COLUMNS.map((c) => c.field);

export function readLayoutMemory(json: string | null): LayoutMemory | null {
  if (!json) return null;
  try {
    const m = JSON.parse(json) as LayoutMemory;
    if (!Number.isInteger(m.metadataCount) || !Array.isArray(m.taggedKeys) || !Array.isArray(m.copies)) return null;
    const ids: unknown = m.tabIds;
    if (ids !== undefined && (typeof ids !== 'object' || ids === null || !Object.values(ids).every(Number.isInteger)))
      return null;
    const r = m.record;
    if (r !== null) {
      if (!Number.isInteger(r.sheetId) || !Array.isArray(r.header)) return null;
      if (!FIELDS.every((f) => Number.isInteger(r.columns?.[f]))) return null;
    }
    return m;
  } catch {
    return null;
  }
}

/** One finder query: every metadata item of the spreadsheet, counted. */
export function layoutState(ss: Spreadsheet, memory: LayoutMemory | null): LayoutState {
  const count = ss.createDeveloperMetadataFinder().find().length;
  return { count, valid: memory && memory.metadataCount === count ? memory : null, next: null };
}

export function sameTabIds(
  a: Readonly<Record<string, number>> | undefined,
  b: Readonly<Record<string, number>>,
): boolean {
  if (!a) return false;
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((key) => a[key] === b[key]);
}

/**
 * The memory taken without the count, for a save (saveSession, under the lock): the count costs two
 * round trips, and what it guards there is guarded otherwise. Tabs are the remembered sheet
 * IDs (a deleted tab is not found and is recreated, as after a count; a copy made since is never
 * written, since writes go by ID); the record's columns are taken only while row 1 reads as it did
 * (rememberedColumns), so a column inserted, moved, renamed or deleted is found by its tags. What
 * only the count would notice — a copy of a tab made since (named in the sidebar's warnings) or a
 * deleted column retyped under the same heading in the same place — is noticed at the next
 * sidebar load, which always counts. Null (count) when there is no such memory, a tag's tab is
 * not remembered, or Cadence's tab IDs changed since.
 */
export function trustedLayout(
  memory: LayoutMemory | null,
  tabIds: Readonly<Record<string, number>>,
): LayoutState | null {
  const seen = memory?.tabIds;
  if (!memory?.record || !seen) return null;
  // Cadence tags every tab it creates (the count changes) and remembers its ID: IDs other than
  // those the memory was found with say the count is out of date.
  if (!sameTabIds(seen, tabIds)) return null;
  // Every tab Cadence uses was tagged when counted, and the columns are the record's own.
  const keys = Object.keys(tabIds);
  if (keys.length !== memory.taggedKeys.length || keys.some((key) => !memory.taggedKeys.includes(key))) return null;
  if (!keys.some((key) => tabIds[key] === memory.record?.sheetId)) return null;
  return { count: memory.metadataCount, valid: memory, next: null };
}

/**
 * The remembered columns of the record on `sheetId`, when row 1 reads as it did and every Cadence
 * heading in it is there once; otherwise null (read the tags).
 */
export function rememberedColumns(
  state: LayoutState,
  sheetId: number,
  headerRow: readonly unknown[],
): ColumnMap | null {
  const record = state.valid?.record;
  if (!record || record.sheetId !== sheetId || record.header.length !== headerRow.length) return null;
  const now = headerRow.map((h) => cellText(h));
  if (now.some((h, i) => h !== record.header[i])) return null;
  const seen = new Map<string, number>();
  for (const h of now) seen.set(h, (seen.get(h) ?? 0) + 1);
  const unique = FIELDS.every((f) => {
    const heading = now[record.columns[f]] ?? '';
    return heading.trim() !== '' && seen.get(heading) === 1;
  });
  return unique ? { ...record.columns } : null;
}

/** Starts what this execution will remember, from what the look-up of the tabs found. */
export function noteTabs(
  state: LayoutState,
  taggedKeys: string[],
  copies: RememberedCopy[],
  tabIds: Record<string, number>,
): void {
  const record = state.valid?.record ?? null;
  state.next = { metadataCount: state.count, taggedKeys, copies, record, tabIds: { ...tabIds } };
}

/** Notes the record's columns as the tags placed them (with row 1 as read, before the tags were). */
export function noteColumns(
  state: LayoutState,
  sheetId: number,
  headerRow: readonly unknown[],
  columns: ColumnMap,
): void {
  const base = state.next ?? state.valid;
  if (!base) return;
  state.next = {
    ...base,
    record: { sheetId, header: headerRow.map((h) => cellText(h)), columns: { ...columns } },
  };
}

/** Stores what was noted; the count is the one read before anything was looked up. */
export function rememberLayout(state: LayoutState): void {
  if (!state.next) return;
  setDocumentProperty(LAYOUT_PROPERTY, JSON.stringify(state.next));
  state.next = null;
}
