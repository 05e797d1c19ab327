import { cancelledFor, isPlannedAbsence, plannedReason } from '../../src/core/plannedAbsences';
import { readSchedules, scheduledOn, toRecord, unrecordedWeeks, weekdayOf } from '../../src/core/schedule';
import type { Client, Entry } from '../../src/core/types';
import { blankEntry } from './recordFixtures';

const client = (id: string, group: string, active = true): Client => ({ id, name: id, group, active });
const entry = (clientId: string, sessionDate: string, group = ''): Entry =>
  blankEntry({ entryId: `${clientId}-${sessionDate}`, sessionDate, group, clientId, status: 'present' });

test('weekdays are calendar days: leap days, year ends and the days clocks change', () => {
  expect(
    ['2024-02-29', '2024-12-31', '2025-01-01', '2025-03-09', '2025-03-30', '2025-11-02', '2025-10-26'].map(weekdayOf),
  ).toEqual(['thu', 'tue', 'wed', 'sun', 'sun', 'sun', 'sun']);
});

test('a schedule holds on its weekdays, within its span, outside its breaks (both ends included)', () => {
  const s = {
    group: 'A',
    weekdays: ['mon' as const],
    from: '2025-01-06',
    to: '2025-03-31',
    breaks: [{ from: '2025-02-17', to: '2025-02-24' }],
  };
  expect(
    [
      '2024-12-30',
      '2025-01-06',
      '2025-02-10',
      '2025-02-17',
      '2025-02-24',
      '2025-03-03',
      '2025-03-31',
      '2025-04-07',
      '2025-01-07',
    ].map((d) => scheduledOn(s, d)),
  ).toEqual([false, true, true, false, false, true, true, false, false]);
});

test('To record: groups before individual clients within a day; two schedules of one group list it once', () => {
  const clients = [client('a', 'Choir'), client('b', 'Choir'), client('c', '')];
  const items = toRecord({
    schedules: [
      { group: 'Choir', weekdays: ['mon'] },
      { group: ' choir ', weekdays: ['mon', 'tue'] },
      { clientId: 'c', weekdays: ['mon'] },
    ],
    clients,
    entries: [entry('b', '2025-03-04', 'Choir')],
    today: '2025-03-10',
  });
  expect(items.slice(0, 4)).toEqual([
    { date: '2025-03-10', group: 'Choir' },
    { date: '2025-03-10', clientId: 'c' },
    { date: '2025-03-03', group: 'Choir' },
    { date: '2025-03-03', clientId: 'c' },
  ]);
  expect(items.some((i) => i.date === '2025-03-04')).toBe(false);
  expect(items.at(-1)!.date >= '2025-02-18').toBe(true);
});

test('unrecorded weeks start at the client’s first entry and never reach past today', () => {
  const weeks = ['2025-03-10', '2025-03-03', '2025-02-24', '2025-02-17'];
  const schedules = [{ group: 'Choir', weekdays: ['wed' as const] }];
  const c = client('a', 'Choir');
  expect([...unrecordedWeeks(c, new Set(['2025-02-26']), '2025-02-26', schedules, weeks, '2025-03-11')]).toEqual([
    '2025-03-03',
  ]);
  expect(unrecordedWeeks(c, new Set(), null, schedules, weeks, '2025-03-11').size).toBe(0);
});

test('schedules are cleaned as stored, refused in words when they cannot be kept', () => {
  expect(readSchedules([{ group: ' Choir ', weekdays: ['fri', 'mon', 'fri'], from: '', breaks: [] }])).toEqual([
    { group: 'Choir', weekdays: ['mon', 'fri'] },
  ]);
  expect(
    readSchedules([{ clientId: 'C1', weekdays: ['mon'], breaks: [{ from: '2025-02-01', to: '2025-01-01' }] }]),
  ).toMatch(/first and a last day/);
  expect(readSchedules([{ group: 'A', weekdays: ['monday'] }])).toMatch(/weekday/);
  expect(readSchedules('mon')).toMatch(/not valid/);
});

test('a not-counted session says whose side it was on: the client’s (planned, unavailable) or the practice’s', () => {
  const cancelled = (reason: string) => ({ status: 'cancelled' as const, reason });
  expect(isPlannedAbsence(cancelled(plannedReason('holiday')))).toBe(true);
  expect(cancelledFor(cancelled(plannedReason('holiday')))).toBe('client');
  expect(cancelledFor(cancelled('not available (hospital, asleep, with another professional)'))).toBe('client');
  expect(cancelledFor(cancelled('facility event'))).toBe('practice');
  expect(cancelledFor(cancelled(''))).toBe('practice');
  expect(cancelledFor({ status: 'excused', reason: plannedReason('holiday') })).toBeNull();
});
