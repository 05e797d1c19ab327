/**
 * npm run conformance        — the probes in the offline runtime: a table, the count; fails if a probe threw.
 * npm run conformance:live   — the same probes and the replay in a real scratch spreadsheet through
 *                              clasp, compared with the offline answers; fails on any difference.
 * node dist-dev/conformance.js --compare probes.json [replay.json]
 *                            — compare answers copied from the Apps Script editor's log instead.
 * README "Checking against real Google Sheets" gives the steps.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as esbuild from 'esbuild';
import { createEnvironment } from '../../src/runtime';
import { PROBES, SCRATCH_PREFIX } from './probes';
import type { Answer } from './probes';

/** The repository: dist-dev/conformance.js when built, test/conformance/ under jest. */
function repoRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'build.mjs'))) return dir;
    if (dirname(dir) === dir) return process.cwd();
  }
}
const root = repoRoot();
const dist = join(root, 'dist');
const out = join(root, 'dist-dev', 'conformance');
const GLOBAL = 'CadenceConformance';
const ENTRIES = ['runConformance', 'cadenceReplay'];

/** The probes and the replay as one Apps Script file: an IIFE and a top-level function per entry. */
function bundle(): string {
  const result = esbuild.buildSync({
    entryPoints: [join(root, 'test/conformance/appsScript.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2019',
    platform: 'neutral',
    charset: 'utf8',
    legalComments: 'none',
  });
  const stubs = ENTRIES.map((name) => `function ${name}() { return ${GLOBAL}.${name}.apply(this, arguments); }`).join(
    '\n',
  );
  return `${result.outputFiles[0].text}\n${stubs}\n`;
}

/** Offline: Code.js is the add-on and the conformance file together, as Apps Script joins a project's files. */
function offlineDir(conformance: string): string {
  const dir = join(out, 'offline');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Code.js'), `${readFileSync(join(dist, 'Code.js'), 'utf8')}\n${conformance}`);
  copyFileSync(join(dist, 'Sidebar.html'), join(dir, 'Sidebar.html'));
  copyFileSync(join(dist, 'appsscript.json'), join(dir, 'appsscript.json'));
  return dir;
}

function runOffline(dir: string, entry: string): string {
  const env = createEnvironment({ distDir: dir });
  env.spreadsheet.rename(`${SCRATCH_PREFIX} (offline)`);
  return env.run<string>(entry);
}

const short = (a: Answer) => {
  const text = JSON.stringify(a);
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
};

/** The differences between two answer sets, one line each. */
export function differences(expected: Record<string, unknown>, actual: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
  return keys
    .filter((k) => JSON.stringify(expected[k]) !== JSON.stringify(actual[k]))
    .map((k) => `${k}\n    offline: ${JSON.stringify(expected[k])}\n    live:    ${JSON.stringify(actual[k])}`);
}

function printTable(answers: Record<string, Answer>): number {
  let failed = 0;
  console.log(`${'area'.padEnd(12)} ${'probe'.padEnd(42)} answer`);
  for (const probe of PROBES) {
    const answer = answers[probe.name];
    const threw = typeof answer === 'object' && answer !== null && !Array.isArray(answer) && 'thrown' in answer;
    if (threw) failed += 1;
    console.log(`${probe.area.padEnd(12)} ${probe.name.padEnd(42)} ${threw ? 'THREW ' : ''}${short(answer)}`);
  }
  return failed;
}

/** A clasp command in the live project's folder; its output. */
function clasp(dir: string, args: string[]): string {
  return execFileSync('npx', ['clasp', ...args], { cwd: dir, encoding: 'utf8', stdio: ['inherit', 'pipe', 'inherit'] });
}

/** The JSON value clasp run printed (it prints the function's return value, a JSON string here). */
function lastJson(output: string): Record<string, unknown> {
  const start = output.indexOf('{');
  if (start < 0) throw new Error(`clasp run printed no answer:\n${output}`);
  let text = output.slice(start, output.lastIndexOf('}') + 1);
  if (text.includes('\\"')) text = JSON.parse(`"${text.replace(/^"|"$/g, '')}"`) as string;
  return JSON.parse(text) as Record<string, unknown>;
}

function live(
  conformance: string,
  offline: { probes: Record<string, unknown>; replay: Record<string, unknown> },
): number {
  const scriptId = process.env.CADENCE_CONFORMANCE_SCRIPT_ID;
  if (!scriptId) {
    console.error(
      'Set CADENCE_CONFORMANCE_SCRIPT_ID to the Script ID of the Apps Script project bound to your scratch spreadsheet (README: Checking against real Google Sheets).',
    );
    return 2;
  }
  const dir = join(out, 'live');
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(dist, 'Code.js'), join(dir, 'Code.js'));
  copyFileSync(join(dist, 'Sidebar.html'), join(dir, 'Sidebar.html'));
  writeFileSync(join(dir, 'Conformance.js'), conformance);
  // Cadence's own manifest, plus what clasp run needs: an API executable only you may call.
  const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(
    join(dir, 'appsscript.json'),
    JSON.stringify({ ...manifest, executionApi: { access: 'MYSELF' } }, null, 2),
  );
  writeFileSync(join(dir, '.clasp.json'), JSON.stringify({ scriptId, rootDir: '.' }));
  clasp(dir, ['push', '--force']);
  // Each run refuses (before any write) unless the spreadsheet's name starts with cadence-conformance.
  const probes = lastJson(clasp(dir, ['run', 'runConformance']));
  const replay = lastJson(clasp(dir, ['run', 'cadenceReplay']));
  writeFileSync(join(out, 'live-probes.json'), JSON.stringify(probes, null, 2));
  writeFileSync(join(out, 'live-replay.json'), JSON.stringify(replay, null, 2));
  return report(offline, { probes, replay });
}

function report(
  offline: { probes: Record<string, unknown>; replay?: Record<string, unknown> },
  actual: { probes: Record<string, unknown>; replay?: Record<string, unknown> },
): number {
  const diffs = differences(offline.probes, actual.probes);
  if (offline.replay && actual.replay)
    diffs.push(...differences({ replay: offline.replay }, { replay: actual.replay }));
  if (diffs.length === 0) {
    console.log(
      `Live answers equal the offline runtime's: ${Object.keys(actual.probes).length} probes${actual.replay ? ' and the replay' : ''}.`,
    );
    return 0;
  }
  console.log(`${diffs.length} difference(s) between the offline runtime and Google:\n${diffs.join('\n')}`);
  console.log(
    'Each is a runtime behaviour to correct (or a switch in src/runtime/switches.ts to settle), then run the suites again.',
  );
  return 1;
}

function main(args: string[]): number {
  if (!existsSync(join(dist, 'Code.js'))) throw new Error('Run `node build.mjs` first.');
  const conformance = bundle();
  const dir = offlineDir(conformance);
  const probes = JSON.parse(runOffline(dir, 'runConformance')) as Record<string, Answer>;
  writeFileSync(join(out, 'offline-probes.json'), JSON.stringify(probes, null, 2));
  if (args[0] === '--live' || args[0] === '--compare') {
    const replay = JSON.parse(runOffline(dir, 'cadenceReplay')) as Record<string, unknown>;
    writeFileSync(join(out, 'offline-replay.json'), JSON.stringify(replay, null, 2));
    if (args[0] === '--live') return live(conformance, { probes, replay });
    const read = (file: string | undefined) =>
      file ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : undefined;
    return report({ probes, replay }, { probes: read(args[1]) ?? {}, replay: read(args[2]) });
  }
  const failed = printTable(probes);
  console.log(
    `\n${PROBES.length} probes ran offline; ${failed} threw.${failed ? '' : ' Answers: dist-dev/conformance/offline-probes.json.'}`,
  );
  return failed ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
