/**
 * Where an append landed when a person inserted or deleted rows while Cadence wrote.
 *
 * Cadence inserts rows after the record's last row and writes its entries into them. Apps Script
 * has no write-if-unchanged call, and the reference does not say whether a person's row insert or
 * delete made at that moment moves the script's write with the grid (runtime switch
 * personEditMovesScriptWrites): if it does not, the write lands where the script said, over the
 * rows the person's edit moved there. The server compares the sheet's row count before and after;
 * when a person changed it, it reads the rows around the write again, and this module finds the
 * one edit (where; before or after Cadence's insert; whether the write moved with it) that
 * explains what is there now, from the record as read under the lock (rows below it were blank).
 * The plan puts back every cell of the person's the write covered and moves Cadence's own rows
 * into the rows it inserted.
 */

/** What the server knows; rows are 1-based sheet rows, cells are Cadence's columns only (1..width). */
export interface LandingEvidence {
  /** The row Cadence inserted its rows after: the record's last row as read. */
  after: number;
  /** Rows written (one per entry), in order. */
  entryIds: readonly string[];
  /** 0-based column of the Entry ID within the cells. */
  entryIdColumn: number;
  /** A row of the record as read under the lock (rows 2..after); undefined below it, where all was blank. */
  record: (row: number) => readonly unknown[] | undefined;
  /** Rows a person inserted (> 0) or deleted (< 0) during the append. */
  delta: number;
  /** Rows read after the write, from `nowTop`. */
  nowTop: number;
  now: readonly (readonly unknown[])[];
}

export interface LandingPlan {
  /** A person's cells the write covered: put back at these rows. */
  restore: { row: number; cells: readonly unknown[] }[];
  /** Where each entry (in order) belongs now. */
  entryRows: number[];
  /** Rows of Cadence's own that hold a stale copy of an entry and are blanked. */
  clear: number[];
}

/** The rows to read after the write: wherever the write, Cadence's rows and their neighbours can have moved. */
export function landingSpan(after: number, count: number, delta: number): { top: number; bottom: number } {
  const d = Math.abs(delta);
  return { top: Math.max(2, after - count - d - 2), bottom: after + 2 * count + d + 2 };
}

/** A row a person inserted, or one of Cadence's inserted rows: blank. */
const BLANK = -1;
const OURS = -2;

function key(cell: unknown): string {
  if (cell instanceof Date) return `d${cell.getTime()}`;
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'string' ? cell : `${typeof cell}:${String(cell)}`;
}

const isBlank = (row: readonly unknown[] | undefined) => !row || row.every((c) => key(c) === '');

function sameRow(a: readonly unknown[], b: readonly unknown[] | undefined): boolean {
  const other = b ?? [];
  const width = Math.max(a.length, other.length);
  for (let j = 0; j < width; j += 1) if (key(a[j]) !== key(other[j])) return false;
  return true;
}

interface Hypothesis {
  /** The first row the person inserted before, or deleted. */
  at: number;
  /** The person's edit came before Cadence's insert (then nothing Cadence wrote can cover it). */
  beforeInsert: boolean;
  /** Whether Cadence's write moved with the person's edit (only for an edit after the insert). */
  moved: boolean;
}

/**
 * The plan for the explanation that restores the most of a person's cells (if two explain what is
 * there equally well, putting a person's row back twice is better than losing it); null when no
 * single edit explains the rows (then nothing is guessed).
 */
export function planLanding(e: LandingEvidence): LandingPlan | null {
  const count = e.entryIds.length;
  const d = Math.abs(e.delta);
  const insert = e.delta > 0;
  const nowBottom = e.nowTop + e.now.length - 1;
  /** Which earlier row a row comes from after the person's edit (BLANK for a row they inserted). */
  const edited = (at: number, x: number) => (x < at ? x : insert ? (x < at + d ? BLANK : x - d) : x + d);
  /** Where an earlier row is after the person's edit (null: they deleted it). */
  const moved = (at: number, r: number) => (r < at ? r : insert ? r + d : r < at + d ? null : r - d);
  /** The record's row r, blank below the record. */
  const recordRow = (r: number) => (r <= e.after ? e.record(r) : undefined);
  /** The grid after Cadence's insert, before any edit after it: its rows, and OURS for the inserted. */
  const inserted = (y: number) => (y <= e.after ? y : y <= e.after + count ? OURS : y - count);

  let best: LandingPlan | null = null;
  for (let at = Math.max(1, e.nowTop - d); at <= nowBottom + 1; at += 1) {
    for (const h of [
      { at, beforeInsert: true, moved: false },
      { at, beforeInsert: false, moved: false },
      { at, beforeInsert: false, moved: true },
    ]) {
      const plan = explain(h);
      if (plan && (!best || plan.restore.length > best.restore.length)) best = plan;
    }
  }
  return best;

  /** What was at row x just before the write: a record row, BLANK or OURS. */
  function underWrite(h: Hypothesis, x: number): number {
    if (h.beforeInsert) {
      if (x > e.after && x <= e.after + count) return OURS;
      const r = edited(h.at, x > e.after + count ? x - count : x);
      return r;
    }
    const y = edited(h.at, x);
    return y === BLANK ? BLANK : inserted(y);
  }

  function writeStart(h: Hypothesis): number {
    const start = e.after + 1;
    if (h.beforeInsert || !h.moved) return start;
    if (insert) return h.at <= start ? start + d : start;
    if (h.at + d <= start) return start - d;
    return h.at <= start ? h.at : start;
  }

  function explain(h: Hypothesis): LandingPlan | null {
    const start = writeStart(h);
    if (start < e.nowTop || start + count - 1 > nowBottom) return null;
    for (let x = e.nowTop; x <= nowBottom; x += 1) {
      const row = e.now[x - e.nowTop];
      if (x >= start && x < start + count) {
        if (key(row[e.entryIdColumn]).trim() !== e.entryIds[x - start]) return null;
        continue;
      }
      const r = underWrite(h, x);
      if (r === BLANK || r === OURS ? !isBlank(row) : !sameRow(row, recordRow(r))) return null;
    }
    const written = Array.from({ length: count }, (_, k) => start + k);
    const restore: LandingPlan['restore'] = [];
    for (const x of written) {
      const r = underWrite(h, x);
      const was = r === BLANK || r === OURS ? undefined : recordRow(r);
      if (!isBlank(was)) restore.push({ row: x, cells: was as readonly unknown[] });
    }
    if (restore.length === 0) return { restore, entryRows: written, clear: [] };
    const taken = new Set(restore.map((r) => r.row));
    const ours: number[] = [];
    for (let r = e.after + 1; r <= e.after + count; r += 1) {
      const at = moved(h.at, r);
      if (at !== null) ours.push(at);
    }
    const slots = [...new Set([...written.filter((x) => !taken.has(x)), ...ours])].sort((a, b) => a - b);
    if (slots.length < count) return null;
    return { restore, entryRows: slots.slice(0, count), clear: slots.slice(count).filter((x) => written.includes(x)) };
  }
}
