/**
 * Conformance probes: small questions about Google Sheets and Apps Script whose answers Cadence
 * relies on, asked the same way of the offline runtime (`npm run conformance`) and of a real
 * scratch spreadsheet (`npm run conformance:live`). Each probe returns plain JSON observations;
 * the live answers must equal the offline ones. This file is bundled for Apps Script (build.ts),
 * so it uses only Apps Script globals.
 *
 * Every probe works in its own new sheet, deleted afterwards, of a spreadsheet whose name starts
 * with "cadence-conformance" (anything else is refused before the first write).
 */

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type Answer = string | number | boolean | null | Answer[] | { [key: string]: Answer };

export interface Probe {
  /** Unique, stable: the key of the answer in the JSON. */
  name: string;
  area: string;
  run(sheet: Sheet): Answer;
}

export const SCRATCH_PREFIX = 'cadence-conformance';

/** A value as JSON can carry it: Dates as { date: ISO }, everything else as itself. */
function seen(value: unknown): Answer {
  if (Object.prototype.toString.call(value) === '[object Date]') return { date: (value as Date).toISOString() };
  if (Array.isArray(value)) return value.map(seen);
  if (value === undefined) return null;
  return value as Answer;
}

/** What a call does: its value, or its error's message. */
function attempt(f: () => unknown): Answer {
  try {
    return { ok: seen(f()) };
  } catch (e) {
    return { error: String((e as Error).message ?? e) };
  }
}

/** Writes one cell as a user's script would and reads back the value, its type and its display. */
function roundTrip(sheet: Sheet, value: unknown, format?: string): Answer {
  const cell = sheet.getRange('A1');
  if (format) cell.setNumberFormat(format);
  cell.setValue(value);
  const read = cell.getValue();
  return {
    value: seen(read),
    type: Object.prototype.toString.call(read).slice(8, -1),
    display: cell.getDisplayValue(),
  };
}

/** A formula's result in B1 over the given cells in column A. */
function formula(sheet: Sheet, cells: unknown[], text: string): Answer {
  if (cells.length) sheet.getRange(1, 1, cells.length, 1).setValues(cells.map((c) => [c]));
  sheet.getRange('B1').setFormula(text);
  return seen(sheet.getRange('B1').getValue());
}

const value = (name: string, input: unknown, format?: string): Probe => ({
  name,
  area: format ? 'formats' : 'values',
  run: (s) => roundTrip(s, input, format),
});
const apostrophe = (name: string, input: string, format?: string): Probe => ({
  name,
  area: 'apostrophes',
  run: (s) => roundTrip(s, input, format),
});
const calc = (name: string, cells: unknown[], text: string): Probe => ({
  name,
  area: 'formulas',
  run: (s) => formula(s, cells, text),
});

