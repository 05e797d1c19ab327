/**
 * Finding the practice's roster in the shape it already has, and reading its clients. Pure: the
 * server hands in each tab's first rows, then the chosen tab's values. Cadence never writes them.
 */
import type { Client, RosterSettings } from './types';
import { cellText, headerKey } from './text';

/** Header texts Cadence recognises, as header keys (lowercase, no spaces). */
const NAME_HEADERS = ['client', 'clientname', 'name', 'fullname', 'participant', 'participantname', 'resident', 'residentname', 'patient', 'patientname'];
const ID_HEADERS = ['clientid', 'id', 'mrn', 'recordnumber', 'recordno', 'record#', 'clientnumber', 'client#', 'participantid', 'residentid', 'patientid'];
const GROUP_HEADERS = ['group', 'groupname', 'session', 'class', 'unit', 'cohort', 'programme', 'program'];
/** "Active"-like columns hold yes/no; "Discharged"-like columns hold a date or mark when inactive. */
const ACTIVE_HEADERS = ['active', 'status', 'active?', 'clientstatus'];
const DISCHARGED_HEADERS = ['discharged', 'dischargedate', 'dischargedon', 'dischargedate', 'discharge'];

/** How many top rows the server reads from each tab to spot a header row that is not row 1. */
export const ROSTER_PROBE_ROWS = 5;

export interface RosterColumns {
  /** 0-based columns; null where the roster has no such column. */
  name: number;
  id: number | null;
  group: number | null;
  active: number | null;
  /** How to read the active column. */
  activeKind: 'active' | 'discharged';
  headers: string[];
}

export interface RosterCandidate {
  sheetId: number;
  name: string;
  /** The tab's first rows (up to ROSTER_PROBE_ROWS); row 1 is the header row. */
  topRows: unknown[][];
}

export interface RosterChoice {
  sheetId: number | null;
  sheetName: string | null;
  columns: RosterColumns | null;
  problem: string | null;
}

function find(keys: string[], candidates: readonly string[]): number | null {
  for (const wanted of candidates) {
    const index = keys.indexOf(wanted);
    if (index >= 0) return index;
  }
  return null;
}

function findChosen(keys: string[], header: string | null): number | null | undefined {
  if (header === null) return undefined;
  const index = keys.indexOf(headerKey(header));
  return index >= 0 ? index : null;
}

/**
 * The roster columns of one header row, or null when it has no name column. A header chosen in
 * Settings wins over detection; a chosen header that is gone is reported in `missing`.
 */
export function rosterColumns(headerRow: readonly unknown[], chosen: RosterSettings | null): { columns: RosterColumns | null; missing: string[] } {
  const headers = headerRow.map((h) => cellText(h).trim());
  const keys = headers.map(headerKey);
  const missing: string[] = [];
  const pick = (header: string | null | undefined, detected: () => number | null): number | null => {
    if (header === null || header === undefined) return detected();
    const index = findChosen(keys, header);
    if (index === null || index === undefined) {
      missing.push(header);
      return detected();
    }
    return index;
  };
  const name = pick(chosen?.nameHeader, () => find(keys, NAME_HEADERS));
  if (name === null) return { columns: null, missing };
  const id = pick(chosen?.idHeader, () => find(keys, ID_HEADERS));
  const group = pick(chosen?.groupHeader, () => find(keys, GROUP_HEADERS));
  const discharged = find(keys, DISCHARGED_HEADERS);
  const active = pick(chosen?.activeHeader, () => find(keys, ACTIVE_HEADERS) ?? discharged);
  const activeKind = active !== null && DISCHARGED_HEADERS.includes(keys[active]) ? 'discharged' : 'active';
  return { columns: { name, id, group, active, activeKind, headers }, missing };
}

/**
 * Which tab is the roster: the one chosen in Settings, else the first whose row 1 has a name
 * header. A tab whose headers sit lower down is refused with a message saying how to fix it.
 */
