/**
 * Recorded sessions and session-level corrections (issue 12): getSidebarData knows which sessions
 * are already in the record, saveSession answers with fresh sidebar data, and correctSession
 * supersedes only what changed, in one request, keeping every field the therapist did not change.
 */
import type { Entry, SaveSessionResult, SidebarData } from '../../src/core/types';
import { failure, newRequestId, practice, recordEntries, session, sidebar } from './fixtures';

function recordedMonday(env: ReturnType<typeof practice>): SaveSessionResult {
  return env.run<SaveSessionResult>(
    'saveSession',
    session(['C001', 'C002', 'C003'], {
      C002: { status: 'excused', reason: 'illness', notice: true, note: 'Flu; back next week' },
    }),
  );
}

test('a saved session is in recordedSessions, with its entries as recorded, and saveSession answers the same sidebar data', () => {
  const env = practice();
  const result = recordedMonday(env);
  const data = sidebar(env);
  expect(result.sidebar).toEqual(data);
  expect(data.recordedSessions).toEqual([
    {
      date: '2025-03-10',
      group: 'Monday group',
      clients: ['C001', 'C002', 'C003'],
      entries: [
        {
          entryId: result.entryIds[0],
          clientId: 'C001',
          status: 'present',
          reason: '',
          notice: null,
          note: '',
          followUp: false,
        },
        {
          entryId: result.entryIds[1],
          clientId: 'C002',
          status: 'excused',
          reason: 'illness',
          notice: true,
          note: 'Flu; back next week',
          followUp: false,
        },
        {
          entryId: result.entryIds[2],
          clientId: 'C003',
          status: 'present',
          reason: '',
          notice: null,
          note: '',
          followUp: false,
        },
      ],
      recordedBy: 'therapist@example.org',
      recordedAt: expect.stringMatching(/^2025-03-12T19:00/),
    },
  ]);
  // A second session that day on purpose is a session of its own.
  env.run('saveSession', session(['C001'], {}, { date: '2025-03-10' }));
  expect(sidebar(env).recordedSessions.map((s) => s.clients)).toEqual([['C001'], ['C001', 'C002', 'C003']]);
});

test('sessions before the weeks Patterns shows are left out', () => {
  const env = practice();
  env.run('saveSession', session(['C001'], {}, { date: '2024-01-08' }));
  recordedMonday(env);
  expect(sidebar(env).recordedSessions.map((s) => s.date)).toEqual(['2025-03-10']);
});

test('correctSession supersedes only the changed entries, in one request, keeping the note; a retry stores nothing', () => {
  const env = practice();
  const saved = recordedMonday(env);
  const before = recordEntries(env).length;
  const request = {
    requestId: newRequestId(),
    corrections: [
      // Ben was late after all: the status changes, the note stays.
      {
        entryId: saved.entryIds[1],
        status: 'late',
        reason: 'illness',
        notice: true,
        note: 'Flu; back next week',
        followUp: false,
      },
      // Amy's line unchanged: no row.
      { entryId: saved.entryIds[0], status: 'present', reason: '', note: '', followUp: false },
    ],
  };
  const result = env.run<SaveSessionResult>('correctSession', request);
  expect(result).toMatchObject({ saved: 1, duplicate: false });
  const rows = recordEntries(env);
  expect(rows).toHaveLength(before + 1);
  expect(rows.at(-1)).toMatchObject({
    Client: 'Ben Brown',
    Status: 'late',
    Reason: 'illness',
    Note: 'Flu; back next week',
    Replaces: saved.entryIds[1],
    'Session date': '2025-03-10',
  });
  // The old row's content is untouched; it no longer counts.
  expect(rows.find((r) => r['Entry ID'] === saved.entryIds[1])).toMatchObject({
    Status: 'excused',
    Note: 'Flu; back next week',
  });
  const session1 = result.sidebar.recordedSessions[0];
  expect(session1.entries.map((e) => [e.clientId, e.status])).toEqual([
    ['C001', 'present'],
    ['C003', 'present'],
    ['C002', 'late'],
  ]);
  expect(result.sidebar.clients.find((c) => c.id === 'C002')?.lastEntry?.status).toBe('late');

  const again = env.run<SaveSessionResult>('correctSession', request);
  expect(again).toMatchObject({ saved: 0, duplicate: true, entryIds: result.entryIds });
  expect(recordEntries(env)).toHaveLength(before + 1);
});

test('correctSession refuses an entry already corrected, and an empty request, storing nothing', () => {
  const env = practice();
  const saved = recordedMonday(env);
  env.run('correctSession', {
    requestId: newRequestId(),
    corrections: [{ entryId: saved.entryIds[0], status: 'late' }],
  });
  const count = recordEntries(env).length;
  expect(
    failure(() =>
      env.run('correctSession', {
        requestId: newRequestId(),
        corrections: [{ entryId: saved.entryIds[0], status: 'unexcused' }],
      }),
    ),
  ).toMatch(/already corrected/);
  expect(failure(() => env.run('correctSession', { requestId: newRequestId(), corrections: [] }))).toMatch(
    /No change was sent/,
  );
  expect(
    failure(() =>
      env.run('correctSession', {
        requestId: newRequestId(),
        corrections: [{ entryId: saved.entryIds[2], status: 'asleep' }],
      }),
    ),
  ).toMatch(/Nothing was saved/);
  expect(recordEntries(env)).toHaveLength(count);
});

test('getClientHistory pages back through every entry of a client', () => {
  const env = practice();
  const dates = Array.from(
    { length: 15 },
    (_, i) => `2025-0${1 + Math.floor(i / 5)}-${String(3 + (i % 5) * 5).padStart(2, '0')}`,
  );
  for (const date of dates) env.run('saveSession', session(['C001'], {}, { date }));
  const first = env.run<Entry[]>('getClientHistory', 'C001');
  expect(first).toHaveLength(12);
  const older = env.run<Entry[]>('getClientHistory', 'C001', 12, 12);
  expect(older).toHaveLength(3);
  expect([...first, ...older].map((e) => e.sessionDate)).toEqual([...dates].sort().reverse());
  const data: SidebarData = sidebar(env);
  expect(data.clients.find((c) => c.id === 'C001')?.lastEntry?.date).toBe([...dates].sort().at(-1));
});
