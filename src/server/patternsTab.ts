/**
 * Writes the Patterns tab and the roster highlight (src/README.md, "Where each contract lives"). core/patterns.ts computes
 * every value, format and rule; this file only makes the service calls, a fixed number of them
 * whatever the number of clients or entries. When the grid's shape is the one last written (see
 * patternsShape.ts) only the values are written: one getRange and one setValues. Otherwise the
 * sheet is sized to the grid, then one setNumberFormats, one setValues, one setFontWeights and one
 * setBackground for the whole grid, and one setConditionalFormatRules per tab.
 */
import {
  buildPatternGrid,
  columnLetters,
  isCadenceFormula,
  rosterRules,
  FIRST_CLIENT_ROW,
  COLUMNS,
  HEADER_ROW,
  TEXT_FORMAT,
} from '../core/patterns';
import type { RecordFigures } from '../core/recordFigures';
import type { CellBlock, RuleSpec } from '../core/patterns';
import { fingerprint } from '../core/fingerprint';
import type { Client, PlannedAbsence, Settings } from '../core/types';
import { adoptTab, freeSheetName, orphanTab } from './cadenceTabs';
import type { CadenceTabs } from './cadenceTabs';
import { isStoredShape, rememberShape } from './patternsShape';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

export const PATTERNS_KEY = 'cadence.patterns';
export const PATTERNS_NAME = 'Patterns';

export interface RosterLocation {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** The tab's sheet ID, as read when the roster was found (no call to ask again). */
  sheetId: number;
  headerRow: number;
  /** 1-based columns; idColumn null when the roster has no ID column. */
  nameColumn: number;
  idColumn: number | null;
}

export interface PatternsInput {
  clients: Client[];
  /** What the record shows, from every row (core/recordFigures.ts). */
  figures: RecordFigures;
  /** Clients' planned absences, read with the record (not shown as unrecorded weeks). */
  plans?: readonly PlannedAbsence[];
  /** YYYY-MM-DD in the spreadsheet's time zone. */
  today: string;
  settings: Settings;
  roster: RosterLocation | null;
  /** Cadence's tabs as this execution last looked them up (under the lock when writing). */
  tabs: CadenceTabs;
  /** Rewrite formats, rules and widths even when the shape is unchanged (the menu's Refresh patterns). */
  force?: boolean;
}

/**
 * Column widths in pixels, set when the tab is made or its columns change (a user's own widths
 * survive otherwise). The leading columns and seven weeks fit a 1280-pixel window: 150 + 100 + 80
 * + 96 + 84 + 310 = 820 px, then 56 px a week ("23 Nov" whole, in bold).
 */
const WIDTHS: Record<number, number> = {
  [COLUMNS.name]: 150,
  [COLUMNS.level]: 100,
  [COLUMNS.chronic]: 80,
  [COLUMNS.recent]: 96,
  [COLUMNS.usual]: 84,
  [COLUMNS.why]: 310,
};
const WEEK_WIDTH = 56;
const TRAILING_WIDTHS = { group: 110, sessions: 70, absences: 70, makeUps: 80, policy: 260, id: 80 } as const;

/** The tab tagged as Patterns, or a new one (named "Patterns", or "Patterns 2" if a user's own tab has the name). */
function patternsSheet(ss: Spreadsheet, tabs: CadenceTabs): { sheet: Sheet; created: boolean } {
  const found = tabs.get(PATTERNS_KEY);
  if (found) return { sheet: found, created: false };
  // A save cut short after it made the tab and before it remembered it (a failure in between)
  // left one, tagged and named as Cadence names it: taken again, not made twice. Patterns is
  // rewritten whole, so nothing of it is kept; a copy a person made ("Copy of …") is never taken,
  // nor a tab of the person's that has content.
  const orphan = orphanTab(ss, PATTERNS_KEY, PATTERNS_NAME);
  if (orphan) {
    adoptTab(tabs, PATTERNS_KEY, orphan);
    return { sheet: orphan, created: true };
  }
  // Cut short between making the tab and tagging it: a blank "Patterns" without the tag.
  const untagged = ss.getSheetByName(PATTERNS_NAME);
  const blank = untagged && untagged.getLastRow() === 0 && untagged.getLastColumn() === 0 ? untagged : null;
  const sheet = blank ?? ss.insertSheet(freeSheetName(ss, PATTERNS_NAME));
  sheet.addDeveloperMetadata(PATTERNS_KEY);
  adoptTab(tabs, PATTERNS_KEY, sheet);
  return { sheet, created: true };
}

