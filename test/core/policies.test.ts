import { periodStart, policyChecks } from '../../src/core/policies';
import { defaultSettings } from '../../src/core/settings';
import type { Entry, PolicySettings, Status } from '../../src/core/types';
import { addDays } from '../../src/core/dates';
import { blankEntry } from './recordFixtures';

const TODAY = '2025-06-30';
let n = 0;
function entry(date: string, status: Status, notice: boolean | null = null): Entry {
  n += 1;
  return blankEntry({
    entryId: `E${n}`,
    sessionDate: date,
    group: 'G',
    clientId: 'C1',
    client: 'Ana',
    status,
    notice,
    recordedAt: `${date}T12:00:00Z`,
    requestId: `R${n}`,
  });
}

/** Only `kind` switched on, with its example numbers changed by `over`. */
function only<K extends keyof PolicySettings>(kind: K, over: Partial<PolicySettings[K]> = {}): PolicySettings {
  const policies = defaultSettings().policies;
  return { ...policies, [kind]: { ...policies[kind], ...over, on: true } };
}

/** Weekly sessions ending today, oldest first. */
const weeks = (statuses: Status[], notice: boolean | null = null): Entry[] =>
  statuses.map((s, i) => entry(addDays(TODAY, -7 * (statuses.length - 1 - i)), s, notice));

test('every check is off by default, with example numbers ready', () => {
  const { policies } = defaultSettings();
  expect(Object.values(policies).every((p) => p.on === false)).toBe(true);
  expect(policyChecks(weeks(['unexcused', 'unexcused', 'unexcused']), policies, TODAY)).toEqual([]);
});

describe('N no-shows in a row (N = 2)', () => {
  const policies = only('noShowsInRow', { count: 2 });
  test.each([
    [1, false],
    [2, true],
    [3, true],
  ])('%i no-shows in a row: reached %s', (streak, reached) => {
    const entries = weeks(['present', ...Array<Status>(streak).fill('unexcused')]);
    const [check] = policyChecks(entries, policies, TODAY);
    expect(check).toMatchObject({ kind: 'noShowsInRow', count: streak, limit: 2, reached });
    expect(check.text).toBe(
      `${streak} no-show${streak === 1 ? '' : 's'} in a row (the policy's line: 2)${reached ? ': a reason to talk' : ''}`,
    );
  });
  test('an attended session, or an absence with notice, ends the run; a cancelled one does not', () => {
    expect(policyChecks(weeks(['unexcused', 'present', 'unexcused']), policies, TODAY)[0].count).toBe(1);
    expect(policyChecks(weeks(['unexcused', 'cancelled', 'unexcused']), policies, TODAY)[0].count).toBe(2);
    const late = [entry('2025-06-16', 'unexcused'), entry('2025-06-23', 'unexcused', true), entry(TODAY, 'unexcused')];
    expect(policyChecks(late, policies, TODAY)[0].count).toBe(1);
  });
  test('a session dated after today is not looked at', () => {
    const entries = [...weeks(['unexcused', 'unexcused']), entry('2025-07-07', 'present')];
    expect(policyChecks(entries, policies, TODAY)[0].reached).toBe(true);
  });
});

describe('N late cancellations in D days (N = 3, D = 90)', () => {
  const policies = only('lateCancellations', { count: 3, days: 90 });
  test.each([
    [2, false],
    [3, true],
    [4, true],
  ])('%i late cancellations within the days: reached %s', (count, reached) => {
    const entries = weeks(Array<Status>(count).fill('unexcused'), true);
    const [check] = policyChecks(entries, policies, TODAY);
    expect(check).toMatchObject({ count, limit: 3, reached });
    expect(check.text).toContain(`${count} late cancellations in the last 90 days`);
  });
  test('the window: a late cancellation exactly D days ago is out, D - 1 days ago is in', () => {
    const twoRecent = [entry(TODAY, 'unexcused', true), entry(addDays(TODAY, -1), 'unexcused', true)];
    const atEdge = [...twoRecent, entry(addDays(TODAY, -90), 'unexcused', true)];
    const inside = [...twoRecent, entry(addDays(TODAY, -89), 'unexcused', true)];
    expect(policyChecks(atEdge, policies, TODAY)[0]).toMatchObject({ count: 2, reached: false });
    expect(policyChecks(inside, policies, TODAY)[0]).toMatchObject({ count: 3, reached: true });
  });
  test('a no-show (no notice) is not a late cancellation', () => {
    expect(policyChecks(weeks(['unexcused', 'unexcused', 'unexcused']), policies, TODAY)[0].count).toBe(0);
  });
});

