/** saveSettings and createRoster: first-run choices, answered with fresh sidebar data. */
import { HEADING_ROWS, layoutAt } from '../core/roster';
import { detectInTab } from '../core/rosterDetect';
import { applySettingsPatch } from '../core/settings';
import { cellText } from '../core/text';
import type { RosterTabChoice, SidebarData } from '../core/types';
import { ATTENDANCE_KEY, cadenceTabs, rememberTabs } from './cadenceTabs';
import { withDocumentLock } from './documentLock';
import { refreshPatternsFrom } from './patternsRefresh';
import { isPlainObject } from '../core/validation';
import { createRosterTab, readCandidateTabs } from './rosterTab';
import { loadDocumentState, loadSettings, storeRosterMemory, storeSettings } from './settingsStore';
import { formatDay } from './spreadsheetTime';
import { getSidebarData, readTableAndPlans } from './sidebarData';
import { recordFigures } from '../core/recordFigures';
import { openWorkbook } from './workbook';

/**
 * A roster choice always takes effect: choosing a tab, a heading row or a column stores it, and
 * "detect again" (every roster choice back to null) also forgets the remembered roster.
 */
export function saveSettings(patch: unknown): SidebarData {
  const settings = applySettingsPatch(loadSettings(), patch);
  storeSettings(settings);
  const r = settings.roster;
  const detectAll =
    r.sheetId === null &&
    r.headerRow === null &&
    r.nameHeader === null &&
    r.idHeader === null &&
    r.groupHeader === null &&
    r.activeHeader === null &&
    Object.keys(r.statusMeanings).length === 0;
  if (detectAll) storeRosterMemory(null);
  if (isPlainObject(patch) && PATTERNS_SETTINGS.some((key) => patch[key] !== undefined)) refreshAfterSettings();
  return getSidebarData();
}

/** Settings the Patterns tab or the roster highlight are drawn from: a change redraws them at once. */
const PATTERNS_SETTINGS = ['schedules', 'talkAt', 'trend', 'patternWeeks'];

/** Patterns redrawn with the new settings, when there is a record to draw from. */
function refreshAfterSettings(): void {
  const workbook = openWorkbook();
  if (!workbook.tabs.get(ATTENDANCE_KEY)) return;
  withDocumentLock(() => {
    const { table, plans } = readTableAndPlans(workbook);
    refreshPatternsFrom(workbook, recordFigures(table, workbook.settings, workbook.today), plans);
    rememberTabs(workbook.tabs);
  });
}

/** Every tab's first rows, for Settings to choose the roster tab, its heading row and columns. */
export function getRosterTabs(): RosterTabChoice[] {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  return readCandidateTabs(ss, cadenceTabs(ss, loadDocumentState().tabIds)).map((tab) => ({
    sheetId: tab.sheetId,
    name: tab.name,
    rows: tab.values.slice(0, HEADING_ROWS).map((row) => row.map((v) => shortText(v, timeZone))),
    headerRow: detectInTab(tab)?.layout.headerRow ?? null,
    guesses: tab.values.slice(0, HEADING_ROWS).map((row, i) => {
      const layout = layoutAt(row, i + 1, null).layout;
      const at = (c: number | null | undefined) =>
        layout && c !== null && c !== undefined ? layout.headings[c] || null : null;
      return layout
        ? {
            nameHeader: at(layout.name),
            idHeader: at(layout.id),
            groupHeader: at(layout.group),
            activeHeader: at(layout.active),
          }
        : null;
    }),
  }));
}

/** A cell as Settings shows it: dates as days, long texts cut. */
function shortText(value: unknown, timeZone: string): string {
  const text =
    Object.prototype.toString.call(value) === '[object Date]'
      ? formatDay(value as Date, timeZone)
      : cellText(value).trim();
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/** Only when no roster was found: a roster that exists is the practice's and is never replaced. */
export function createRoster(): SidebarData {
  const workbook = openWorkbook();
  createRosterTab(workbook.ss, workbook.roster);
  return getSidebarData();
}
