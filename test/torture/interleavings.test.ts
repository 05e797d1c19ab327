/**
 * Interleavings (issue 6): a second write, or a user's own edit, at every service call of a first
 * write. Apps Script's document lock serialises Cadence's writers but not the people editing the
 * sheet, so a user may sort the record or type below it at any moment of a save.
 */
import { RECORD_COLUMNS } from '../../src/core/record';
import type { EntryChangeResult } from '../../src/core/types';
import type { OfflineEnvironment } from '../../src/runtime';
import {
  attendanceSheet,
  failure,
  newRequestId,
  readRecordBack,
  recordEntries,
  session,
  supersededBy,
} from '../server/fixtures';
import type { RecordRowView } from '../server/fixtures';
import { unclearReasons } from './clearMessage';
import { emptyFigures, reportFigures } from './figures';
import { patternsProblems } from './patternsCheck';
import { warmPractice } from './practiceStates';
import { SIZE_NAME, TORTURE } from './size';
import { LOCK_IN_SIMPLE_TRIGGERS, phone, quickEntrySheet, readQuickEntry } from '../server/quickEntryHelpers';
import { phoneOutcome } from './phoneSave';

const figures = emptyFigures();
afterAll(() => reportFigures('interleavings', figures, SIZE_NAME));

const LOCK_BUSY = /Another save is in progress/;
/** Where a person's cursor is: row-located developer metadata moves with inserted and deleted rows. */
const PERSON_CURSOR = 'test.personCursor';

/** The current (not superseded, not withdrawn) entry of a client. */
function currentOf(env: OfflineEnvironment, clientId: string): RecordRowView {
  const rows = recordEntries(env);
  return rows.find(
    (r) => r['Client ID'] === clientId && supersededBy(rows, String(r['Entry ID'])) === '' && r.Status !== 'withdrawn',
  )!;
}

interface Pair {
  name: string;
  /**
   * The inner action is a person editing the sheet. Apps Script has no atomic check-and-write, so
   * an edit landing after the server's last read and before its write cannot be seen before the
   * write; the add-on must notice it after and put the person's cells back. Every point fails the
   * test on a collision, that instant included (still counted apart in the figures).
   */
  userEdit?: boolean;
  /** Makes the two calls for a fresh practice; `inner` runs at the chosen service call of `outer`. */
  make: (env: OfflineEnvironment) => {
    outer: () => unknown;
    inner: () => unknown;
    check: (outcomes: Outcomes) => string[];
  };
}

interface Outcomes {
  env: OfflineEnvironment;
  outer: string | null;
  inner: string | null;
  /** Errors of the retries of whichever got the lock message. */
  retries: (string | null)[];
}

/** Exactly one row for a request id, and no Entry ID twice. */
function once(env: OfflineEnvironment, requestId: string, rows: number): string[] {
  const stored = recordEntries(env).filter((r) => r['Request ID'] === requestId).length;
  const ids = recordEntries(env).map((r) => r['Entry ID']);
  const problems: string[] = [];
  if (stored !== rows) problems.push(`request ${requestId} has ${stored} rows, expected ${rows}`);
  if (new Set(ids).size !== ids.length) problems.push('an Entry ID is in the record twice');
  return problems;
}

/** Every row there before is still there with the same content: nothing was written into an old row. */
function unchangedRows(before: readonly RecordRowView[], after: readonly RecordRowView[]): string[] {
  const cadence = (r: RecordRowView) => JSON.stringify(RECORD_COLUMNS.map((c) => r[c.header]));
  const now = new Map(after.map((r) => [String(r['Entry ID']), cadence(r)]));
  return before
    .filter((r) => now.get(String(r['Entry ID'])) !== cadence(r))
    .map((r) => `the row of ${r.Client} (${r['Entry ID']}) was changed or lost`);
}