export function chooseRoster(candidates: readonly RosterCandidate[], settings: RosterSettings): RosterChoice {
  const none = (problem: string): RosterChoice => ({ sheetId: null, sheetName: null, columns: null, problem });
  if (settings.sheetId !== null) {
    const chosen = candidates.find((c) => c.sheetId === settings.sheetId);
    if (chosen) {
      const { columns, missing } = rosterColumns(chosen.topRows[0] ?? [], settings);
      if (!columns) {
        return { ...none(`The roster tab "${chosen.name}" has no client name column in row 1${missing.length ? ` (column "${missing[0]}" chosen in Settings is gone)` : ''}. Pick the name column in Settings.`), sheetId: chosen.sheetId, sheetName: chosen.name };
      }
      const problem = missing.length ? `Column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')} chosen in Settings ${missing.length > 1 ? 'are' : 'is'} no longer in "${chosen.name}"; Cadence used what it could find. Check Settings.` : null;
      return { sheetId: chosen.sheetId, sheetName: chosen.name, columns, problem };
    }
  }
  for (const candidate of candidates) {
    const { columns } = rosterColumns(candidate.topRows[0] ?? [], null);
    if (columns) {
      const problem = settings.sheetId !== null ? 'The roster tab chosen in Settings is gone; Cadence found this one instead. Check Settings.' : null;
      return { sheetId: candidate.sheetId, sheetName: candidate.name, columns, problem };
    }
  }
  for (const candidate of candidates) {
    const lower = candidate.topRows.findIndex((row, i) => i > 0 && rosterColumns(row, null).columns !== null);
    if (lower > 0) {
      return none(`The tab "${candidate.name}" looks like a roster, but its headers are in row ${lower + 1}. Cadence reads headers from row 1: delete the rows above the headers, or choose the roster in Settings.`);
    }
  }
  return none('No roster found: no tab has a column headed "Client" or "Name" in row 1. Choose your roster tab and its columns in Settings, or let Cadence create a small roster.');
}

/** Whether a roster row is active, read by the kind of column it has. */
function isActive(value: unknown, kind: RosterColumns['activeKind']): boolean {
  if (value === '' || value === null || value === undefined) return true;
  if (typeof value === 'boolean') return kind === 'active' ? value : !value;
  if (Object.prototype.toString.call(value) === '[object Date]') return kind !== 'discharged';
  const text = cellText(value).trim().toLowerCase();
  if (kind === 'discharged') return ['no', 'n', 'false', '0', ''].includes(text);
  return !['no', 'n', 'false', '0', 'inactive', 'discharged', 'closed', 'former'].includes(text);
}

/** The key of a client the roster gives no ID: stable while the name is. */
export function nameKey(name: string): string {
  return `name:${name.trim().toLowerCase()}`;
}

/**
 * The clients in the roster's rows (header excluded). Blank rows are skipped. Without an ID a
 * client is keyed by name; the second "Amy Smith" without an ID gets "name:amy smith#2" and a
 * problem asks the practice to add IDs, since a row order is not a lasting identity.
 */
export function readClients(rows: readonly unknown[][], columns: RosterColumns): { clients: Client[]; problem: string | null } {
  const clients: Client[] = [];
  const seen = new Map<string, number>();
  const sameName: string[] = [];
  const sameId: string[] = [];
  for (const row of rows) {
    const name = cellText(row[columns.name]).trim();
    if (!name) continue;
    const rosterId = columns.id === null ? '' : cellText(row[columns.id]).trim();
    let id = rosterId || nameKey(name);
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    if (count > 1) {
      if (rosterId) {
        sameId.push(rosterId);
        continue;
      }
      sameName.push(name);
      id = `${id}#${count}`;
    }
    clients.push({
      id,
      name,
      group: columns.group === null ? '' : cellText(row[columns.group]).trim(),
      active: columns.active === null ? true : isActive(row[columns.active], columns.activeKind),
    });
  }
  const problems: string[] = [];
  if (sameName.length) {
    problems.push(`Several clients share a name and have no ID (${[...new Set(sameName)].join(', ')}); they are told apart by row order only. Add a Client ID column so their records cannot mix.`);
  }
  if (sameId.length) {
    problems.push(`The roster uses the same ID on more than one row (${[...new Set(sameId)].join(', ')}); only the first of each is offered. Give each client their own ID.`);
  }
  return { clients, problem: problems.length ? problems.join(' ') : null };
}

/** The groups of the roster's active clients, sorted. */
export function rosterGroups(clients: readonly Client[]): string[] {
  return [...new Set(clients.filter((c) => c.active && c.group).map((c) => c.group))].sort();
}
