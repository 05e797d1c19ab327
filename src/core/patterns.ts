/**
 * The Patterns tab as plain data (src/README.md, "Where each contract lives"): the grid of values and number
 * formats, and the conditional-format rules that colour it and the roster, so the server only
 * writes what this computes.
 *
 * Layout, left to right: Client ID, Client, Group, Trend, Chronic, Sessions, Absences, Recent rate,
 * Usual rate, then one column per calendar week, OLDEST FIRST, then Why (the explanation).
 * - The trend sits next to the name because it is what a therapist scans for; the weeks then read
 *   left to right like a calendar, so a rising pattern looks like one ("P P E U U"), and the newest
 *   week stands next to the explanation that talks about the last sessions.
 * - Why comes last so its long text runs into the empty cells to its right instead of being cut.
 * Rows: row 1 the legend, row 2 the headers (both frozen, so sorting and filtering the clients
 * never moves them), then one row per active client: flagged first (Urgent, Rising, Watch), then
 * by group and name.
 */
import { addDays, daysBetween, isIsoDate, weekStart } from './dates';
import { nameKey } from './roster';
import { asCellText } from './text';
import { computeTrend, levelRank, sessionOrder, sessionsByClient } from './trend';
import { FLAGGED_LEVEL_LABELS, FLAGGED_LEVELS } from './types';
import type { Client, Entry, FlaggedLevel, Settings, Status, Trend, TrendLevel } from './types';

/** One short code per status; a week with two sessions shows both ("P U"). */
export const STATUS_CODES: Readonly<Record<Status, string>> = { present: 'P', late: 'L', excused: 'E', unexcused: 'U', refused: 'R', cancelled: 'C' };

export const LEVEL_LABELS: Readonly<Record<TrendLevel, string>> = { ...FLAGGED_LEVEL_LABELS, none: '—', insufficient: 'not enough data' };

/** The design's trend colours. */
export const LEVEL_COLOURS: Readonly<Record<FlaggedLevel | 'insufficient', string>> = {
  urgent: '#EA9999', rising: '#F9CB9C', watch: '#FFF2CC', insufficient: '#EFEFEF',
};

/**
 * Week cells take the colour of their most serious session (a "P U" week is an unexcused week),
 * so the rules are listed most serious first: in Sheets the first rule that holds wins
 * (https://support.google.com/docs/answer/78413).
 */
const STATUS_STYLE: readonly { status: Status; word: string; colour: string }[] = [
  { status: 'unexcused', word: 'unexcused', colour: '#E06666' },
  { status: 'refused', word: 'refused', colour: '#F6B26B' },
  { status: 'excused', word: 'excused', colour: '#FFE599' },
  { status: 'late', word: 'late', colour: '#B6D7A8' },
  { status: 'present', word: 'present', colour: '#D9EAD3' },
  { status: 'cancelled', word: 'cancelled', colour: '#EFEFEF' },
];
const LEVEL_STYLE: readonly (FlaggedLevel | 'insufficient')[] = [...FLAGGED_LEVELS, 'insufficient'];

export const LEGEND_ROW = 1;
export const HEADER_ROW = 2;
export const FIRST_CLIENT_ROW = 3;

/** 1-based columns of the summary part; the weeks start at FIRST_WEEK. */
export const COLUMNS = { id: 1, name: 2, group: 3, level: 4, chronic: 5, sessions: 6, absences: 7, recent: 8, usual: 9 } as const;
const FIRST_WEEK = 10;
const SUMMARY_HEADERS = ['Client ID', 'Client', 'Group', 'Trend', 'Chronic', 'Sessions', 'Absences', 'Recent rate', 'Usual rate'];
const WHY_HEADER = 'Why';

