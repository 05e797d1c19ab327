/**
 * The in-memory spreadsheet the services present: a workbook of sheets, each a stack of ragged
 * grids (values, number formats, fonts, backgrounds...) plus the things that move with cells when
 * rows and columns are inserted, deleted or moved (merges, filter, conditional-format ranges,
 * row/column developer metadata). Pure data: no counting, no realms, no Apps Script API shape.
 */
import type { Rect } from './a1';
import type { ValidationModel } from './dataValidation';
import { Grid } from './grid';
import { instantOfSerial, serialOf } from './timezone';
import type { CellValue } from './values';
import { defaultSwitches, type RuntimeSwitches } from './switches';
import type { ProtectionModel } from './protection';

export const CELL_LIMIT = 10_000_000;

export const FORMAT_LAYERS = [
  'numberFormat',
  'fontWeight',
  'fontStyle',
  'fontLine',
  'fontColor',
  'fontSize',
  'fontFamily',
  'background',
  'horizontalAlignment',
  'verticalAlignment',
  'wrap',
  'note',
] as const;
export type FormatLayer = (typeof FORMAT_LAYERS)[number];

export interface RuleFormat {
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
}

/** A conditional-format rule as stored on a sheet (its ranges are on that sheet). */
export interface RuleModel {
  ranges: Rect[];
  /** A SpreadsheetApp.BooleanCriteria name. */
  criteria: string;
  values: unknown[];
  format: RuleFormat;
}

export type MetadataLocation =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheet: SheetModel }
  | { type: 'ROW' | 'COLUMN'; sheet: SheetModel; start: number; length: number };

export interface MetadataModel {
  id: number;
  key: string;
  value: string | null;
  visibility: 'DOCUMENT' | 'PROJECT';
  location: MetadataLocation;
}

/** An embedded chart on a sheet (chart.ts): its type, data ranges, Gviz options and anchor. */
export interface ChartModel {
  /** Unique across the spreadsheet. */
  id: number;
  /** A Charts.ChartType name: COLUMN, LINE, ... */
  type: 'AREA' | 'BAR' | 'COLUMN' | 'COMBO' | 'HISTOGRAM' | 'LINE' | 'PIE' | 'SCATTER' | 'TABLE';
  ranges: { sheet: SheetModel; rect: Rect }[];
  options: Record<string, unknown>;
  /** Anchor cell (1-based) and offset in pixels, as setPosition takes them. */
  position: { row: number; column: number; offsetX: number; offsetY: number };
  /** Header rows of the ranges; -1 lets Sheets guess. */
  numHeaders: number;
}

export interface FilterModel {
  range: Rect;
  /** 1-based column → values hidden by that column's criteria. */
  hiddenValues: Map<number, string[]>;
}

/** Shifts a span [start, start+length) for an insertion or deletion at `at` (1-based); null when deleted whole. */
export function shiftSpan(
  start: number,
  length: number,
  at: number,
  count: number,
  insert: boolean,
): [number, number] | null {
  if (insert) {
    if (at <= start) return [start + count, length];
    if (at < start + length) return [start, length + count];
    return [start, length];
  }
  const end = start + length; // exclusive
  const delEnd = at + count;
  if (delEnd <= start) return [start - count, length];
  if (at >= end) return [start, length];
  const kept = length - (Math.min(end, delEnd) - Math.max(start, at));
  if (kept <= 0) return null;
  return [Math.min(start, at), kept];
}

/** Where a span lands when `count` lines at `from` move to before line `to` (1-based, pre-move). */
export function moveIndex(index: number, from: number, count: number, to: number): number {
  if (index >= from && index < from + count) return to > from ? to - count + (index - from) : to + (index - from);
  if (to > from && index >= from + count && index < to) return index - count;
  if (to < from && index >= to && index < from) return index + count;
  return index;
}

export class SheetModel {
  values = new Grid<CellValue>('');
  /** Data validation rules by cell; one rule object shared by every cell it was set on. */
  validations = new Grid<ValidationModel | null>(null);
  formats = Object.fromEntries(FORMAT_LAYERS.map((l) => [l, new Grid<string | null>(null)])) as Record<
    FormatLayer,
    Grid<string | null>
  >;
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  frozenColumns = 0;
  hidden = false;
  tabColor: string | null = null;
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenRows = new Set<number>();
  hiddenColumns = new Set<number>();
  merges: Rect[] = [];
  filter: FilterModel | null = null;
  rules: RuleModel[] = [];
  protections: ProtectionModel[] = [];
  charts: ChartModel[] = [];

  constructor(
    readonly workbook: WorkbookModel,
    public id: number,
    public name: string,
  ) {}

