/**
 * The service-call budget (issue 13; DESIGN.md "Performance model"), through the built Code.js in
 * the offline runtime: every endpoint makes the same calls whatever the group's size, the roster's,
 * the record's length and the number of other tabs, and stays within its budget. Counts, not
 * clocks: `npm run bench` prints the figures and the time estimates.
 */
import { addDays } from '../../src/core/dates';
import type { Status } from '../../src/core/types';
import type { Environment } from '../../src/runtime';
import { isExpensive } from '../../src/runtime/counter';
import { practice, session } from './fixtures';
import type { RosterClient } from './fixtures';
import { writeHistory } from './patternsHistory';

interface Size {
  roster: number;
  rows: number;
  tabs: number;
}
const SMALL: Size = { roster: 12, rows: 60, tabs: 0 };
const LARGE: Size = { roster: 120, rows: 3000, tabs: 0 };
const STATUSES: Status[] = ['present', 'present', 'late', 'excused', 'unexcused', 'present', 'cancelled'];

/** A practice of `roster` clients in groups of 12 at most, `rows` past entries, `tabs` tabs of the practice's own. */
function world(size: Size): { env: Environment; clients: RosterClient[] } {
  const clients: RosterClient[] = Array.from({ length: size.roster }, (_, i) => ({
    id: `K${100 + i}`,
    name: `Client ${i}`,
    group: `Group ${i % 10}`,
    active: 'yes',
  }));
  const env = practice(clients);
  for (let t = 1; t <= size.tabs; t += 1) {
    const sheet = env.spreadsheet.insertSheet(`Invoices ${t}`);
    sheet.getRange(1, 1, 3, 3).setValues([
      ['Invoice', 'Amount', 'Paid'],
      ['A-1', 120, 'yes'],
      ['A-2', 80, 'no'],
    ]);
  }
  writeHistory(
    env,
    { clientId: clients[0].id!, date: '2024-01-01' },
    Array.from({ length: size.rows }, (_, i) => {
      const client = clients[i % clients.length];
      return {
        clientId: client.id!,
        client: client.name,
        date: addDays('2025-03-03', -7 * Math.floor(i / clients.length)),
        status: STATUSES[i % STATUSES.length],
      };
    }),
  );
  return { env, clients };
}

/** The first clients of Group 0 (every tenth of the roster). */
function marks(clients: RosterClient[], count: number, date: string) {
  return session(
    clients
      .filter((_, i) => i % 10 === 0)
      .slice(0, count)
      .map((c) => c.id!),
    {},
    { date, group: 'Group 0' },
  );
}

/** The round trips one run made, by method. */
function roundTrips(env: Environment): Record<string, number> {
  return Object.fromEntries(Object.entries(env.lastCalls.byMethod).filter(([method]) => isExpensive(method)));
}

const total = (calls: Record<string, number>) => Object.values(calls).reduce((a, b) => a + b, 0);

/** What each endpoint calls in one practice, with `group` clients marked per save. */
function budget(size: Size, group: number) {
  const { env, clients } = world(size);
  // The first save after the history came sets the Patterns grid's shape.
  env.run('saveSession', marks(clients, group, '2025-03-10'));
  env.run('getSidebarData');
  const sidebar = roundTrips(env);
  env.run('saveSession', marks(clients, group, '2025-03-11'));
  const steady = roundTrips(env);
  // A new client on the roster is a new Patterns row: the shape changes.
  const roster = env.spreadsheet.getSheetByName('Clients')!;
  roster.getRange(roster.getLastRow() + 1, 1, 1, 4).setValues([['N1', 'New client', 'Group 0', 'yes']]);
  env.run('saveSession', marks(clients, group, '2025-03-11'));
  const reshaped = roundTrips(env);
  env.run('refreshPatterns');
  const refresh = roundTrips(env);
  return { sidebar, steady, reshaped, refresh };
}

/** Issue 13's budgets, in round trips (the runtime's `expensive` count). */
// Within them, issue 10's append inserts the rows it writes (a person's cursor under the record moves
// with the insert instead of typing into Cadence's rows) and counts the tab's rows before and after
// (a person's row insert or delete meanwhile is then worked out and mended): 2 calls of a save's 21.
const BUDGET = { steadySave: 25, reshapedSave: 45, sidebar: 11, session: 40 };

