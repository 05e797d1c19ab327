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
import { setDocumentProperty } from './documentProperties';

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
  sheet: Sheet;
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

/** The keys of the tabs Cadence tags (the Attendance record and the Patterns tab). */
const TAB_KEYS = [ATTENDANCE_KEY, 'cadence.patterns'];

/**
 * Cadence's tabs. The usual case costs one finder query and one getSheetById per key: each key's
 * tag is on exactly one tab and that tab is the remembered one. Anything else (a key with a tag
 * but no remembered ID, a tag on several tabs, a remembered tab gone) takes the full look-up,
 * which names copies and picks or re-remembers the tab.
 */
export function cadenceTabs(ss: Spreadsheet, remembered: TabIds): CadenceTabs {
  return rememberedTabs(ss, remembered) ?? searchedTabs(ss, remembered);
}

function rememberedTabs(ss: Spreadsheet, remembered: TabIds): CadenceTabs | null {
  const tabs = Object.assign(new Map<string, Sheet>(), {
    copies: [] as TabCopy[],
    tagged: new Set<number>(),
    ids: { ...remembered },
    changed: false,
  });
  for (const key of TAB_KEYS) {
    const count = ss
      .createDeveloperMetadataFinder()
      // Only tabs carry these keys (no location filter needed: one call fewer per key).
      .withKey(key)
      .find().length;
    const id = remembered[key];
    if (count === 0) {
      // No tab carries the tag: the tab is gone (its writer recreates it), as the full look-up says.
      continue;
    }
    if (count > 1 || id === undefined) return null;
    const sheet = ss.getSheetById(id);
    if (!sheet) return null;
    tabs.set(key, sheet);
    tabs.tagged.add(id);
  }
  return tabs;
}

/** Every tagged tab: one finder query, then one getSheetId and getName per tagged tab. */
function searchedTabs(ss: Spreadsheet, remembered: TabIds): CadenceTabs {
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
  const tabs = Object.assign(new Map<string, Sheet>(), {
    copies: [] as TabCopy[],
    tagged: new Set(seen.keys()),
    ids: { ...remembered },
    changed: false,
  });
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
    for (const t of candidates)
      if (t !== chosen) tabs.copies.push({ key, sheet: t.sheet, name: t.name, originalName: chosen?.name ?? null });
  }
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
export function copyWarnings(tabs: CadenceTabs): string[] {
  const what: Record<string, string> = {
    'cadence.attendance': 'the Attendance record',
    'cadence.patterns': 'the Patterns tab',
  };
  return tabs.copies.map(({ key, name, originalName }) => {
    const of = what[key] ?? "one of Cadence's tabs";
    return `The tab "${name}" is a copy of ${of}${originalName ? ` ("${originalName}")` : ''}: Cadence never writes to it and does not count what is typed there. Delete the copy when you no longer need it.`;
  });
}

/** A sheet name not yet taken: "Attendance", else "Attendance 2", ... */
export function freeSheetName(ss: Spreadsheet, wanted: string): string {
  const taken = new Set(ss.getSheets().map((s) => s.getName()));
  let name = wanted;
  for (let n = 2; taken.has(name); n += 1) name = `${wanted} ${n}`;
  return name;
}