  /** Every grid layer, values first. */
  layers(): Grid<unknown>[] {
    return [
      this.values as Grid<unknown>,
      this.validations as Grid<unknown>,
      ...FORMAT_LAYERS.map((l) => this.formats[l] as Grid<unknown>),
    ];
  }

  lastRow(): number {
    return this.values.lastRow() + 1;
  }

  lastColumn(): number {
    return this.values.lastColumn() + 1;
  }

  /** Inserts (count > 0) rows before 1-based row `at`, shifting everything below. */
  insertRows(at: number, count: number): void {
    this.workbook.checkCellLimit(count * this.maxColumns);
    this.layers().forEach((g) => g.insertRows(at - 1, count));
    this.maxRows += count;
    this.shiftAll('row', at, count, true);
  }

  deleteRows(at: number, count: number): void {
    this.layers().forEach((g) => g.deleteRows(at - 1, count));
    this.maxRows -= count;
    this.shiftAll('row', at, count, false);
  }

  insertColumns(at: number, count: number): void {
    this.workbook.checkCellLimit(count * this.maxRows);
    this.layers().forEach((g) => g.insertColumns(at - 1, count));
    this.maxColumns += count;
    this.shiftAll('column', at, count, true);
  }

  deleteColumns(at: number, count: number): void {
    this.layers().forEach((g) => g.deleteColumns(at - 1, count));
    this.maxColumns -= count;
    this.shiftAll('column', at, count, false);
  }

  /** Moves `count` columns starting at `from` to before column `to` (1-based, indices before the move). */
  moveColumns(from: number, count: number, to: number): void {
    // A destination inside the moved block leaves everything where it is.
    if (to >= from && to <= from + count) return;
    this.layers().forEach((g) => g.moveColumns(from - 1, count, to - 1));
    const move = (c: number) => moveIndex(c, from, count, to);
    const moveRect = (r: Rect) => {
      // A rect moves with its first column when it lies inside the moved block; otherwise it keeps its width.
      if (r.column >= from && r.column + r.numColumns <= from + count) r.column = move(r.column);
      else if (r.numColumns === 1) r.column = move(r.column);
    };
    this.merges.forEach(moveRect);
    this.rules.forEach((rule) => rule.ranges.forEach(moveRect));
    this.remapKeys(this.columnWidths, move);
    this.hiddenColumns = new Set([...this.hiddenColumns].map(move));
    if (this.filter) {
      this.filter.hiddenValues = new Map([...this.filter.hiddenValues].map(([c, v]) => [move(c), v]));
    }
    for (const m of this.workbook.metadata) {
      if (m.location.type === 'COLUMN' && m.location.sheet === this && m.location.length === 1) {
        m.location.start = move(m.location.start);
      }
    }
  }

  /** Moves `count` rows starting at `from` to before row `to` (1-based, pre-move indices). */
  moveRows(from: number, count: number, to: number): void {
    if (to >= from && to <= from + count) return;
    const total = Math.max(this.maxRows, from + count, to);
    const order = Array.from({ length: total }, (_, i) => i + 1);
    const moved = order.splice(from - 1, count);
    order.splice((to > from ? to - count : to) - 1, 0, ...moved);
    this.permuteRows(
      1,
      order.map((r) => r - 1),
    );
  }

  /** Reorders rows from `start` (1-based): new row start+k is old row start+order[k]; formats move too. */
  permuteRows(start: number, order: number[], column = 1, numColumns = Infinity): void {
    this.layers().forEach((g) => g.permuteRows(start - 1, order, column - 1, numColumns));
    if (numColumns === Infinity) {
      const inverse = new Map<number, number>();
      order.forEach((old, k) => inverse.set(start + old, start + k));
      for (const m of this.workbook.metadata) {
        if (m.location.type === 'ROW' && m.location.sheet === this && m.location.length === 1) {
          m.location.start = inverse.get(m.location.start) ?? m.location.start;
        }
      }
    }
  }

  private remapKeys<V>(map: Map<number, V>, f: (k: number) => number): void {
    const entries = [...map];
    map.clear();
    for (const [k, v] of entries) map.set(f(k), v);
  }

