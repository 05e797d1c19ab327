/**
 * The Patterns tab as plain data (src/README.md, "Where each contract lives"; issue 12): the grid of
 * values and number formats, and the conditional-format rules that colour it and the roster, so
 * the server only writes what this computes.
 *
 * Read at a glance in a 1280-pixel window, left to right: Client, Trend, Chronic, Recent rate,
 * Usual rate, Why, then the weeks NEWEST FIRST, then Group, Sessions, Absences and Client ID.
 * - What a therapist scans for (the flag and its reason) and the weeks the reason talks about are
 *   what Sheets shows first, without scrolling; older weeks and the bookkeeping columns follow.
 * - The weeks begin at the first week with data (up to Settings' maximum), so a young record is
 *   not 26 empty columns pushing its only data off-screen.
 * - The rates are the ones the explanation uses: the window it names, and the observed usual rate
 *   ("—" below the minimum of earlier sessions); the legend says how the flag calibrates them.
 * Rows: rows 1–2 the legend, row 3 the headers (all frozen, so sorting and filtering the clients
 * never moves them), then one row per active client: flagged first (Urgent, Rising, Watch), then
 * by group and name.
 */
import { addDays, daysBetween, isIsoDate, weekStart } from './dates';
import { nameKey } from './roster';
import { balanceOf } from './makeUps';
import { checksOf } from './policies';
import type { RecordFigures } from './recordFigures';
import { asCellText } from './text';
import { unrecordedWeeks } from './schedule';
import { computeTrend, levelRank, sessionOrder } from './trend';
import { FLAGGED_LEVEL_LABELS, FLAGGED_LEVELS, talkLevels } from './types';
import type { Client, FlaggedLevel, PlannedAbsence, PolicyCheck, Settings, Status, Trend, TrendLevel } from './types';

/** One short code per status; a week with two sessions shows both ("P U"). */
export const STATUS_CODES: Readonly<Record<Status, string>> = {
  present: 'P',
  late: 'L',
  excused: 'E',
  unexcused: 'U',
  refused: 'R',
  cancelled: 'C',
};

export const LEVEL_LABELS: Readonly<Record<TrendLevel, string>> = {
  ...FLAGGED_LEVEL_LABELS,
  none: '—',
  insufficient: 'not enough data',
};

/** The design's trend colours. */
export const LEVEL_COLOURS: Readonly<Record<FlaggedLevel | 'insufficient', string>> = {
  urgent: '#EA9999',
  rising: '#F9CB9C',
  watch: '#FFF2CC',
  insufficient: '#EFEFEF',
};

/**
 * Week cells take the colour of their most serious session (a "P U" week is an unexcused week),
 * so the rules are listed most serious first: in Sheets the first rule that holds wins
 * (https://support.google.com/docs/answer/78413). `legend` is the status's sample cell.
 */
const STATUS_STYLE: readonly {
  status: Status;
  word: string;
  colour: string;
  legend: { row: number; column: number };
}[] = [
  { status: 'unexcused', word: 'unexcused', colour: '#E06666', legend: { row: 2, column: 2 } },
  { status: 'refused', word: 'refused', colour: '#F6B26B', legend: { row: 2, column: 3 } },
  { status: 'excused', word: 'excused', colour: '#FFE599', legend: { row: 1, column: 4 } },
  { status: 'late', word: 'late', colour: '#B6D7A8', legend: { row: 1, column: 3 } },
  { status: 'present', word: 'present', colour: '#D9EAD3', legend: { row: 1, column: 2 } },
  { status: 'cancelled', word: 'cancelled', colour: '#EFEFEF', legend: { row: 2, column: 4 } },
];
/**
 * A week the schedule expected a session the record does not hold (issue 17). Not a status: no
 * rate counts it either way; it asks for the session to be recorded. "?" is no status's code.
 */
export const UNRECORDED_CODE = '?';
const UNRECORDED_STYLE = { word: 'not recorded', colour: '#CFE2F3', legend: { row: 1, column: 5 } } as const;

const LEVEL_STYLE: readonly (FlaggedLevel | 'insufficient')[] = [...FLAGGED_LEVELS, 'insufficient'];

export const LEGEND_ROWS = 2;
export const HEADER_ROW = 3;
export const FIRST_CLIENT_ROW = 4;

/** 1-based columns before the weeks; the weeks start at FIRST_WEEK, the trailing columns follow them. */
export const COLUMNS = { name: 1, level: 2, chronic: 3, recent: 4, usual: 5, why: 6 } as const;
const FIRST_WEEK = 7;
const LEADING_HEADERS = ['Client', 'Trend', 'Chronic', 'Recent rate', 'Usual rate', 'Why'];
const TRAILING_HEADERS = ['Group', 'Sessions', 'Absences', 'Make-ups owed', 'Policy', 'Client ID'];

