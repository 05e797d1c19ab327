/** What every endpoint starts from: the spreadsheet, its zone, the settings, the tabs, the roster. */
import type { Settings } from '../core/types';
import { cadenceTabs } from './cadenceTabs';
import type { CadenceTabs, TabIds } from './cadenceTabs';
import { readRoster } from './rosterTab';
import type { Roster } from './rosterTab';
import { loadDocumentState, storeRosterMemory } from './settingsStore';
import type { DocumentState } from './settingsStore';
import { formatDay } from './spreadsheetTime';

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
}

/**
 * Settings, the remembered tab IDs and the remembered roster come from one properties read. What
 * detection found is in `roster.remember`; only a call that succeeds stores it (rememberRoster),
 * since a refused request must leave the document as it was.
 */
export function openWorkbook(state: DocumentState = loadDocumentState()): Workbook {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const tabs = cadenceTabs(ss, state.tabIds);
  return {
    ss,
    timeZone,
    today: formatDay(new Date(), timeZone),
    settings: state.settings,
    tabIds: state.tabIds,
    tabs,
    roster: readRoster(ss, state.settings.roster, state.rosterMemory, tabs),
  };
}

/** Stores what detection found, so later calls read only the roster's tab. */
export function rememberRoster(workbook: Workbook): void {
  if (workbook.roster.remember !== undefined) storeRosterMemory(workbook.roster.remember);
}
