/** What every endpoint starts from: the spreadsheet, its zone, the settings, the tabs, the roster. */
import type { Settings } from '../core/types';
import { cadenceTabs } from './cadenceTabs';
import type { CadenceTabs } from './cadenceTabs';
import { readRoster } from './rosterTab';
import type { Roster } from './rosterTab';
import { loadSettings } from './settingsStore';
import { formatDay } from './spreadsheetTime';

export interface Workbook {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  timeZone: string;
  /** YYYY-MM-DD in the spreadsheet's zone. */
  today: string;
  settings: Settings;
  tabs: CadenceTabs;
  roster: Roster;
}

export function openWorkbook(settings: Settings = loadSettings()): Workbook {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const tabs = cadenceTabs(ss);
  return { ss, timeZone, today: formatDay(new Date(), timeZone), settings, tabs, roster: readRoster(ss, settings.roster, tabs) };
}
