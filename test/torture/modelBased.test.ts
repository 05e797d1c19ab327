/**
 * Model-based (issue 6): random sequences of saves, retries, interleaved saves, corrections,
 * withdrawals, follow-ups and refreshes, mixed with what users do by hand to the tabs, checked
 * after every step against a model of the record. Invariants: every acknowledged entry is present
 * exactly once with the content sent; no cell a user wrote changed; superseded rows keep their
 * content; the Patterns tab is what core computes from the record.
 */
import fc from 'fast-check';
import type { OfflineEnvironment } from '../../src/runtime';
import { PRACTICE, practice } from '../server/fixtures';
import { COMMANDS } from './commands';
import type { Real } from './commands';
import { emptyFigures, reportFigures } from './figures';
import { RecordModel } from './recordModel';
import { SEED, SIZE_NAME, sized } from './size';

const figures = emptyFigures();
afterAll(() => reportFigures('model-based', figures, SIZE_NAME));

/** Tabs of the practice's own that Cadence must leave alone. */
const OTHER_SHEETS: Record<string, unknown[][]> = {
  Notes: [['Supervision notes', ''], ['2025-03-01', 'Discussed Amy']],
  Budget: [['Item', 'Cost'], ['Art supplies', 120]],
};

function setup(): { model: RecordModel; real: Real } {
  const env = practice() as OfflineEnvironment;
  for (const [name, cells] of Object.entries(OTHER_SHEETS)) {
    env.spreadsheet.insertSheet(name).getRange(1, 1, cells.length, cells[0].length).setValues(cells);
  }
  const model = new RecordModel(PRACTICE.map((c) => ({ id: c.id as string, name: c.name, group: c.group ?? '', active: String(c.active ?? '') })));
  model.rosterCells = env.spreadsheet.getSheetByName('Clients')!.getDataRange().getValues();
  for (const name of Object.keys(OTHER_SHEETS)) model.otherSheets.set(name, env.spreadsheet.getSheetByName(name)!.getDataRange().getValues());
  return { model, real: { env, figures, extraChecks: [] } };
}

test('random command sequences keep every acknowledged entry, once, as sent, and every user cell as typed', () => {
  fc.assert(
    fc.property(fc.commands(COMMANDS, { maxCommands: sized(30, 60), size: 'max' }), (commands) => {
      figures.sequences += 1;
      fc.modelRun(setup, commands);
    }),
    { numRuns: sized(40, 400), seed: SEED, verbose: 1 },
  );
});
