/**
 * Builds dist/ and dist-dev/ once before the suites run, so a suite that loads the built add-on
 * (Code.js, Sidebar.html, the playground) never tests a stale bundle. Skipped when every output is
 * newer than every input: `npx jest test/core` stays quick.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const INPUTS = ['src', 'build.mjs', 'appsscript.json', 'package.json'];
const OUTPUTS = ['dist/Code.js', 'dist/Sidebar.html', 'dist/appsscript.json', 'dist-dev/playground.js'];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

function upToDate(): boolean {
  const outputs = OUTPUTS.map((file) => join(ROOT, file));
  if (!outputs.every((file) => existsSync(file))) return false;
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return INPUTS.every((input) => !existsSync(join(ROOT, input)) || newest(join(ROOT, input)) < oldestOutput);
}

export default function globalSetup(): void {
  if (upToDate()) return;
  execFileSync(process.execPath, [join(ROOT, 'build.mjs')], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, CI_QUIET: '1' },
  });
}
