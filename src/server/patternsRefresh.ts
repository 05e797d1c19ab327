/** Rewriting the Patterns tab from the record just read or written (no second read). */
import type { RecordFigures } from '../core/recordFigures';
import type { PlannedAbsence } from '../core/types';
import { writePatterns } from './patternsTab';
import type { Workbook } from './workbook';

/** `force`: rewrite formats and rules too, whatever the shape (the menu's Refresh patterns). */
export function refreshPatternsFrom(
  workbook: Workbook,
  figures: RecordFigures,
  plans: readonly PlannedAbsence[],
  force = false,
): void {
  writePatterns(workbook.ss, {
    clients: workbook.roster.clients,
    figures,
    plans,
    today: workbook.today,
    settings: workbook.settings,
    roster: workbook.roster.location,
    tabs: workbook.tabs,
    force,
  });
}

/**
 * After a write landed, a Patterns failure must not read as a failed save (a retry would then
 * answer "already saved" and confuse): say plainly that the record is safe.
 */
export function refreshPatternsAfterWrite(
  workbook: Workbook,
  figures: RecordFigures,
  plans: readonly PlannedAbsence[],
): void {
  try {
    refreshPatternsFrom(workbook, figures, plans);
  } catch (error) {
    throw new Error(
      `Your entry was saved, but the Patterns tab could not be refreshed (${(error as Error).message}). Use Extensions › Cadence › Refresh patterns.`,
    );
  }
}
