/**
 * Reading the practice's roster tab (never writing its values) and creating a small one when the
 * spreadsheet has none. Detection itself is core/roster.ts.
 */
import { ROSTER_PROBE_ROWS, chooseRoster, readClients } from '../core/roster';
import type { RosterCandidate, RosterColumns } from '../core/roster';
import { cellText } from '../core/text';
import type { Client, RosterSettings, RosterView } from '../core/types';
import { PATTERNS_NAME } from './patternsTab';
import type { RosterLocation } from './patternsTab';
import { freeSheetName } from './cadenceTabs';
import type { CadenceTabs } from './cadenceTabs';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;


export interface Roster {
  clients: Client[];
  view: RosterView;
  location: RosterLocation | null;
}


/**
 * Finds and reads the roster: the first rows of each other tab (one read per tab, however long
 * it is), then the chosen tab's rows in one read.
 */
export function readRoster(ss: Spreadsheet, settings: RosterSettings, tabs: CadenceTabs): Roster {
  // Cadence's own tabs (tagged, copies included) are never the roster.
  const own = tabs.tagged;
  const candidates: (RosterCandidate & { sheet: GoogleAppsScript.Spreadsheet.Sheet; lastRow: number; lastColumn: number })[] = [];
  for (const sheet of ss.getSheets()) {
    const sheetId = sheet.getSheetId();
    const name = sheet.getName();
    // The Patterns tab by its default name too, in case it was made before it was tagged.
    if (own.has(sheetId) || name === PATTERNS_NAME) continue;
    const lastRow = sheet.getLastRow();
    const lastColumn = sheet.getLastColumn();
    const topRows = lastRow && lastColumn
      ? sheet.getRange(1, 1, Math.min(lastRow, ROSTER_PROBE_ROWS), lastColumn).getValues()
      : [];
    // An untagged copy of the record (e.g. "Copy of Attendance") is not a roster either.
    if ((topRows[0] ?? []).some((h) => cellText(h).trim().toLowerCase() === 'entry id')) continue;
    candidates.push({ sheet, sheetId, name, topRows, lastRow, lastColumn });
  }
  const choice = chooseRoster(candidates, settings);
  const view: RosterView = {
    sheetName: choice.sheetName,
    sheetId: choice.sheetId,
    headerRow: choice.columns ? 1 : null,
    nameHeader: null,
    idHeader: null,
    groupHeader: null,
    activeHeader: null,
    clientCount: 0,
    problem: choice.problem,
    candidates: candidates.map((c) => ({ sheetId: c.sheetId, name: c.name, headers: (c.topRows[0] ?? []).map((h) => cellText(h).trim()).filter(Boolean) })),
  };
  const chosen = candidates.find((c) => c.sheetId === choice.sheetId);
  if (!chosen || !choice.columns) return { clients: [], view, location: null };
  const columns = choice.columns;
  Object.assign(view, headerNames(columns));
  const rows = chosen.lastRow > 1
    ? (chosen.lastRow <= ROSTER_PROBE_ROWS ? chosen.topRows.slice(1) : chosen.sheet.getRange(2, 1, chosen.lastRow - 1, chosen.lastColumn).getValues())
    : [];
  const { clients, problem } = readClients(rows, columns);
  view.clientCount = clients.length;
  view.problem = [choice.problem, problem].filter(Boolean).join(' ') || null;
  const location: RosterLocation = { sheet: chosen.sheet, headerRow: 1, nameColumn: columns.name + 1, idColumn: columns.id === null ? null : columns.id + 1 };
  return { clients, view, location };
}

function headerNames(columns: RosterColumns): Pick<RosterView, 'nameHeader' | 'idHeader' | 'groupHeader' | 'activeHeader'> {
  const at = (i: number | null) => (i === null ? null : columns.headers[i] || null);
  return { nameHeader: at(columns.name), idHeader: at(columns.id), groupHeader: at(columns.group), activeHeader: at(columns.active) };
}

export const ROSTER_HEADERS = ['Client ID', 'Client', 'Group', 'Active'];

/** A new "Roster" tab with Cadence's headers, frozen and bold; refused when a roster exists. */
export function createRosterTab(ss: Spreadsheet, existing: Roster): void {
  if (existing.view.sheetId !== null && existing.location) {
    throw new Error(`A roster already exists ("${existing.view.sheetName}"); nothing was created.`);
  }
  const sheet = ss.insertSheet(freeSheetName(ss, 'Roster'), 0);
  sheet.getRange(1, 1, 1, ROSTER_HEADERS.length).setValues([ROSTER_HEADERS]).setFontWeight('bold');
  sheet.setFrozenRows(1);
}