/**
 * Makes the sheet exactly rows × columns, so it never keeps rows or columns of a larger earlier
 * grid (a client discharged, fewer weeks in Settings), and never grows with the record.
 */
export function fitSheet(sheet: Sheet, rows: number, columns: number): boolean {
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
  else if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (maxColumns > columns) sheet.deleteColumns(columns + 1, maxColumns - columns);
  else if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  return maxColumns !== columns;
}

function formulaOf(rule: Rule): string | null {
  const condition = rule.getBooleanCondition();
  // Gradient rules have no boolean condition; enum values compare by identity in Apps Script.
  if (!condition || condition.getCriteriaType() !== SpreadsheetApp.BooleanCriteria.CUSTOM_FORMULA) return null;
  return String(condition.getCriteriaValues()[0] ?? '');
}

/**
 * Replaces Cadence's rules on a sheet and keeps every other rule, in one read and one write
 * (setConditionalFormatRules replaces all of a sheet's rules:
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#setConditionalFormatRules(ConditionalFormatRule)).
 * Cadence's own rules are the custom-formula rules whose formula holds CADENCE_RULE_MARK. The
 * user's rules go first: where both colour a cell, the first rule wins, and theirs is deliberate.
 */
function replaceCadenceRules(sheet: Sheet, specs: readonly RuleSpec[]): void {
  const kept = sheet.getConditionalFormatRules().filter((rule) => {
    const formula = formulaOf(rule);
    return formula === null || !isCadenceFormula(formula);
  });
  // Rules share blocks (every status rule covers the same week cells); every distinct block comes
  // from one getRangeList. One block per rule (core/patterns.ts RuleSpec): the anchoring of a
  // multi-range rule is unverified.
  const keyOf = (b: CellBlock) => `${b.row},${b.column},${b.numRows},${b.numColumns}`;
  const distinct = new Map<string, CellBlock>();
  for (const spec of specs) for (const b of spec.blocks) distinct.set(keyOf(b), b);
  const ranges = new Map<string, GoogleAppsScript.Spreadsheet.Range>();
  if (distinct.size > 0) {
    const blocks = [...distinct.values()];
    const list = sheet.getRangeList(blocks.map((b) => a1Of(b))).getRanges();
    blocks.forEach((b, i) => ranges.set(keyOf(b), list[i]));
  }
  const ours = specs.map((spec) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(spec.formula)
      .setBackground(spec.background)
      .setRanges(spec.blocks.map((b) => ranges.get(keyOf(b)) as GoogleAppsScript.Spreadsheet.Range))
      .build(),
  );
  sheet.setConditionalFormatRules(kept.concat(ours));
}

/** "B3:H40": a block in A1 notation. */
function a1Of(b: CellBlock): string {
  const last = (n: number, first: number) => first + n - 1;
  return `${columnLetters(b.column)}${b.row}:${columnLetters(last(b.numColumns, b.column))}${last(b.numRows, b.row)}`;
}

/**
 * Values only, when the shape is unchanged. A person may have deleted rows or columns of the tab
 * since, so that the range no longer fits: Sheets refuses it with this message, and the caller
 * then rewrites everything. Any other failure is the save's own and goes on up.
 */
const OUTSIDE_SHEET = /outside the dimensions of the sheet/i;

function writeValuesOnly(sheet: Sheet, values: (string | number)[][], width: number): boolean {
  try {
    sheet.getRange(1, 1, values.length, width).setValues(values);
    return true;
  } catch (error) {
    if (OUTSIDE_SHEET.test(String((error as Error)?.message ?? error))) return false;
    throw error;
  }
}

