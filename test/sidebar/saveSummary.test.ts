import type { SaveSessionRequest, Trend } from '../../src/core/types';
import { summariseSave } from '../../src/sidebar/saveSummary';

const names: Record<string, string> = { a: 'Ana Lima', b: 'Ben Okafor' };
const nameOf = (id: string): string => names[id] ?? id;
const request: SaveSessionRequest = {
  requestId: 'r',
  date: '2026-11-20',
  group: 'Tuesday',
  attendance: [
    { clientId: 'a', status: 'excused', reason: 'illness', notice: true, followUp: false, note: 'flu' },
    { clientId: 'b', status: 'present' },
  ],
};
const trend = (explanation: string): Trend => ({
  level: 'rising',
  chronic: false,
  explanation,
  sessions: 8,
  absences: 3,
  recentRate: 0.5,
  usualRate: 0.1,
});

it('says what was stored, client by client, and whose trend changed', () => {
  const summary = summariseSave(
    request,
    {
      saved: 2,
      duplicate: false,
      entryIds: ['e1', 'e2'],
      trends: [
        {
          clientId: 'a',
          name: 'Ana Lima',
          before: 'watch',
          after: 'rising',
          trend: trend('missed 3 of the last 6 (50%)'),
        },
      ],
    },
    nameOf,
    '2026-11-27',
  );
  expect(summary).toEqual({
    title: 'Saved 2 rows for 20 Nov (Tuesday).',
    lines: ['Ana Lima — excused, illness; notice given; note: flu', 'Ben Okafor — present'],
    trendLines: ['Ana Lima: Watch → Rising. missed 3 of the last 6 (50%)'],
  });
});

it('says a duplicate stored nothing twice', () => {
  const summary = summariseSave(
    request,
    { saved: 0, duplicate: true, entryIds: ['e1', 'e2'], trends: [] },
    nameOf,
    '2026-11-27',
  );
  expect(summary.title).toBe(
    'This session was already saved for 20 Nov (Tuesday) by an earlier attempt; nothing was stored twice. ' +
      'If you changed anything since, check the Attendance tab.',
  );
  expect(summary.lines).toHaveLength(2);
});

it('flags a server that stored fewer rows than were sent', () => {
  const summary = summariseSave(
    request,
    { saved: 1, duplicate: false, entryIds: ['e1'], trends: [] },
    nameOf,
    '2026-11-27',
  );
  expect(summary.title).toBe('Saved 1 row for 20 Nov (Tuesday).');
  expect(summary.lines[0]).toBe('The server stored 1 of the 2 rows sent.');
});

it('reads a trend going away as "no flag"', () => {
  const summary = summariseSave(
    { ...request, group: undefined },
    {
      saved: 2,
      duplicate: false,
      entryIds: [],
      trends: [{ clientId: 'b', name: '', before: 'watch', after: 'none', trend: trend('') }],
    },
    nameOf,
    '2026-11-27',
  );
  expect(summary.title).toBe('Saved 2 rows for 20 Nov.');
  expect(summary.trendLines).toEqual(['Ben Okafor: Watch → no flag']);
});
