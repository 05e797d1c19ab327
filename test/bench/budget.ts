/**
 * The service-call budget (issue 13): round trips per endpoint for 5 and 20 marked clients, records
 * of 0, 2k, 20k and 130k rows and 0, 5 and 20 extra tabs, each split by the runtime's batching
 * model (pendingWrites.ts) into blocking calls, queued writes and read-after-write switches, with an
 * estimated wall time on real Apps Script; side by side with a hand-made peer run on the same
 * runtime, and the previous implementation (BASELINE, built from git) for the before/after figures.
 *
 * Every figure the issue asks for is one line `<endpoint> <case> round trips <N>`.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createEnvironment } from '../../src/runtime';
import type { OfflineEnvironment } from '../../src/runtime';
import { isExpensive } from '../../src/runtime/counter';
import { flushes } from '../../src/runtime/pendingWrites';
import { RECORD_COLUMNS } from '../../src/core/record';
import type { SaveSessionRequest, SaveSessionResult } from '../../src/core/types';
import { NOW, TIME_ZONE, newRequestId, writeRoster } from '../server/fixtures';
import type { RosterClient } from '../server/fixtures';

/** The last commit before issue 13's work: the "before" of every before/after figure. */
const BASELINE = 'a4b4750';
const ROSTER_SIZE = 200;
const GROUPS = 10;
const ROW_COUNTS = [0, 2000, 20000, 130000];
const TAB_COUNTS = [0, 5, 20];
const GROUP_SIZES = [5, 20];

/**
 * What one call costs on real Apps Script, in ms. Sources:
 * - blocking call 30 ms, property write 62 ms (averages), 84 / 231 ms (maxima): L. Peralta, "Google
 *   Apps Script APIs performance", https://ziritione.org/post/apps_script_performance (100 runs of
 *   PropertiesService get/setProperty: 20–84 ms, avg 30; set 43–231 ms, avg 62). A property read is
 *   the cheapest server round trip measured there; spreadsheet reads that wait for an answer are
 *   costed the same.
 * - switch 560 ms: committing a batch of queued writes before a read ("What is faster: ScriptDb or
 *   SpreadsheetApp?", https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp:
 *   a 4000-cell setValues took under 50 ms, 610 ms with a flush after it); 800 ms in the slow column
 *   (J. Poehnelt, https://justin.poehnelt.com/posts/apps-script-key-value-stores: SpreadsheetApp
 *   write + read ≈ 800 ms).
 * - queued write 0 ms: "Every time you do a read, we must first empty (commit) the write cache"
 *   (https://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html, and
 *   https://developers.google.com/apps-script/guides/support/best-practices "Use batch
 *   operations"): its cost is paid at the next switch, or when the execution ends.
 */
interface CallCosts {
  name: string;
  blocking: number;
  propertyWrite: number;
  switch: number;
}
const FAST: CallCosts = { name: 'fast', blocking: 30, propertyWrite: 62, switch: 560 };
const SLOW: CallCosts = { name: 'slow', blocking: 84, propertyWrite: 231, switch: 800 };

const SPREADSHEET_CLASSES = new Set([
  'Spreadsheet',
  'Sheet',
  'Range',
  'Filter',
  'DeveloperMetadata',
  'DeveloperMetadataFinder',
]);

/** One execution's calls in the order made, classified. */
class Budget {
  roundTrips = 0;
  blocking = 0;
  queued = 0;
  switches = 0;
  /** Executions that ended with writes still queued (sent when the execution ends). */
  endCommits = 0;
  propertyWrites = 0;
  private pending = false;

  call(method: string): void {
    if (!isExpensive(method)) return;
    this.roundTrips += 1;
    const cls = method.slice(0, method.indexOf('.'));
    if (cls === 'Properties' && /\.(set|delete)/.test(method)) {
      this.propertyWrites += 1;
      this.blocking += 1;
    } else if (SPREADSHEET_CLASSES.has(cls) && !flushes(method) && /\.(set|append)/.test(method)) {
      this.queued += 1;
      this.pending = true;
    } else if (this.pending && flushes(method)) {
      this.switches += 1;
      this.pending = false;
    } else {
      this.blocking += 1;
    }
  }