/** Rows of formats as [row text, times repeated] runs: client rows repeat the same formats. */
function runsOf(rows: readonly string[][]): [string, number][] {
  const runs: [string, number][] = [];
  for (const row of rows) {
    const text = row.join('|');
    const last = runs[runs.length - 1];
    if (last && last[0] === text) last[1] += 1;
    else runs.push([text, 1]);
  }
  return runs;
}

/** Rewrites the Patterns tab (creating it if gone) and Cadence's roster highlight rules. */
export function writePatterns(ss: Spreadsheet, input: PatternsInput): void {
  const grid = buildPatternGrid(input);
  const { sheet, created } = patternsSheet(ss, input.tabs);
  // A tab with no client still keeps one row below the frozen ones: Sheets refuses to delete them all.
  const rows = Math.max(grid.values.length, FIRST_CLIENT_ROW);
  const values = grid.values.slice();
  const formats = grid.numberFormats.slice();
  while (values.length < rows) {
    values.push(new Array<string>(grid.width).fill(''));
    formats.push(new Array<string>(grid.width).fill(TEXT_FORMAT));
  }
  const roster = input.roster;
  // The ID remembered with the tabs (set by the look-up or on creation): no call to ask the sheet.
  const sheetId = input.tabs.ids[PATTERNS_KEY] ?? sheet.getSheetId();
  const rosterArea = roster && roster.sheetId !== sheetId ? roster : null;
  // Everything but the values: the tab, its size, formats and rules, and the roster's highlight.
  const name = sheet.getName();
  const shape = fingerprint({
    sheetId,
    name,
    rows,
    width: grid.width,
    formats: runsOf(formats),
    rules: grid.rules,
    roster: rosterArea && {
      sheetId: rosterArea.sheetId,
      headerRow: rosterArea.headerRow,
      name: rosterArea.nameColumn,
      id: rosterArea.idColumn,
      clients: input.clients.length,
      talkAt: input.settings.talkAt,
    },
  });
  if (!created && !input.force && isStoredShape(shape) && writeValuesOnly(sheet, values, grid.width)) return;

  const resized = fitSheet(sheet, rows, grid.width);
  const range = sheet.getRange(1, 1, rows, grid.width);
  // Formats first: the week headers are typed-in dates that take their 'd mmm' format as written.
  range.setNumberFormats(formats);
  range.setValues(values);
  range.setFontWeights(values.map((row, r) => row.map(() => (r + 1 === HEADER_ROW ? 'bold' : 'normal'))));
  // Colours come only from the rules: clear any static background a user or an old version left.
  range.setBackground(null);
  // The explanation wraps in its column rather than running over the newest weeks beside it.
  sheet.getRange(1, COLUMNS.why, rows, 1).setWrap(true);
  sheet.setFrozenRows(HEADER_ROW);
  sheet.setFrozenColumns(COLUMNS.level);
  if (created || resized) {
    Object.keys(WIDTHS).forEach((column) => sheet.setColumnWidth(Number(column), WIDTHS[Number(column)]));
    sheet.setColumnWidths(grid.firstWeekColumn, grid.weeks.length, WEEK_WIDTH);
    (Object.keys(TRAILING_WIDTHS) as (keyof typeof TRAILING_WIDTHS)[]).forEach((k) =>
      sheet.setColumnWidth(grid.trailing[k], TRAILING_WIDTHS[k]),
    );
  }
  replaceCadenceRules(sheet, grid.rules);

  if (rosterArea) {
    replaceCadenceRules(
      rosterArea.sheet,
      rosterRules(
        name,
        {
          headerRow: rosterArea.headerRow,
          nameColumn: rosterArea.nameColumn,
          idColumn: rosterArea.idColumn,
          maxRows: rosterArea.sheet.getMaxRows(),
        },
        grid.trailing.id,
        input.settings.talkAt,
      ),
    );
  }
  rememberShape(shape);
}
