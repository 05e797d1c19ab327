/**
 * Reading the practice's roster tab (never writing its values) and creating a small one when the
 * spreadsheet has none. Detection itself is core/rosterDetect.ts.
 *
 * Service calls: the first time, one getValues per tab (each tab is read whole, once); after
 * that the roster found is remembered in document properties and only its tab is read.
 * Spreadsheet.getSheetById: https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSheetById(Integer)
 */
import { readClients, rosterGroups } from '../core/roster';
import type { RosterLayout } from '../core/roster';
import { detectInTab, detectRoster } from '../core/rosterDetect';
import type { Detected, TabValues } from '../core/rosterDetect';
import type { RosterMemory } from '../core/rosterMemory';
import { ROSTER_HEADERS, foldKey } from '../core/rosterHeadings';
import type { Client, RosterSettings, RosterView } from '../core/types';
import { PATTERNS_NAME } from './patternsTab';
import type { RosterLocation } from './patternsTab';
import { freeSheetName } from './cadenceTabs';
import { allValues } from './sheetValues';
import type { CadenceTabs } from './cadenceTabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Roster {
  clients: Client[];
  view: RosterView;
  location: RosterLocation | null;
  /** For each client, its row's index below the heading row (0 = the row just under it). */
  rows: number[];
  /** What to remember after this read: a new detection, or null to forget; undefined = unchanged. */
  remember?: RosterMemory | null;
}

interface ReadTab extends TabValues {
  sheet: Sheet;
}

/** A tab's name and values (sheetValues.ts: one call), its ID and name when not known already. */
function readTab(sheet: Sheet, knownId?: number, knownName?: string): ReadTab {
  return {
    sheet,
    sheetId: knownId ?? sheet.getSheetId(),
    name: knownName || sheet.getName(),
    values: allValues(sheet),
  };
}

/** Tabs Cadence may consider: not its own (tagged, or the Patterns tab by name), not a copy of the record. */
function isCandidate(tab: ReadTab, own: Set<number>): boolean {
  if (own.has(tab.sheetId) || tab.name === PATTERNS_NAME) return false;
  return !(tab.values[0] ?? []).some((h) => foldKey(h) === 'entryid');
}

/** Cadence's own tabs (tagged, copies included) are never the roster. */
function ownIds(tabs: CadenceTabs): Set<number> {
  return tabs.tagged;
}

/** Every tab Cadence may consider, read once each (tabs already read are not read again). */
export function readCandidateTabs(ss: Spreadsheet, tabs: CadenceTabs, already: ReadTab[] = []): ReadTab[] {
  const own = ownIds(tabs);
  return ss
    .getSheets()
    .map((sheet) => {
      const id = sheet.getSheetId();
      if (own.has(id)) return null;
      return already.find((t) => t.sheetId === id) ?? readTab(sheet, id);
    })
    .filter((t): t is ReadTab => t !== null && isCandidate(t, own));
}

function memoryOf(tab: ReadTab, layout: RosterLayout): RosterMemory {
  const at = (i: number | null) => (i === null ? '' : (layout.headings[i] ?? ''));
  return {
    sheetId: tab.sheetId,
    headerRow: layout.headerRow,
    name: at(layout.name),
    id: at(layout.id),
    group: at(layout.group),
    active: at(layout.active),
    tabName: tab.name,
  };
}

/** Settings' choices, with the remembered heading row and columns standing in where Settings leave it to Cadence. */
function withMemory(settings: RosterSettings, memory: RosterMemory): RosterSettings {
  // A column the roster did not have is detected again: it may have been added since.
  const or = (chosen: string | null, remembered: string) => (chosen !== null ? chosen : remembered || null);
  return {
    ...settings,
    headerRow: settings.headerRow ?? memory.headerRow,
    // The name is detected again: a first- and last-name pair is found that way, not by one heading.
    nameHeader: settings.nameHeader,
    idHeader: or(settings.idHeader, memory.id),
    groupHeader: or(settings.groupHeader, memory.group),
    activeHeader: or(settings.activeHeader, memory.active),
  };
}