  end(): void {
    if (this.pending) this.endCommits += 1;
    this.pending = false;
  }

  add(other: Budget): Budget {
    const sum = new Budget();
    for (const key of ['roundTrips', 'blocking', 'queued', 'switches', 'endCommits', 'propertyWrites'] as const)
      sum[key] = this[key] + other[key];
    return sum;
  }

  ms(costs: CallCosts): number {
    return (
      (this.blocking - this.propertyWrites) * costs.blocking +
      this.propertyWrites * costs.propertyWrite +
      (this.switches + this.endCommits) * costs.switch
    );
  }

  detail(): string {
    return (
      `  blocking ${this.blocking}, queued writes ${this.queued}, read-after-write switches ${this.switches}` +
      `${this.endCommits ? ' (+ the commit at the end)' : ''}; est. ${(this.ms(FAST) / 1000).toFixed(2)} s (fast) to ${(this.ms(SLOW) / 1000).toFixed(2)} s (slow)`
    );
  }
}

/** Runs `fn` as one execution and returns its result and budget. */
function measured<T>(
  env: OfflineEnvironment,
  fn: string,
  ...args: unknown[]
): { result: T; budget: Budget; ms: number } {
  const budget = new Budget();
  env.beforeServiceCall = (method) => budget.call(method);
  // Each timing starts from a collected heap (npm run bench gives node --expose-gc), so garbage one
  // practice left is not collected on the clock of the next one timed.
  (globalThis as { gc?: () => void }).gc?.();
  // CPU time of this process, not wall time: other processes on a busy machine do not count.
  const started = process.cpuUsage();
  try {
    const result = env.run<T>(fn, ...args);
    const used = process.cpuUsage(started);
    return { result, budget, ms: (used.user + used.system) / 1000 };
  } finally {
    env.beforeServiceCall = null;
    budget.end();
  }
}

const clients: RosterClient[] = Array.from({ length: ROSTER_SIZE }, (_, i) => ({
  id: `C${1000 + i}`,
  name: `Client ${i}`,
  group: `Group ${i % GROUPS}`,
  active: 'yes',
}));

const STATUSES = ['present', 'present', 'present', 'present', 'late', 'excused', 'unexcused', 'refused', 'cancelled'];

/** Users' own tabs beside the roster: a budget sheet with a few dozen rows, nothing like a roster. */
function extraTabs(env: OfflineEnvironment, count: number): void {
  for (let t = 1; t <= count; t += 1) {
    const sheet = env.spreadsheet.insertSheet(`Budget ${t}`);
    const rows = [
      ['Item', 'Amount', 'Month', 'Note'],
      ...Array.from({ length: 40 }, (_, i) => [
        `Item ${i}`,
        i * 10,
        `2025-${String((i % 12) + 1).padStart(2, '0')}`,
        '',
      ]),
    ];
    sheet.getRange(1, 1, rows.length, 4).setValues(rows);
  }
}

/** `count` past entries under the Attendance tab's headers (wherever its columns are), in one write. */
function pastEntries(sheet: GoogleAppsScript.Spreadsheet.Sheet, count: number): void {
  if (count === 0) return;
  const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
  const fieldAt = headers.map((h) => RECORD_COLUMNS.find((c) => c.header === h)?.field);
  const weeks = Math.ceil(count / ROSTER_SIZE);
  const monday = Date.UTC(2025, 2, 3, 5);
  const rows = Array.from({ length: count }, (_, i) => {
    const client = clients[i % ROSTER_SIZE];
    const day = new Date(monday - (weeks - 1 - Math.floor(i / ROSTER_SIZE)) * 7 * 86400000);
    const byField: Record<string, unknown> = {
      entryId: `past-${i}`,
      sessionDate: day,
      group: client.group,
      clientId: client.id,
      client: client.name,
      status: STATUSES[(i * 7 + Math.floor(i / ROSTER_SIZE)) % STATUSES.length],
      recordedAt: day,
      recordedBy: 'bench@example.org',
      requestId: `past-req-${Math.floor(i / 20)}`,
      notice: '',
      followUp: false,
    };
    return fieldAt.map((field) => (field ? (byField[field] ?? '') : ''));
  });
  const first = sheet.getLastRow() + 1;
  const needed = first + rows.length - 1 - sheet.getMaxRows();
  if (needed > 0) sheet.insertRowsAfter(sheet.getMaxRows(), needed);
  sheet.getRange(first, 1, rows.length, headers.length).setValues(rows);
}