describe('attendance below X% over M months (80%, 3 months)', () => {
  const policies = only('attendanceBelow', { rate: 0.8, months: 3 });
  // 10 sessions in the window; the number attended decides.
  test.each([
    [7, true], // 70%: below
    [8, false], // 80%: at the line, not below
    [9, false],
  ])('%i of 10 attended: below the line %s', (attended, reached) => {
    const statuses = [...Array<Status>(attended).fill('present'), ...Array<Status>(10 - attended).fill('excused')];
    const [check] = policyChecks(weeks(statuses), policies, TODAY);
    expect(check.reached).toBe(reached);
    expect(check.count).toBeCloseTo(attended / 10);
    expect(check.text).toContain(`attended ${attended} of 10 sessions (${attended * 10}%) in the last 3 months`);
  });
  test('sessions before the months and cancelled sessions are not counted; late is attended', () => {
    const old = entry('2025-03-29', 'unexcused'); // 3 months before 30 Jun is 30 Mar: out
    const entries = [old, ...weeks(['late', 'present', 'cancelled', 'present', 'excused'])];
    expect(policyChecks(entries, policies, TODAY)[0]).toMatchObject({ count: 0.75, reached: true });
    expect(policyChecks([entry('2025-03-31', 'present')], policies, TODAY)[0].text).toContain('attended 1 of 1');
  });
  test('no session in the months: nothing to say against the client', () => {
    expect(policyChecks([], policies, TODAY)[0]).toMatchObject({
      reached: false,
      text: 'no sessions in the last 3 months',
    });
  });
});

describe('more than N absences per year (N = 4)', () => {
  const policies = only('absencesPerYear', { count: 4 });
  test.each([
    [3, false, '3 of 4 allowed absences used this year'],
    [4, false, '4 of 4 allowed absences used this year'],
    [5, true, '5 absences this year, more than the 4 allowed: a reason to talk'],
  ])('%i absences: reached %s', (count, reached, text) => {
    const statuses: Status[] = ['excused', 'unexcused', 'refused', 'excused', 'excused'].slice(0, count) as Status[];
    const [check] = policyChecks(weeks([...statuses, 'present']), policies, TODAY);
    expect(check).toMatchObject({ count, limit: 4, reached, text });
  });
  test('a funding period counts from its own start day', () => {
    const sep = only('absencesPerYear', { count: 1, yearStarts: '09-01' });
    const entries = [entry('2024-08-30', 'excused'), entry('2024-09-02', 'excused'), entry('2025-06-02', 'excused')];
    expect(policyChecks(entries, sep, TODAY)[0]).toMatchObject({
      count: 2,
      reached: true,
      text: '2 absences since 1 Sep, more than the 1 allowed: a reason to talk',
    });
  });
  test('the period starts on its day this year once reached, else last year; 29 Feb is 1 Mar in other years', () => {
    expect(periodStart('2025-06-30', '01-01')).toBe('2025-01-01');
    expect(periodStart('2025-06-30', '09-01')).toBe('2024-09-01');
    expect(periodStart('2025-09-01', '09-01')).toBe('2025-09-01');
    expect(periodStart('2025-03-01', '02-29')).toBe('2025-03-01');
    expect(periodStart('2024-02-29', '02-29')).toBe('2024-02-29');
  });
});

test('checks come in the order Settings lists them, only those switched on', () => {
  const { policies } = defaultSettings();
  const all: PolicySettings = {
    noShowsInRow: { ...policies.noShowsInRow, on: true },
    lateCancellations: { ...policies.lateCancellations, on: false },
    attendanceBelow: { ...policies.attendanceBelow, on: true },
    absencesPerYear: { ...policies.absencesPerYear, on: true },
  };
  expect(policyChecks(weeks(['present']), all, TODAY).map((c) => c.kind)).toEqual([
    'noShowsInRow',
    'attendanceBelow',
    'absencesPerYear',
  ]);
});