function sameMemory(a: RosterMemory | null, b: RosterMemory): boolean {
  return !!a && JSON.stringify(a) === JSON.stringify(b);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "27 active clients in 4 groups from Caseload, headings in row 2". */
export function rosterSummary(sheetName: string, headerRow: number, clients: readonly Client[]): string {
  const active = clients.filter((c) => c.active).length;
  const groups = rosterGroups(clients).length;
  const inGroups = groups ? ` in ${plural(groups, 'group')}` : '';
  return `${plural(active, 'active client')}${inGroups} from ${sheetName}, headings in row ${headerRow}`;
}

/**
 * Finds and reads the roster. The tab chosen in Settings if any; else the remembered tab, if it
 * still looks like a roster; else every tab is read and scored. Settings' column choices apply
 * whichever way the tab was found.
 */
export function readRoster(
  ss: Spreadsheet,
  settings: RosterSettings,
  memory: RosterMemory | null,
  tabs: CadenceTabs,
  /** Take the remembered tab's name as the sidebar's last load read it (a save: one call fewer). */
  rememberedName = false,
): Roster {
  const own = ownIds(tabs);
  const view: RosterView = {
    sheetName: null,
    sheetId: null,
    headerRow: null,
    nameHeader: null,
    idHeader: null,
    groupHeader: null,
    activeHeader: null,
    groupsFromSections: false,
    clientCount: 0,
    activeCount: 0,
    groupCount: 0,
    summary: '',
    problem: null,
    statusValues: [],
    canAddIds: false,
  };
  const read: ReadTab[] = [];
  let found: { tab: ReadTab; detected: Detected } | null = null;
  let remember: RosterMemory | null | undefined;

  if (settings.sheetId !== null) {
    const sheet = ss.getSheetById(settings.sheetId);
    const tab = sheet ? readTab(sheet, settings.sheetId) : null;
    if (tab && isCandidate(tab, own)) {
      read.push(tab);
      const detected = detectInTab(tab, settings);
      if (!detected) {
        const where = settings.headerRow ? ` in row ${settings.headerRow}` : ` in its first rows`;
        view.sheetName = tab.name;
        view.sheetId = tab.sheetId;
        view.problem = `The roster tab "${tab.name}" has no client name column${where}. Choose the heading row and the name column in Settings.`;
        return { clients: [], view, location: null, rows: [] };
      }
      found = { tab, detected };
    } else {
      view.problem = 'The roster tab chosen in Settings is gone; Cadence found this one instead. Check Settings.';
    }
  }
  if (!found && memory) {
    const sheet = ss.getSheetById(memory.sheetId);
    const tab = sheet ? readTab(sheet, memory.sheetId, rememberedName ? memory.tabName : undefined) : null;
    if (tab && isCandidate(tab, own)) {
      read.push(tab);
      const remembered = detectInTab(tab, withMemory(settings, memory));
      // Headings renamed or moved since: read the same tab afresh before probing the others.
      const detected = remembered && remembered.missing.length === 0 ? remembered : detectInTab(tab, settings);
      if (detected && detected.missing.length === 0) found = { tab, detected };
    }
  }
  if (!found) {
    const best = detectRoster(readCandidateTabs(ss, tabs, read));
    if (best) {
      const tab = best.tab as ReadTab;
      // Settings' column choices apply to the tab found too (a choice is never silently ignored).
      found = {
        tab,
        detected:
          detectInTab(tab, { ...settings, headerRow: settings.headerRow ?? best.detected.layout.headerRow }) ??
          best.detected,
      };
    } else if (memory) {
      remember = null;
    }
  }
  if (!found) {
    view.problem =
      view.problem ??
      'No roster found: no tab has a column headed "Client" or "Name" in its first rows. Choose your roster tab and its columns in Settings, or let Cadence create a small roster.';
    return { clients: [], view, location: null, rows: [], remember };
  }
  const { tab, detected } = found;
  const { layout } = detected;
  if (settings.sheetId === null) {
    const memo = memoryOf(tab, layout);
    if (!sameMemory(memory, memo)) remember = memo;
  }
  const { clients, problem, statusValues, rows } = readClients(
    tab.values.slice(layout.headerRow),
    layout,
    settings.statusMeanings,
  );
  const at = (i: number | null) => (i === null ? null : layout.headings[i] || null);
  Object.assign(view, {
    sheetName: tab.name,
    sheetId: tab.sheetId,
    headerRow: layout.headerRow,
    nameHeader: layout.surname === null ? at(layout.name) : `${at(layout.name)} + ${at(layout.surname)}`,
    idHeader: at(layout.id),
    groupHeader: at(layout.group),
    activeHeader: at(layout.active),
    groupsFromSections: layout.sections,
    clientCount: clients.length,
    activeCount: clients.filter((c) => c.active).length,
    groupCount: rosterGroups(clients).length,
    summary: rosterSummary(tab.name, layout.headerRow, clients),
    statusValues,
    canAddIds: layout.id === null,
  });
  const missing = detected.missing.length
    ? `Column${detected.missing.length > 1 ? 's' : ''} ${detected.missing.map((m) => `"${m}"`).join(', ')} chosen in Settings ${detected.missing.length > 1 ? 'are' : 'is'} no longer in "${tab.name}"; Cadence used what it could find. Check Settings.`
    : null;
  view.problem = [view.problem, missing, problem].filter(Boolean).join(' ') || null;
  const location: RosterLocation = {
    sheet: tab.sheet,
    sheetId: tab.sheetId,
    headerRow: layout.headerRow,
    nameColumn: layout.name + 1,
    idColumn: layout.id === null ? null : layout.id + 1,
  };
  return { clients, view, location, rows, remember };
}

/** A new "Roster" tab with Cadence's headers, frozen and bold; refused when a roster exists. */
export function createRosterTab(ss: Spreadsheet, existing: Roster): void {
  if (existing.view.sheetId !== null && existing.location) {
    throw new Error(`A roster already exists ("${existing.view.sheetName}"); nothing was created.`);
  }
  const sheet = ss.insertSheet(freeSheetName(ss, 'Roster'), 0);
  sheet.getRange(1, 1, 1, ROSTER_HEADERS.length).setValues([ROSTER_HEADERS]).setFontWeight('bold');
  sheet.setFrozenRows(1);
}