function attendanceTab(env: OfflineEnvironment): GoogleAppsScript.Spreadsheet.Sheet {
  const tags = env.spreadsheet.createDeveloperMetadataFinder().withKey('cadence.attendance').find();
  return (
    tags.length ? tags[0].getLocation().getSheet() : env.spreadsheet.getSheetByName('Attendance')
  ) as GoogleAppsScript.Spreadsheet.Sheet;
}

/** The 20 clients of "Group 0" (every tenth of the roster). */
const GROUP = clients.filter((_, i) => i % GROUPS === 0);

function request(size: number, date: string): SaveSessionRequest {
  return {
    requestId: newRequestId(),
    date,
    group: 'Group 0',
    attendance: GROUP.slice(0, size).map((c, i) => ({
      clientId: c.id!,
      status: i % 4 === 1 ? 'unexcused' : 'present',
    })),
  };
}

/** A practice of 200 clients, `tabs` extra tabs and `rows` past entries, with Cadence's first save made. */
function practiceFor(distDir: string, rows: number, tabs: number, prefix = ''): OfflineEnvironment {
  const env = createEnvironment({
    distDir,
    timeZone: TIME_ZONE,
    now: () => new Date(NOW),
    user: 'therapist@example.org',
  });
  writeRoster(env, clients);
  extraTabs(env, tabs);
  if (rows === 0)
    print(
      `${prefix}getSidebarData first open, nothing remembered ${tabs} tabs`,
      measured(env, 'getSidebarData').budget,
    );
  env.run('saveSession', request(1, '2025-03-03'));
  pastEntries(attendanceTab(env), rows);
  return env;
}

/** One more client on the roster: a new row in Patterns, so the grid's shape changes. */
function addClient(env: OfflineEnvironment, n: number): void {
  const roster = env.spreadsheet.getSheetByName('Clients') as GoogleAppsScript.Spreadsheet.Sheet;
  roster.getRange(roster.getLastRow() + 1, 1, 1, 4).setValues([[`N${n}`, `New client ${n}`, 'Group 0', 'yes']]);
}

const label = (rows: number) => (rows === 0 ? '0' : `${rows / 1000}k`);

function print(line: string, budget: Budget): void {
  console.log(`${line} round trips ${budget.roundTrips}`);
  console.log(budget.detail());
}

