import { cancelledByPractice, makeUpBalances } from '../../src/core/makeUps';
import { minutesPlan, minutesTally, minutesText } from '../../src/core/minutes';
import { DEFAULT_MAKE_UPS } from '../../src/core/settings';
import type { Entry, Status } from '../../src/core/types';
import { blankEntry } from './recordFixtures';

let n = 0;
function entry(date: string, status: Status, over: Partial<Entry> = {}): Entry {
  n += 1;
  return blankEntry({
    entryId: `E${n}`,
    sessionDate: date,
    group: 'Choir',
    clientId: 'C1',
    client: 'Ana',
    status,
    recordedAt: `${date}T12:00:00Z`,
    requestId: `R${n}`,
    ...over,
  });
}

const rule = DEFAULT_MAKE_UPS;
const owed = (entries: Entry[], r = rule) => makeUpBalances(entries, r).get('C1');

describe('make-ups', () => {
  test("the practice's cancellation is owed; a client's planned absence is not", () => {
    const practice = entry('2025-03-03', 'cancelled', { reason: 'Practice  Cancelled' });
    const holiday = entry('2025-03-10', 'cancelled', { reason: 'planned break' });
    expect(cancelledByPractice(practice, rule)).toBe(true);
    expect(cancelledByPractice(holiday, rule)).toBe(false);
    expect(owed([practice, holiday])).toEqual({
      owed: [{ entryId: practice.entryId, date: '2025-03-03', status: 'cancelled', reason: 'Practice  Cancelled' }],
      madeUp: 0,
      text: '1 make-up owed',
    });
  });

  test("a planned absence or a client who was not available is the client's side, whatever the practice lists", () => {
    const listsAll = {
      ...rule,
      practiceReasons: [...rule.practiceReasons, 'planned: holiday', 'asleep or unavailable'],
    };
    expect(cancelledByPractice(entry('2025-03-03', 'cancelled', { reason: 'planned: holiday' }), listsAll)).toBe(false);
    expect(cancelledByPractice(entry('2025-03-03', 'cancelled', { reason: 'asleep or unavailable' }), listsAll)).toBe(
      false,
    );
    expect(cancelledByPractice(entry('2025-03-03', 'excused', { reason: 'facility event' }), listsAll)).toBe(false);
    expect(cancelledByPractice(entry('2025-03-03', 'cancelled', { reason: '' }), listsAll)).toBe(false);
  });

  test('a make-up clears its balance; a second owed session stays owed', () => {
    const first = entry('2025-03-03', 'cancelled', { reason: 'facility event' });
    const second = entry('2025-03-10', 'cancelled', { reason: 'facility event' });
    const makeUp = entry('2025-03-12', 'present', { makesUpFor: first.entryId });
    expect(owed([first, second])?.owed.map((o) => o.entryId)).toEqual([first.entryId, second.entryId]);
    const after = owed([first, second, makeUp]);
    expect(after).toMatchObject({ owed: [expect.objectContaining({ entryId: second.entryId })], madeUp: 1 });
    expect(after?.text).toBe('1 make-up owed (1 made up)');
    const both = owed([first, second, makeUp, entry('2025-03-14', 'late', { makesUpFor: second.entryId })]);
    expect(both).toMatchObject({ owed: [], madeUp: 2 });
    expect(both?.text).toBe('No make-up owed (2 made up)');
  });

  test('a make-up missed by the client uses it; one cancelled again leaves the session owed, and owes nothing itself', () => {
    const cancelled = entry('2025-03-03', 'cancelled', { reason: 'practice cancelled' });
    const missed = entry('2025-03-12', 'unexcused', { makesUpFor: cancelled.entryId });
    expect(owed([cancelled, missed])).toMatchObject({ owed: [], madeUp: 1 });
    const again = entry('2025-03-12', 'cancelled', { reason: 'practice cancelled', makesUpFor: cancelled.entryId });
    expect(owed([cancelled, again])?.owed.map((o) => o.entryId)).toEqual([cancelled.entryId]);
  });

  test('an absence with notice is owed only when the policy says so', () => {
    const withNotice = entry('2025-03-03', 'excused', { notice: true, reason: 'illness' });
    const without = entry('2025-03-10', 'excused', { notice: false });
    expect(owed([withNotice, without])).toBeUndefined();
    expect(owed([withNotice, without], { ...rule, afterNotice: true })?.owed.map((o) => o.entryId)).toEqual([
      withNotice.entryId,
    ]);
  });

  test('a corrected owed session keeps its make-up; a withdrawn one is owed no more', () => {
    const cancelled = entry('2025-03-03', 'cancelled', { reason: 'facility event' });
    const makeUp = entry('2025-03-12', 'present', { makesUpFor: cancelled.entryId });
    const fixed = entry('2025-03-03', 'cancelled', {
      reason: 'facility event',
      note: 'fire drill',
      replaces: cancelled.entryId,
    });
    const fixedAgain = entry('2025-03-03', 'cancelled', { reason: 'practice cancelled', replaces: fixed.entryId });
    expect(owed([cancelled, makeUp, fixed, fixedAgain])).toMatchObject({ owed: [], madeUp: 1 });
    const withdrawn = entry('2025-03-20', 'withdrawn' as Status, { replaces: fixedAgain.entryId });
    expect(owed([cancelled, fixed, fixedAgain, withdrawn])).toBeUndefined();
  });
});

