/** Corrections and withdrawals append a superseding row; the old row's content never changes. */
import type { Entry, EntryChangeResult, SaveSessionResult } from '../../src/core/types';
import {
  attendanceSheet,
  failure,
  newRequestId,
  practice,
  recordEntries,
  session,
  sidebar,
  supersededBy,
} from './fixtures';

function setup() {
  const env = practice();
  const saved = env.run<SaveSessionResult>(
    'saveSession',
    session(['C001', 'C002'], { C002: { status: 'unexcused', reason: 'unknown', followUp: true } }),
  );
  return { env, amy: saved.entryIds[0], ben: saved.entryIds[1] };
}

test('a correction appends a superseding row naming the old one, whose row is not written to', () => {
  const { env, ben } = setup();
  const oldRow = recordEntries(env)[1];
  const request = {
    requestId: newRequestId(),
    entryId: ben,
    status: 'excused',
    reason: 'illness',
    notice: true,
    note: 'called at 9',
  };
  const result = env.run<EntryChangeResult>('correctEntry', request);
  expect(result.duplicate).toBe(false);
  const rows = recordEntries(env);
  expect(rows).toHaveLength(3);
  expect(rows[1]).toEqual(oldRow);
  expect(supersededBy(rows, ben)).toBe(result.entryId);
  expect(rows[2]).toMatchObject({
    'Entry ID': result.entryId,
    'Session date': '2025-03-10',
    'Client ID': 'C002',
    Client: 'Ben Brown',
    Status: 'excused',
    Reason: 'illness',
    'Notice given': 'yes',
    Note: 'called at 9',
    Replaces: ben,
  });
  // The sidebar now sees the corrected entry only.
  const data = sidebar(env);
  expect(data.clients.find((c) => c.id === 'C002')!.lastEntry).toMatchObject({
    entryId: result.entryId,
    status: 'excused',
  });
  expect(data.followUps).toEqual([]);
  // Retrying the same correction changes nothing.
  expect(env.run<EntryChangeResult>('correctEntry', request)).toEqual({ entryId: result.entryId, duplicate: true });
  expect(recordEntries(env)).toHaveLength(3);
});

test("history lists a client's entries newest first with superseded ones marked", () => {
  const { env, ben } = setup();
  const later = env.run<SaveSessionResult>('saveSession', session(['C002'], {}, { date: '2025-03-11' }));
  const fix = env.run<EntryChangeResult>('correctEntry', {
    requestId: newRequestId(),
    entryId: ben,
    status: 'excused',
    reason: 'illness',
  });
  const history = env.run<Entry[]>('getClientHistory', 'C002');
  expect(history.map((e) => [e.entryId, e.sessionDate, e.status, e.supersededBy, e.replaces])).toEqual([
    [later.entryIds[0], '2025-03-11', 'present', '', ''],
    [fix.entryId, '2025-03-10', 'excused', '', ben],
    [ben, '2025-03-10', 'unexcused', fix.entryId, ''],
  ]);
  expect(env.run<Entry[]>('getClientHistory', 'C004')).toEqual([]);
});

test('a withdrawal removes the entry from the counts and keeps the audit trail', () => {
  const { env, amy } = setup();
  const result = env.run<EntryChangeResult>('withdrawEntry', {
    requestId: newRequestId(),
    entryId: amy,
    note: 'recorded in the wrong group',
  });
  const rows = recordEntries(env);
  expect(supersededBy(rows, amy)).toBe(result.entryId);
  expect(rows[2]).toMatchObject({
    Status: 'withdrawn',
    Replaces: amy,
    Note: 'recorded in the wrong group',
    'Client ID': 'C001',
  });
  expect(sidebar(env).clients.find((c) => c.id === 'C001')!.lastEntry).toBeNull();
});

test('an entry already corrected or withdrawn is refused with a clear message, nothing written', () => {
  const { env, ben } = setup();
  env.run('withdrawEntry', { requestId: newRequestId(), entryId: ben });
  const count = recordEntries(env).length;
  expect(
    failure(() => env.run('correctEntry', { requestId: newRequestId(), entryId: ben, status: 'present' })),
  ).toMatch(/already corrected or withdrawn/);
  expect(failure(() => env.run('withdrawEntry', { requestId: newRequestId(), entryId: ben }))).toMatch(
    /already corrected or withdrawn/,
  );
  expect(
    failure(() => env.run('correctEntry', { requestId: newRequestId(), entryId: 'no-such-id', status: 'present' })),
  ).toMatch(/no longer in the Attendance tab/);
  expect(failure(() => env.run('correctEntry', { requestId: newRequestId(), entryId: ben, status: 'gone' }))).toMatch(
    /mark one of present/,
  );
  expect(recordEntries(env)).toHaveLength(count);
});

test('entries are found by Entry ID after the user sorted the tab', () => {
  const { env, amy, ben } = setup();
  const sheet = attendanceSheet(env)!;
  sheet.getRange(2, 1, 2, sheet.getLastColumn()).sort({ column: 4, ascending: false }); // Ben first now
  const fix = env.run<EntryChangeResult>('correctEntry', { requestId: newRequestId(), entryId: amy, status: 'late' });
  const rows = recordEntries(env);
  expect(supersededBy(rows, amy)).toBe(fix.entryId);
  expect(supersededBy(rows, ben)).toBe('');
  expect(rows.find((r) => r['Entry ID'] === fix.entryId)).toMatchObject({ 'Client ID': 'C001', Status: 'late' });
});