/** What one session costs: the sidebar opens, saves, and shows the form again (calling back unless the save answered with sidebar data). */
function sessionBudget(env: OfflineEnvironment, size: number, date: string): Budget {
  const open = measured(env, 'getSidebarData').budget;
  const save = measured<SaveSessionResult & { sidebar?: unknown }>(env, 'saveSession', request(size, date));
  const back = save.result.sidebar ? new Budget() : measured(env, 'getSidebarData').budget;
  return open.add(save.budget).add(back);
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Every endpoint on one practice (`full`), or only the sidebar and the steady saves; returns the 20-client steady save's round trips. */
function measurePractice(distDir: string, rows: number, tabs: number, prefix: string, full: boolean): number {
  const env = practiceFor(distDir, rows, tabs, prefix);
  const at = `${label(rows)} rows ${tabs} tabs`;
  // The first save after the history arrived sets the grid's shape; the saves after it keep it.
  measured(env, 'saveSession', request(20, '2025-03-10'));
  // The saves before it have remembered the roster: what every open after the first costs.
  print(`${prefix}getSidebarData roster remembered ${at}`, measured(env, 'getSidebarData').budget);
  let save20 = 0;
  for (const size of GROUP_SIZES) {
    const save = measured(env, 'saveSession', request(size, size === 5 ? '2025-03-11' : '2025-03-12'));
    print(`${prefix}saveSession ${size} clients ${at}`, save.budget);
    if (size === 20) save20 = save.budget.roundTrips;
  }
  if (!full) return save20;
  GROUP_SIZES.forEach((size, i) => {
    addClient(env, i);
    print(
      `${prefix}saveSession shape change ${size} clients ${at}`,
      measured(env, 'saveSession', request(size, '2025-03-10')).budget,
    );
  });
  print(`${prefix}refreshPatterns ${at}`, measured(env, 'refreshPatterns').budget);
  for (const size of GROUP_SIZES)
    print(`${prefix}session ${size} clients ${at}`, sessionBudget(env, size, '2025-03-11'));
  return save20;
}

/** Pairs timed at 130k rows: each pair is the now and the before of one endpoint, one after the other. */
const CPU_PAIRS = 7;

/**
 * CPU time of the sidebar and of a 20-client steady save at 130k rows, now against `before`, in
 * one process: the two practices are built side by side and timed in turn, now then before, so a
 * machine that speeds up or slows down meanwhile affects both alike; the ratio quoted is the
 * median of the pairs' ratios.
 */
function cpuAt130k(now: string, before: string): void {
  const practices = [now, before].map((dir) => {
    const env = practiceFor(dir, 130000, 0);
    measured(env, 'saveSession', request(20, '2025-03-10'));
    return env;
  });
  const timed = (env: OfflineEnvironment, fn: string, ...args: unknown[]) => measured(env, fn, ...args).ms;
  for (const [name, run] of [
    ['getSidebarData', (env: OfflineEnvironment) => timed(env, 'getSidebarData')],
    ['saveSession 20 clients', (env: OfflineEnvironment) => timed(env, 'saveSession', request(20, '2025-03-12'))],
  ] as const) {
    const pairs = Array.from({ length: CPU_PAIRS }, () => practices.map(run));
    const ms = (k: number) => median(pairs.map((p) => p[k]));
    const ratio = median(pairs.map(([n, b]) => b / n));
    console.log(
      `CPU time in the runtime at 130k rows (${CPU_PAIRS} pairs): ${name} ${ms(1).toFixed(0)} ms before (${BASELINE}), ${ms(0).toFixed(0)} ms now: ${ratio.toFixed(1)}x faster (median of the pairs' ratios; ${pairs.map(([n, b]) => (b / n).toFixed(2)).join(' ')})`,
    );
  }
}

/**
 * The peer: what a practice might write by hand — one appendRow per client, and flags kept current
 * by reading the record and colouring each roster row's name cell one cell at a time.
 */
const PEER_CODE = `
function peerSave(request) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Attendance');
  for (var i = 0; i < request.attendance.length; i++) {
    var mark = request.attendance[i];
    sheet.appendRow([Utilities.getUuid(), request.date, request.group, mark.clientId, '', mark.status]);
  }
}
function peerFlags() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var record = ss.getSheetByName('Attendance').getDataRange().getValues();
  var roster = ss.getSheetByName('Clients');
  var ids = roster.getDataRange().getValues();
  var recent = {};
  for (var r = 1; r < record.length; r++) {
    var id = String(record[r][3]);
    (recent[id] = recent[id] || []).push(record[r][5]);
  }
  for (var c = 1; c < ids.length; c++) {
    var last = (recent[String(ids[c][0])] || []).slice(-6);
    var missed = last.filter(function (s) { return s === 'excused' || s === 'unexcused' || s === 'refused'; }).length;
    roster.getRange(c + 1, 2).setBackground(missed >= 3 ? '#F9CB9C' : missed >= 2 ? '#FFF2CC' : null);
  }
}
`;

function peerDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cadence-peer-'));
  writeFileSync(join(dir, 'Code.js'), PEER_CODE);
  copyFileSync(join(process.cwd(), 'dist', 'appsscript.json'), join(dir, 'appsscript.json'));
  return dir;
}

