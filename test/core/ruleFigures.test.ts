import { clientRuleFigures, groupRuleFigures, groupRuleText } from '../../src/core/ruleFigures';
import { applySettingsPatch, defaultSettings } from '../../src/core/settings';
import type { Entry, Status } from '../../src/core/types';
import { blankEntry } from './recordFixtures';

let n = 0;
function entry(clientId: string, date: string, status: Status, over: Partial<Entry> = {}): Entry {
  n += 1;
  return blankEntry({
    entryId: `E${n}`,
    sessionDate: date,
    group: 'Choir',
    clientId,
    status,
    recordedAt: `${date}T12:00:00Z`,
    requestId: `R${n}`,
    ...over,
  });
}

const settings = applySettingsPatch(defaultSettings(), {
  plannedMinutes: [{ group: 'Choir', minutes: 45 }],
  policies: { noShowsInRow: { on: true, count: 2 } },
});
const ana = { id: 'A', group: 'Choir' };
const ben = { id: 'B', group: 'Choir' };
const cancelled = entry('A', '2025-03-03', 'cancelled', { reason: 'practice cancelled' });
const record = [
  cancelled,
  entry('B', '2025-03-03', 'cancelled', { reason: 'practice cancelled' }),
  entry('A', '2025-03-10', 'late', { minutes: 30 }),
  entry('B', '2025-03-10', 'unexcused'),
  entry('B', '2025-03-17', 'unexcused'),
  entry('A', '2025-03-19', 'present', { group: '', makesUpFor: cancelled.entryId }),
];

test("a client's rules as of the period's last day: make-ups, minutes in the period, policy checks", () => {
  expect(clientRuleFigures(record, ana, '2025-03-01', '2025-03-31', settings)).toMatchObject({
    makeUps: { owed: [], madeUp: 1 },
    // Two Choir sessions planned (the cancelled one too); 30 late, 45 for the make-up recorded individually.
    minutes: { delivered: 75, planned: 90, sessions: 2 },
    policy: [{ kind: 'noShowsInRow', count: 0, reached: false }],
  });
  // Before the make-up, it was owed; Ben's second no-show had not happened.
  expect(clientRuleFigures(record, ana, '2025-03-01', '2025-03-12', settings).makeUps.owed).toHaveLength(1);
  expect(clientRuleFigures(record, ben, '2025-03-01', '2025-03-12', settings).policy[0]).toMatchObject({
    count: 1,
    reached: false,
  });
  expect(clientRuleFigures(record, ben, '2025-03-01', '2025-03-31', settings).policy[0].reached).toBe(true);
});

test('per group: minutes, make-ups owed and clients at a policy line, in one line of words', () => {
  const groups = groupRuleFigures(
    record,
    [ana, ben],
    (e) => e.group || 'Choir',
    (c) => c.group,
    '2025-03-01',
    '2025-03-31',
    settings,
  );
  const choir = groups.get('Choir')!;
  expect(choir).toEqual({
    minutes: { delivered: 75, planned: 225, sessions: 5, text: '75 of 225 planned minutes (33%)' },
    makeUpsOwed: 1,
    policyReached: 1,
  });
  expect(groupRuleText(choir)).toBe(
    'Minutes: 75 of 225 planned minutes (33%) · 1 make-up owed · 1 client at a policy line (a reason to talk)',
  );
  expect(groupRuleText({ minutes: null, makeUpsOwed: 0, policyReached: 0 })).toBe('');
});
