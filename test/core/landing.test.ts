/**
 * Where an append landed after a person's row edit (core/landing.ts): the plan puts back exactly
 * the person's cells the write covered, whichever way Sheets treated the write.
 */
import { landingSpan, planLanding } from '../../src/core/landing';
import type { LandingEvidence } from '../../src/core/landing';

/** A sheet as rows of [Entry ID, text]; row 1 is the header. */
type Rows = string[][];
const blank = ['', ''];

/** Rows 2.. of `sheet` as the copy the server reads, from `top` to `bottom`. */
function rows(sheet: Rows, top: number, bottom: number): string[][] {
  return Array.from({ length: bottom - top + 1 }, (_, i) => sheet[top + i - 1] ?? blank);
}

function evidence(before: Rows, after: number, entryIds: string[], now: Rows, delta: number): LandingEvidence {
  const span = landingSpan(after, entryIds.length, delta);
  return {
    after,
    entryIds,
    entryIdColumn: 0,
    record: (row) => before[row - 1],
    delta,
    nowTop: span.top,
    now: rows(now, span.top, span.bottom),
  };
}

// Header, two entries, a blank row, a person's own row (row 5); Cadence inserted rows 6-7 after it.
const before: Rows = [
  ['Entry ID', 'Note'],
  ['e1', 'a'],
  ['e2', 'b'],
  blank,
  ['', 'my row'],
  blank,
  blank,
  blank,
  blank,
];

test('no person edit near the write: nothing to put back, the entries stay where written', () => {
  // The person inserted a row far below: the write and everything around it stayed put.
  const now: Rows = [...before.slice(0, 5), ['n1', 'x'], ['n2', 'y'], blank, blank, blank];
  expect(planLanding(evidence(before, 5, ['n1', 'n2'], now, 1))).toEqual({
    restore: [],
    entryRows: [6, 7],
    clear: [],
  });
});

test('a row inserted at the top and a write that stayed at its coordinates: the covered row comes back', () => {
  // Everything moved down one; the write landed on rows 6-7, over "my row" (now row 6).
  const now: Rows = [before[0], blank, before[1], before[2], blank, ['n1', 'x'], ['n2', 'y'], blank, blank, blank];
  const plan = planLanding(evidence(before, 5, ['n1', 'n2'], now, 1))!;
  expect(plan.restore).toEqual([{ row: 6, cells: ['', 'my row'] }]);
  expect(plan.entryRows).toEqual([7, 8]);
  expect(plan.clear).toEqual([]);
});

test('a row inserted at the top and a write that moved with it: nothing was covered', () => {
  const now: Rows = [before[0], blank, before[1], before[2], blank, before[4], ['n1', 'x'], ['n2', 'y'], blank, blank];
  expect(planLanding(evidence(before, 5, ['n1', 'n2'], now, 1))).toEqual({
    restore: [],
    entryRows: [7, 8],
    clear: [],
  });
});

test('two identical rows of the person: the shift is still seen and the covered one comes back', () => {
  const twice: Rows = [before[0], before[1], ['', 'same'], ['', 'same'], blank, blank, blank, blank];
  const now: Rows = [twice[0], blank, twice[1], twice[2], ['n1', 'x'], blank, blank, blank];
  const plan = planLanding(evidence(twice, 4, ['n1'], now, 1))!;
  expect(plan.restore).toEqual([{ row: 5, cells: ['', 'same'] }]);
  expect(plan.entryRows).toEqual([6]);
});

test('a row deleted above and a write that stayed: it covered only blank rows of its own', () => {
  // The blank row 4 deleted: "my row" is row 4, Cadence's rows 5-6, and the write went to 6-7.
  const now: Rows = [before[0], before[1], before[2], before[4], blank, ['n1', 'x'], ['n2', 'y'], blank];
  expect(planLanding(evidence(before, 5, ['n1', 'n2'], now, -1))).toEqual({
    restore: [],
    entryRows: [6, 7],
    clear: [],
  });
});

test('rows that no single edit explains give no plan rather than a guess', () => {
  const now: Rows = [before[0], ['zz', 'changed'], ['yy', 'changed'], blank, blank, ['n9', 'x'], blank, blank, blank];
  expect(planLanding(evidence(before, 5, ['n1', 'n2'], now, 1))).toBeNull();
});

test("a row inserted at the top before Cadence's insert: Cadence's rows were fresh, nothing was covered", () => {
  // Cadence inserted after row 5 as it read the record, which was then the blank row: "my row" went below.
  const now: Rows = [before[0], blank, before[1], before[2], blank, ['n1', 'x'], ['n2', 'y'], before[4], blank, blank];
  expect(planLanding(evidence(before, 5, ['n1', 'n2'], now, 1))).toEqual({
    restore: [],
    entryRows: [6, 7],
    clear: [],
  });
});
