/** What every endpoint starts from: the spreadsheet, its zone, the settings, the tabs, the roster. */
import type { Settings } from '../core/types';
import { cadenceTabs } from './cadenceTabs';
import type { CadenceTabs, TabIds } from './cadenceTabs';
import { readRoster } from './rosterTab';
import type { Roster } from './rosterTab';
import { loadDocumentState, storeRosterMemory } from './settingsStore';
import type { DocumentState } from './settingsStore';
import { formatDay } from './spreadsheetTime';
import { holdsDocumentLock } from './documentLock';
import { layoutState, rememberLayout, trustedLayout } from './layoutMemory';
import type { LayoutState } from './layoutMemory';

export interface Workbook {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  timeZone: string;
  /** YYYY-MM-DD in the spreadsheet's zone. */
  today: string;
  settings: Settings;
  /** The tab IDs remembered in document properties when the workbook was opened. */
  tabIds: TabIds;
  tabs: CadenceTabs;
  roster: Roster;
  /** Opened holding the document lock: the tabs and properties read are current for its writes. */
  underLock: boolean;
}

/**
 * Settings, the remembered tab IDs, roster and metadata layout come from one properties read, and
 * one count of the metadata says whether the layout still holds (no tag is read then). What
 * detection found is in `roster.remember`; only a call that succeeds stores it (rememberRoster),
 * since a refused request must leave the document as it was.
 *
 * `save` (saveSession, under the lock) takes what the last counted open established without the
 * count, where that is safe: layoutMemory.ts trustedLayout says when.
 */
export function openWorkbook(state: DocumentState = loadDocumentState(), save = false): Workbook {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const open = (layout: LayoutState): Workbook => {
    const tabs = cadenceTabs(ss, state.tabIds, layout);
    return {
      ss,
      timeZone,
      today: formatDay(new Date(), timeZone),
      settings: state.settings,
      tabIds: state.tabIds,
      tabs,
      // A save takes the roster tab's name as remembered: the sidebar's load, just before, read it.
      roster: readRoster(ss, state.settings.roster, state.rosterMemory, tabs, save),
      underLock: holdsDocumentLock(),
    };
  };
  // Only where the roster is found without probing every tab (remembered, or chosen in Settings).
  const rosterKnown = state.rosterMemory !== null || state.settings.roster.sheetId !== null;
  const trusted = save && rosterKnown ? trustedLayout(state.layoutMemory, state.tabIds) : null;
  if (trusted) {
    const workbook = open(trusted);
    // The roster was found where it was remembered, as it was: no tab was probed, so no copy of
    // one of Cadence's tabs made since the last count can have been taken for it.
    if (workbook.roster.location && workbook.roster.remember === undefined) return workbook;
  }
  return open(layoutState(ss, state.layoutMemory));
}

/**
 * Stores what detection found, so later calls read only the roster's tab, and what the metadata
 * look-ups found (layoutMemory.ts: checked against a count before each use, so a read may store it).
 */
export function rememberRoster(workbook: Workbook): void {
  if (workbook.roster.remember !== undefined) storeRosterMemory(workbook.roster.remember);
  if (workbook.tabs.layout) rememberLayout(workbook.tabs.layout);
}
