import {
  checkSessionDate,
  validateCorrection,
  validateSaveSession,
  validateWithdrawal,
} from '../../src/core/validation';
import type { Client } from '../../src/core/types';

const clients = new Map<string, Client>([
  ['c1', { id: 'c1', name: 'Amy', group: 'G', active: true }],
  ['c2', { id: 'c2', name: 'Ben', group: 'G', active: true }],
]);
const context = { clients, today: '2024-02-29', maxNoteLength: 10 };

function problems(date: unknown, today = '2025-06-01'): string[] {
  const out: string[] = [];
  checkSessionDate(date, today, out);
  return out;
}

test('session dates must be real calendar days within a year ahead', () => {
  expect(problems('2025-06-01')).toEqual([]);
  expect(problems('2024-02-29')).toEqual([]);
  expect(problems('2025-02-29')[0]).toMatch(/is not a date/);
  expect(problems('2025-13-01')[0]).toMatch(/is not a date/);
  expect(problems('2025-6-1')[0]).toMatch(/is not a date/);
  expect(problems(20250601)[0]).toMatch(/is not a date/);
  expect(problems('2026-06-01')).toEqual([]);
  expect(problems('2026-06-02')[0]).toMatch(/more than a year in the future/);
  // From 29 February, a year ahead is 1 March.
  expect(problems('2025-03-01', '2024-02-29')).toEqual([]);
  expect(problems('2025-03-02', '2024-02-29')[0]).toMatch(/more than a year/);
});

test('a valid session is normalised: defaults filled, reason and group trimmed, note kept as typed', () => {
  const checked = validateSaveSession(
    {
      requestId: 'r',
      date: '2024-02-28',
      group: ' G ',
      attendance: [
        { clientId: 'c1', status: 'excused', reason: ' illness ', note: ' =x ' },
        { clientId: 'c2', status: 'present' },
      ],
    },
    context,
  );
  expect(checked).toEqual({
    requestId: 'r',
    retryOf: '',
    date: '2024-02-28',
    group: 'G',
    attendance: [
      {
        clientId: 'c1',
        status: 'excused',
        reason: 'illness',
        notice: null,
        note: ' =x ',
        followUp: false,
        minutes: null,
        makesUpFor: '',
      },
      {
        clientId: 'c2',
        status: 'present',
        reason: '',
        notice: null,
        note: '',
        followUp: false,
        minutes: null,
        makesUpFor: '',
      },
    ],
  });
});

test('each problem names the client and all are reported together', () => {
  let message = '';
  try {
    validateSaveSession(
      {
        requestId: 'r',
        date: '2024-02-28',
        attendance: [
          { clientId: 'c1', status: 'late', note: 'x'.repeat(11), followUp: 'yes' },
          { clientId: 'c2', status: 'absent' },
          { clientId: 'c1', status: 'present' },
        ],
      },
      context,
    );
  } catch (e) {
    message = (e as Error).message;
  }
  expect(message).toMatch(/^Nothing was saved\. /);
  expect(message).toMatch(/The note for Amy has 11 characters; the limit is 10/);
  expect(message).toMatch(/"Follow up" for Amy must be on or off/);
  expect(message).toMatch(/Ben has "absent"; mark one of present, late, excused, unexcused, refused, cancelled/);
  expect(message).toMatch(/Amy is marked twice/);
});

test('corrections and withdrawals need a request id and an entry', () => {
  expect(validateCorrection({ requestId: 'r', entryId: ' e1 ', status: 'refused' }, 10)).toEqual({
    requestId: 'r',
    entryId: 'e1',
    status: 'refused',
    reason: '',
    notice: null,
    note: '',
    followUp: false,
  });
  expect(() => validateCorrection({ requestId: 'r', status: 'present' }, 10)).toThrow(/No entry was chosen/);
  expect(() => validateCorrection({ entryId: 'e', status: 'present' }, 10)).toThrow(/no valid request id/);
  expect(validateWithdrawal({ requestId: 'r', entryId: 'e' }, 10)).toEqual({ requestId: 'r', entryId: 'e', note: '' });
  expect(() => validateWithdrawal({ requestId: 'r', entryId: 'e', note: 'x'.repeat(11) }, 10)).toThrow(/limit is 10/);
  expect(() => validateWithdrawal('e', 10)).toThrow(/sent no withdrawal/);
});