  private shiftAll(axis: 'row' | 'column', at: number, count: number, insert: boolean): void {
    const shiftRect = (r: Rect): Rect | null => {
      const s =
        axis === 'row'
          ? shiftSpan(r.row, r.numRows, at, count, insert)
          : shiftSpan(r.column, r.numColumns, at, count, insert);
      if (!s) return null;
      return axis === 'row' ? { ...r, row: s[0], numRows: s[1] } : { ...r, column: s[0], numColumns: s[1] };
    };
    const keep = (rects: Rect[]) => rects.map(shiftRect).filter((r): r is Rect => r !== null);
    this.merges = keep(this.merges);
    // A chart's ranges on this sheet follow their cells (a range deleted whole is dropped); its
    // anchor moves with its row or column, to where the deletion closed up.
    for (const chart of this.workbook.sheets.flatMap((s) => s.charts)) {
      chart.ranges = chart.ranges.flatMap((r) => {
        if (r.sheet !== this) return [r];
        const rect = shiftRect(r.rect);
        return rect ? [{ sheet: r.sheet, rect }] : [];
      });
    }
    for (const chart of this.charts) {
      const key = axis === 'row' ? 'row' : 'column';
      chart.position[key] = shiftSpan(chart.position[key], 1, at, count, insert)?.[0] ?? Math.max(1, at);
    }
    this.rules = this.rules
      .map((rule) => ({ ...rule, ranges: keep(rule.ranges) }))
      .filter((rule) => rule.ranges.length > 0);
    if (this.filter) {
      const range = shiftRect(this.filter.range);
      if (!range) this.filter = null;
      else {
        if (axis === 'column') {
          const hidden = new Map<number, string[]>();
          for (const [c, v] of this.filter.hiddenValues) {
            const s = shiftSpan(c, 1, at, count, insert);
            if (s) hidden.set(s[0], v);
          }
          this.filter.hiddenValues = hidden;
        }
        this.filter.range = range;
      }
    }
    const shiftKey = (k: number) => shiftSpan(k, 1, at, count, insert)?.[0] ?? null;
    const shiftMap = <V>(map: Map<number, V>) => {
      const entries = [...map];
      map.clear();
      for (const [k, v] of entries) {
        const n = shiftKey(k);
        if (n !== null) map.set(n, v);
      }
    };
    const shiftSet = (set: Set<number>) => new Set([...set].map(shiftKey).filter((k): k is number => k !== null));
    if (axis === 'row') {
      shiftMap(this.rowHeights);
      this.hiddenRows = shiftSet(this.hiddenRows);
      if (!insert && at <= this.frozenRows)
        this.frozenRows = Math.max(0, this.frozenRows - Math.min(count, this.frozenRows - at + 1));
      else if (insert && at <= this.frozenRows) this.frozenRows += count;
    } else {
      shiftMap(this.columnWidths);
      this.hiddenColumns = shiftSet(this.hiddenColumns);
      if (!insert && at <= this.frozenColumns)
        this.frozenColumns = Math.max(0, this.frozenColumns - Math.min(count, this.frozenColumns - at + 1));
      else if (insert && at <= this.frozenColumns) this.frozenColumns += count;
    }
    const type = axis === 'row' ? 'ROW' : 'COLUMN';
    this.workbook.metadata = this.workbook.metadata.filter((m) => {
      if (m.location.type !== type || m.location.sheet !== this) return true;
      const s = shiftSpan(m.location.start, m.location.length, at, count, insert);
      if (!s) return false;
      [m.location.start, m.location.length] = s;
      return true;
    });
  }
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  metadata: MetadataModel[] = [];
  activeSheet: SheetModel | null = null;
  /** The clock TODAY()/NOW() read: the environment's `now`. */
  clock: () => number = Date.now;
  /** Which reading of each unverified behaviour this workbook follows (switches.ts). */
  switches: RuntimeSwitches = defaultSwitches();
  private nextSheetId = 0;
  private nextMetadataId = 1;
  private nextChartId = 1_100_000_001;

  constructor(
    public name: string,
    public timeZone: string,
    readonly id = 'offline-spreadsheet',
  ) {}

  /** Sheet ids: the first sheet is 0 as in a new Google spreadsheet; later ones are large and unique. */
  newSheetId(): number {
    const id = this.nextSheetId;
    this.nextSheetId = id === 0 ? 1_000_001 : id + 7919;
    return id;
  }

  reserveSheetId(id: number): void {
    if (id >= this.nextSheetId) this.nextSheetId = id + 7919;
    if (this.nextSheetId === 0) this.nextSheetId = 1_000_001;
  }

  newMetadataId(): number {
    return this.nextMetadataId++;
  }

  /** Chart IDs: large, unique across the spreadsheet, never reused. */
  newChartId(): number {
    const id = this.nextChartId;
    this.nextChartId += 7;
    return id;
  }

  reserveChartId(id: number): void {
    if (id >= this.nextChartId) this.nextChartId = id + 7;
  }

  reserveMetadataId(id: number): void {
    if (id >= this.nextMetadataId) this.nextMetadataId = id + 1;
  }

  /** https://support.google.com/drive/answer/37603: a spreadsheet holds at most 10 million cells. */
  checkCellLimit(added: number): void {
    const cells = this.sheets.reduce((n, s) => n + s.maxRows * s.maxColumns, 0);
    if (cells + added > CELL_LIMIT) {
      throw new Error(
        `This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`,
      );
    }
  }