export const PROBES: Probe[] = [
  // values
  value('number', 42),
  value('text', 'Amy Adams'),
  value('boolean', true),
  value('blank', ''),
  value('leading-zeros', '007'),
  value('fraction-text', '1/2'),
  value('iso-date-text', '2025-03-10'),
  value('true-text', 'TRUE'),
  value('percent-text', '50%'),
  value('grouped-number', '1,234'),
  value('formula-text', '=1+1'),
  value('space-formula', ' =1+1'),
  value('plus-text', '+1 group'),
  { name: 'blank-cells-read-as-empty-string', area: 'values', run: (s) => seen(s.getRange('A1:B2').getValues()) },
  {
    name: 'last-row-counts-content-only',
    area: 'values',
    run: (s) => {
      s.getRange('C5').setValue('x');
      s.getRange('A9').setNumberFormat('0%');
      return [s.getLastRow(), s.getLastColumn()];
    },
  },
  {
    name: 'setValues-size-mismatch',
    area: 'values',
    run: (s) => attempt(() => s.getRange('A1:B2').setValues([[1, 2, 3]])),
  },
  { name: 'range-outside-sheet', area: 'values', run: (s) => attempt(() => s.getRange(s.getMaxRows() + 1, 1)) },
  { name: 'date-object-round-trip', area: 'values', run: (s) => roundTrip(s, new Date(Date.UTC(2025, 2, 10, 5))) },
  { name: 'data-range-of-empty-sheet', area: 'values', run: (s) => s.getDataRange().getA1Notation() },
  {
    // Quick entry clears only the cells that held saved marks, in one call per value.
    name: 'range-list-set-value',
    area: 'values',
    run: (s) => {
      s.getRange('A1:C2').setValues([
        ['a', true, 'c'],
        ['d', true, 'f'],
      ]);
      s.getRange('B1:B2').setDataValidation(SpreadsheetApp.newDataValidation().requireCheckbox().build());
      s.getRangeList(['A1', 'C1:C2']).setValue('');
      s.getRangeList(['B2']).setValue(false);
      return seen(s.getRange('A1:C2').getValues());
    },
  },
  // apostrophes
  apostrophe('apostrophe-general', "'Amy"),
  apostrophe('apostrophe-formula', "'=SUM(1)"),
  apostrophe('apostrophe-zeros', "'007"),
  apostrophe('apostrophe-in-plain-text-cell', "'Amy", '@'),
  apostrophe('apostrophe-only', "'"),
  apostrophe('double-apostrophe', "''x"),
  apostrophe('plain-text-cell-formula', '=1+1', '@'),
  apostrophe('plain-text-cell-zeros', '007', '@'),
  // formats
  value('date-format-display', '2025-03-10', 'yyyy-mm-dd'),
  value('percent-format-display', 0.25, '0%'),
  value('week-header-format', '2025-03-10', 'd mmm'),
  value('general-number-display', 1234.5),
  { name: 'default-number-format', area: 'formats', run: (s) => s.getRange('A1').getNumberFormat() },
  {
    name: 'setNumberFormats-grid',
    area: 'formats',
    run: (s) => {
      const r = s.getRange('A1:B1');
      r.setNumberFormats([['0%', '@']]);
      return seen(r.getNumberFormats());
    },
  },
  {
    name: 'font-weights-and-background-reset',
    area: 'formats',
    run: (s) => {
      const r = s.getRange('A1:B1');
      r.setFontWeights([['bold', 'normal']]);
      r.setBackground('#ff0000');
      r.setBackground(null);
      return [seen(r.getFontWeights()), r.getBackground()];
    },
  },
  // dates and time zones
  {
    name: 'spreadsheet-time-zone-is-a-string',
    area: 'dates',
    run: () => typeof SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(),
  },
  {
    name: 'formatDate-new-york',
    area: 'dates',
    run: () => Utilities.formatDate(new Date(Date.UTC(2025, 2, 10, 3, 30)), 'America/New_York', 'yyyy-MM-dd HH:mm'),
  },
  {
    name: 'parseDate-midnight-tokyo',
    area: 'dates',
    run: () => Utilities.parseDate('2025-03-10', 'Asia/Tokyo', 'yyyy-MM-dd').toISOString(),
  },
  {
    name: 'formatDate-dst-gap',
    area: 'dates',
    run: () => Utilities.formatDate(new Date(Date.UTC(2025, 2, 9, 7, 30)), 'America/New_York', 'yyyy-MM-dd HH:mm z'),
  },
  {
    name: 'midnight-written-reads-same-day',
    area: 'dates',
    run: (s) => {
      const zone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
      s.getRange('A1')
        .setValue(Utilities.parseDate('2025-03-10', zone, 'yyyy-MM-dd'))
        .setNumberFormat('yyyy-mm-dd');
      return [
        Utilities.formatDate(s.getRange('A1').getValue() as Date, zone, 'yyyy-MM-dd'),
        s.getRange('A1').getDisplayValue(),
      ];
    },
  },
  { name: 'date-text-in-date-cell', area: 'dates', run: (s) => roundTrip(s, '3/10/2025', 'yyyy-mm-dd') },
  // formulas: COUNTIF, INDIRECT, EXACT, SUMPRODUCT, FIND
  calc('countif-text-007-over-number-and-text', [7, "'007"], '=COUNTIF(A1:A2,"007")'),
  calc('countif-number-7-over-number-and-text', [7, "'007"], '=COUNTIF(A1:A2,7)'),
  calc('countif-wildcard', ['P U', 'P'], '=COUNTIF(A1:A2,"*U*")'),
  calc('countif-star-in-key', ['a*b', 'axxb'], '=COUNTIF(A1:A2,"a*b")'),
  calc('countif-operator-in-key', ['>5', 9], '=COUNTIF(A1:A2,">5")'),
  calc('countif-case', ['amy', 'AMY'], '=COUNTIF(A1:A2,"Amy")'),
  calc('exact-trim-text-of-number', [7], '=EXACT(TRIM(A1&""),"7")'),
  calc('exact-leading-zeros', ["'007"], '=EXACT(TRIM(A1&""),"7")'),
  calc('sumproduct-bare-booleans', ['x', 'x'], '=SUMPRODUCT(A1:A2="x")'),
  calc('sumproduct-product-of-tests', ['x', 'y'], '=SUMPRODUCT((A1:A2="x")*(A1:A2<>""))'),
  calc('sumproduct-arrayformula-exact', ['007', ' 007 '], '=SUMPRODUCT(ARRAYFORMULA(EXACT(TRIM(A1:A2&""),"007")*1))'),
  calc('find-case-sensitive', ['P U'], '=IFERROR(FIND("u",A1),0)'),
  calc('find-code', ['P U'], '=FIND("U",A1)'),
  calc('string-compare-ignores-case', ['Amy'], '=A1="amy"'),
  {
    name: 'indirect-other-tab',
    area: 'formulas',
    run: (s) => {
      const other = s.getParent().insertSheet(`${s.getName()} other`);
      other.getRange('B2').setValue(41);
      s.getRange('A1').setFormula(`=INDIRECT("'${other.getName()}'!B2")+1`);
      const v = s.getRange('A1').getValue();
      s.getParent().deleteSheet(other);
      return seen(v);
    },
  },
  // conditional-format rules (their colours cannot be read by a script: README manual checks)
  {
    name: 'multi-range-rule-kept-as-set',
    area: 'rules',
    run: (s) => {
      const rule = SpreadsheetApp.newConditionalFormatRule()
        .whenFormulaSatisfied('=C2="x"')
        .setBackground('#FF0000')
        .setRanges([s.getRange('C2:C3'), s.getRange('A1')])
        .build();
      s.setConditionalFormatRules([rule]);
      const back = s.getConditionalFormatRules()[0];
      return [
        back.getRanges().map((r) => r.getA1Notation()),
        String(back.getBooleanCondition()?.getCriteriaValues()[0]),
        back.getBooleanCondition()?.getBackground() ?? null,
      ];
    },
  },
  {
    name: 'set-rules-replaces-all',
    area: 'rules',
    run: (s) => {
      const make = (f: string) =>
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied(f)
          .setBackground('#00FF00')
          .setRanges([s.getRange('A1')])
          .build();
      s.setConditionalFormatRules([make('=1'), make('=2')]);
      s.setConditionalFormatRules([make('=3')]);
      return s.getConditionalFormatRules().length;
    },
  },
  {
    name: 'rule-ranges-follow-inserted-rows',
    area: 'rules',
    run: (s) => {
      s.setConditionalFormatRules([
        SpreadsheetApp.newConditionalFormatRule()
          .whenFormulaSatisfied('=B3="x"')
          .setBackground('#0000FF')
          .setRanges([s.getRange('B3:B5')])
          .build(),
      ]);
      s.insertRowsBefore(1, 2);
      return s
        .getConditionalFormatRules()[0]
        .getRanges()
        .map((r) => r.getA1Notation());
    },
  },
  // developer metadata
  {
    name: 'metadata-finder-order',
    area: 'metadata',
    run: (s) => {
      ['cadence.probe.a', 'cadence.probe.b', 'cadence.probe.c'].forEach((k) => s.addDeveloperMetadata(k));
      return s.createDeveloperMetadataFinder().withKey('cadence.probe.b').find().length === 1
        ? s.getDeveloperMetadata().map((m) => m.getKey())
        : 'finder failed';
    },
  },
  {
    name: 'metadata-ids-increase',
    area: 'metadata',
    run: (s) => {
      s.addDeveloperMetadata('cadence.probe.x');
      s.addDeveloperMetadata('cadence.probe.y');
      const ids = s.getDeveloperMetadata().map((m) => m.getId());
      return ids[1] > ids[0];
    },
  },
  {
    name: 'copyTo-carries-sheet-metadata',
    area: 'metadata',
    run: (s) => {
      s.addDeveloperMetadata('cadence.probe.copy');
      const copy = s.copyTo(s.getParent());
      const keys = copy.getDeveloperMetadata().map((m) => m.getKey());
      const name = copy.getName() === `Copy of ${s.getName()}`;
      s.getParent().deleteSheet(copy);
      return { keys, name };
    },
  },
  {
    name: 'column-metadata-moves-with-column',
    area: 'metadata',
    run: (s) => {
      s.getRange('C:C').addDeveloperMetadata('cadence.probe.column');
      s.insertColumnsBefore(1, 1);
      return s
        .createDeveloperMetadataFinder()
        .withKey('cadence.probe.column')
        .find()
        .map((m) => m.getLocation().getColumn()?.getColumn() ?? null);
    },
  },
  {
    name: 'metadata-on-a-cell-refused',
    area: 'metadata',
    run: (s) => attempt(() => s.getRange('B2').addDeveloperMetadata('cadence.probe.cell')),
  },
  // rows, columns and freezing
  {
    name: 'delete-all-non-frozen-rows',
    area: 'structure',
    run: (s) => {
      s.setFrozenRows(2);
      return attempt(() => s.deleteRows(3, s.getMaxRows() - 2));
    },
  },
  { name: 'delete-every-row', area: 'structure', run: (s) => attempt(() => s.deleteRows(1, s.getMaxRows())) },
  {
    name: 'freeze-all-rows',
    area: 'structure',
    run: (s) => {
      s.deleteRows(3, s.getMaxRows() - 2);
      return attempt(() => s.setFrozenRows(2));
    },
  },
  {
    name: 'freeze-all-columns',
    area: 'structure',
    run: (s) => {
      s.deleteColumns(3, s.getMaxColumns() - 2);
      return attempt(() => s.setFrozenColumns(2));
    },
  },
  {
    name: 'insert-rows-after-last',
    area: 'structure',
    run: (s) => {
      const before = s.getMaxRows();
      s.insertRowsAfter(before, 5);
      return s.getMaxRows() - before;
    },
  },
  { name: 'new-sheet-size', area: 'structure', run: (s) => [s.getMaxRows(), s.getMaxColumns()] },
  {
    name: 'duplicate-sheet-name-refused',
    area: 'structure',
    run: (s) => attempt(() => s.getParent().insertSheet(s.getName())),
  },
  {
    name: 'sheet-name-case-insensitive-clash',
    area: 'structure',
    run: (s) => attempt(() => s.getParent().insertSheet(s.getName().toUpperCase())),
  },
  // protection
  {
    name: 'protection-owner-can-write',
    area: 'protection',
    run: (s) => {
      const p = s.getRange('A1:A3').protect();
      const answer = [p.canEdit(), attempt(() => s.getRange('A1').setValue('x'))];
      p.remove();
      return answer;
    },
  },
  // locks
  {
    name: 'document-lock-try',
    area: 'locks',
    run: () => {
      const l = LockService.getDocumentLock();
      const got = l.tryLock(1000);
      const has = l.hasLock();
      l.releaseLock();
      return [got, has, l.hasLock()];
    },
  },
  {
    name: 'document-lock-reentrant',
    area: 'locks',
    run: () => {
      const l = LockService.getDocumentLock();
      l.waitLock(1000);
      const again = LockService.getDocumentLock().tryLock(0);
      l.releaseLock();
      return again;
    },
  },
  { name: 'lock-negative-timeout', area: 'locks', run: () => attempt(() => LockService.getDocumentLock().tryLock(-1)) },
  // properties
  {
    name: 'property-value-limit',
    area: 'properties',
    run: () => {
      const props = PropertiesService.getDocumentProperties();
      const fits = attempt(() => props.setProperty('cadence.probe.size', 'x'.repeat(9 * 1024)));
      const over = attempt(() => props.setProperty('cadence.probe.size', 'x'.repeat(9 * 1024 + 1)));
      props.deleteProperty('cadence.probe.size');
      return [fits, over];
    },
  },
  {
    name: 'property-missing-is-null',
    area: 'properties',
    run: () => PropertiesService.getDocumentProperties().getProperty('cadence.probe.none'),
  },
  {
    name: 'properties-are-strings',
    area: 'properties',
    run: () => {
      const p = PropertiesService.getDocumentProperties();
      p.setProperty('cadence.probe.n', 5 as unknown as string);
      const v = p.getProperty('cadence.probe.n');
      p.deleteProperty('cadence.probe.n');
      return [typeof v, v];
    },
  },
  // scopes (the manifest is Cadence's own: spreadsheets.currentonly, script.container.ui, userinfo.email)
  { name: 'active-user-email-is-a-string', area: 'scopes', run: () => typeof Session.getActiveUser().getEmail() },
  {
    name: 'openById-refused-under-currentonly',
    area: 'scopes',
    run: () => attempt(() => SpreadsheetApp.openById(SpreadsheetApp.getActiveSpreadsheet().getId())),
  },
  { name: 'uuid-shape', area: 'scopes', run: () => /^[0-9a-f-]{36}$/.test(Utilities.getUuid()) },
];

/** Runs every probe in a scratch sheet of its own; refuses any spreadsheet not named for it. */
export function runProbes(): Record<string, Answer> {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss.getName().startsWith(SCRATCH_PREFIX)) {
    throw new Error(
      `Refusing to run: the conformance probes write and delete sheets, so they run only in a spreadsheet whose name starts with "${SCRATCH_PREFIX}" (this one is "${ss.getName()}").`,
    );
  }
  const answers: Record<string, Answer> = {};
  PROBES.forEach((probe, i) => {
    const sheet = ss.insertSheet(`probe ${i + 1}`);
    try {
      answers[probe.name] = probe.run(sheet);
    } catch (e) {
      answers[probe.name] = { thrown: String((e as Error).message ?? e) };
    } finally {
      ss.deleteSheet(sheet);
    }
  });
  return answers;
}
