/**
 * Cadence's own tabs. Each is found by the sheet ID Cadence remembered in document properties when
 * it made or first found the tab; the sheet developer-metadata tag is only the fallback (a record
 * made by an older version, or properties lost), and what it finds is then remembered. Why not the
 * tag alone: Duplicate in the tab menu may copy the tag, DeveloperMetadataFinder.find() documents
 * no order and metadata ids are not sequential
 * (https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder#find()),
 * so "the first tag" could be the copy and the record would split. Any other tab carrying a tag is a
 * copy: never written, never read as the record or as a roster, and named in a warning.
 */
import { QUICK_ENTRY_KEY } from '../core/quickEntry';
import { setDocumentProperty } from './documentProperties';
import { noteTabs, sameTabIds } from './layoutMemory';
import type { LayoutState, RememberedCopy } from './layoutMemory';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const ATTENDANCE_KEY = 'cadence.attendance';
/** Every tab Cadence tags has a key with this prefix (the Patterns tab too). */
const CADENCE_PREFIX = 'cadence.';
/** Document property holding { tag key: sheet ID } of the tabs Cadence uses. */
export const TAB_IDS_PROPERTY = 'cadence.tabIds';

export type TabIds = Record<string, number>;

/** A tab carrying one of Cadence's tags that is not the tab Cadence uses for it. */
export interface TabCopy {
  key: string;
  name: string;
  /** The name of the tab Cadence uses for that key, null when there is none (it was deleted). */
  originalName: string | null;
}

/**
 * Cadence's tabs by tag key (a Map, so callers ask `tabs.get(key)`), with the copies found beside
 * them, the sheet IDs of every tagged tab, and the IDs to remember.
 */
export type CadenceTabs = Map<string, Sheet> & {
  copies: TabCopy[];
  /** Sheet IDs of every tab carrying a Cadence tag (copies included): none of them is a roster. */
  tagged: Set<number>;
  /** The IDs as they should be remembered, and whether they differ from what was read. */
  ids: TabIds;
  changed: boolean;
  /** What this execution knows of the metadata (layoutMemory.ts), for the record's columns too. */
  layout: LayoutState | null;
};

/** The remembered IDs as stored (anything unreadable counts as nothing remembered). */
export function readTabIds(json: string | null | undefined): TabIds {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const out: TabIds = {};
    for (const [key, id] of Object.entries(parsed as Record<string, unknown>)) {
      if (key.startsWith(CADENCE_PREFIX) && typeof id === 'number' && Number.isInteger(id)) out[key] = id;
    }
    return out;
  } catch {
    return {};
  }
}

/**
 * Without a remembered ID, several tagged tabs are told apart by what a person sees, never by the
 * finder's order: a name Sheets gives a duplicate ("Copy of …") loses, then the name in order.
 */