describe("the budgets hold with 0, 5 and 20 tabs of the practice's own", () => {
  const byTabs = [0, 5, 20].map((tabs) => ({ tabs, calls: budget({ ...SMALL, tabs }, 3) }));
  const none = byTabs[0].calls;

  test.each(byTabs.map(({ tabs, calls }) => [tabs, calls] as const))(
    'with %i extra tabs: the same calls as with none, each endpoint within its budget',
    (_tabs, calls) => {
      expect(calls).toEqual(none);
      expect(total(calls.steady)).toBeLessThanOrEqual(BUDGET.steadySave);
      expect(total(calls.reshaped)).toBeLessThanOrEqual(BUDGET.reshapedSave);
      expect(total(calls.sidebar)).toBeLessThanOrEqual(BUDGET.sidebar);
      // A session: the sidebar opens, then saves; the save answers with the sidebar's data, so no call back.
      expect(total(calls.sidebar) + total(calls.steady)).toBeLessThanOrEqual(BUDGET.session);
    },
  );

  test('a steady save reads each tab it needs once and writes the record in one setValues', () => {
    expect(none.steady['Sheet.getSheetValues']).toBe(3); // roster, record, row 1 after the append
    expect(none.steady['Range.getValues'] ?? 0).toBe(0);
    expect(none.steady['Range.setValues']).toBe(2); // the record's new rows, Patterns' values
    expect(none.steady['Sheet.insertRowsAfter']).toBe(1); // the rows the entries go into
    expect(none.steady['Sheet.getMaxRows']).toBe(2); // before and after: did a person insert or delete rows?
    // No tag read and no count: the columns come from memory, checked by row 1 as read (the
    // sidebar's load counts the metadata; a save takes what it established: layoutMemory.ts).
    expect(none.steady['DeveloperMetadataFinder.find'] ?? 0).toBe(0);
    expect(none.sidebar['DeveloperMetadataFinder.find']).toBe(1);
    expect(none.steady['DeveloperMetadata.getValue'] ?? 0).toBe(0);
    expect(none.sidebar['DeveloperMetadata.getValue'] ?? 0).toBe(0);
  });
});

describe('the service-call budget', () => {
  const small = budget(SMALL, 3);
  const large = budget(LARGE, 12);

  test('a steady save makes the same calls for 3 clients of 12 and 12 of 120, 60 rows and 3,000', () => {
    expect(large.steady).toEqual(small.steady);
  });

  test("a save that changes the grid's shape, the sidebar and Refresh patterns too", () => {
    expect(large.reshaped).toEqual(small.reshaped);
    expect(large.sidebar).toEqual(small.sidebar);
    expect(large.refresh).toEqual(small.refresh);
  });

  test("a steady save rewrites Patterns' values only: no rule, format or width call", () => {
    for (const method of [
      'Sheet.setConditionalFormatRules',
      'Sheet.getConditionalFormatRules',
      'Range.setFontWeights',
      'Range.setBackground',
      'Sheet.setColumnWidth',
    ]) {
      expect([method, small.steady[method] ?? 0]).toEqual([method, 0]);
    }
    expect(small.reshaped['Sheet.setConditionalFormatRules']).toBe(2);
    expect(small.refresh['Sheet.setConditionalFormatRules']).toBe(2);
    expect(total(small.steady)).toBeLessThan(total(small.reshaped));
  });

  test('a person deleted rows of Patterns: the next save rewrites the tab whole', () => {
    const { env, clients } = world(SMALL);
    env.run('saveSession', marks(clients, 3, '2025-03-10'));
    const tags = env.spreadsheet.createDeveloperMetadataFinder().withKey('cadence.patterns').find();
    const patterns = tags[0].getLocation().getSheet()!;
    const shown = patterns.getDataRange().getValues();
    patterns.deleteRows(4, 5);
    env.run('saveSession', marks(clients, 3, '2025-03-11'));
    expect(roundTrips(env)['Sheet.setConditionalFormatRules']).toBe(2);
    expect(patterns.getMaxRows()).toBe(shown.length);
    const names = (rows: unknown[][]) => rows.map((row) => String(row[0])).sort(); // the Client column
    expect(names(patterns.getDataRange().getValues())).toEqual(names(shown));
  });
});
