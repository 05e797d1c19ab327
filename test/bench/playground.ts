/**
 * The playground's first start: building the demo practice through the add-on's own saveSession
 * (one execution per past session), then what every request and change costs: rendering the
 * workbook view and writing the workbook file.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cadenceEnvironment } from '../cadence';
import { todayIn } from '../../src/playground/dates';
import { demoHistory } from '../../src/playground/demoHistory';
import { DEMO_TIME_ZONE, demoRoster } from '../../src/playground/demoPractice';
import { recordDemoHistory, type Clock } from '../../src/playground/openWorkbook';
import { writeWorkbook } from '../../src/playground/persistence';
import { rosterWorkbook } from '../../src/playground/rosterWorkbook';

function timed<T>(work: () => T): [T, number] {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
}

export function bench(): void {
  const today = todayIn(DEMO_TIME_ZONE);
  const sessions = demoHistory(today).length;
  const clock: Clock = { pinned: null };
  const [env, created] = timed(() =>
    cadenceEnvironment({
      timeZone: DEMO_TIME_ZONE,
      workbook: rosterWorkbook(demoRoster({ allActive: true }), DEMO_TIME_ZONE),
      now: () => clock.pinned ?? new Date(),
    }),
  );
  const [, recorded] = timed(() => recordDemoHistory(env, clock, today));
  const view = env.view();
  const rows = view.sheets.find((s) => s.name === 'Attendance')?.values.length ?? 0;
  console.log(`playground demo: ${sessions} saveSession executions + refresh, ${rows - 1} Attendance rows`);
  console.log(
    `  environment ${created.toFixed(0)} ms, history ${recorded.toFixed(0)} ms (${(recorded / sessions).toFixed(1)} ms per save)`,
  );

  const dir = mkdtempSync(join(tmpdir(), 'cadence-bench-'));
  try {
    const file = join(dir, 'workbook.json');
    const [, wrote] = timed(() => writeWorkbook(file, env.toJSON()));
    env.view(); // the first view pays for compiling the rendering code
    const [, viewed] = timed(() => env.view());
    console.log(
      `  after each change: workbook file ${(statSync(file).size / 1024).toFixed(0)} KiB written in ${wrote.toFixed(1)} ms; GET /api/workbook view ${viewed.toFixed(1)} ms`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
