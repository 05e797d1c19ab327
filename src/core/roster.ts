/**
 * Reading the practice's roster in the shape it already has: which row holds the headings, which
 * columns mean what, and the clients below. Pure: the server hands in a tab's values. Cadence never
 * writes them (only, when asked, one "Cadence ID" column: see server/cadenceIds.ts).
 */
import type { Client, RosterSettings } from './types';
import { cellText } from './text';
import { foldKey, headingRole, isActiveValue, statusKey } from './rosterHeadings';
import type { ColumnKind, HeadingRole } from './rosterHeadings';

/** How many top rows may hold the headings (titles, notes and blank rows above them). */
export const HEADING_ROWS = 10;

/** Where the clients are in a tab. Columns are 0-based; null where the roster has none. */
export interface RosterLayout {
  /** 1-based row of the headings. */
  headerRow: number;
  name: number;
  /** With separate first- and last-name columns, `name` is the first name and this the last. */
  surname: number | null;
  id: number | null;
  group: number | null;
  active: number | null;
  activeKind: ColumnKind;
  /** No group column, but a label row ("Monday group") above each section of clients. */
  sections: boolean;
  /** The heading row's texts. */
  headings: string[];
}

/** One status value of the roster and how it is read, for Settings. */
export interface StatusValue {
  value: string;
  active: boolean;
  count: number;
}

function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

function text(value: unknown): string {
  return cellText(value).trim();
}

/** The first column (by position) with this role, skipping taken ones. */
function firstWith(roles: (HeadingRole | null)[], role: HeadingRole, taken: number[] = []): number | null {
  const index = roles.findIndex((r, i) => r === role && !taken.includes(i));
  return index >= 0 ? index : null;
}

/**
 * The layout a heading row gives, or null without a name column. A heading chosen in Settings
 * wins over detection (null = detect, '' = the roster has no such column); a chosen heading that
 * is gone from the row is reported in `missing` and detection stands in for it.
 */
export function layoutAt(
  row: readonly unknown[],
  headerRow: number,
  chosen: RosterSettings | null,
): { layout: RosterLayout | null; missing: string[] } {
  const headings = row.map((h) =>
    h instanceof Date || Object.prototype.toString.call(h) === '[object Date]' ? '' : text(h),
  );
  const roles = headings.map(headingRole);
  const keys = headings.map(foldKey);
  const missing: string[] = [];
  const pick = (header: string | null | undefined, detected: () => number | null): number | null => {
    if (header === null || header === undefined) return detected();
    if (header === '') return null;
    const index = keys.indexOf(foldKey(header));
    if (index >= 0 && headings[index] !== '') return index;
    missing.push(header);
    return detected();
  };
  let surname: number | null = null;
  const name = pick(chosen?.nameHeader, () => {
    const full = firstWith(roles, 'name');
    if (full !== null) return full;
    const first = firstWith(roles, 'first');
    if (first !== null) surname = firstWith(roles, 'last');
    return first ?? firstWith(roles, 'last');
  });
  if (name === null) return { layout: null, missing };
  const id = pick(chosen?.idHeader, () => firstWith(roles, 'id', [name]));
  const group = pick(chosen?.groupHeader, () => firstWith(roles, 'group', [name]));
  const active = pick(
    chosen?.activeHeader,
    () => firstWith(roles, 'active', [name]) ?? firstWith(roles, 'discharged', [name]),
  );
  const activeKind: ColumnKind = active !== null && roles[active] === 'discharged' ? 'discharged' : 'active';
  return {
    layout: {
      headerRow,
      name,
      surname,
      id: id === name ? null : id,
      group,
      active,
      activeKind,
      sections: false,
      headings,
    },
    missing,
  };
}

function filled(row: readonly unknown[]): number {
  let n = 0;
  for (const v of row) if (!isBlank(v)) n += 1;
  return n;
}

/**
 * Label rows of a sectioned roster: one text cell alone, at the start of a section (after the
 * headings or a blank row), followed by a fuller client row. Only where most client rows have
 * more than a name, so a names-only roster is never read as labels.
 */
