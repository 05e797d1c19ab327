/**
 * The Quick entry tab's cells (layout and words: core/quickEntry.ts). Read in one getValues and one
 * getFormulas of the used area, written in a few batched calls; its places are found by their
 * labels on every read, so rows a person inserted above them do not misplace anything.
 */
import {
  LAYOUT,
  QUICK_ENTRY_HEADERS,
  QUICK_ENTRY_HELP,
  QUICK_ENTRY_ID_HEADER,
  QUICK_ENTRY_LABELS,
  STATUS_CHOICES,
} from '../core/quickEntry';
import type { QuickEntryRow } from '../core/quickEntry';
import { asCellText, cellText, headerKey } from '../core/text';
import { columnLetters } from '../core/patterns';
import { formatDay } from './spreadsheetTime';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADERS: readonly string[] = [...QUICK_ENTRY_HEADERS, QUICK_ENTRY_ID_HEADER];
/** Status, Reason, Notice, Note, Follow-up: columns B to F. */
const MARK_COLUMNS = QUICK_ENTRY_HEADERS.length - 1;

/** The tab as read: where its inputs are (0-based rows) and what they hold. */
export interface QuickForm {
  sheet: Sheet;
  dateRow: number;
  groupRow: number;
  saveRow: number;
  /** The status line: the row below Save, above the header row. */
  statusRow: number;
  headerRow: number;
  /** YYYY-MM-DD, '' when none is chosen, or null when the cell holds something that is not a date. */
  date: string | null;
  group: string;
  saveTicked: boolean;
  /** This listing's id (hidden, beside the date): part of the save's request id. */
  formId: string;
  /** 0-based column of the hidden IDs. */
  idColumn: number;
  /** The rows below the header, blank ones included (a person may leave gaps). */
  rows: QuickEntryRow[];
  /** Those rows' mark cells (Status to Follow-up) as read, to tell a later edit from what was saved. */
  markCells: unknown[][];
}

/** Why the tab cannot be read: it was rearranged beyond finding its labels. */
export const LAYOUT_BROKEN =
  'The Quick entry tab was changed so that Cadence cannot find its labels. On a computer, choose Extensions › Cadence › Set up phone entry to repair it.';

function findRow(values: unknown[][], label: string, from = 0): number {
  for (let r = from; r < values.length; r += 1) if (headerKey(values[r][0]) === headerKey(label)) return r;
  return -1;
}

/**
 * The tab's cells, or null when its labels are gone. `asLaidOut`: a repair reads a tab whose labels
 * a person overwrote at the places the layout put them, to keep what was chosen and marked.
 */
export function readQuickForm(sheet: Sheet, timeZone: string, asLaidOut = false): QuickForm | null {
  const range = sheet.getDataRange();
  const values = range.getValues();
  const formulas = range.getFormulas();
  let dateRow = findRow(values, QUICK_ENTRY_LABELS.date);
  let groupRow = findRow(values, QUICK_ENTRY_LABELS.group);
  let saveRow = findRow(values, QUICK_ENTRY_LABELS.save);
  let headerRow = -1;
  for (let r = Math.max(saveRow, 0); r < values.length && headerRow < 0; r += 1)
    if (headerKey(values[r][0]) === headerKey(QUICK_ENTRY_HEADERS[0]) && headerKey(values[r][1]) === 'status')
      headerRow = r;
  const found = dateRow >= 0 && groupRow >= 0 && saveRow >= 0 && headerRow > saveRow + 1;
  if (!found && (!asLaidOut || values.length < LAYOUT.headerRow || values[0].length < LAYOUT.columns)) return null;
  if (!found) {
    [dateRow, groupRow, saveRow, headerRow] = [LAYOUT.dateRow, LAYOUT.groupRow, LAYOUT.saveRow, LAYOUT.headerRow].map(
      (r) => r - 1,
    );
    values[headerRow] = [...QUICK_ENTRY_HEADERS, QUICK_ENTRY_ID_HEADER];
  }
  const column = new Map<string, number>();
  values[headerRow].forEach((h, c) => {
    const key = headerKey(h);
    if (key && !column.has(key)) column.set(key, c);
  });
  const at = (row: unknown[], header: string): unknown => {
    const c = column.get(headerKey(header));
    return c === undefined ? '' : row[c];
  };
  /** Text a person typed: a note beginning with = became a formula, whose text is what they typed. */
  const typed = (r: number, header: string): string => {
    const c = column.get(headerKey(header));
    if (c === undefined) return '';
    return formulas[r][c] ? formulas[r][c] : cellText(values[r][c]);
  };
  const rows: QuickEntryRow[] = [];
  for (let r = headerRow + 1; r < values.length; r += 1) {
    const row = values[r];
    rows.push({
      clientId: cellText(at(row, QUICK_ENTRY_ID_HEADER)).trim(),
      name: typed(r, 'Client'),
      status: cellText(at(row, 'Status')),
      reason: typed(r, 'Reason'),
      notice: at(row, 'Notice') === true,
      note: typed(r, 'Note'),
      followUp: at(row, 'Follow-up') === true,
    });
  }
  const dateCell = values[dateRow][1];
  const idColumn = column.get(headerKey(QUICK_ENTRY_ID_HEADER)) ?? LAYOUT.columns - 1;
  return {
    idColumn,
    formId: cellText(values[dateRow][idColumn]).trim(),
    sheet,
    dateRow,
    groupRow,
    saveRow,
    statusRow: saveRow + 1,
    headerRow,
    date:
      Object.prototype.toString.call(dateCell) === '[object Date]'
        ? formatDay(dateCell as Date, timeZone)
        : dateCell === ''
          ? ''
          : null,
    group: cellText(values[groupRow][1]).trim(),
    saveTicked: values[saveRow][1] === true,
    rows,
    markCells: values.slice(headerRow + 1).map((row) => row.slice(1, 1 + MARK_COLUMNS)),
  };
}

