/** Rewriting the Patterns tab from the record just read or written (no second read). */
import type { RecordFigures } from '../core/recordFigures';
import type { Entry, PlannedAbsence } from '../core/types';
import { writePatterns } from './patternsTab';
import type { Workbook } from './workbook';

/** `force`: rewrite formats and rules too, whatever the shape (the menu's Refresh patterns). */
export function refreshPatternsFrom(
  workbook: Workbook,
  current: Entry[],
  force = false,
  history?: readonly Entry[],
  plans?: readonly PlannedAbsence[],
  figures?: RecordFigures,
): void {
  writePatterns(workbook.ss, {
    clients: workbook.roster.clients,
    entries: current,
    history,
    plans,
    today: workbook.today,
    settings: workbook.settings,
    roster: workbook.roster.location,
    tabs: workbook.tabs,
    force,
    figures,
  });
}

/**
 * After a write landed, a Patterns failure must not read as a failed save (a retry would then
 * answer "already saved" and confuse): say plainly that the record is safe.
 */
export function refreshPatternsAfterWrite(
  workbook: Workbook,
  current: Entry[],
  history?: readonly Entry[],
  plans?: readonly PlannedAbsence[],
  figures?: RecordFigures,
): void {
  try {
    refreshPatternsFrom(workbook, current, false, history, plans, figures);
  } catch (error) {
    throw new Error(
      `Your entry was saved, but the Patterns tab could not be refreshed (${(error as Error).message}). Use Extensions › Cadence › Refresh patterns.`,
    );
  }
}