function sectionLabels(rows: readonly unknown[][]): Set<number> {
  const labels = new Set<number>();
  let fuller = 0;
  let named = 0;
  rows.forEach((row, i) => {
    const n = filled(row);
    if (n === 0) return;
    named += 1;
    if (n >= 2) fuller += 1;
    const startsSection = i === 0 || filled(rows[i - 1]) === 0;
    const next = rows[i + 1];
    if (n === 1 && startsSection && next && filled(next) >= 2 && typeof row.find((v) => !isBlank(v)) === 'string')
      labels.add(i);
  });
  return fuller >= (named - labels.size) * 0.6 ? labels : new Set();
}

/** Whether the rows below a layout's headings are grouped by label rows rather than a column. */
export function hasSections(rows: readonly unknown[][], layout: RosterLayout): boolean {
  return layout.group === null && sectionLabels(rows).size > 0;
}

/** The key of a client the roster gives no ID: the name trimmed, spaces collapsed, case-folded. */
export function nameKey(name: string): string {
  return `name:${name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

/** The name as the roster spells it (trimmed); first and last names joined by a space. */
function clientName(row: readonly unknown[], layout: RosterLayout): string {
  const first = text(row[layout.name]);
  const last = layout.surname === null ? '' : text(row[layout.surname]);
  return [first, last].filter(Boolean).join(' ');
}

export interface RosterRead {
  clients: Client[];
  problem: string | null;
  /** The status column's values and how each is read (empty without a status column). */
  statusValues: StatusValue[];
  /** For each client, the index of its row in the rows read. */
  rows: number[];
}

/**
 * The clients in the rows below the headings. Blank rows and section labels are skipped; a
 * section label is the group of the clients under it. Without an ID a client is keyed by name;
 * the second "Amy Smith" without an ID gets "name:amy smith#2" and a problem asks for IDs, since
 * a row order is not a lasting identity.
 */
export function readClients(
  rows: readonly unknown[][],
  layout: RosterLayout,
  meanings: Readonly<Record<string, boolean>> = {},
): RosterRead {
  const clients: Client[] = [];
  const seen = new Map<string, number>();
  const sameName: string[] = [];
  const sameId: string[] = [];
  const labels = layout.sections ? sectionLabels(rows) : new Set<number>();
  const statuses = new Map<string, StatusValue>();
  const clientRows: number[] = [];
  let section = '';
  rows.forEach((row, i) => {
    if (labels.has(i)) {
      section = text(row.find((v) => !isBlank(v)));
      return;
    }
    const name = clientName(row, layout);
    if (!name) return;
    const rosterId = layout.id === null ? '' : text(row[layout.id]);
    let id = rosterId || nameKey(name);
    const count = (seen.get(id) ?? 0) + 1;
    seen.set(id, count);
    if (count > 1) {
      if (rosterId) {
        sameId.push(rosterId);
        return;
      }
      sameName.push(name);
      id = `${id}#${count}`;
    }
    const status = layout.active === null ? '' : row[layout.active];
    const active = layout.active === null ? true : isActiveValue(status, layout.activeKind, meanings);
    if (layout.active !== null) {
      const key = statusKey(status);
      const known = statuses.get(key);
      if (known) known.count += 1;
      else statuses.set(key, { value: key, active, count: 1 });
    }
    clients.push({ id, name, group: layout.group === null ? section : text(row[layout.group]), active });
    clientRows.push(i);
  });
  const problems: string[] = [];
  if (sameName.length) {
    problems.push(
      `Several clients share a name and have no ID (${[...new Set(sameName)].join(', ')}); they are told apart by row order only. Add a Client ID column so their records cannot mix.`,
    );
  }
  if (sameId.length) {
    problems.push(
      `The roster uses the same ID on more than one row (${[...new Set(sameId)].join(', ')}); only the first of each is offered. Give each client their own ID.`,
    );
  }
  return {
    clients,
    problem: problems.length ? problems.join(' ') : null,
    statusValues: [...statuses.values()],
    rows: clientRows,
  };
}

/** The groups of the roster's active clients, sorted. */
export function rosterGroups(clients: readonly Client[]): string[] {
  return [...new Set(clients.filter((c) => c.active && c.group).map((c) => c.group))].sort();
}
