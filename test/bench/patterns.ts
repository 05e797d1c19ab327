/**
 * The Patterns refresh at scale: 500 clients and 1k, 10k and 130k Attendance rows (130k is five
 * years of weekly sessions). First the pure computation (buildPatternGrid: trends and the week grid),
 * then refreshPatterns end to end in the offline runtime: its service calls must not grow with the
 * record, and its time shows where the rest goes (reading the record, the runtime's own work).
 */
import { addDays } from '../../src/core/dates';

import { defaultSettings } from '../../src/core/settings';
import type { Client, Entry, Status } from '../../src/core/types';
import { seededRandom } from '../../src/playground/random';
import { practice } from '../server/fixtures';
import { writeHistory } from '../server/patternsHistory';
import type { HistoryRow } from '../server/patternsHistory';
import { blankEntry, gridOf } from '../core/recordFixtures';

const CLIENTS = 500;
const SIZES = [1000, 10000, 130000];
const TODAY = '2025-03-12';
const STATUSES: readonly Status[] = [
  'present',
  'present',
  'present',
  'present',
  'present',
  'late',
  'excused',
  'unexcused',
  'refused',
  'cancelled',
];

const clients: Client[] = Array.from({ length: CLIENTS }, (_, i) => ({
  id: `C${10000 + i}`,
  name: `Client ${i}`,
  group: `Group ${i % 12}`,
  active: i % 25 !== 0,
}));

/** `rows` weekly sessions spread over the clients, the newest in this week, older going back week by week. */
function history(rows: number): HistoryRow[] {
  const random = seededRandom(rows);
  const weeks = Math.ceil(rows / CLIENTS);
  return Array.from({ length: rows }, (_, i) => {
    const client = clients[i % CLIENTS];
    const week = Math.floor(i / CLIENTS);
    return {
      clientId: client.id,
      client: client.name,
      date: addDays('2025-03-10', -7 * (weeks - 1 - week) + (i % 3)),
      status: STATUSES[Math.floor(random() * STATUSES.length)],
    };
  });
}

function asEntries(rows: readonly HistoryRow[]): Entry[] {
  return rows.map((r, i) =>
    blankEntry({ entryId: `e${i}`, sessionDate: r.date, clientId: r.clientId, client: r.client, status: r.status }),
  );
}

function median(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function compute(): void {
  console.log(`patterns: buildPatternGrid for ${CLIENTS} clients (median of 5 runs, CPU in Node)`);
  const settings = defaultSettings();
  for (const rows of SIZES) {
    const entries = asEntries(history(rows));
    const times: number[] = [];
    let cells = 0;
    for (let run = 0; run < 5; run += 1) {
      const started = process.hrtime.bigint();
      const grid = gridOf({ clients, entries, today: TODAY, settings });
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      cells = grid.values.length * grid.width;
    }
    const ms = median(times);
    console.log(
      `  ${String(rows).padStart(6)} rows: ${ms.toFixed(1).padStart(6)} ms  (${((ms / rows) * 1000).toFixed(2)} µs/row; grid ${cells} cells)`,
    );
  }
}

function endToEnd(): void {
  console.log(`patterns: refreshPatterns in the offline runtime, ${CLIENTS}-client roster`);
  for (const rows of SIZES) {
    const env = practice(
      clients.map((c) => ({ id: c.id, name: c.name, group: c.group, active: c.active ? 'yes' : 'no' })),
    );
    writeHistory(env, { clientId: clients[1].id, date: '2025-03-11' }, history(rows));
    const started = Date.now();
    env.run('refreshPatterns');
    const ms = Date.now() - started;
    const c = env.lastCalls;
    const m = (name: string) => c.byMethod[name] ?? 0;
    console.log(
      `  ${String(rows).padStart(6)} rows: round trips ${c.expensive}  getValues ${m('Range.getValues')}  setValues ${m('Range.setValues')}` +
        `  setConditionalFormatRules ${m('Sheet.setConditionalFormatRules')}  run ${ms} ms (read, compute and write, runtime included)`,
    );
  }
}

export function bench(): void {
  compute();
  endToEnd();
}