/** Two changes of the same entry: one is stored, the other refused in words; the entry points at the stored one. */
function oneChangeWins(env: OfflineEnvironment, entryId: string, a: string, b: string, outcomes: Outcomes): string[] {
  const rows = recordEntries(env);
  const stored = rows.filter((r) => r.Replaces === entryId);
  const problems: string[] = [];
  if (stored.length !== 1) problems.push(`${stored.length} rows replace the entry, expected exactly 1`);
  const winner = stored[0];
  if (winner && ![a, b].includes(String(winner['Request ID'])))
    problems.push('the replacing row belongs to neither request');
  const old = rows.find((r) => r['Entry ID'] === entryId);
  if (!old) problems.push("the entry's own row is gone");
  const refusals = [outcomes.outer, outcomes.inner, ...outcomes.retries].filter(
    (e): e is string => e !== null && !LOCK_BUSY.test(e),
  );
  if (refusals.length !== 1 || !/already corrected or withdrawn/.test(refusals[0]))
    problems.push(`expected one refusal saying it was already changed, got ${JSON.stringify(refusals)}`);
  return problems;
}

/** The Quick entry tab set up, Monday group listed for 2025-03-10 and marked, Save not yet ticked. */
function preparePhone(env: OfflineEnvironment): void {
  env.run('setUpQuickEntry');
  phone.chooseDate(env, '2025-03-10');
  phone.chooseGroup(env, 'Monday group');
  phone.mark(env, 'Amy Adams', { status: 'Present' });
  phone.mark(env, 'Ben Brown', { status: 'Excused', reason: 'illness', notice: true, note: 'flu' });
  phone.mark(env, 'Cleo Clark', { status: 'Unexcused' });
}

/** Save ticked on the phone: the status line's words thrown, unless it says what this runtime allows (saved). */
function phoneTick(env: OfflineEnvironment): void {
  const view = readQuickEntry(env);
  const { error } = env.edit(view.sheetName, view.save, true);
  if (error) throw new Error(`onEdit failed: ${error}`);
  const status = readQuickEntry(env).status;
  // Where no simple trigger may take the lock (switch lockInSimpleTriggers), refusing is the answer.
  const expected = LOCK_IN_SIMPLE_TRIGGERS ? 'saved' : 'lock refused';
  if (phoneOutcome(status) !== expected) throw new Error(status);
}

/** Rows stored from the phone (their request ids are the Quick entry's). */
function phoneRows(env: OfflineEnvironment): RecordRowView[] {
  return recordEntries(env).filter((r) => String(r['Request ID']).startsWith('quick-'));
}

/** The phone's session stored whole, once, or (where no lock is to be had in a simple trigger) not at all. */
function phoneStoredOnce(env: OfflineEnvironment): string[] {
  const rows = phoneRows(env);
  const expected = LOCK_IN_SIMPLE_TRIGGERS ? 3 : 0;
  const problems =
    rows.length === expected ? [] : [`the phone's session has ${rows.length} rows, expected ${expected}`];
  if (new Set(rows.map((r) => r['Request ID'])).size > 1) problems.push('the phone stored two requests');
  return problems;
}

