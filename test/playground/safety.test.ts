/**
 * Playground safety (issue 10): the playground may hold a practice's real roster and record, so
 * starting over never silently replaces it, the file is written safely, the pages cannot be framed,
 * errors name no file of this machine, uploads are bounded, and other machines need a token.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlaygroundOptions } from '../../src/playground/args';
import { withoutPaths } from '../../src/playground/httpApp';
import { startPlayground, type RunningPlayground } from '../../src/playground/playground';

let dir: string;
let workbookPath: string;
const running: RunningPlayground[] = [];

const options = (more: Partial<PlaygroundOptions> = {}): PlaygroundOptions => ({
  port: 0,
  host: '127.0.0.1',
  workbookPath,
  fresh: false,
  importPath: null,
  dev: false,
  force: false,
  ...more,
});

async function start(more: Partial<PlaygroundOptions> = {}): Promise<RunningPlayground> {
  const playground = await startPlayground(options(more));
  running.push(playground);
  return playground;
}

async function stopAll(): Promise<void> {
  while (running.length) await running.pop()!.close();
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cadence-safety-'));
  workbookPath = join(dir, 'wb.json');
});
afterEach(async () => {
  await stopAll();
  rmSync(dir, { recursive: true, force: true });
});

async function saveOne(playground: RunningPlayground): Promise<void> {
  const request = {
    requestId: 'safety-1',
    date: '2026-11-20',
    group: 'Friday choir',
    attendance: [{ clientId: 'RB-301', status: 'present' }],
  };
  const response = await fetch(new URL('api/run/saveSession', playground.url), {
    method: 'POST',
    body: JSON.stringify([request]),
    headers: { 'content-type': 'application/json' },
  });
  expect(response.status).toBe(200);
}

describe('starting over', () => {
  it('--fresh and --import refuse to replace a workbook that holds entries; --force replaces it and keeps a backup', async () => {
    await saveOne(await start({ fresh: true }));
    await stopAll();
    const before = readFileSync(workbookPath, 'utf8');
    await expect(startPlayground(options({ fresh: true }))).rejects.toThrow(
      /holds 1 attendance entry; --fresh would replace it\. Add --force/,
    );
    // Refused before the roster file is even read.
    await expect(startPlayground(options({ fresh: true, importPath: join(dir, 'missing.xlsx') }))).rejects.toThrow(
      /--import would replace it/,
    );
    expect(readFileSync(workbookPath, 'utf8')).toBe(before);
    const playground = await start({ fresh: true, force: true });
    expect(playground.backup).toMatch(/wb\.json\.backup-.*\.json$/);
    expect(readFileSync(playground.backup!, 'utf8')).toBe(before);
    expect(readFileSync(workbookPath, 'utf8')).not.toBe(before);
    // A workbook without entries is replaced without asking.
    await stopAll();
    expect((await start({ fresh: true })).backup).toBeNull();
  });

  it('a file that is not a workbook is kept too: --fresh needs --force', async () => {
    writeFileSync(workbookPath, 'my notes, not JSON');
    await expect(startPlayground(options({ fresh: true }))).rejects.toThrow(
      /is not a workbook this playground can read.*--force/,
    );
    const playground = await start({ fresh: true, force: true });
    expect(readFileSync(playground.backup!, 'utf8')).toBe('my notes, not JSON');
  });
});

describe('the workbook file', () => {
  it('is written through a random temporary name, and leftovers of an interrupted run are removed', async () => {
    writeFileSync(join(dir, '.wb.json.0123456789abcdef.tmp'), 'half');
    writeFileSync(join(dir, 'wb.json.4242.tmp'), 'half, older style');
    writeFileSync(join(dir, 'other.txt'), 'not ours');
    const playground = await start({ fresh: true });
    await saveOne(playground);
    expect(readdirSync(dir).sort()).toEqual(['other.txt', 'wb.json']);
  });
});

describe('the HTTP face', () => {
  it('no page or answer may be framed by another site', async () => {
    const playground = await start({ fresh: true });
    for (const path of ['', 'api/workbook', 'api/ui', 'nothing-here']) {
      const response = await fetch(new URL(path, playground.url));
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('an oversized upload is answered 413 and its connection closed', async () => {
    const playground = await start({ fresh: true });
    const { port } = new URL(playground.url);
    const answer = await new Promise<{ text: string; closed: boolean }>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1');
      let text = '';
      socket.on('data', (d) => {
        text += d.toString();
      });
      socket.on('close', () => resolve({ text, closed: true }));
      socket.on('error', () => resolve({ text, closed: true }));
      socket.write(
        `POST /api/run/saveSession HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${5 * 1024 * 1024}\r\n\r\n`,
      );
      socket.write('['.padEnd(64 * 1024, ' '));
    });
    expect(answer.text).toMatch(/^HTTP\/1\.1 413/);
    expect(answer.text.toLowerCase()).toContain('connection: close');
    expect(answer.closed).toBe(true);
    // Without a declared length too (chunked): refused once the body passes the limit.
    const big = await fetch(new URL('api/run/saveSession', playground.url), {
      method: 'POST',
      body: `[${'"x",'.repeat(400_000)}"x"]`,
      headers: { 'content-type': 'application/json' },
    }).catch(() => null);
    expect(big === null || big.status === 413).toBe(true);
  });

  it("error answers name no file of this machine; the add-on's own messages are unchanged", () => {
    expect(withoutPaths("ENOENT: no such file or directory, open '/home/therapist/cadence/dist/Code.js'")).toBe(
      "ENOENT: no such file or directory, open '(a file)'",
    );
    expect(withoutPaths('EACCES: permission denied, open C:\\Users\\amy\\wb.json')).toBe(
      'EACCES: permission denied, open (a file)',
    );
    const message =
      'The Attendance tab\'s "Note" column was deleted. Put it back with Edit › Undo (see https://support.google.com/docs/answer/190843). 1/2 done.';
    expect(withoutPaths(message)).toBe(message);
  });

  it('listening beyond this machine needs the token printed at start; the page hands it on as a cookie', async () => {
    const playground = await start({ fresh: true, host: '0.0.0.0' });
    expect(playground.url).toMatch(/^http:\/\/0\.0\.0\.0:\d+\/\?token=[0-9a-f]{48}$/);
    const url = new URL(playground.url);
    const token = url.searchParams.get('token')!;
    const at = (path: string) => `http://127.0.0.1:${url.port}/${path}`;
    const headers = { host: `0.0.0.0:${url.port}` };
    expect((await fetch(at('api/workbook'), { headers })).status).toBe(403);
    expect((await fetch(at(`api/workbook?token=${'0'.repeat(48)}`), { headers })).status).toBe(403);
    const page = await fetch(at(`?token=${token}`), { headers });
    expect(page.status).toBe(200);
    const cookie = page.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^cadence_token=[0-9a-f]{48}; HttpOnly; SameSite=Strict; Path=\//);
    expect((await fetch(at('api/workbook'), { headers: { ...headers, cookie: cookie.split(';')[0] } })).status).toBe(
      200,
    );
    // On this machine only (the default), no token is asked.
    const local = await start({ fresh: true, workbookPath: join(dir, 'local.json') });
    expect(local.url).not.toContain('token');
    expect((await fetch(new URL('api/workbook', local.url))).status).toBe(200);
    expect(existsSync(join(dir, 'local.json'))).toBe(true);
  });
});
