/**
 * The roster Cadence found, remembered in document properties beside the settings, so later calls
 * read only that tab instead of probing every tab again. It is a cache of detection, never a
 * choice: the user's choices live in Settings, and a remembered tab that no longer looks like a
 * roster is detected afresh.
 */
import { isPlainObject } from './validation';

export const ROSTER_MEMORY_KEY = 'cadence.roster';

export interface RosterMemory {
  sheetId: number;
  /** 1-based heading row. */
  headerRow: number;
  /** Heading texts of the columns found ('' where the roster has none). */
  name: string;
  id: string;
  group: string;
  active: string;
  /** The tab's name when it was last read ('' if unknown): a save shows it without asking again. */
  tabName: string;
}

export function readRosterMemory(json: string | null | undefined): RosterMemory | null {
  if (!json) return null;
  let stored: unknown;
  try {
    stored = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isPlainObject(stored) || !Number.isInteger(stored.sheetId) || !Number.isInteger(stored.headerRow)) return null;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    sheetId: stored.sheetId as number,
    headerRow: stored.headerRow as number,
    name: text(stored.name),
    id: text(stored.id),
    group: text(stored.group),
    active: text(stored.active),
    tabName: text(stored.tabName),
  };
}
