/**
 * Model-based (issue 6): random sequences of saves, retries, interleaved saves, corrections,
 * withdrawals, follow-ups and refreshes, mixed with what users do by hand to the tabs, checked
 * after every step against a model of the record. Invariants: every acknowledged entry is present
 * exactly once with the content sent; no cell a user wrote changed; superseded rows keep their
 * content; the Patterns tab is what core computes from the record.
 */
import fc from 'fast-check';
import type { SaveSessionResult } from '../../src/core/types';
import type { OfflineEnvironment } from '../../src/runtime';
import { PRACTICE, attendanceSheet, practice } from '../server/fixtures';
import { COMMANDS, saveRequest } from './commands';
import type { Real } from './commands';
import { emptyFigures, reportFigures } from './figures';
import { patternsProblems, patternsSheet } from './patternsCheck';
import { RecordModel, compareRecord } from './recordModel';
import { SEED, SIZE_NAME, sized } from './size';

const figures = emptyFigures();
afterAll(() => reportFigures('model-based', figures, SIZE_NAME));

/** Tabs of the practice's own that Cadence must leave alone. */
const OTHER_SHEETS: Record<string, unknown[][]> = {
  Notes: [
    ['Supervision notes', ''],
    ['2025-03-01', 'Discussed Amy'],
  ],
  Budget: [
    ['Item', 'Cost'],
    ['Art supplies', 120],
  ],
};

function setup(): { model: RecordModel; real: Real } {
  const env = practice() as OfflineEnvironment;
  for (const [name, cells] of Object.entries(OTHER_SHEETS)) {
    env.spreadsheet.insertSheet(name).getRange(1, 1, cells.length, cells[0].length).setValues(cells);
  }
  const model = new RecordModel(
    PRACTICE.map((c) => ({ id: c.id as string, name: c.name, group: c.group ?? '', active: String(c.active ?? '') })),
  );
  model.rosterCells = env.spreadsheet.getSheetByName('Clients')!.getDataRange().getValues();
  for (const name of Object.keys(OTHER_SHEETS))
    model.otherSheets.set(name, env.spreadsheet.getSheetByName(name)!.getDataRange().getValues());
  return { model, real: { env, figures } };
}

test('random command sequences keep every acknowledged entry, once, as sent, and every user cell as typed', () => {
  fc.assert(
    fc.property(fc.commands(COMMANDS, { maxCommands: sized(30, 60), size: 'max' }), (commands) => {
      figures.sequences += 1;
      fc.modelRun(setup, commands);
    }),
    { numRuns: sized(60, 400), seed: SEED, verbose: 1 },
  );
});

describe('the checks themselves see a damaged record', () => {
  function savedOnce(): { model: RecordModel; real: Real; sheet: GoogleAppsScript.Spreadsheet.Sheet } {
    const { model, real } = setup();
    const request = saveRequest(model, {
      marks: [
        { client: 0, status: 'excused', reason: 'illness', notice: true, note: 'n', followUp: true },
        { client: 1, status: 'present', reason: '', notice: undefined, note: '', followUp: false },
      ],
      day: -2,
      group: 'Monday group',
    });
    model.acknowledgeSave(request, real.env.run<SaveSessionResult>('saveSession', request).entryIds);
    model.patterns = 'fresh';
    expect(compareRecord(real.env, model).problems).toEqual([]);
    expect(patternsProblems(real.env)).toEqual([]);
    return { model, real, sheet: attendanceSheet(real.env)! };
  }

  test('a deleted row is lost', () => {
    const { model, real, sheet } = savedOnce();
    sheet.deleteRow(2);
    expect(compareRecord(real.env, model).lost).toBe(1);
  });

  test('a copied row is a duplicate', () => {
    const { model, real, sheet } = savedOnce();
    sheet.appendRow(sheet.getRange(2, 1, 1, sheet.getLastColumn()).getValues()[0]);
    expect(compareRecord(real.env, model).duplicated).toBe(1);
  });

  test("an edited note is altered; an edited roster cell (the person's own data) is a collision", () => {
    const { model, real, sheet } = savedOnce();
    const note = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf('Note') + 1;
    sheet.getRange(2, note).setValue('changed');
    real.env.spreadsheet.getSheetByName('Clients')!.getRange(2, 2).setValue('Someone else');
    expect(compareRecord(real.env, model)).toMatchObject({ altered: 1, collided: 1 });
  });

  test('a Patterns cell that is not what core computes is reported', () => {
    const { real } = savedOnce();
    patternsSheet(real.env)!.getRange(3, 4).setValue('Urgent?');
    expect(patternsProblems(real.env)).toEqual([expect.stringMatching(/R3C4 shows "Urgent\?"/)]);
  });
});
