/** Every refused request says what to fix and stores nothing. */
import { attendanceSheet, failure, practice, recordEntries, session } from './fixtures';
import type { SaveSessionRequest } from '../../src/core/types';

const CASES: [string, (r: SaveSessionRequest) => unknown, RegExp][] = [
  [
    'an unknown client',
    (r) => ({ ...r, attendance: [...r.attendance, { clientId: 'C999', status: 'present' }] }),
    /"C999" is not on the roster/,
  ],
  ['a date that is not a date', (r) => ({ ...r, date: '2025-02-30' }), /2025-02-30.*is not a date/],
  ['a date in another format', (r) => ({ ...r, date: '03/10/2025' }), /is not a date/],
  ['more than a year in the future', (r) => ({ ...r, date: '2026-03-13' }), /more than a year in the future/],
  ['an empty session', (r) => ({ ...r, attendance: [] }), /No client is marked/],
  [
    'a status outside the list',
    (r) => ({ ...r, attendance: [{ clientId: 'C001', status: 'asleep' }] }),
    /Amy Adams has "asleep"; mark one of present, late/,
  ],
  ['no status', (r) => ({ ...r, attendance: [{ clientId: 'C001' }] }), /Amy Adams has no status/],
  [
    'a reason that is not text',
    (r) => ({ ...r, attendance: [{ clientId: 'C001', status: 'excused', reason: 42 }] }),
    /reason for Amy Adams is not text/,
  ],
  [
    'a note over the limit',
    (r) => ({ ...r, attendance: [{ clientId: 'C001', status: 'excused', note: 'x'.repeat(501) }] }),
    /note for Amy Adams has 501 characters; the limit is 500/,
  ],
  [
    'a client twice',
    (r) => ({
      ...r,
      attendance: [
        { clientId: 'C001', status: 'present' },
        { clientId: 'C001', status: 'late' },
      ],
    }),
    /Amy Adams is marked twice/,
  ],
  ['no request id', (r) => ({ ...r, requestId: '' }), /no valid request id/],
  [
    'notice that is not yes/no',
    (r) => ({ ...r, attendance: [{ clientId: 'C001', status: 'excused', notice: 'maybe' }] }),
    /"Notice given" for Amy Adams/,
  ],
  ['no session at all', () => null, /sent no session/],
];

describe.each(CASES)('refuses %s', (_name, spoil, message) => {
  test('with a message saying what to fix, storing nothing', () => {
    const env = practice();
    env.run('saveSession', session(['C002'])); // a record already exists: nothing may be added to it
    const error = failure(() => env.run('saveSession', spoil(session(['C001']))));
    expect(error).toMatch(/^Nothing was saved\./);
    expect(error).toMatch(message);
    expect(recordEntries(env)).toHaveLength(1);
  });
});

test('several problems are reported together', () => {
  const env = practice();
  const error = failure(() =>
    env.run('saveSession', {
      ...session(['C001']),
      date: 'soon',
      attendance: [
        { clientId: 'C001', status: 'gone' },
        { clientId: 'X', status: 'present' },
      ],
    }),
  );
  expect(error).toMatch(/not a date/);
  expect(error).toMatch(/Amy Adams has "gone"/);
  expect(error).toMatch(/"X" is not on the roster/);
  expect(attendanceSheet(env)).toBeNull();
});

test('a date exactly a year ahead is accepted', () => {
  const env = practice();
  expect(failure(() => env.run('saveSession', session(['C001'], {}, { date: '2026-03-12' })))).toBeNull();
});
