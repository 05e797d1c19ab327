import fc from 'fast-check';
import { addDays } from '../../src/core/dates';
import { computeTrend, countedInOrder, levelRank } from '../../src/core/trend';
import type { TrendSession } from '../../src/core/trend';
import { ABSENT_STATUSES, STATUSES } from '../../src/core/types';

// Dates drawn from a few weeks so that several sessions often share a day.
const session = fc.record({
  date: fc.integer({ min: 0, max: 40 }).map((n) => addDays('2026-01-05', n)),
  status: fc.constantFrom(...STATUSES),
});
const sessions = fc.array(session, { maxLength: 40 });
const attended = fc.constantFrom('present' as const, 'late' as const);

describe('computeTrend properties', () => {
  it('never depends on the order rows arrive in', () => {
    fc.assert(
      fc.property(
        sessions.chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })),
        ),
        ([list, shuffled]) => {
          expect(computeTrend(shuffled)).toEqual(computeTrend(list));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never flags a client with no absence', () => {
    const noAbsence = fc.array(
      fc.record({
        date: session.map((s) => s.date),
        status: fc.constantFrom('present' as const, 'late' as const, 'cancelled' as const),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(noAbsence, (list) => {
        const trend = computeTrend(list);
        expect(['none', 'insufficient']).toContain(trend.level);
        expect(trend.chronic).toBe(false);
        expect(trend.absences).toBe(0);
      }),
      { numRuns: 500 },
    );
  });

  it('never raises the level when an absence among the last 4 counted sessions becomes attendance', () => {
    fc.assert(
      fc.property(sessions, fc.nat(3), attended, (list, back, now) => {
        const ordered = countedInOrder(list);
        const index = ordered.length - 1 - back;
        fc.pre(index >= 0 && ABSENT_STATUSES.includes(ordered[index].status));
        const changed: TrendSession[] = ordered.map((s, i) => (i === index ? { date: s.date, status: now } : s));
        expect(levelRank(computeTrend(changed).level)).toBeLessThanOrEqual(levelRank(computeTrend(ordered).level));
      }),
      { numRuns: 1000 },
    );
  });

  it('never raises the level on a newly attended session', () => {
    fc.assert(
      fc.property(sessions, fc.nat(14), attended, (list, later, now) => {
        const last = list.reduce((max, s) => (s.date > max ? s.date : max), '2026-01-05');
        const next = [...list, { date: addDays(last, later), status: now }];
        expect(levelRank(computeTrend(next).level)).toBeLessThanOrEqual(levelRank(computeTrend(list).level));
      }),
      { numRuns: 1000 },
    );
  });

  it('counts every session but the cancelled ones, and every absence', () => {
    fc.assert(
      fc.property(sessions, (list) => {
        const trend = computeTrend(list);
        expect(trend.sessions).toBe(list.filter((s) => s.status !== 'cancelled').length);
        expect(trend.absences).toBe(list.filter((s) => ABSENT_STATUSES.includes(s.status)).length);
      }),
      { numRuns: 300 },
    );
  });
});
