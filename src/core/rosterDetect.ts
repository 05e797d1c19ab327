/**
 * Which tab and which heading row is the practice's roster. Every tab and each of its first rows
 * is a candidate, scored on what a caseload looks like: many distinct, person-like names, ID,
 * group and status columns, mostly active clients. A notes log, an attendance export or a list of
 * sessions repeats names, has log headings (Date, Note, Present) and so loses to the caseload.
 */
import type { RosterSettings } from './types';
import { HEADING_ROWS, hasSections, layoutAt, nameKey, readClients } from './roster';
import type { RosterLayout } from './roster';
import { isLogHeading, tabNameWeight } from './rosterHeadings';

export interface TabValues {
  sheetId: number;
  name: string;
  /** The tab's values as getValues gives them (row 1 first). */
  values: unknown[][];
}

export interface Detected {
  layout: RosterLayout;
  score: number;
  /** Headings chosen in Settings that the row does not have. */
  missing: string[];
}

const PERSON = /^[\p{L}][\p{L}\p{M}'’.\- ]{0,58}$/u;

function personLike(name: string): boolean {
  const words = name.split(' ').length;
  return words <= 5 && PERSON.test(name);
}

function isDate(value: unknown): boolean {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** How much the rows under `layout` look like a caseload (0 = not at all). */
function score(rows: readonly unknown[][], layout: RosterLayout, tabName: string): number {
  const { clients } = readClients(rows, layout);
  const roles =
    1 +
    0.25 * Number(layout.id !== null) +
    0.25 * Number(layout.group !== null || layout.sections) +
    0.25 * Number(layout.active !== null);
  const logs = layout.headings.filter(isLogHeading).length;
  const shape = roles * 0.5 ** Math.min(logs, 2) * tabNameWeight(tabName) * (1 - 0.01 * (layout.headerRow - 1));
  // A roster with headings and no clients yet (a new one) still beats a tab without headings.
  if (clients.length === 0) return 0.5 * shape;
  const distinct = new Set(clients.map((c) => nameKey(c.name))).size;
  const distinctShare = distinct / clients.length;
  const persons = clients.filter((c) => personLike(c.name)).length / clients.length;
  const active = clients.filter((c) => c.active).length / clients.length;
  // A log starts each row with its date.
  const datedRows = rows.filter((r) => isDate(r.find((v) => v !== '' && v !== null && v !== undefined))).length;
  const dated = datedRows > clients.length / 2 ? 0.5 : 1;
  return distinct * distinctShare ** 2 * (0.25 + 0.75 * persons) * (active < 0.2 ? 0.3 : 1) * dated * shape;
}

/**
 * The best heading row of one tab, or null when no row among the first HEADING_ROWS has a name
 * column. Settings' choices (heading row, columns) are applied; a row lacking a chosen heading
 * only wins when no row has them all.
 */
export function detectInTab(tab: TabValues, chosen: RosterSettings | null = null): Detected | null {
  let best: Detected | null = null;
  const last = Math.min(HEADING_ROWS, tab.values.length);
  for (let r = 0; r < last; r += 1) {
    if (chosen?.headerRow && chosen.headerRow !== r + 1) continue;
    const { layout, missing } = layoutAt(tab.values[r], r + 1, chosen);
    if (!layout) continue;
    const rows = tab.values.slice(r + 1);
    layout.sections = chosen?.groupHeader !== '' && hasSections(rows, layout);
    const value = score(rows, layout, tab.name) * 0.1 ** missing.length;
    if (!best || value > best.score) best = { layout, score: value, missing };
  }
  return best;
}

/** The roster among the tabs: the best-scoring tab and heading row, or null. */
export function detectRoster(tabs: readonly TabValues[]): { tab: TabValues; detected: Detected } | null {
  let best: { tab: TabValues; detected: Detected } | null = null;
  for (const tab of tabs) {
    const detected = detectInTab(tab);
    if (detected && (!best || detected.score > best.detected.score)) best = { tab, detected };
  }
  return best;
}