/** A block of cells, 1-based like Apps Script's getRange(row, column, numRows, numColumns). */
export interface CellBlock {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/**
 * A conditional-format rule as data. `formula` is written for the top-left cell of the first block
 * (Sheets moves it relative to every other cell of every block, like a copied formula).
 */
export interface RuleSpec {
  blocks: CellBlock[];
  formula: string;
  background: string;
}

/**
 * Every rule Cadence writes carries this string literal in its formula: it is how Cadence tells its
 * own rules from a user's when it replaces them (setConditionalFormatRules replaces all of a
 * sheet's rules). A literal survives anything Sheets does to a formula's spelling, and ranges do
 * not identify a rule (they move when rows or columns are inserted, and change with the grid).
 */
export const CADENCE_RULE_MARK = '"cadence-rule"<>""';

export function isCadenceFormula(formula: string): boolean {
  return formula.includes('"cadence-rule"');
}

const marked = (condition: string) => `=AND(${CADENCE_RULE_MARK},${condition})`;

export interface PatternRow {
  client: Client;
  trend: Trend;
}

export interface PatternGrid {
  /** Every row of the tab (legend, headers, clients), each `width` long. */
  values: (string | number)[][];
  numberFormats: string[][];
  width: number;
  /** Week starts (Mondays), oldest first: the week columns. */
  weeks: string[];
  firstWeekColumn: number;
  whyColumn: number;
  /** The clients in the order of their rows. */
  rows: PatternRow[];
  /** Rules for the Patterns tab, in the order they must be set. */
  rules: RuleSpec[];
}

export interface PatternInput {
  clients: readonly Client[];
  /** Current entries only. */
  entries: readonly Entry[];
  today: string;
  settings: Settings;
}

/** The roster cell to show in the Client ID column: blank for a client the roster gives no ID. */
function shownId(client: Client): string | number {
  if (client.id.startsWith(nameKey(''))) return '';
  // A plain number stays a number, as it is in a roster that holds numbers, so that the roster
  // highlight's COUNTIFS compares like with like; anything else is text, written as typed.
  return /^[1-9]\d{0,14}$/.test(client.id) ? Number(client.id) : asCellText(client.id);
}

const rateCell = (rate: number | null) => (rate === null ? '' : rate);

function byFlagGroupName(a: PatternRow, b: PatternRow): number {
  const flag = levelRank(b.trend.level) - levelRank(a.trend.level);
  if (flag) return flag;
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return text(a.client.group.toLowerCase(), b.client.group.toLowerCase())
    || text(a.client.name.toLowerCase(), b.client.name.toLowerCase())
    || text(a.client.id, b.client.id);
}

/** The last `count` week starts ending with today's week, oldest first. */
export function patternWeeks(today: string, count: number): string[] {
  const last = weekStart(today);
  return Array.from({ length: count }, (_, i) => addDays(last, -7 * (count - 1 - i)));
}

/** The legend: each status and level in a cell coloured by its own rule; kept off the client, ID and Trend columns. */
function legendCells(width: number): { column: number; text: string }[] {
  const cells = STATUS_STYLE.map((s, i) => ({ column: COLUMNS.group + i, text: `${STATUS_CODES[s.status]} ${s.word}` }));
  // The level samples go every other column from the first week on, so each can run over into the next (empty) cell.
  LEVEL_STYLE.forEach((level, i) => cells.push({ column: COLUMNS.usual + (i === 0 ? 0 : 2 * i - 1), text: LEVEL_LABELS[level] }));
  return cells.filter((c) => c.column <= width);
}

/** Builds the whole Patterns grid in one pass over the entries. */
export function buildPatternGrid(input: PatternInput): PatternGrid {
  const { settings } = input;
  const weeks = patternWeeks(input.today, settings.patternWeeks);
  const firstWeekColumn = FIRST_WEEK;
  const whyColumn = FIRST_WEEK + weeks.length;
  const width = whyColumn;
  const sessions = sessionsByClient(input.entries);

  // Week index of each distinct date, computed once: the record has far fewer dates than rows.
  const weekOf = new Map<string, number>();
  const weekIndex = (date: string): number => {
    let index = weekOf.get(date);
    if (index === undefined) {
      const offset = isIsoDate(date) ? daysBetween(weeks[0], weekStart(date)) / 7 : -1;
      index = offset >= 0 && offset < weeks.length ? offset : -1;
      weekOf.set(date, index);
    }
    return index;
  };

  const rows: PatternRow[] = [];
  const weekCells = new Map<string, string[]>();
  for (const client of input.clients) {
    if (!client.active) continue;
    const own = (sessions.get(client.id) ?? []).slice().sort(sessionOrder);
    const cells = weeks.map(() => '');
    for (const session of own) {
      const i = weekIndex(session.date);
      // A status without a code (one the record should never hold) shows nothing rather than "undefined".
      const code = Object.prototype.hasOwnProperty.call(STATUS_CODES, session.status) ? STATUS_CODES[session.status] : '';
      if (i >= 0 && code) cells[i] = cells[i] ? `${cells[i]} ${code}` : code;
    }
    weekCells.set(client.id, cells);
    rows.push({ client, trend: computeTrend(own, settings.trend) });
  }
  rows.sort(byFlagGroupName);

  const legend: (string | number)[] = new Array<string | number>(width).fill('');
  legend[COLUMNS.name - 1] = 'Legend';
  for (const cell of legendCells(width)) legend[cell.column - 1] = cell.text;
  const header: (string | number)[] = [...SUMMARY_HEADERS, ...weeks, WHY_HEADER];
  const values: (string | number)[][] = [legend, header];
  for (const { client, trend } of rows) {
    values.push([
      shownId(client), asCellText(client.name), asCellText(client.group), LEVEL_LABELS[trend.level], trend.chronic ? 'chronic' : '',
      trend.sessions, trend.absences, rateCell(trend.recentRate), rateCell(trend.usualRate),
      ...weekCells.get(client.id)!, asCellText(trend.explanation),
    ]);
  }
  const numberFormats = values.map((_, r) => header.map((__, c) => numberFormat(r + 1, c + 1, firstWeekColumn, whyColumn)));
  return { values, numberFormats, width, weeks, firstWeekColumn, whyColumn, rows, rules: patternRules(rows.length, weeks.length, width) };
}

/** Rates as percentages, counts as whole numbers, week headers as short dates, all else text. */
function numberFormat(row: number, column: number, firstWeek: number, why: number): string {
  if (row === HEADER_ROW) return column >= firstWeek && column < why ? 'd mmm' : '@';
  if (row < FIRST_CLIENT_ROW) return '@';
  if (column === COLUMNS.recent || column === COLUMNS.usual) return '0%';
  if (column === COLUMNS.sessions || column === COLUMNS.absences) return '0';
  // The ID column keeps General so that a numeric roster ID stays a number (see shownId).
  return column === COLUMNS.id ? 'General' : '@';
}

/**
 * The Patterns tab's rules: week cells by status, the Trend column by level, each with its legend
 * cell. "The cell's codes contain U" is COUNTIF(cell,"*U*")>0: COUNTIF's * wildcard matches any
 * text, without regard to case (Sheets' COUNTIF help, https://support.google.com/docs/answer/3093480).
 */
function patternRules(clientRows: number, weekCount: number, width: number): RuleSpec[] {
  const legend = new Map(legendCells(width).map((c) => [c.text, c.column]));
  const grid = (column: number, numColumns: number): CellBlock[] =>
    (clientRows > 0 ? [{ row: FIRST_CLIENT_ROW, column, numRows: clientRows, numColumns }] : []);
  const rules: RuleSpec[] = [];
  for (const style of STATUS_STYLE) {
    const text = `${STATUS_CODES[style.status]} ${style.word}`;
    const anchor = legend.get(text);
    if (anchor === undefined) continue;
    // The legend cell first: the formula is written for it, and it exists even with no clients.
    const cell = `${columnLetters(anchor)}${LEGEND_ROW}`;
    rules.push({
      blocks: [{ row: LEGEND_ROW, column: anchor, numRows: 1, numColumns: 1 }, ...grid(FIRST_WEEK, weekCount)],
      formula: marked(`COUNTIF(${cell},"*${STATUS_CODES[style.status]}*")>0`),
      background: style.colour,
    });
  }
  for (const level of LEVEL_STYLE) {
    const anchor = legend.get(LEVEL_LABELS[level]);
    if (anchor === undefined) continue;
    rules.push({
      blocks: [{ row: LEGEND_ROW, column: anchor, numRows: 1, numColumns: 1 }, ...grid(COLUMNS.level, 1)],
      formula: marked(`${columnLetters(anchor)}${LEGEND_ROW}="${LEVEL_LABELS[level]}"`),
      background: LEVEL_COLOURS[level],
    });
  }
  return rules;
}

export function columnLetters(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** The practice's roster tab, where Cadence may add rules (never values). */
export interface RosterArea {
  headerRow: number;
  nameColumn: number;
  /** null when the roster has no ID column: clients are matched by name. */
  idColumn: number | null;
  /** The roster sheet's row count (getMaxRows): the rules cover every row below the headers. */
  maxRows: number;
}

/** A sheet name inside INDIRECT("...") inside a formula: quoted for A1 notation, then for the string literal. */
function indirectColumn(sheetName: string, column: number): string {
  const letters = columnLetters(column);
  const a1 = `'${sheetName.replace(/'/g, "''")}'!$${letters}:$${letters}`;
  return `INDIRECT("${a1.replace(/"/g, '""')}")`;
}

/**
 * Rules colouring flagged clients' names on the roster by level. A conditional-format formula can
 * reference only its own sheet directly; another tab is reached through INDIRECT (Google's help
 * on conditional formatting, https://support.google.com/docs/answer/78413, and the gist
 * https://gist.github.com/cdparra/c0efd38d222dd26ba875bffa4a5eaeba using it so), so each rule looks the client up in the Patterns
 * tab by that tab's current name — rebuilt at every refresh, so a renamed tab is followed. The
 * match is by Client ID where the roster has one, else by name.
 */
export function rosterRules(patternsSheetName: string, roster: RosterArea): RuleSpec[] {
  const rows = roster.maxRows - roster.headerRow;
  if (rows <= 0) return [];
  const first = roster.headerRow + 1;
  const keyColumn = roster.idColumn ?? roster.nameColumn;
  const key = `$${columnLetters(keyColumn)}${first}`;
  const patternsKey = indirectColumn(patternsSheetName, roster.idColumn === null ? COLUMNS.name : COLUMNS.id);
  const patternsLevel = indirectColumn(patternsSheetName, COLUMNS.level);
  const block: CellBlock = { row: first, column: roster.nameColumn, numRows: rows, numColumns: 1 };
  return FLAGGED_LEVELS.map((level) => ({
    blocks: [block],
    formula: marked(`${key}<>"",COUNTIFS(${patternsKey},${key},${patternsLevel},"${LEVEL_LABELS[level]}")>0`),
    background: LEVEL_COLOURS[level],
  }));
}
