/**
 * The walls between the rooms of src/ hold (src/README.md, "Rooms"): a leak across one fails both
 * `npm run typecheck` and `npm run lint`. Each probe is written into a temporary copy of src/ with
 * the repository's configs, and the same checks CI runs are run there on the room that leaks.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repo = join(__dirname, '../..');

interface Probe {
  file: string;
  code: string;
  /** What tsc says about it. */
  typecheck: RegExp;
  /** The lint rule that refuses it. */
  rule: string;
}

/** A copy of src/ and the configs, with node_modules linked package by package (its .cache stays out). */
function copyWith(probes: Probe[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'cadence-rooms-'));
  cpSync(join(repo, 'src'), join(dir, 'src'), { recursive: true });
  cpSync(join(repo, '.ci'), join(dir, '.ci'), { recursive: true });
  cpSync(join(repo, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(repo, 'node_modules'))) {
    if (name !== '.cache') symlinkSync(join(repo, 'node_modules', name), join(dir, 'node_modules', name));
  }
  for (const probe of probes) writeFileSync(join(dir, probe.file), probe.code);
  return dir;
}

/** Runs a tool of node_modules/.bin in `cwd`; its output, and whether it failed. */
function run(cwd: string, tool: string, args: string[]): { failed: boolean; output: string } {
  try {
    const output = execFileSync(join(repo, 'node_modules/.bin', tool), args, { cwd, encoding: 'utf8', stdio: 'pipe' });
    return { failed: false, output };
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    return { failed: true, output: `${stdout}${stderr}` };
  }
}

/** ESLint's messages for each probe file, by rule. */
function lint(cwd: string, probes: Probe[]): Map<string, string[]> {
  const { output } = run(cwd, 'eslint', [
    '--config',
    '.ci/eslint.config.mjs',
    '--format',
    'json',
    ...probes.map((p) => p.file),
  ]);
  const results = JSON.parse(output) as { filePath: string; messages: { ruleId: string | null; message: string }[] }[];
  return new Map(
    results.map((r) => [r.filePath.slice(cwd.length + 1), r.messages.map((m) => `${m.ruleId}: ${m.message}`)]),
  );
}

/** One temporary copy per room: a probe in core would stop tsc -b before it reached the sidebar. */
const rooms: { room: string; probes: Probe[] }[] = [
  {
    room: 'src/core',
    probes: [
      {
        file: 'src/core/leakHostGlobals.ts',
        code: "export const zone = process.env.TZ ?? localStorage.getItem('zone');\n",
        typecheck:
          /leakHostGlobals\.ts.*Cannot find name 'process'[\s\S]*leakHostGlobals\.ts.*Cannot find name 'localStorage'/,
        rule: 'no-restricted-globals',
      },
      {
        file: 'src/core/leakRuntime.ts',
        code: "import { createEnvironment } from '../runtime';\nexport const make = createEnvironment;\n",
        typecheck: /leakRuntime\.ts.*error TS6307/,
        rule: 'import-x/no-restricted-paths',
      },
    ],
  },
  {
    room: 'src/sidebar',
    probes: [
      {
        file: 'src/sidebar/leakAppsScript.ts',
        code: 'export const zone = (): string => SpreadsheetApp.getActive().getSpreadsheetTimeZone();\n',
        typecheck: /leakAppsScript\.ts.*Cannot find name 'SpreadsheetApp'/,
        rule: 'no-restricted-globals',
      },
      {
        file: 'src/sidebar/leakServer.ts',
        code: "import { saveSession } from '../server/saveSession';\nexport const save = saveSession;\n",
        typecheck: /leakServer\.ts.*error TS6307/,
        rule: 'import-x/no-restricted-paths',
      },
    ],
  },
];

describe.each(rooms)('a leak out of $room', ({ room, probes }) => {
  let dir = '';
  let typecheck = { failed: false, output: '' };
  let lintMessages = new Map<string, string[]>();
  beforeAll(() => {
    dir = copyWith(probes);
    typecheck = run(dir, 'tsc', ['-b', room]);
    lintMessages = lint(dir, probes);
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test.each(probes)('$file fails the typecheck', (probe) => {
    expect(typecheck.failed).toBe(true);
    expect(typecheck.output).toMatch(probe.typecheck);
  });

  test.each(probes)('$file fails the lint with $rule', (probe) => {
    expect(lintMessages.get(probe.file)?.join('\n')).toContain(`${probe.rule}:`);
  });
});