function likelyOriginal(a: { name: string }, b: { name: string }): number {
  const copy = (n: string) => (/^copy of /i.test(n) ? 1 : 0);
  return copy(a.name) - copy(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

function emptyTabs(remembered: TabIds, layout: LayoutState | null): CadenceTabs {
  return Object.assign(new Map<string, Sheet>(), {
    copies: [] as TabCopy[],
    tagged: new Set<number>(),
    ids: { ...remembered },
    changed: false,
    layout,
  });
}

/**
 * Cadence's tabs. While the metadata count still matches what Cadence remembered (layoutMemory.ts)
 * no tag is read: each tab is its remembered ID, asked with getSheetById only when a caller first
 * needs it (the sidebar never asks for Patterns). Otherwise, or without `layout`, every tagged tab
 * is looked up, copies named, and what was found is noted to be remembered.
 */
export function cadenceTabs(ss: Spreadsheet, remembered: TabIds, layout: LayoutState | null = null): CadenceTabs {
  return (layout && rememberedTabs(ss, remembered, layout)) ?? searchedTabs(ss, remembered, layout);
}

function rememberedTabs(ss: Spreadsheet, remembered: TabIds, layout: LayoutState): CadenceTabs | null {
  const memory = layout.valid;
  if (!memory || memory.taggedKeys.some((key) => remembered[key] === undefined)) return null;
  const tabs = emptyTabs(remembered, layout);
  const pending = new Map<string, number>();
  for (const key of memory.taggedKeys) {
    pending.set(key, remembered[key]);
    tabs.tagged.add(remembered[key]);
  }
  for (const copy of memory.copies) {
    tabs.copies.push({ key: copy.key, name: copy.name, originalName: copy.originalName });
    tabs.tagged.add(copy.sheetId);
  }
  // Found with other IDs (Cadence made a tab since, or the memory predates them): the count says
  // the rest holds, so it is noted again with these, and a save may then go without the count.
  if (!sameTabIds(memory.tabIds, remembered)) noteTabs(layout, memory.taggedKeys, memory.copies, remembered);
  const resolve = (key: string) => {
    const id = pending.get(key);
    if (id === undefined) return;
    pending.delete(key);
    // https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSheetById(Integer)
    const sheet = ss.getSheetById(id);
    // Deleted since (its tag went with it, so the next count differs): gone, recreated by its writer.
    if (sheet) Map.prototype.set.call(tabs, key, sheet);
  };
  tabs.get = (key: string) => {
    resolve(key);
    return Map.prototype.get.call(tabs, key) as Sheet | undefined;
  };
  tabs.has = (key: string) => {
    resolve(key);
    return Map.prototype.has.call(tabs, key);
  };
  tabs.set = (key: string, sheet: Sheet) => {
    pending.delete(key);
    Map.prototype.set.call(tabs, key, sheet);
    return tabs;
  };
  return tabs;
}

/** Every tagged tab: one finder query, then one getSheetId and getName per tagged tab. */
function searchedTabs(ss: Spreadsheet, remembered: TabIds, layout: LayoutState | null): CadenceTabs {
  const tags = ss
    .createDeveloperMetadataFinder()
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .find();
  const byKey = new Map<string, { sheet: Sheet; id: number; name: string }[]>();
  const seen = new Map<number, { sheet: Sheet; id: number; name: string }>();
  for (const tag of tags) {
    const key = tag.getKey();
    if (!key.startsWith(CADENCE_PREFIX)) continue;
    const sheet = tag.getLocation().getSheet();
    if (!sheet) continue;
    const id = sheet.getSheetId();
    let tab = seen.get(id);
    if (!tab) seen.set(id, (tab = { sheet, id, name: sheet.getName() }));
    const list = byKey.get(key) ?? [];
    if (!list.some((t) => t.id === id)) list.push(tab);
    byKey.set(key, list);
  }
  const tabs = emptyTabs(remembered, layout);
  for (const id of seen.keys()) tabs.tagged.add(id);
  const copies: RememberedCopy[] = [];
  for (const [key, candidates] of byKey) {
    const rememberedId = remembered[key];
    let chosen = rememberedId === undefined ? undefined : candidates.find((t) => t.id === rememberedId);
    // A remembered tab that is gone stays gone (it is recreated by its writer), never replaced by a copy.
    if (!chosen && rememberedId === undefined) chosen = candidates.slice().sort(likelyOriginal)[0];
    if (chosen) {
      tabs.set(key, chosen.sheet);
      if (tabs.ids[key] !== chosen.id) {
        tabs.ids[key] = chosen.id;
        tabs.changed = true;
      }
    }
    for (const t of candidates) {
      if (t === chosen) continue;
      const originalName = chosen?.name ?? null;
      tabs.copies.push({ key, name: t.name, originalName });
      copies.push({ key, sheetId: t.id, name: t.name, originalName });
    }
  }
  // Remembered only when every tagged key has its tab: a gone tab is looked up again next time.
  if (layout && [...byKey.keys()].every((key) => tabs.has(key)))
    noteTabs(
      layout,
      [...byKey.keys()].filter((key) => key.startsWith(CADENCE_PREFIX)),
      copies,
      tabs.ids,
    );
  return tabs;
}

/** Records a tab Cadence just created as the one for `key`. */
export function adoptTab(tabs: CadenceTabs, key: string, sheet: Sheet): void {
  tabs.set(key, sheet);
  tabs.ids[key] = sheet.getSheetId();
  tabs.tagged.add(tabs.ids[key]);
  tabs.changed = true;
}

/** Stores the IDs when they changed (call under the document lock, after the tabs are settled). */
export function rememberTabs(tabs: CadenceTabs): void {
  if (!tabs.changed) return;
  setDocumentProperty(TAB_IDS_PROPERTY, JSON.stringify(tabs.ids));
  tabs.changed = false;
}

/** The copies as sentences for the sidebar: each copy named, and what Cadence does with it. */
/** Tags of the Client summary and Practice report tabs (clientSummaryTab.ts, practiceReportTab.ts). */
export const CLIENT_SUMMARY_KEY = 'cadence.clientSummary';
export const PRACTICE_REPORT_KEY = 'cadence.practiceReport';
const REPORT_KEYS: readonly string[] = [CLIENT_SUMMARY_KEY, PRACTICE_REPORT_KEY];

export function copyWarnings(tabs: CadenceTabs): string[] {
  const what: Record<string, string> = {
    'cadence.attendance': 'the Attendance record',
    'cadence.patterns': 'the Patterns tab',
    [QUICK_ENTRY_KEY]: 'the Quick entry tab',
  };
  // A copy of a summary or report is how a person keeps one (those tabs are rewritten): no warning.
  return tabs.copies
    .filter(({ key }) => !REPORT_KEYS.includes(key))
    .map(({ key, name, originalName }) => {
      const of = what[key] ?? "one of Cadence's tabs";
      return `The tab "${name}" is a copy of ${of}${originalName ? ` ("${originalName}")` : ''}: Cadence never writes to it and does not count what is typed there. Delete the copy when you no longer need it.`;
    });
}

/** Every tab carrying the sheet tag `key` (one finder query), in no documented order. */
export function taggedSheets(ss: Spreadsheet, key: string): Sheet[] {
  return ss
    .createDeveloperMetadataFinder()
    .withKey(key)
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .find()
    .map((tag) => tag.getLocation().getSheet())
    .filter((sheet): sheet is Sheet => sheet !== null);
}

/**
 * A tab tagged `key` and named as Cadence names a tab it makes (`name`, or `name 2`, ...) that the
 * remembered IDs do not know: made by an execution that failed before it remembered it. One finder
 * query and a name per tab found; looked for only when the tab is about to be made.
 */
export function orphanTab(ss: Spreadsheet, key: string, name: string): Sheet | null {
  const ownName = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\d+)?$`);
  const found = taggedSheets(ss, key).filter((sheet) => ownName.test(sheet.getName()));
  return found.sort((a, b) => likelyOriginal({ name: a.getName() }, { name: b.getName() }))[0] ?? null;
}

/** A sheet name not yet taken: "Attendance", else "Attendance 2", ... */
export function freeSheetName(ss: Spreadsheet, wanted: string): string {
  const taken = new Set(ss.getSheets().map((s) => s.getName()));
  let name = wanted;
  for (let n = 2; taken.has(name); n += 1) name = `${wanted} ${n}`;
  return name;
}