/** What the legend says beside the samples: how to read the rates and what the flag compares. */
export const LEGEND_NOTES = [
  'Recent rate: the sessions the Why names. Usual rate: observed before them ("—" under 4 earlier sessions). ' +
    "A flag compares the two with the usual rate pulled toward 15%, as if 4 more sessions at 15%, so a new client's first misses do not swing it.",
  "Weeks newest first (each column is a Monday's week); a week with two sessions shows both codes.",
];

/** A block of cells, 1-based like Apps Script's getRange(row, column, numRows, numColumns). */
export interface CellBlock {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

/**
 * A conditional-format rule as data: one block, and `formula` written for its top-left cell (Sheets
 * moves it relative to every other cell, like a copied formula). Never several blocks: where Sheets
 * anchors a formula's relative references for a rule over several ranges (at the first range, or
 * at their bounding box) is not documented (runtime switch multiRangeRuleAnchor), so Cadence
 * writes one rule per block.
 */
export interface RuleSpec {
  blocks: [CellBlock];
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
  /** Week starts (Mondays), NEWEST first: the week columns in order. */
  weeks: string[];
  firstWeekColumn: number;
  /** 1-based columns after the weeks. */
  trailing: { group: number; sessions: number; absences: number; makeUps: number; policy: number; id: number };
  /** The clients in the order of their rows. */
  rows: PatternRow[];
  /** Rules for the Patterns tab, in the order they must be set. */
  rules: RuleSpec[];
}

export interface PatternInput {
  clients: readonly Client[];
  /** What the record shows (core/recordFigures.ts: from every row, superseded ones included). */
  figures: RecordFigures;
  today: string;
  settings: Settings;
  /** Clients' planned absences: a scheduled day inside one is not shown as unrecorded. */
  plans?: readonly PlannedAbsence[];
}

/**
 * The roster cell to show in the Client ID column: blank for a client the roster gives no ID, else
 * the ID as text exactly as the roster gives it ("007" stays "007"), which the roster highlight
 * compares as text (rosterRules).
 */
function shownId(client: Client): string {
  return client.id.startsWith(nameKey('')) ? '' : asCellText(client.id);
}

/** A rate the explanation uses, or "—" where there is none to show (too few sessions). */
const rateCell = (rate: number | null) => (rate === null ? '—' : rate);

function byFlagGroupName(a: PatternRow, b: PatternRow): number {
  const flag = levelRank(b.trend.level) - levelRank(a.trend.level);
  if (flag) return flag;
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (
    text(a.client.group.toLowerCase(), b.client.group.toLowerCase()) ||
    text(a.client.name.toLowerCase(), b.client.name.toLowerCase()) ||
    text(a.client.id, b.client.id)
  );
}

/**
 * The week starts shown, newest first: today's week back to the first week with data, at most
 * `max` of them (at least today's week, so an empty record still shows where data will go).
 */
export function patternWeeks(today: string, max: number, firstDay: string | null = null): string[] {
  const last = weekStart(today);
  const span = firstDay && firstDay <= today ? daysBetween(weekStart(firstDay), last) / 7 + 1 : 1;
  const count = Math.max(1, Math.min(max, span));
  return Array.from({ length: count }, (_, i) => addDays(last, -7 * i));
}

/** The legend rows: the status samples, each coloured by its own rule, and the notes beside them. */
function legendRows(width: number, scheduled: boolean): (string | number)[][] {
  const rows = [new Array<string | number>(width).fill(''), new Array<string | number>(width).fill('')];
  rows[0][COLUMNS.name - 1] = 'Legend';
  for (const s of STATUS_STYLE) rows[s.legend.row - 1][s.legend.column - 1] = `${STATUS_CODES[s.status]} ${s.word}`;
  if (scheduled)
    rows[UNRECORDED_STYLE.legend.row - 1][UNRECORDED_STYLE.legend.column - 1] =
      `${UNRECORDED_CODE} ${UNRECORDED_STYLE.word}`;
  LEGEND_NOTES.forEach((note, i) => {
    rows[i][COLUMNS.why - 1] = note;
  });
  return rows;
}

/** Builds the whole Patterns grid in one pass over the entries. */
export function buildPatternGrid(input: PatternInput): PatternGrid {
  const { settings } = input;
  // Make-ups and the practice's policy checks (issue 17), from the same rows as the trend.
  const { sessions, trends, balances, checks } = input.figures;
  const active = input.clients.filter((c) => c.active);
  let firstDay: string | null = null;
  for (const client of active) {
    for (const s of sessions.get(client.id) ?? [])
      // The string comparison first: the day check (a Date per call) only for a candidate.
      if ((firstDay === null || s.date < firstDay) && isIsoDate(s.date)) firstDay = s.date;
  }
  const weeks = patternWeeks(input.today, settings.patternWeeks, firstDay);
  const firstWeekColumn = FIRST_WEEK;
  const afterWeeks = FIRST_WEEK + weeks.length;
  const trailing = {
    group: afterWeeks,
    sessions: afterWeeks + 1,
    absences: afterWeeks + 2,
    makeUps: afterWeeks + 3,
    policy: afterWeeks + 4,
    id: afterWeeks + 5,
  };
  const width = trailing.id;

  // Week index of each distinct date, computed once: the record has far fewer dates than rows.
  const weekOf = new Map<string, number>();
  const weekIndex = (date: string): number => {
    let index = weekOf.get(date);
    if (index === undefined) {
      const back = isIsoDate(date) ? daysBetween(weekStart(date), weeks[0]) / 7 : -1;
      index = back >= 0 && back < weeks.length ? back : -1;
      weekOf.set(date, index);
    }
    return index;
  };

  const rows: PatternRow[] = [];
  const weekCells = new Map<string, string[]>();
  // A session before the oldest week shown (weeks are newest first) is in no cell (ISO days
  // compare as strings): only the shown ones are placed, in order; the trend orders the whole
  // history itself (countedInOrder).
  const firstShown = weeks[weeks.length - 1] ?? '';
  for (const client of active) {
    const own = sessions.get(client.id) ?? [];
    const shown = own.filter((s) => s.date >= firstShown).sort(sessionOrder);
    const cells = weeks.map(() => '');
    for (const session of shown) {
      const i = weekIndex(session.date);
      // A status without a code (one the record should never hold) shows nothing rather than "undefined".
      const code = Object.prototype.hasOwnProperty.call(STATUS_CODES, session.status)
        ? STATUS_CODES[session.status]
        : '';
      if (i >= 0 && code) cells[i] = cells[i] ? `${cells[i]} ${code}` : code;
    }
    if (settings.schedules.length > 0) {
      const days = new Set(own.map((s) => s.date));
      // The client's first day: the smallest (own is in the record's order, not sorted).
      let first: string | null = null;
      for (const s of own) if (first === null || s.date < first) first = s.date;
      const away = (input.plans ?? []).filter((p) => p.clientId === client.id);
      const missing = unrecordedWeeks(client, days, first, settings.schedules, weeks, input.today, away);
      weeks.forEach((week, i) => {
        if (missing.has(week)) cells[i] = cells[i] ? `${cells[i]} ${UNRECORDED_CODE}` : UNRECORDED_CODE;
      });
    }
    weekCells.set(client.id, cells);
    rows.push({ client, trend: trends.get(client.id) ?? computeTrend(own, settings.trend) });
  }
  rows.sort(byFlagGroupName);

  const header: (string | number)[] = [...LEADING_HEADERS, ...weeks, ...TRAILING_HEADERS];
  const scheduled = settings.schedules.length > 0;
  const values: (string | number)[][] = [...legendRows(width, scheduled), header];
  for (const { client, trend } of rows) {
    values.push([
      asCellText(client.name),
      LEVEL_LABELS[trend.level],
      trend.chronic ? 'chronic' : '',
      rateCell(trend.recentRate),
      rateCell(trend.usualRate),
      asCellText(trend.explanation),
      ...weekCells.get(client.id)!,
      asCellText(client.group),
      trend.sessions,
      trend.absences,
      balanceOf(balances, client.id).owed.length,
      asCellText(policyCell(checksOf(checks, client.id, settings.policies, input.today))),
      shownId(client),
    ]);
  }
  const numberFormats = values.map((_, r) => header.map((__, c) => numberFormat(r + 1, c + 1, afterWeeks, trailing)));
  return {
    values,
    numberFormats,
    width,
    weeks,
    firstWeekColumn,
    trailing,
    rows,
    rules: patternRules(rows.length, weeks.length, scheduled),
  };
}

/** The policy checks in one cell: those reached first ("…: a reason to talk"), then the others' counts. */
function policyCell(checks: readonly PolicyCheck[]): string {
  const reached = checks.filter((c) => c.reached);
  const others = checks.filter((c) => !c.reached);
  return [...reached, ...others].map((c) => c.text).join('; ');
}

/**
 * Rates as percentages, counts as whole numbers, week headers as short dates, all else General.
 * Text cells are General, not plain text ('@'), and user text is written with a leading apostrophe
 * (asCellText): Sheets documents the apostrophe as "store as text" in a General cell, but whether it
 * stays visible in a cell already formatted '@' is not documented (runtime switch
 * apostropheInTextFormat), so Cadence never writes an apostrophe into an '@' cell.
 */
export const TEXT_FORMAT = 'General';
function numberFormat(row: number, column: number, afterWeeks: number, trailing: PatternGrid['trailing']): string {
  if (row === HEADER_ROW) return column >= FIRST_WEEK && column < afterWeeks ? 'd mmm' : TEXT_FORMAT;
  if (row < FIRST_CLIENT_ROW) return TEXT_FORMAT;
  if (column === COLUMNS.recent || column === COLUMNS.usual) return '0%';
  if (column === trailing.sessions || column === trailing.absences || column === trailing.makeUps) return '0';
  return TEXT_FORMAT;
}

/**
 * The Patterns tab's rules: week cells by status, each legend cell by its own rule just before,
 * and the Trend column by level. "The cell's codes contain U" is ISNUMBER(FIND("U",cell)): FIND is
 * case-sensitive and has no wildcards (https://support.google.com/docs/answer/3094126), so no code
 * matches another's letters. The Trend cells hold the level's word, so they need no sample.
 */
function patternRules(clientRows: number, weekCount: number, scheduled: boolean): RuleSpec[] {
  const grid = (column: number, numColumns: number): CellBlock[] =>
    clientRows > 0 ? [{ row: FIRST_CLIENT_ROW, column, numRows: clientRows, numColumns }] : [];
  const rules: RuleSpec[] = [];
  const contains = (code: string, block: CellBlock) =>
    marked(`ISNUMBER(FIND("${code}",${columnLetters(block.column)}${block.row}))`);
  const styles: { code: string; colour: string; legend: { row: number; column: number } }[] = [
    ...STATUS_STYLE.map((st) => ({ code: STATUS_CODES[st.status], colour: st.colour, legend: st.legend })),
    // Last: a week with a session and a missed one takes the session's colour. Only with schedules.
    ...(scheduled ? [{ code: UNRECORDED_CODE, colour: UNRECORDED_STYLE.colour, legend: UNRECORDED_STYLE.legend }] : []),
  ];
  for (const style of styles) {
    // The legend cell has its own rule: it exists even with no clients.
    const sample: CellBlock = { row: style.legend.row, column: style.legend.column, numRows: 1, numColumns: 1 };
    rules.push({ blocks: [sample], formula: contains(style.code, sample), background: style.colour });
    for (const block of grid(FIRST_WEEK, weekCount)) {
      rules.push({ blocks: [block], formula: contains(style.code, block), background: style.colour });
    }
  }
  if (clientRows === 0) return rules;
  const first = `${columnLetters(COLUMNS.level)}${FIRST_CLIENT_ROW}`;
  for (const level of LEVEL_STYLE) {
    rules.push({
      blocks: grid(COLUMNS.level, 1) as [CellBlock],
      formula: marked(`${first}="${LEVEL_LABELS[level]}"`),
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
 * match is by Client ID where the roster has one, else by name; `patternsIdColumn` is where the
 * Patterns grid has its Client ID column (after the weeks, so it moves with their number).
 * The match is exact text: both sides trimmed and made text (`&""`, so the number 7 is "7" and "007"
 * stays "007"), compared with EXACT. COUNTIF is not used: it reads * ? ~ < > = in a key as wildcards
 * and operators, and whether it matches the text "007" against the number 7 is not documented
 * (https://support.google.com/docs/answer/3093480; runtime switch countifTextNumbers).
 */
export function rosterRules(
  patternsSheetName: string,
  roster: RosterArea,
  patternsIdColumn: number,
  talkAt: Settings['talkAt'] = 'watch',
): RuleSpec[] {
  const rows = roster.maxRows - roster.headerRow;
  if (rows <= 0) return [];
  const first = roster.headerRow + 1;
  const keyColumn = roster.idColumn ?? roster.nameColumn;
  const key = `TRIM($${columnLetters(keyColumn)}${first}&"")`;
  const patternsKey = `TRIM(${indirectColumn(patternsSheetName, roster.idColumn === null ? COLUMNS.name : patternsIdColumn)}&"")`;
  const patternsLevel = indirectColumn(patternsSheetName, COLUMNS.level);
  const block: CellBlock = { row: first, column: roster.nameColumn, numRows: rows, numColumns: 1 };
  // Only the levels at which the practice talks (Settings, "Suggest a conversation at").
  return talkLevels(talkAt).map((level) => ({
    blocks: [block],
    formula: marked(
      `${key}<>"",SUMPRODUCT(ARRAYFORMULA(EXACT(${patternsKey},${key})*(${patternsLevel}="${LEVEL_LABELS[level]}")))>0`,
    ),
    background: LEVEL_COLOURS[level],
  }));
}
