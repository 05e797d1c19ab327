/**
 * Two therapists saving at the same moment: a second save is run at every service call of the
 * first. Each either lands complete or fails with the lock message having stored nothing; after a
 * retry (same request id) both sessions are in the record exactly once, no row overwritten.
 */
import type { SaveSessionResult } from '../../src/core/types';
import { failure, practice, recordEntries, session } from './fixtures';

const LOCK_MESSAGE = /Another save is in progress.*nothing was saved/;

function setUp(firstSaveExists: boolean) {
  const env = practice();
  if (firstSaveExists) env.run('saveSession', session(['C004'], {}, { date: '2025-03-04', group: 'Tuesday group' }));
  const first = session(['C001', 'C002'], { C002: { status: 'excused', reason: 'illness' } });
  const second = session(['C003', 'C004'], {}, { date: '2025-03-11' });
  return { env, first, second };
}

/** Service calls the first save makes when nothing interleaves, counted the way the hook sees them. */
function callsOfFirstSave(firstSaveExists: boolean): number {
  const { env, first } = setUp(firstSaveExists);
  let calls = 0;
  env.beforeServiceCall = () => {
    calls += 1;
  };
  env.run('saveSession', first);
  return calls;
}

function interleaveAt(call: number, firstSaveExists: boolean) {
  const { env, first, second } = setUp(firstSaveExists);
  let seen = 0;
  let secondError: string | null | undefined;
  env.beforeServiceCall = () => {
    if (secondError !== undefined) return;
    seen += 1;
    if (seen === call) secondError = failure(() => env.run('saveSession', second));
  };
  const firstError = failure(() => env.run('saveSession', first));
  env.beforeServiceCall = null;
  // The second save really ran inside the first.
  expect(secondError).not.toBeUndefined();
  return { env, first, second, firstError, secondError: secondError ?? null };
}

describe.each([false, true])('with a record already there: %s', (firstSaveExists) => {
  const total = callsOfFirstSave(firstSaveExists);

  test.each(Array.from({ length: total }, (_, i) => i + 1))('a second save at service call %i of the first', (call) => {
    const { env, first, second, firstError, secondError } = interleaveAt(call, firstSaveExists);
    const base = firstSaveExists ? 1 : 0;
    const stored = () => recordEntries(env).slice(base);
    const requestIds = () => stored().map((r) => r['Request ID']);
    for (const [error, request] of [
      [firstError, first],
      [secondError, second],
    ] as const) {
      if (error !== null) {
        expect(error).toMatch(LOCK_MESSAGE);
        expect(requestIds()).not.toContain(request.requestId);
      } else {
        expect(requestIds().filter((id) => id === request.requestId)).toHaveLength(2);
      }
    }
    // Retry whatever failed: both sessions end up stored once and complete.
    for (const request of [first, second]) {
      const retried = env.run<SaveSessionResult>('saveSession', request);
      expect(retried.duplicate || retried.saved === 2).toBe(true);
    }
    const rows = stored();
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r['Request ID'] === first.requestId).map((r) => r['Client ID'])).toEqual([
      'C001',
      'C002',
    ]);
    expect(rows.filter((r) => r['Request ID'] === second.requestId).map((r) => r['Client ID'])).toEqual([
      'C003',
      'C004',
    ]);
    expect(new Set(recordEntries(env).map((r) => r['Entry ID'])).size).toBe(base + 4);
    if (firstSaveExists) expect(recordEntries(env)[0]['Client ID']).toBe('C004');
  });
});

test('when the lock cannot be had, the save says so and stores nothing; a retry then lands', () => {
  const env = practice();
  env.lockUnavailable = true;
  const request = session(['C001']);
  expect(failure(() => env.run('saveSession', request))).toMatch(LOCK_MESSAGE);
  expect(recordEntries(env)).toHaveLength(0);
  env.lockUnavailable = false;
  expect(env.run<SaveSessionResult>('saveSession', request).saved).toBe(1);
});

test('a service failure half-way through the append leaves nothing stored, and the retry stores it once', () => {
  const env = practice();
  env.run('saveSession', session(['C004']));
  const request = session(['C001', 'C002']);
  env.injectFault({ method: 'Range.setValues', message: 'Service Spreadsheets failed while accessing document' });
  expect(failure(() => env.run('saveSession', request))).toMatch(/Service Spreadsheets failed/);
  expect(recordEntries(env)).toHaveLength(1);
  expect(env.run<SaveSessionResult>('saveSession', request).saved).toBe(2);
  expect(env.run<SaveSessionResult>('saveSession', request).duplicate).toBe(true);
  expect(recordEntries(env)).toHaveLength(3);
});

/**
 * A person deletes one of Cadence's tabs; save B then runs while save A is opening the workbook
 * (before A takes the lock), makes the tab again and remembers its ID. A, holding the deleted
 * tab's ID, must read the remembered IDs again under the lock (tabsUnderLock in recordWrite.ts)
 * and use B's tab, not take it for a copy and make a second one.
 */
test.each([
  ['Patterns', 'cadence.patterns'],
  ['Attendance', 'cadence.attendance'],
])('the %s tab deleted, then remade by a save inside another: one tab, both saves once', (name, tag) => {
  const env = practice();
  env.run('saveSession', session(['C004'], {}, { date: '2025-03-04', group: 'Tuesday group' }));
  env.spreadsheet.deleteSheet(env.spreadsheet.getSheetByName(name)!);
  const first = session(['C001', 'C002']);
  const second = session(['C003'], {}, { date: '2025-03-11' });
  let inner: string | null | undefined;
  env.beforeServiceCall = (method) => {
    if (method !== 'Lock.tryLock') return;
    env.beforeServiceCall = null;
    inner = failure(() => env.run('saveSession', second));
  };
  const outer = failure(() => env.run('saveSession', first));
  env.beforeServiceCall = null;
  expect([inner, outer]).toEqual([null, null]);
  const tagged = env.spreadsheet
    .getSheets()
    .filter((s) => s.getDeveloperMetadata().some((m) => m.getKey() === tag))
    .map((s) => s.getName());
  expect(tagged).toEqual([name]);
  const requests = recordEntries(env).map((r) => r['Request ID']);
  expect(requests.filter((id) => id === first.requestId)).toHaveLength(2);
  expect(requests.filter((id) => id === second.requestId)).toHaveLength(1);
});
