/** `npm start`'s command line as a user meets it: the built dist-dev/playground.js as a process. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './harness';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cadence-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function playground(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT, 'dist-dev', 'playground.js'), ...args],
      { cwd: dir, timeout: 20000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

describe('the playground command', () => {
  it('exits 1 with a clear message for an import that is not an .xlsx, and writes no workbook', async () => {
    const bad = join(dir, 'roster.xlsx');
    writeFileSync(bad, 'Client\nAna\n');
    const result = await playground(['--import', bad, '--workbook', join(dir, 'wb.json')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Cannot import .*roster\.xlsx: it is not an \.xlsx workbook/);
    expect(result.stdout).not.toMatch(/ready/);
    expect(existsSync(join(dir, 'wb.json'))).toBe(false);
  });

  it('exits 1 for a missing import file and for an unknown option, saying what to do', async () => {
    const missing = await playground(['--import', join(dir, 'nope.xlsx')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/there is no such file/);
    const unknown = await playground(['--open-browser']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/Unknown option "--open-browser"[\s\S]*Usage: npm start/);
  });

  it('prints its usage for --help and exits 0', async () => {
    const help = await playground(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--workbook FILE/);
  });
});