function peerPractice(dir: string, rows: number, tabs: number): OfflineEnvironment {
  const env = createEnvironment({
    distDir: dir,
    timeZone: TIME_ZONE,
    now: () => new Date(NOW),
    user: 'therapist@example.org',
  });
  writeRoster(env, clients);
  extraTabs(env, tabs);
  const sheet = env.spreadsheet.insertSheet('Attendance');
  sheet.getRange(1, 1, 1, RECORD_COLUMNS.length).setValues([RECORD_COLUMNS.map((c) => c.header)]);
  pastEntries(sheet, rows);
  return env;
}

/** build.mjs's own recipe for Code.js (one bundle, one top-level function per export). */
type BuildCode = (sourceRoot?: string) => Promise<{ code: string; exports: string[] }>;

/**
 * The previous implementation, built from git in a temporary directory by build.mjs's buildCode,
 * so the before and after bundles come from the same recipe. Null where there is no git history.
 */
async function baselineDir(): Promise<string | null> {
  const dir = mkdtempSync(join(tmpdir(), 'cadence-baseline-'));
  try {
    const archive = execFileSync('git', ['archive', BASELINE, 'src/server', 'src/core'], {
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    execFileSync('tar', ['-x', '-C', dir], { input: archive });
    // Loaded at run time (an ES module beside package.json), not bundled into the bench.
    const build = (await import(pathToFileURL(join(process.cwd(), 'build.mjs')).href)) as { buildCode: BuildCode };
    const { code } = await build.buildCode(dir);
    writeFileSync(join(dir, 'Code.js'), code);
    copyFileSync(join(process.cwd(), 'dist', 'appsscript.json'), join(dir, 'appsscript.json'));
    return dir;
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return null;
  }
}

export async function bench(): Promise<void> {
  const dist = join(process.cwd(), 'dist');
  console.log(
    `budget: round trips per endpoint (${ROSTER_SIZE}-client roster); est. wall time from the cost table in test/bench/budget.ts`,
  );
  console.log(
    `  (fast: blocking ${FAST.blocking} ms, property write ${FAST.propertyWrite} ms, switch ${FAST.switch} ms; slow: ${SLOW.blocking} / ${SLOW.propertyWrite} / ${SLOW.switch} ms)`,
  );
  let steady20 = 0;
  for (const rows of ROW_COUNTS) {
    // At 130k rows (a large practice's years) with no extra tab only: tabs are varied at 0 to 20k
    // rows, and building a 130k-row fixture per tab count would double the bench's time.
    for (const tabs of rows === 130000 ? [0] : TAB_COUNTS) {
      const save20 = measurePractice(dist, rows, tabs, '', true);
      if (rows === 20000 && tabs === 0) steady20 = save20;
    }
  }

  const peer = peerDir();
  try {
    for (const size of GROUP_SIZES) {
      for (const tabs of [0, 20]) {
        const env = peerPractice(peer, 20000, tabs);
        const save = measured(env, 'peerSave', request(size, '2025-03-10')).budget;
        print(`peer saveSession ${size} clients 20k rows ${tabs} tabs`, save);
        const flags = measured(env, 'peerFlags').budget;
        print(`peer save and keep flags current ${size} clients 20k rows ${tabs} tabs`, save.add(flags));
        if (size === 20 && tabs === 0) {
          console.log(
            `save and keep flags current 20 clients 20k rows: peer ${save.add(flags).roundTrips} / Cadence ${steady20} round trips: Cadence makes ${(save.add(flags).roundTrips / steady20).toFixed(1)}x fewer calls`,
          );
          console.log(
            `bare save 20 clients 20k rows: peer ${save.roundTrips}, Cadence ${steady20} round trips (Cadence also keeps Patterns and flags current)`,
          );
        }
      }
    }
  } finally {
    rmSync(peer, { recursive: true, force: true });
  }

  const before = await baselineDir();
  if (!before) {
    console.log(`before (${BASELINE}): not measured (no git history here)`);
    return;
  }
  try {
    for (const [rows, tabs] of [
      [2000, 0],
      [2000, 20],
    ])
      measurePractice(before, rows, tabs, `before (${BASELINE}): `, true);
    cpuAt130k(dist, before);
  } finally {
    rmSync(before, { recursive: true, force: true });
  }
}
