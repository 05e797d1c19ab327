/**
 * The record read in columns (core/recordTable.ts) and the sidebar's lists and figures worked out
 * from only the entries each needs (core/sidebarLists.ts, core/recordFigures.ts) answer exactly
 * what the same functions answer from every entry, on records with corrections, withdrawals,
 * follow-ups asked and done, make-ups, planned policies and clients the roster no longer has.
 */
import fc from 'fast-check';
import { lastEntryByClient, openFollowUps } from '../../src/core/clientSummary';
import { addDays } from '../../src/core/dates';
import { makeUpBalances } from '../../src/core/makeUps';
import { policyChecksByClient } from '../../src/core/policies';
import { RECORD_COLUMNS, currentEntries } from '../../src/core/record';
import type { ColumnMap, DateReader } from '../../src/core/record';
import { recordFigures } from '../../src/core/recordFigures';
import { allEntries, readTable, tableOf } from '../../src/core/recordTable';
import { recordedSessions } from '../../src/core/recordedSessions';
import { nameKey } from '../../src/core/roster';
import { defaultSettings } from '../../src/core/settings';
import { sidebarLists } from '../../src/core/sidebarLists';
import { trendsByClient } from '../../src/core/trend';
import { unlinkedHistories } from '../../src/core/unlinked';
import type { Client, Entry, Settings, Status } from '../../src/core/types';
import { blankEntry } from './recordFixtures';

const CLIENTS = ['C1', 'C2', 'C3', nameKey('Ann Old'), nameKey('Bo New')];
const ROSTER: Client[] = [
  { id: 'C1', name: 'One', group: 'A', active: true },
  { id: 'C2', name: 'Two', group: 'A', active: true },
  { id: nameKey('Bo New'), name: 'Bo New', group: 'B', active: true },
];
const STATUSES: Status[] = ['present', 'late', 'excused', 'unexcused', 'refused', 'cancelled'];
const REASONS = ['', 'illness', 'practice cancelled', 'facility event'];

/** A change a later row makes to an earlier one: a correction, a withdrawal or a follow-up done. */
type Change = { kind: 'correct'; status: Status; moved: number } | { kind: 'withdraw' } | { kind: 'done' };

const entryArb = fc.record({
  client: fc.constantFrom(...CLIENTS),
  day: fc.integer({ min: 0, max: 300 }),
  status: fc.constantFrom(...STATUSES),
  reason: fc.constantFrom(...REASONS),
  notice: fc.constantFrom(true, false, null),
  followUp: fc.boolean(),
  minute: fc.integer({ min: 0, max: 3 }),
});
const changeArb = fc.record({
  of: fc.nat(),
  change: fc.oneof(
    fc.record({
      kind: fc.constant('correct' as const),
      status: fc.constantFrom(...STATUSES),
      moved: fc.constantFrom(0, 0, 40),
    }),
    fc.constant({ kind: 'withdraw' as const }),
    fc.constant({ kind: 'done' as const }),
  ),
  makeUp: fc.boolean(),
});

/** A record: entries in order, then later rows that change earlier ones or make one up. */
interface Drawn {
  client: string;
  day: number;
  status: Status;
  reason: string;
  notice: boolean | null;
  followUp: boolean;
  minute: number;
}

function recordOf(drawn: Drawn[], changes: { of: number; change: Change; makeUp: boolean }[]): Entry[] {
  const rows: Entry[] = drawn.map((d, i) =>
    blankEntry({
      entryId: `E${i}`,
      sessionDate: addDays('2025-01-06', d.day),
      clientId: d.client,
      client: d.client.startsWith(nameKey('')) ? d.client.slice(nameKey('').length) : d.client,
      status: d.status,
      reason: d.status === 'present' ? '' : d.reason,
      notice: d.notice,
      followUp: d.followUp,
      recordedAt: `2025-06-01T10:0${d.minute}:00.000Z`,
      requestId: `R${Math.floor(i / 3)}`,
    }),
  );
  changes.forEach(({ of, change, makeUp }, k) => {
    if (rows.length === 0) return;
    const old = rows[of % rows.length];
    const id = `X${k}`;
    // A later row is a request of its own, recorded later.
    const own = { entryId: id, requestId: `RX${k}`, recordedAt: `2025-07-0${(k % 9) + 1}T09:00:00.000Z` };
    if (makeUp) {
      rows.push(
        blankEntry({
          entryId: id,
          sessionDate: addDays(old.sessionDate, 7),
          clientId: old.clientId,
          status: 'present',
          makesUpFor: old.entryId,
        }),
      );
      return;
    }
    const next =
      change.kind === 'withdraw'
        ? { ...old, ...own, status: 'withdrawn' as const, replaces: old.entryId }
        : change.kind === 'done'
          ? { ...old, ...own, followUpDone: addDays(old.sessionDate, 3), replaces: old.entryId }
          : // A correction may move the session's day (recorded on the wrong date).
            {
              ...old,
              ...own,
              sessionDate: addDays(old.sessionDate, change.moved),
              status: change.status,
              replaces: old.entryId,
            };
    rows.push(next);
  });
  return rows;
}