/** Data validation for the group dropdown: the roster's groups, other text allowed (a new group). */
function groupRule(groups: readonly string[]): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation()
    .requireValueInList(groups.length ? groups.slice() : [''], true)
    .setAllowInvalid(true)
    .setHelpText(QUICK_ENTRY_HELP.group)
    .build();
}

/**
 * Lays the tab out afresh (setUpQuickEntry, creating or repairing): labels, inputs and their
 * rules, the status line, the header, narrow columns for a phone, frozen top rows. Client rows are
 * written by writeClientRows after.
 */
export function layOut(sheet: Sheet, date: Date | '', group: string, groups: readonly string[], status: string): void {
  const maxRows = sheet.getMaxRows();
  const maxColumns = sheet.getMaxColumns();
  const all = sheet.getRange(1, 1, maxRows, maxColumns);
  all.breakApart();
  all.clearDataValidations();
  all.clear();
  const top = [
    [QUICK_ENTRY_LABELS.date, date, '', '', '', '', ''],
    [QUICK_ENTRY_LABELS.group, asCellText(group), '', '', '', '', ''],
    [QUICK_ENTRY_LABELS.save, false, '', '', '', '', ''],
    [asCellText(status), '', '', '', '', '', ''],
    HEADERS.slice(),
  ];
  if (maxColumns < LAYOUT.columns) sheet.insertColumnsAfter(maxColumns, LAYOUT.columns - maxColumns);
  sheet.getRange(1, 1, top.length, LAYOUT.columns).setValues(top);
  const dateRule = SpreadsheetApp.newDataValidation()
    .requireDate()
    .setAllowInvalid(false)
    .setHelpText(QUICK_ENTRY_HELP.date)
    .build();
  const saveRule = SpreadsheetApp.newDataValidation().requireCheckbox().setHelpText(QUICK_ENTRY_HELP.save).build();
  sheet.getRange(LAYOUT.dateRow, 2, 3, 1).setDataValidations([[dateRule], [groupRule(groups)], [saveRule]]);
  sheet.getRange(LAYOUT.dateRow, 2).setNumberFormat('ddd d mmm yyyy');
  sheet.getRange(LAYOUT.statusRow, 1, 1, QUICK_ENTRY_HEADERS.length).merge().setWrap(true);
  sheet.getRange(1, 1, 3, 1).setFontWeight('bold');
  sheet.getRange(LAYOUT.headerRow, 1, 1, LAYOUT.columns).setFontWeight('bold').setBackground('#e8eaed');
  // Reason and Note are text: what a person types there is kept as typed, never a number or a date.
  const below = Math.max(maxRows - LAYOUT.headerRow, 1);
  sheet.getRange(LAYOUT.headerRow + 1, 3, below, 1).setNumberFormat('@');
  sheet
    .getRange(LAYOUT.headerRow + 1, 5, below, 1)
    .setNumberFormat('@')
    .setWrap(true);
  // Narrow enough for a 390-pixel phone screen: name, status and the two ticks stay in view.
  [120, 96, 110, 60, 160, 70].forEach((width, i) => sheet.setColumnWidth(i + 1, width));
  sheet.hideColumns(LAYOUT.columns);
  sheet.setFrozenRows(LAYOUT.headerRow);
}

/** One client's row: their name, their marks (kept when the list is refilled), their ID. */
export interface ClientLine {
  id: string;
  name: string;
  marks: QuickEntryRow | null;
}

/**
 * Writes the client rows below the header in one setValues and one setDataValidations, blanking
 * rows left from a longer list; refreshes the group dropdown with the roster's groups.
 */