describe('minutes', () => {
  const plan = minutesPlan([
    { group: 'Choir', minutes: 45 },
    { clientId: 'C9', minutes: 30 },
  ]);
  test('delivered against planned: a late arrival counts its minutes, a miss none, a make-up delivers without planning', () => {
    const entries = [
      entry('2025-03-03', 'present'),
      entry('2025-03-10', 'late', { minutes: 30 }),
      entry('2025-03-17', 'unexcused'),
      entry('2025-03-24', 'cancelled', { reason: 'facility event' }),
      entry('2025-03-26', 'present', { makesUpFor: 'x' }),
    ];
    const tally = minutesTally(entries, plan, '2025-03-01', '2025-03-31');
    expect(tally).toMatchObject({ delivered: 45 + 30 + 45, planned: 4 * 45, sessions: 4 });
    expect(minutesText(tally)).toBe('120 of 180 planned minutes (67%)');
  });
  test("a client's own planned minutes win over the group's; the period's bounds are both included", () => {
    const own = [
      entry('2025-03-01', 'present', { clientId: 'C9' }),
      entry('2025-03-31', 'present', { clientId: 'C9' }),
      entry('2025-04-01', 'present', { clientId: 'C9' }),
    ];
    expect(minutesTally(own, plan, '2025-03-01', '2025-03-31')).toEqual({
      delivered: 60,
      planned: 60,
      sessions: 2,
      text: '60 of 60 planned minutes (100%)',
    });
  });
  test("a session recorded without a group (individually, or a make-up) plans its client's roster group's minutes", () => {
    const alone = [entry('2025-03-05', 'present', { group: '' })];
    expect(minutesTally(alone, plan, '2025-03-01', '2025-03-31').planned).toBe(0);
    expect(minutesTally(alone, plan, '2025-03-01', '2025-03-31', () => 'Choir')).toMatchObject({
      delivered: 45,
      planned: 45,
    });
  });

  test('no planned minutes: only minutes an entry gives are counted', () => {
    const none = minutesPlan([]);
    const tally = minutesTally(
      [entry('2025-03-03', 'late', { minutes: 20 }), entry('2025-03-10', 'present')],
      none,
      '2025-03-01',
      '2025-03-31',
    );
    expect(tally).toMatchObject({ delivered: 20, planned: 0, sessions: 0 });
    expect(minutesText(tally)).toBe('20 minutes delivered (none planned)');
  });
});