const recordArb = fc
  .tuple(fc.array(entryArb, { maxLength: 60 }), fc.array(changeArb, { maxLength: 15 }))
  .map(([drawn, changes]) => recordOf(drawn, changes));

const settingsArb = fc.record({ afterNotice: fc.boolean(), policy: fc.boolean() }).map(({ afterNotice, policy }) => {
  const settings: Settings = defaultSettings();
  settings.makeUps.afterNotice = afterNotice;
  settings.policies.noShowsInRow.on = policy;
  settings.policies.lateCancellations.on = policy;
  return settings;
});

const TODAY = '2025-11-03';

describe('the sidebar from the record in columns', () => {
  test('each list is what it is from every entry', () => {
    fc.assert(
      fc.property(recordArb, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), (all, back, look) => {
        const since = addDays(TODAY, -back);
        const from = addDays(TODAY, -look);
        const table = tableOf(all);
        const figures = recordFigures(table, defaultSettings(), TODAY);
        const everyCurrent = currentEntries(all);
        expect(figures.current.map((i) => all[i])).toEqual(everyCurrent);
        const lists = sidebarLists(figures, since, from, ROSTER);
        expect(lists.lastEntries).toEqual(lastEntryByClient(everyCurrent));
        expect(lists.followUps).toEqual(openFollowUps(everyCurrent));
        expect(lists.recordedSessions).toEqual(recordedSessions(all, since));
        expect(lists.unlinked).toEqual(unlinkedHistories(everyCurrent, ROSTER));
        expect(lists.recent).toEqual(everyCurrent.filter((e) => e.sessionDate >= from));
      }),
      { numRuns: 300 },
    );
  });

  test('trends, make-up balances and policy checks are what they are from every entry', () => {
    fc.assert(
      fc.property(recordArb, settingsArb, (all, settings) => {
        const figures = recordFigures(tableOf(all), settings, TODAY);
        const everyCurrent = currentEntries(all);
        expect(figures.trends).toEqual(trendsByClient(everyCurrent, settings.trend));
        expect(figures.balances).toEqual(makeUpBalances(all, settings.makeUps));
        expect(figures.checks).toEqual(policyChecksByClient(everyCurrent, settings.policies, TODAY));
      }),
      { numRuns: 300 },
    );
  });

  test('rows read in columns make the same entries as every field read at once', () => {
    const columns = Object.fromEntries(RECORD_COLUMNS.map((c, i) => [c.field, i])) as ColumnMap;
    const dates: DateReader = {
      day: (v) => (typeof v === 'string' ? v.slice(0, 10) : ''),
      instant: (v) => String(v ?? ''),
    };
    fc.assert(
      fc.property(recordArb, (all) => {
        const rows = all.map((e) =>
          RECORD_COLUMNS.map(({ field }) => {
            const v = e[field as keyof Entry];
            return v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 'yes' : 'no') : v;
          }),
        );
        // A person's own row between Cadence's is not an entry.
        rows.splice(
          Math.floor(rows.length / 2),
          0,
          RECORD_COLUMNS.map((_, i) => (i === 0 ? '' : 'my note')),
        );
        const table = readTable(rows, columns, dates);
        const made = allEntries(table);
        expect(made.map((e) => e.entryId)).toEqual(all.map((e) => e.entryId));
        made.forEach((e, i) => {
          expect(table.day[i]).toBe(e.sessionDate);
          expect(table.followUp[i]).toBe(e.followUp);
          expect(e.note).toBe(all[i].note);
          expect(e.notice).toBe(all[i].notice);
          expect(e.makesUpFor).toBe(all[i].makesUpFor ?? '');
        });
      }),
      { numRuns: 100 },
    );
  });
});
