/**
 * Service calls of recording: saveSession for groups of 5 and 20 clients, and getSidebarData for
 * 50 and 200 clients, each over a record of 0, 2,000 and 20,000 past entries. The counts must not
 * grow with either size (DESIGN.md "Performance model").
 */
import { RECORD_COLUMNS } from '../../src/core/record';
import type { Environment } from '../../src/runtime';
import { attendanceSheet, practice, session } from '../server/fixtures';
import type { RosterClient } from '../server/fixtures';

function roster(size: number): RosterClient[] {
  return Array.from({ length: size }, (_, i) => ({
    id: `C${1000 + i}`,
    name: `Client ${i}`,
    group: `Group ${i % 10}`,
    active: 'yes',
  }));
}

/** Fills the record with `count` past entries in one write, as years of saves would have. */
function pastEntries(env: Environment, clients: RosterClient[], count: number): void {
  env.run('saveSession', session([clients[0].id!], {}, { date: '2020-01-06' }));
  if (count <= 1) return;
  const sheet = attendanceSheet(env)!;
  const statuses = ['present', 'present', 'present', 'late', 'excused', 'unexcused', 'cancelled'];
  const start = Date.UTC(2020, 0, 6);
  const rows = Array.from({ length: count - 1 }, (_, i) => {
    const client = clients[i % clients.length];
    const day = new Date(start + Math.floor(i / clients.length) * 7 * 86400000);
    const byField: Record<string, unknown> = {
      entryId: `past-${i}`,
      sessionDate: day,
      group: client.group,
      clientId: client.id,
      client: client.name,
      status: statuses[i % statuses.length],
      recordedAt: day,
      recordedBy: 'bench@example.org',
      requestId: `past-req-${Math.floor(i / 20)}`,
    };
    return RECORD_COLUMNS.map(({ field }) => byField[field] ?? '');
  });
  const first = sheet.getLastRow() + 1;
  if (first + rows.length - 1 > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), first + rows.length - 1 - sheet.getMaxRows());
  sheet.getRange(first, 1, rows.length, RECORD_COLUMNS.length).setValues(rows);
}

function line(what: string, env: Environment): string {
  const c = env.lastCalls;
  const m = (name: string) => c.byMethod[name] ?? 0;
  const utilities = c.byService.Utilities ?? 0;
  return `${what.padEnd(46)} round trips ${String(c.expensive).padStart(3)}  getValues ${m('Range.getValues')}  setValues ${m('Range.setValues')}  setValue ${m('Range.setValue')}  in-process Utilities ${utilities}`;
}

export function bench(): void {
  console.log(
    'record: service calls per endpoint. Round trips (SpreadsheetApp, Lock, Properties...) must not grow with',
  );
  console.log(
    'group size, roster size or record length; in-process Utilities calls grow only with the group (one Entry ID',
  );
  console.log('each) and with the number of distinct session days in the record (each formatted once).');
  for (const past of [0, 2000, 20000]) {
    for (const group of [5, 20]) {
      const clients = roster(200);
      const env = practice(clients);
      pastEntries(env, clients, past);
      env.run(
        'saveSession',
        session(
          clients.slice(0, group).map((c) => c.id!),
          {},
          { date: '2025-03-10', group: 'Group 0' },
        ),
      );
      console.log(line(`saveSession ${group} clients, ${past} past entries`, env));
    }
  }
  for (const past of [0, 2000, 20000]) {
    for (const size of [50, 200]) {
      const clients = roster(size);
      const env = practice(clients);
      pastEntries(env, clients, past);
      env.run('getSidebarData');
      console.log(line(`getSidebarData ${size} clients, ${past} past entries`, env));
    }
  }
}
