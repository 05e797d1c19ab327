/**
 * Unflushed writes. Apps Script batches an execution's spreadsheet writes and sends them when the
 * script reads the sheet, calls SpreadsheetApp.flush(), or ends — which is why the lock guidance
 * is to flush before releasing a lock (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush():
 * "Applies all pending Spreadsheet changes. Spreadsheet operations are sometimes bundled together
 * to improve performance"). Here writes apply at once, and each execution journals the cell values
 * it wrote since its last flush; while another execution runs interleaved inside it, those writes
 * are hidden, and when it ends they land again on top — as a late batch would. So code that
 * releases a lock before flushing loses records here as it could in production.
 *
 * Only cell values are journaled (setValue(s), setFormula(s), appendRow, RangeList.setValue); any other call that
 * reads or reshapes the spreadsheet counts as a flush, so journaled coordinates stay valid.
 */
import type { Rect } from './a1';
import type { SheetModel } from './model';
import type { CellValue } from './values';

interface PendingWrite {
  sheet: SheetModel;
  rect: Rect;
  before: CellValue[][];
  after: CellValue[][];
}

/** Calls that stay in the batch: value and format writes, and reads of the range's own geometry. */
const BATCHED = new Set([
  'Spreadsheet.getSheetByName',
  'Spreadsheet.getSheets',
  'Spreadsheet.getSheetById',
  'Spreadsheet.getSpreadsheetTimeZone',
  'Spreadsheet.getId',
  'Spreadsheet.getName',
  'Sheet.getRange',
  'Sheet.getRangeList',
  'RangeList.getRanges',
  'RangeList.setValue',
  'Sheet.getName',
  'Sheet.getSheetId',
  'Sheet.getMaxRows',
  'Sheet.getMaxColumns',
  'Sheet.appendRow',
  'Sheet.getParent',
  'Sheet.setFrozenRows',
  'Sheet.setFrozenColumns',
  'Sheet.setColumnWidth',
  'Sheet.setColumnWidths',
  'Range.getA1Notation',
  'Range.getRow',
  'Range.getColumn',
  'Range.getNumRows',
  'Range.getNumColumns',
  'Range.getLastRow',
  'Range.getLastColumn',
  'Range.getSheet',
  'Range.setValue',
  'Range.setValues',
  'Range.setFormula',
  'Range.setFormulas',
]);
const SPREADSHEET_CLASSES = new Set([
  'Spreadsheet',
  'Sheet',
  'Range',
  'Filter',
  'DeveloperMetadata',
  'DeveloperMetadataFinder',
  'DeveloperMetadataLocation',
]);

/** Whether a call sends the execution's batch first. */
export function flushes(method: string): boolean {
  if (method === 'SpreadsheetApp.flush') return true;
  const cls = method.slice(0, method.indexOf('.'));
  if (!SPREADSHEET_CLASSES.has(cls) || BATCHED.has(method)) return false;
  // Format setters are batched like values; everything else reads or reshapes.
  return !/^Range\.set(Number|Background|Font|Horizontal|Vertical|Wrap|Note)/.test(method);
}

export class PendingWrites {
  private writes: PendingWrite[] = [];

  get size(): number {
    return this.writes.length;
  }

  record(sheet: SheetModel, rect: Rect, after: CellValue[][]): void {
    const before: CellValue[][] = [];
    for (let i = 0; i < rect.numRows; i++) {
      const row: CellValue[] = [];
      for (let j = 0; j < rect.numColumns; j++) row.push(sheet.values.get(rect.row - 1 + i, rect.column - 1 + j));
      before.push(row);
    }
    this.writes.push({ sheet, rect, before, after });
  }

  flush(): void {
    this.writes = [];
  }

  /** Takes the writes back out of the shared sheets, newest first. */
  hide(): void {
    for (let k = this.writes.length - 1; k >= 0; k--) this.put(this.writes[k], 'before');
  }

  /** Lands the writes again, oldest first, over whatever happened meanwhile. */
  show(): void {
    for (const w of this.writes) this.put(w, 'after');
  }

  /**
   * Lands the writes again at their coordinates after a person's structural edit moved the grid
   * under them (personEdits.ts, `fixed`): what is now under each write becomes its `before`.
   */
  landAgain(): void {
    for (const w of this.writes) {
      if (!w.sheet.workbook.sheets.includes(w.sheet)) continue;
      const rows = Math.min(w.rect.numRows, w.sheet.maxRows - w.rect.row + 1);
      const columns = Math.min(w.rect.numColumns, w.sheet.maxColumns - w.rect.column + 1);
      if (rows < 1 || columns < 1) continue;
      w.before = w.before.map((row, i) =>
        row.map((_, j) =>
          i < rows && j < columns ? w.sheet.values.get(w.rect.row - 1 + i, w.rect.column - 1 + j) : '',
        ),
      );
      w.sheet.values.writeBlock(w.rect.row - 1, w.rect.column - 1, rows, columns, (i, j) => w.after[i][j]);
    }
  }

  private put(w: PendingWrite, which: 'before' | 'after'): void {
    if (!w.sheet.workbook.sheets.includes(w.sheet)) return;
    const cells = w[which];
    w.sheet.values.writeBlock(
      w.rect.row - 1,
      w.rect.column - 1,
      w.rect.numRows,
      w.rect.numColumns,
      (i, j) => cells[i][j],
    );
  }
}
