/** Writes the Patterns tab and the roster highlight (DESIGN.md "Tabs"). */
import type { Client, Entry, Settings } from '../core/types';

export interface RosterLocation {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  headerRow: number;
  /** 1-based columns; idColumn null when the roster has no ID column. */
  nameColumn: number;
  idColumn: number | null;
}

export interface PatternsInput {
  clients: Client[];
  /** Current entries only: withdrawn and superseded rows already removed. */
  entries: Entry[];
  /** YYYY-MM-DD in the spreadsheet's time zone. */
  today: string;
  settings: Settings;
  roster: RosterLocation | null;
}

/** Rewrites the Patterns tab (creating it if gone) and Cadence's roster highlight rules. */
export function writePatterns(_ss: GoogleAppsScript.Spreadsheet.Spreadsheet, _input: PatternsInput): void {
  // Implemented with issue 4.
}