export function writeClientRows(
  form: QuickForm,
  lines: readonly ClientLine[],
  reasons: readonly string[],
  groups: readonly string[],
): void {
  const { sheet } = form;
  const first = form.headerRow + 2;
  const old = form.rows.length;
  const count = Math.max(old, lines.length, 1);
  const statusRule = SpreadsheetApp.newDataValidation()
    .requireValueInList(STATUS_CHOICES.slice(), true)
    .setAllowInvalid(true)
    .setHelpText(QUICK_ENTRY_HELP.status)
    .build();
  const reasonRule = SpreadsheetApp.newDataValidation()
    .requireValueInList(reasons.length ? reasons.slice() : ['other'], true)
    .setAllowInvalid(true)
    .setHelpText(QUICK_ENTRY_HELP.reason)
    .build();
  const tick = SpreadsheetApp.newDataValidation().requireCheckbox().setHelpText(QUICK_ENTRY_HELP.checkbox).build();
  const values: unknown[][] = [];
  const rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] = [];
  for (let i = 0; i < count; i += 1) {
    const line = lines[i];
    if (!line) {
      values.push(['', '', '', '', '', '', '']);
      rules.push([null, null, null, null, null, null, null]);
      continue;
    }
    const m = line.marks;
    values.push([
      asCellText(line.name),
      m ? m.status : '',
      // Reason and Note are plain-text (@) columns: text goes in as it is, with no apostrophe, which
      // a plain-text cell may keep as a character (switch apostropheInTextFormat); a formula a person
      // typed there is written back as the formula it was.
      m ? m.reason : '',
      m ? m.notice : false,
      m ? m.note : '',
      m ? m.followUp : false,
      asCellText(line.id),
    ]);
    rules.push([null, statusRule, reasonRule, tick, null, tick, null]);
  }
  const block = sheet.getRange(first, 1, count, LAYOUT.columns);
  block.setDataValidations(rules);
  block.setValues(values);
  sheet.getRange(form.groupRow + 1, 2).setDataValidation(groupRule(groups));
}

/**
 * Clears the marks that were saved (names and IDs stay) and answers the clients whose rows a person
 * changed while the save ran: their changes were not saved and stay on the form.
 *
 * Apps Script has no compare-and-write, and writes are batched and sent later
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush()), so a
 * person's edit that lands after the cells are read again and before the clearing is sent is
 * overwritten by it, and a read after cannot tell: the cell then holds the blank written. So the
 * clearing writes only the cells that hold a saved mark still as read (never a cell already blank,
 * nor one a person changed), in one RangeList.setValue per value
 * (https://developers.google.com/apps-script/reference/spreadsheet/range-list#setValue(Object)):
 * a note typed meanwhile beside the saved marks is never written over. Only a saved mark itself,
 * changed in the instant between that read and the write, can still be lost, as in any editor
 * without locks for people. One read after the flush finds what people changed meanwhile.
 */
export function clearMarks(form: QuickForm): string[] {
  if (form.rows.length === 0) return [];
  const top = form.headerRow + 2;
  const range = form.sheet.getRange(top, 2, form.rows.length, MARK_COLUMNS);
  const now = range.getValues();
  const same = (a: unknown, b: unknown) =>
    a === b || (a instanceof Object && b instanceof Object && String(a) === String(b));
  /** A cleared cell: an unticked box on a listed client's Notice and Follow-up, else empty. */
  const blank = (r: number, c: number) => {
    const listed = !!(form.rows[r]?.clientId || form.rows[r]?.name);
    return listed && (c === 2 || c === 4) ? false : '';
  };
  const toClear = new Map<string | boolean, string[]>();
  now.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!same(cell, form.markCells[r]?.[c]) || same(cell, blank(r, c))) return;
      const a1 = `${columnLetters(2 + c)}${top + r}`;
      const value = blank(r, c);
      toClear.set(value, [...(toClear.get(value) ?? []), a1]);
    }),
  );
  for (const [value, cells] of toClear) form.sheet.getRangeList(cells).setValue(value);
  // Sent now, not in the execution's last batch: a mark typed after this moment is not overwritten.
  SpreadsheetApp.flush();
  const after = range.getValues();
  const changed = new Set<string>();
  after.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!same(cell, blank(r, c))) changed.add(form.rows[r]?.name || `row ${top + r}`);
    }),
  );
  return [...changed];
}

export function writeStatus(form: QuickForm, text: string): void {
  form.sheet.getRange(form.statusRow + 1, 1).setValue(asCellText(text));
}

/** A new id for the listing (after it is filled, and after a save). */
export function writeFormId(form: QuickForm, id: string): void {
  form.sheet.getRange(form.dateRow + 1, form.idColumn + 1).setValue(asCellText(id));
}

export function untickSave(form: QuickForm): void {
  form.sheet.getRange(form.saveRow + 1, 2).setValue(false);
}