const PAIRS: Pair[] = [
  {
    name: 'a phone save (Quick entry) and a sidebar save of another group',
    make: (env) => {
      preparePhone(env);
      const b = session(['C004'], {}, { group: 'Tuesday group' });
      return {
        outer: () => phoneTick(env),
        inner: () => env.run('saveSession', b),
        check: () => [...phoneStoredOnce(env), ...once(env, b.requestId, 1)],
      };
    },
  },
  {
    name: 'a sidebar save, and a phone save of the same session',
    make: (env) => {
      preparePhone(env);
      const a = session(['C001', 'C002', 'C003']);
      return {
        outer: () => env.run('saveSession', a),
        inner: () => phoneTick(env),
        check: (outcomes) => {
          const problems = once(env, a.requestId, 3);
          const stored = phoneRows(env).length;
          const last = [outcomes.inner, ...outcomes.retries].filter((e) => e !== null).at(-1) ?? '';
          if (stored !== 0 && stored !== 3) problems.push(`the phone stored ${stored} of its 3 rows`);
          if (stored === 0 && LOCK_IN_SIMPLE_TRIGGERS && !/already recorded/.test(last))
            problems.push(`the phone stored nothing and said ${JSON.stringify(last)}`);
          return problems;
        },
      };
    },
  },
  {
    name: 'a phone save, and a second phone ticking Save on the same form',
    make: (env) => {
      preparePhone(env);
      const save = `'${quickEntrySheet(env).getName()}'!${readQuickEntry(env).save}`;
      return {
        outer: () => phoneTick(env),
        inner: () => env.trigger('onEdit', { authMode: 'LIMITED', event: { range: save, value: 'TRUE' } }),
        check: () => phoneStoredOnce(env),
      };
    },
  },
  {
    name: 'a phone save, and the person typing a note on the phone',
    userEdit: true,
    // Cleo's note was blank when Save was ticked: the clearing after the save never writes it, so a
    // note typed at any moment is stored (typed before the form was read) or stays on the form.
    make: (env) => {
      preparePhone(env);
      const typed = 'typed while saving';
      return {
        outer: () => phoneTick(env),
        inner: () => {
          const view = readQuickEntry(env);
          env.edit(view.sheetName, view.cell('Cleo Clark', 'Note'), typed);
        },
        check: () => {
          const problems = phoneStoredOnce(env);
          const stored = phoneRows(env).some((r) => r.Note === typed);
          const kept = readQuickEntry(env).clients.some((c) => c.note === typed);
          if (!stored && !kept) problems.push("the person's note is neither stored nor still on the phone");
          return problems;
        },
      };
    },
  },
  {
    name: 'a phone save, and the user sorting the record by client',
    userEdit: true,
    make: (env) => {
      preparePhone(env);
      const before = recordEntries(env);
      const sheet = attendanceSheet(env)!;
      return {
        outer: () => phoneTick(env),
        inner: () => {
          const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
          sheet
            .getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn())
            .sort({ column: headers.indexOf('Client') + 1, ascending: false });
        },
        check: () => [...phoneStoredOnce(env), ...unchangedRows(before, recordEntries(env))],
      };
    },
  },
  {
    name: 'two saves of different clients',
    make: (env) => {
      const a = session(['C001', 'C002']);
      const b = session(['C003', 'C004'], {}, { group: 'Tuesday group' });
      return {
        outer: () => env.run('saveSession', a),
        inner: () => env.run('saveSession', b),
        check: () => [...once(env, a.requestId, 2), ...once(env, b.requestId, 2)],
      };
    },
  },
  {
    name: 'a save and a correction of an earlier entry',
    make: (env) => {
      const a = session(['C001', 'C002']);
      const entryId = String(currentOf(env, 'C003')['Entry ID']);
      const b = { requestId: newRequestId(), entryId, status: 'refused' };
      return {
        outer: () => env.run('saveSession', a),
        inner: () => env.run('correctEntry', b),
        check: () => {
          const rows = recordEntries(env);
          const replacing = rows.find((r) => r['Request ID'] === b.requestId);
          return [
            ...once(env, a.requestId, 2),
            ...once(env, b.requestId, 1),
            ...(replacing && supersededBy(rows, entryId) === replacing['Entry ID']
              ? []
              : ['the corrected entry is not superseded by its correction']),
          ];
        },
      };
    },
  },
  {
    name: 'two corrections of the same entry',
    make: (env) => {
      const entryId = String(currentOf(env, 'C002')['Entry ID']);
      const a = { requestId: newRequestId(), entryId, status: 'unexcused' };
      const b = { requestId: newRequestId(), entryId, status: 'present' };
      return {
        outer: () => env.run('correctEntry', a),
        inner: () => env.run('correctEntry', b),
        check: (o) => oneChangeWins(env, entryId, a.requestId, b.requestId, o),
      };
    },
  },
  {
    name: 'a withdrawal and a correction of the same entry',
    make: (env) => {
      const entryId = String(currentOf(env, 'C003')['Entry ID']);
      const a = { requestId: newRequestId(), entryId, note: 'entered twice' };
      const b = { requestId: newRequestId(), entryId, status: 'late' };
      return {
        outer: () => env.run('withdrawEntry', a),
        inner: () => env.run('correctEntry', b),
        check: (o) => oneChangeWins(env, entryId, a.requestId, b.requestId, o),
      };
    },
  },
  {
    name: 'a save and Refresh patterns',
    make: (env) => {
      const a = session(['C001', 'C003'], { C003: { status: 'unexcused' } });
      return {
        outer: () => env.run('saveSession', a),
        inner: () => env.run('refreshPatterns'),
        check: () => [...once(env, a.requestId, 2), ...patternsProblems(env)],
      };
    },
  },
  {
    name: 'a correction, and the user sorting the record by client',
    userEdit: true,
    make: (env) => {
      const before = recordEntries(env);
      const entryId = String(currentOf(env, 'C002')['Entry ID']);
      const a = { requestId: newRequestId(), entryId, status: 'unexcused' };
      return {
        outer: () => env.run<EntryChangeResult>('correctEntry', a),
        inner: () => {
          const sheet = attendanceSheet(env)!;
          const client = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf('Client') + 1;
          // Amy, Amy, Ben, Cleo: Ben's row moves down one.
          sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).sort({ column: client, ascending: true });
        },
        check: () => {
          const rows = recordEntries(env);
          const replacing = rows.find((r) => r['Request ID'] === a.requestId);
          const marked = rows.filter(
            (r) => replacing && supersededBy(rows, String(r['Entry ID'])) === replacing['Entry ID'],
          );
          return [
            ...once(env, a.requestId, 1),
            ...unchangedRows(before, rows),
            ...(marked.length === 1 && marked[0]['Entry ID'] === entryId
              ? []
              : [
                  `the correction superseded ${JSON.stringify(marked.map((r) => `${r.Client} ${r['Entry ID']}`))} instead of the entry it corrects`,
                ]),
          ];
        },
      };
    },
  },
  {
    name: 'a follow-up marked done, and the user sorting the record by status',
    userEdit: true,
    make: (env) => {
      const before = recordEntries(env);
      const entryId = String(currentOf(env, 'C002')['Entry ID']);
      return {
        outer: () => env.run('completeFollowUp', entryId),
        inner: () => {
          const sheet = attendanceSheet(env)!;
          const status = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf('Status') + 1;
          sheet
            .getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn())
            .sort({ column: status, ascending: false });
        },
        check: () => {
          const rows = recordEntries(env);
          const done = rows.filter((r) => r['Follow-up done'] !== '');
          return [
            ...unchangedRows(before, rows),
            ...(done.length === 1 && done[0].Replaces === entryId && done[0]['Client ID'] === 'C002'
              ? []
              : [
                  `"Follow-up done" is on ${JSON.stringify(done.map((r) => `${r.Client} replacing ${r.Replaces}`))}, not on a new version of the entry marked`,
                ]),
          ];
        },
      };
    },
  },
  {
    name: 'a save, and the user typing a row of their own under the record',
    userEdit: true,
    make: (env) => {
      const a = session(['C001', 'C004']);
      // A person aims at a cell they see before the save starts (picking it and typing takes
      // seconds; a save's insert and write are a fraction of one), and the cell they picked moves
      // with the grid when Cadence inserts rows above it, as any collaborator's cursor does in
      // Sheets. So the cell is chosen here, marked with row-located metadata (which moves with
      // inserted rows), and typed into at the interleaving point wherever it has moved to. A person
      // who first saw the rows Cadence inserted could type into them only after the write.
      const sheet = attendanceSheet(env)!;
      const typedAt = sheet.getLastRow() + 1;
      if (typedAt > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), 1);
      sheet.getRange(`${typedAt}:${typedAt}`).addDeveloperMetadata(PERSON_CURSOR);
      let typed = 0;
      return {
        outer: () => env.run('saveSession', a),
        inner: () => {
          const cursor = sheet.createDeveloperMetadataFinder().withKey(PERSON_CURSOR).find()[0];
          typed = cursor.getLocation().getRow()!.getRow();
          cursor.remove();
          sheet.getRange(typed, 2, 1, 2).setValues([['my own note', 'typed by hand']]);
        },
        check: () => {
          const problems = once(env, a.requestId, 2);
          const mine = recordEntries(env).filter((r) => r['Request ID'] === a.requestId);
          if (mine.map((r) => `${r['Client ID']} ${r.Status}`).join() !== 'C001 present,C004 present')
            problems.push(`the saved rows read ${JSON.stringify(mine)}`);
          if (
            typed &&
            sheet
              .getRange(1, 2, sheet.getLastRow(), 2)
              .getValues()
              .filter((r) => r[0] === 'my own note' && r[1] === 'typed by hand').length !== 1
          ) {
            problems.push(`the row the user typed at row ${typed} was overwritten`);
          }
          return problems;
        },
      };
    },
  },
  ...(
    [
      'insert a blank column at B',
      'rename every heading',
      'add a column of their own headed "Status" at B',
      'delete a column of their own',
      'insert a row at the top of the record',
      'delete a user row under the record',
    ] as const
  ).map((edit): Pair => ({
    name: `a save, and the user's edit: ${edit}`,
    userEdit: true,
    make: (env) => {
      const sheet = attendanceSheet(env)!;
      // A column and a row of the user's own, there before the save, filled on every row.
      const width = sheet.getLastColumn();
      sheet
        .getRange(1, width + 1, sheet.getLastRow(), 1)
        .setValues([['Mine'], ...Array.from({ length: sheet.getLastRow() - 1 }, (_, i) => [`mine ${i}`])]);
      sheet.getRange(sheet.getLastRow() + 2, 2).setValue('a row of my own');
      const before = recordEntries(env);
      const a = session(['C001', 'C004'], { C004: { status: 'excused', reason: 'illness', note: 'flu' } });
      return {
        outer: () => env.run('saveSession', a),
        inner: () => {
          const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
          if (edit === 'insert a blank column at B') sheet.insertColumnBefore(2);
          if (edit === 'rename every heading')
            sheet.getRange(1, 1, 1, headers.length).setValues([headers.map((h) => `${String(h)} *`)]);
          if (edit === 'add a column of their own headed "Status" at B') {
            sheet.insertColumnBefore(2);
            sheet.getRange(1, 2, 2, 1).setValues([['Status'], ['present']]);
          }
          if (edit === 'delete a column of their own') sheet.deleteColumn(headers.indexOf('Mine') + 1);
          if (edit === 'insert a row at the top of the record') sheet.insertRowAfter(1);
          if (edit === 'delete a user row under the record') {
            const row =
              sheet
                .getRange(1, 2, sheet.getLastRow(), 1)
                .getValues()
                .findIndex((r) => r[0] === 'a row of my own') + 1;
            sheet.deleteRow(row);
          }
        },
        check: () => {
          const rows = recordEntries(env);
          const problems = [...once(env, a.requestId, 2), ...unchangedRows(before, rows)];
          const dan = rows.find((r) => r['Request ID'] === a.requestId && r['Client ID'] === 'C004');
          if (
            !dan ||
            dan.Status !== 'excused' ||
            dan.Reason !== 'illness' ||
            dan.Note !== 'flu' ||
            dan['Session date'] !== a.date
          )
            problems.push(`the new row reads ${JSON.stringify(dan)}`);
          const mineKey = edit === 'rename every heading' ? 'Mine *' : 'Mine';
          const mine = readRecordBack(env).filter((r) => r[mineKey] !== undefined && r[mineKey] !== '');
          if (edit !== 'delete a column of their own' && mine.length !== before.length)
            problems.push(`${mine.length} of the user's ${before.length} own cells are left`);
          const own = sheet
            .getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn())
            .getValues()
            .filter((r) => r.includes('a row of my own')).length;
          if (own !== (edit === 'delete a user row under the record' ? 0 : 1))
            problems.push(`the user's own row is there ${own} times`);
          return problems;
        },
      };
    },
  })),
];

