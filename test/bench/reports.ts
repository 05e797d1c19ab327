/**
 * Service calls of the Client summary and the Practice report (issue 16) over records of 1,000,
 * 20,000 and 130,000 rows: a first build (the tab and its charts made) and a rewrite (charts
 * updated in place). The round trips must not grow with the record (DESIGN.md "Performance model").
 */
import { RECORD_COLUMNS } from '../../src/core/record';
import type { Environment } from '../../src/runtime';
import { attendanceSheet, practice, session, TODAY } from '../server/fixtures';
import type { RosterClient } from '../server/fixtures';

const SIZES = [1000, 20000, 130000];
const CLIENTS = 200;
const GROUPS = 10;
const STATUSES = ['present', 'present', 'present', 'late', 'excused', 'unexcused', 'refused', 'cancelled'];
const REASONS = ['', '', '', '', 'illness', 'unknown', 'declined', 'planned break'];

const clients: RosterClient[] = Array.from({ length: CLIENTS }, (_, i) => ({
  id: `C${1000 + i}`,
  name: `Client ${i}`,
  group: `Group ${i % GROUPS}`,
  active: 'yes',
}));

/** `count` entries, every client weekly, the newest in the week before TODAY, in one write. */
function record(env: Environment, count: number): void {
  env.run('saveSession', session([clients[0].id!], {}, { date: '2025-03-10', group: 'Group 0' }));
  const sheet = attendanceSheet(env)!;
  const newest = Date.UTC(2025, 2, 3);
  const rows = Array.from({ length: count - 1 }, (_, i) => {
    const client = clients[i % CLIENTS];
    const day = new Date(newest - Math.floor(i / CLIENTS) * 7 * 86400000);
    const k = (i * 7 + Math.floor(i / CLIENTS)) % STATUSES.length;
    const byField: Record<string, unknown> = {
      entryId: `past-${i}`,
      sessionDate: day,
      group: client.group,
      clientId: client.id,
      client: client.name,
      status: STATUSES[k],
      reason: REASONS[k],
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

function line(what: string, env: Environment, ms: number): string {
  const c = env.lastCalls;
  const m = (name: string) => c.byMethod[name] ?? 0;
  return `${what.padEnd(44)} round trips ${String(c.expensive).padStart(3)}  getValues ${m('Range.getValues')}  setValues ${m('Range.setValues')}  chart insert/update ${m('Sheet.insertChart')}/${m('Sheet.updateChart')}  (${ms} ms here)`;
}

function timed(env: Environment, fn: string, arg: unknown): number {
  const started = Date.now();
  env.run(fn, arg);
  return Date.now() - started;
}

export function bench(): void {
  console.log('reports: service calls of a client summary and a practice report (all 10 groups, six months).');
  console.log('Round trips must be the same at every record size; charts are one insert (first) or update each.');
  for (const size of SIZES) {
    const env = practice(clients);
    record(env, size);
    const k = `${size / 1000}k rows`;
    let ms = timed(env, 'buildClientSummary', { clientId: 'C1003' });
    console.log(line(`buildClientSummary, first, ${k}`, env, ms));
    ms = timed(env, 'buildClientSummary', { clientId: 'C1004' });
    console.log(line(`buildClientSummary, rewrite, ${k}`, env, ms));
    const period = { from: '2024-09-13', to: TODAY };
    ms = timed(env, 'buildPracticeReport', period);
    console.log(line(`buildPracticeReport, first, ${k}`, env, ms));
    ms = timed(env, 'buildPracticeReport', period);
    console.log(line(`buildPracticeReport, rewrite, ${k}`, env, ms));
  }
}