  /**
   * Sheets stores dates as wall-clock serial numbers in the spreadsheet's zone, so changing the
   * zone keeps what each cell shows and moves the instant getValues returns.
   */
  setTimeZone(timeZone: string): void {
    const from = this.timeZone;
    if (from === timeZone) return;
    for (const sheet of this.sheets) {
      for (const row of sheet.values.rows) {
        if (!row) continue;
        for (let j = 0; j < row.length; j++) {
          const v = row[j];
          if (v instanceof Date) row[j] = new Date(instantOfSerial(serialOf(v.getTime(), from), timeZone));
        }
      }
    }
    this.timeZone = timeZone;
  }

  /** Refuses a name another sheet has (regardless of case), with Apps Script's message. */
  checkNewName(name: string, renaming: SheetModel | null = null): void {
    const other = this.findSheet(name);
    if (other && other !== renaming)
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }

  /** Makes a sheet the one the user looks at (also showing it if hidden, as activating does in Sheets). */
  activate(sheet: SheetModel): void {
    if (!this.sheets.includes(sheet)) throw new Error('Sheet not found');
    this.activeSheet = sheet;
    sheet.hidden = false;
  }

  /** Sheet names are unique regardless of case in Sheets ("Sheet1" and "sheet1" cannot coexist). */
  findSheet(name: string): SheetModel | null {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower) ?? null;
  }

  addSheet(name: string, index = this.sheets.length, id = this.newSheetId()): SheetModel {
    this.checkCellLimit(1000 * 26);
    const sheet = new SheetModel(this, id, name);
    this.sheets.splice(index, 0, sheet);
    if (!this.activeSheet) this.activeSheet = sheet;
    return sheet;
  }

  /**
   * A copy of `sheet` named "Copy of <name>" (then "Copy of <name> 2", ...) at `index`: cells,
   * formats, validations, size, frozen panes, widths, merges, rules; developer metadata of the
   * sheet and its rows and columns too unless switch copyCarriesMetadata is 'no'. Protections stay
   * with the original.
   */
  duplicateSheet(sheet: SheetModel, index: number): SheetModel {
    let name = `Copy of ${sheet.name}`;
    for (let n = 2; this.findSheet(name); n++) name = `Copy of ${sheet.name} ${n}`;
    this.checkCellLimit(sheet.maxRows * sheet.maxColumns);
    const copy = new SheetModel(this, this.newSheetId(), name);
    const clone = <T>(from: Grid<T>, to: Grid<T>) => {
      to.rows = from.rows.map((r) => (r ? r.slice() : undefined));
    };
    clone(sheet.values, copy.values);
    clone(sheet.validations, copy.validations);
    for (const layer of FORMAT_LAYERS) clone(sheet.formats[layer], copy.formats[layer]);
    Object.assign(copy, {
      maxRows: sheet.maxRows,
      maxColumns: sheet.maxColumns,
      frozenRows: sheet.frozenRows,
      frozenColumns: sheet.frozenColumns,
      tabColor: sheet.tabColor,
      columnWidths: new Map(sheet.columnWidths),
      rowHeights: new Map(sheet.rowHeights),
      hiddenRows: new Set(sheet.hiddenRows),
      hiddenColumns: new Set(sheet.hiddenColumns),
      merges: sheet.merges.map((m) => ({ ...m })),
      rules: sheet.rules.map((r) => ({
        ...r,
        ranges: r.ranges.map((x) => ({ ...x })),
        values: [...r.values],
        format: { ...r.format },
      })),
    });
    // Charts are copied with the sheet; ranges on the original sheet point at the copy.
    copy.charts = sheet.charts.map((c) => ({
      ...c,
      id: this.newChartId(),
      ranges: c.ranges.map((r) => ({ sheet: r.sheet === sheet ? copy : r.sheet, rect: { ...r.rect } })),
      options: JSON.parse(JSON.stringify(c.options)) as Record<string, unknown>,
      position: { ...c.position },
    }));
    this.sheets.splice(index, 0, copy);
    if (this.switches.copyCarriesMetadata === 'yes') {
      for (const m of this.metadata.slice()) {
        if (!('sheet' in m.location) || m.location.sheet !== sheet) continue;
        this.metadata.push({ ...m, id: this.newMetadataId(), location: { ...m.location, sheet: copy } });
      }
    }
    return copy;
  }

  removeSheet(sheet: SheetModel): void {
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.metadata = this.metadata.filter((m) => !('sheet' in m.location) || m.location.sheet !== sheet);
    // Other sheets' charts lose the ranges they read from the deleted sheet.
    for (const other of this.sheets) for (const c of other.charts) c.ranges = c.ranges.filter((r) => r.sheet !== sheet);
    if (this.activeSheet === sheet) this.activeSheet = this.sheets[0] ?? null;
  }
}
