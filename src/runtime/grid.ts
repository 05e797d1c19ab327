/**
 * Ragged 2-D storage for one layer of a sheet (values, or one format attribute). Rows are plain
 * arrays, 0-based, that stop at their last stored cell; a missing row or cell reads as `blank`.
 * No per-cell objects, so a 130,000-row tab costs one array per row.
 */
export class Grid<T> {
  rows: (T[] | undefined)[] = [];

  constructor(readonly blank: T) {}

  get(row: number, column: number): T {
    const r = this.rows[row];
    if (r === undefined) return this.blank;
    const v = r[column];
    return v === undefined ? this.blank : v;
  }

  set(row: number, column: number, value: T): void {
    let r = this.rows[row];
    if (r === undefined) {
      if (value === this.blank) return;
      while (this.rows.length < row) this.rows.push(undefined);
      r = this.rows[row] = [];
    }
    while (r.length < column) r.push(this.blank);
    r[column] = value;
  }

  /** Fills a block with source(i, j). A block starting at column 0 over missing rows reuses fresh arrays. */
  writeBlock(
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
    source: (i: number, j: number) => T,
  ): void {
    while (this.rows.length < row + numRows) this.rows.push(undefined);
    for (let i = 0; i < numRows; i++) {
      let r = this.rows[row + i];
      if (r === undefined) {
        r = this.rows[row + i] = new Array<T>(column + numColumns);
        for (let j = 0; j < column; j++) r[j] = this.blank;
      }
      while (r.length < column) r.push(this.blank);
      for (let j = 0; j < numColumns; j++) r[column + j] = source(i, j);
    }
  }

  /** Index of the last row holding a non-blank cell, -1 when none. */
  lastRow(): number {
    for (let i = this.rows.length - 1; i >= 0; i--) {
      const r = this.rows[i];
      if (r !== undefined && r.some((v) => v !== this.blank && v !== undefined)) return i;
    }
    return -1;
  }

  /** Index of the last column holding a non-blank cell in any row, -1 when none. */
  lastColumn(): number {
    let last = -1;
    for (const r of this.rows) {
      if (r === undefined) continue;
      for (let j = r.length - 1; j > last; j--) {
        if (r[j] !== this.blank && r[j] !== undefined) {
          last = j;
          break;
        }
      }
    }
    return last;
  }

  insertRows(at: number, count: number): void {
    if (at >= this.rows.length) return;
    this.rows.splice(at, 0, ...new Array<undefined>(count).fill(undefined));
  }

  deleteRows(at: number, count: number): void {
    this.rows.splice(at, count);
  }

  insertColumns(at: number, count: number): void {
    for (const r of this.rows) {
      if (r !== undefined && at < r.length) r.splice(at, 0, ...new Array<T>(count).fill(this.blank));
    }
  }

  deleteColumns(at: number, count: number): void {
    for (const r of this.rows) if (r !== undefined) r.splice(at, count);
  }

  /** Moves `count` columns starting at `from` so that they start before column `to` (pre-move index). */
  moveColumns(from: number, count: number, to: number): void {
    for (let i = 0; i < this.rows.length; i++) {
      const r = this.rows[i];
      if (r === undefined) continue;
      const width = Math.max(r.length, from + count, to);
      while (r.length < width) r.push(this.blank);
      const moved = r.splice(from, count);
      const target = to > from ? to - count : to;
      r.splice(target, 0, ...moved);
    }
  }

  /**
   * Reorders rows [start, start+order.length) so that new row k is old row order[k]; with a
   * column span only those cells move (sorting a range leaves the rest of the row in place).
   */
  permuteRows(start: number, order: number[], column = 0, numColumns = Infinity): void {
    if (this.rows.length <= start) return; // nothing stored there: nothing moves
    if (numColumns === Infinity) {
      const old = order.map((k) => this.rows[start + k]);
      while (this.rows.length < start + order.length) this.rows.push(undefined);
      old.forEach((r, k) => {
        this.rows[start + k] = r;
      });
      return;
    }
    const slices = order.map((k) => {
      const cells: T[] = [];
      for (let j = 0; j < numColumns; j++) cells.push(this.get(start + k, column + j));
      return cells;
    });
    slices.forEach((cells, k) => cells.forEach((v, j) => this.set(start + k, column + j, v)));
  }
}
