/** Exact retries (issue 10): request ids trimmed and compared exactly, bound to the content first stored. */
import type { EntryChangeResult, SaveSessionResult } from '../../src/core/types';
import { failure, newRequestId, practice, recordEntries, session } from './fixtures';

test('a request id with surrounding spaces is the same request: stored once, answered duplicate', () => {
  const env = practice();
  const request = session(['C001', 'C002']);
  const first = env.run<SaveSessionResult>('saveSession', request);
  expect(recordEntries(env).map((r) => r['Request ID'])).toEqual([request.requestId, request.requestId]);
  for (const padded of [` ${request.requestId}`, `${request.requestId}\t `, `\n${request.requestId}\n`]) {
    expect(env.run<SaveSessionResult>('saveSession', { ...request, requestId: padded })).toMatchObject({
      saved: 0,
      duplicate: true,
      entryIds: first.entryIds,
      trends: [],
    });
  }
  // Exact otherwise: case and inner characters make another request.
  expect(
    env.run<SaveSessionResult>('saveSession', {
      ...request,
      requestId: request.requestId.toUpperCase(),
      date: '2025-03-11',
    }).saved,
  ).toBe(2);
  expect(recordEntries(env)).toHaveLength(4);
});

test('a stored request id sent again with other marks is refused, naming what was stored; the first version stays', () => {
  const env = practice();
  const request = session(['C001', 'C002'], { C002: { status: 'excused', reason: 'illness' } });
  env.run<SaveSessionResult>('saveSession', request);
  const before = recordEntries(env);
  for (const changed of [
    { ...request, attendance: [request.attendance[0], { ...request.attendance[1], status: 'unexcused' }] },
    { ...request, attendance: [request.attendance[0]] },
    { ...request, date: '2025-03-11' },
    { ...request, attendance: [request.attendance[0], { ...request.attendance[1], note: 'called' }] },
  ]) {
    const error = failure(() => env.run('saveSession', changed));
    expect(error).toMatch(/already stored with different marks/);
    expect(error).toContain('2025-03-10: Amy Adams present, Ben Brown excused (illness)');
    expect(recordEntries(env)).toEqual(before);
  }
});

test('a retry of a stored save is a duplicate even after a client left the roster; a new save for them is refused', () => {
  const env = practice();
  const request = session(['C001', 'C002']);
  const first = env.run<SaveSessionResult>('saveSession', request);
  // Ben leaves the roster (his row deleted by hand).
  const roster = env.spreadsheet.getSheetByName('Clients')!;
  roster.deleteRow(3);
  expect(env.run<SaveSessionResult>('saveSession', request)).toMatchObject({
    saved: 0,
    duplicate: true,
    entryIds: first.entryIds,
    trends: [],
  });
  expect(failure(() => env.run('saveSession', { ...request, requestId: newRequestId() }))).toMatch(/not on the roster/);
  // The same id with other content still says what was stored.
  expect(failure(() => env.run('saveSession', { ...request, date: '2025-03-11' }))).toMatch(
    /already stored with different marks/,
  );
  expect(recordEntries(env)).toHaveLength(2);
});

test('a changed form sent with a new id after an unanswered attempt: refused saying the attempt was stored after all', () => {
  const env = practice();
  const attempt = session(['C001', 'C002']);
  env.run<SaveSessionResult>('saveSession', attempt); // stored, but the sidebar never heard back
  const edited = { ...session(['C001', 'C002'], { C002: { status: 'late' } }), retryOf: attempt.requestId };
  const error = failure(() => env.run('saveSession', edited));
  expect(error).toMatch(
    /earlier attempt of this save was stored after all: 2025-03-10: Amy Adams present, Ben Brown present/,
  );
  expect(recordEntries(env)).toHaveLength(2);
  // An attempt that never landed does not stand in the way.
  const saved = env.run<SaveSessionResult>('saveSession', { ...session(['C003']), retryOf: newRequestId() });
  expect(saved.saved).toBe(1);
});

test('a correction id reused with other content is refused; the stored correction stays', () => {
  const env = practice();
  const [, ben] = env.run<SaveSessionResult>('saveSession', session(['C001', 'C002'])).entryIds;
  const request = { requestId: newRequestId(), entryId: ben, status: 'excused', reason: 'illness' };
  const fixed = env.run<EntryChangeResult>('correctEntry', request);
  expect(env.run<EntryChangeResult>('correctEntry', { ...request, requestId: ` ${request.requestId} ` })).toEqual({
    entryId: fixed.entryId,
    duplicate: true,
  });
  const before = recordEntries(env);
  expect(failure(() => env.run('correctEntry', { ...request, status: 'late', reason: '' }))).toMatch(
    /already saved with different content/,
  );
  expect(failure(() => env.run('withdrawEntry', { requestId: request.requestId, entryId: ben }))).toMatch(
    /already saved with different content/,
  );
  expect(recordEntries(env)).toEqual(before);
});
