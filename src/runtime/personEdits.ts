/**
 * A person inserting or deleting rows or columns while a script's execution runs (the test's own
 * handle, env.spreadsheet, is the person). The document lock serialises scripts, not people, so
 * this happens in Sheets whenever someone works in a tab during a save. Whether Sheets moves the
 * script's not-yet-applied writes with the person's edit, as it moves a collaborator's cursor, or
 * applies them at the coordinates the script computed, is not documented: switch
 * `personEditMovesScriptWrites` (switches.ts).
 * - `fixed`: the script's unflushed writes land after the person's edit at the coordinates it
 *   gave, and a Range it obtained earlier keeps its coordinates (a Range is a sheet and grid
 *   coordinates: https://developers.google.com/apps-script/reference/spreadsheet/range).
 * - `shifted`: the unflushed writes had landed and moved with the grid, and a Range obtained
 *   earlier follows its top-left cell (keeping its size), as a collaborator's selection does.
 * The script's own inserts and deletes never move its Range objects in either reading.
 */
import type { Rect } from './a1';
import type { SheetModel } from './model';
import type { PendingWrites } from './pendingWrites';

export interface GridEdit {
  sheet: SheetModel;
  axis: 'row' | 'column';
  /** First row or column inserted before, or deleted (1-based). */
  at: number;
  count: number;
  insert: boolean;
}

/** What a running execution holds that a person's edit may move. */
export interface RunningScript {
  readonly pending: PendingWrites;
  /** Its Range objects' followers (registered under the `shifted` reading only). */
  readonly rangeFollowers: ((edit: GridEdit) => void)[];
}

/** Where the first row (or column) of a range goes: with its cell; to the first row after a deletion that took it. */
export function movedStart(start: number, edit: GridEdit): number {
  if (edit.insert) return edit.at <= start ? start + edit.count : start;
  if (edit.at + edit.count <= start) return start - edit.count;
  return edit.at <= start ? edit.at : start;
}

export function followEdit(rect: Rect, edit: GridEdit): void {
  if (edit.axis === 'row') rect.row = movedStart(rect.row, edit);
  else rect.column = movedStart(rect.column, edit);
}

/** Applies a person's structural edit, with the running scripts' writes as the switch says. */
export function personEdit(running: readonly RunningScript[], edit: GridEdit, apply: () => void): void {
  if (running.length === 0) {
    apply();
    return;
  }
  if (edit.sheet.workbook.switches.personEditMovesScriptWrites === 'shifted') {
    apply();
    for (const script of running) {
      // Its batch landed before the edit and moved with the grid: nothing is left to land again.
      script.pending.flush();
      for (const follow of script.rangeFollowers) follow(edit);
    }
    return;
  }
  for (let k = running.length - 1; k >= 0; k--) running[k].pending.hide();
  apply();
  for (const script of running) script.pending.landAgain();
}