/** The service methods the outer write makes on its own, in order. */
function callsOf(pair: Pair): string[] {
  const env = warmPractice();
  const { outer } = pair.make(env);
  const methods: string[] = [];
  env.beforeServiceCall = (method) => {
    methods.push(method);
  };
  outer();
  env.beforeServiceCall = null;
  return methods;
}

const READS = /\.(getValues|getValue|getDisplayValues|getLastRow|getLastColumn|getDataRange)$/;
const WRITES = /\.(setValues|setValue)$/;

/** Whether an edit before call `point` (1-based) falls after the last read that precedes the next write. */
function afterLastRead(methods: string[], point: number): boolean {
  for (let i = point - 1; i < methods.length; i += 1) {
    if (WRITES.test(methods[i])) return true;
    if (READS.test(methods[i])) return false;
  }
  return false;
}

describe.each(PAIRS.map((p) => [p.name, p] as const))('%s', (_name, pair) => {
  test('at every service call of the first: both complete or one is refused in words; nothing lost, doubled or misplaced', () => {
    const methods = callsOf(pair);
    const problems: string[] = [];
    // CI: every point within three calls of a write, and every fourth of the rest; torture: every point.
    const nearWrite = (point: number) =>
      methods.slice(point - 1, point + 2).some((m) => WRITES.test(m) || /\.(insert|append|flush|tryLock)/.test(m));
    const points = Array.from({ length: methods.length }, (_, i) => i + 1).filter(
      (p) => TORTURE || p % 4 === 1 || nearWrite(p),
    );
    for (const point of points) {
      const env = warmPractice();
      const { outer, inner, check } = pair.make(env);
      let outerExecution: number | null = null;
      let seen = 0;
      let innerError: string | null | undefined;
      env.beforeServiceCall = (_method, execution) => {
        outerExecution ??= execution;
        if (execution !== outerExecution || innerError !== undefined) return;
        seen += 1;
        if (seen === point) innerError = failure(inner);
      };
      const outerError = failure(outer);
      env.beforeServiceCall = null;
      figures.interleavings += 1;
      const outcomes: Outcomes = { env, outer: outerError, inner: innerError ?? null, retries: [] };
      // Whoever was told another save is in progress presses Save again.
      if (outerError !== null && LOCK_BUSY.test(outerError)) outcomes.retries.push(failure(outer));
      if (innerError !== undefined && innerError !== null && LOCK_BUSY.test(innerError))
        outcomes.retries.push(failure(inner));
      for (const error of [outcomes.outer, outcomes.inner, ...outcomes.retries]) {
        if (error !== null && unclearReasons(error).length) problems.push(`at call ${point}: unclear message ${error}`);
      }
      const found = check(outcomes);
      const instant = !!pair.userEdit && afterLastRead(methods, point);
      if (pair.userEdit) {
        figures.personEdits += 1;
        if (found.length) figures.collided += 1;
        if (found.length && instant) figures.atWriteInstant += 1;
      }
      problems.push(...found.map((p) => `at call ${point} (${methods[point - 1]}): ${p}`));
    }
    expect(problems.slice(0, 20)).toEqual([]);
    expect(methods.length).toBeGreaterThan(5);
  });
});
