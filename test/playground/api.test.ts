/**
 * The playground's API contract (issue 5) on a real server in this process, and its workbook
 * file across restarts: what automated checks and the page rely on.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlaygroundOptions } from '../../src/playground/args';
import { DEMO_CLIENTS } from '../../src/playground/demoPractice';
import { startPlayground, type RunningPlayground } from '../../src/playground/playground';

let dir: string;
let workbookPath: string;
let playground: RunningPlayground;

const options = (more: Partial<PlaygroundOptions> = {}): PlaygroundOptions => ({
  port: 0,
  host: '127.0.0.1',
  workbookPath,
  fresh: false,
  importPath: null,
  dev: false,
  ...more,
});

async function run(name: string, body: string): Promise<{ status: number; json: unknown }> {
  const response = await fetch(new URL(`api/run/${name}`, playground.url), {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  });
  return { status: response.status, json: await response.json() };
}

interface SheetView {
  name: string;
  values: string[][];
  backgrounds: (string | null)[][];
}

async function sheets(): Promise<SheetView[]> {
  const response = await fetch(new URL('api/workbook', playground.url));
  expect(response.status).toBe(200);
  return ((await response.json()) as { sheets: SheetView[] }).sheets;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cadence-api-'));
  workbookPath = join(dir, 'wb.json');
  playground = await startPlayground(options({ fresh: true }));
});
afterAll(async () => {
  await playground?.close();
  rmSync(dir, { recursive: true, force: true });
});

const session = (requestId: string, date: string) => ({
  requestId,
  date,
  group: 'Friday choir',
  attendance: [
    { clientId: 'RB-301', status: 'present' },
    { clientId: 'RB-302', status: 'excused', reason: 'illness', notice: true, note: '=not a formula' },
  ],
});

describe('the playground API', () => {
  it('listens on 127.0.0.1 only, and --fresh starts from the demo roster with no history', async () => {
    expect(playground.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const names = (await sheets()).map((s) => s.name);
    expect(names).toEqual(['Roster']);
    const roster = (await sheets())[0];
    expect(roster.values.slice(1).map((r) => r[1])).toEqual(DEMO_CLIENTS.map((c) => c.name));
    expect(roster.backgrounds.flat().every((b) => b === null)).toBe(true);
  });

  it('runs a top-level function with a JSON array of arguments and answers its JSON result', async () => {
    const date = '2026-11-20';
    const saved = await run('saveSession', JSON.stringify([session('api-1', date)]));
    expect(saved.status).toBe(200);
    expect(saved.json).toMatchObject({ saved: 2, duplicate: false });
    const again = await run('saveSession', JSON.stringify([session('api-1', date)]));
    expect(again.json).toMatchObject({ saved: 0, duplicate: true });
    // A function that returns nothing answers null.
    expect(await run('onOpen', '[]')).toEqual({ status: 200, json: null });
  });

  it('answers the workbook as displayed: dates as YYYY-MM-DD, text as typed', async () => {
    const attendance = (await sheets()).find((s) => s.name === 'Attendance') as SheetView;
    const header = attendance.values[0];
    const rows = attendance.values.slice(1);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r[header.indexOf('Session date')])).toEqual(['2026-11-20', '2026-11-20']);
    expect(rows[1][header.indexOf('Note')]).toBe('=not a formula');
    expect(attendance.backgrounds).toHaveLength(attendance.values.length);
    expect(attendance.backgrounds.every((row, i) => row.length === attendance.values[i].length)).toBe(true);
  });

  it("answers 400 with the add-on's message for its errors, 404 for a function that does not exist", async () => {
    const bad = await run(
      'saveSession',
      JSON.stringify([
        { requestId: 'api-2', date: '2026-02-30', attendance: [{ clientId: 'RB-301', status: 'present' }] },
      ]),
    );
    expect(bad.status).toBe(400);
    expect((bad.json as { error: string }).error).toMatch(/^Nothing was saved\./);
    expect(await run('launchRockets', '[]')).toEqual({
      status: 404,
      json: { error: 'Script function not found: launchRockets' },
    });
    // Private names (ending in _) cannot be called, as in Apps Script.
    expect((await run('toString_', '[]')).status).toBe(404);
    expect((await run('saveSession', '{"not": "an array"}')).status).toBe(400);
    expect((await run('saveSession', '[{')).status).toBe(400);
    const missing = await fetch(new URL('api/nothing', playground.url));
    expect(missing.status).toBe(404);
  });

  it('refuses requests another web site could make: a foreign Host name, a POST that is not JSON', async () => {
    const { port } = new URL(playground.url);
    const raw = (headers: Record<string, string>, method = 'GET', path = '/api/workbook') =>
      new Promise<number>((resolve, reject) => {
        const request = httpRequest({ host: '127.0.0.1', port: Number(port), path, method, headers }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        request.on('error', reject);
        request.end(method === 'POST' ? '[]' : undefined);
      });
    expect(await raw({ host: `localhost:${port}` })).toBe(200);
    expect(await raw({ host: `attacker.example:${port}` })).toBe(403);
    expect(await raw({ host: `127.0.0.1:${port}`, 'content-type': 'text/plain' }, 'POST', '/api/run/onOpen')).toBe(415);
    expect(
      await raw({ host: `127.0.0.1:${port}`, 'content-type': 'application/json' }, 'POST', '/api/run/onOpen'),
    ).toBe(200);
  });

  it('keeps the workbook in its file: a restart finds the record; --fresh --force starts over', async () => {
    const file = JSON.parse(readFileSync(workbookPath, 'utf8')) as { sheets: { name: string }[] };
    expect(file.sheets.map((s) => s.name)).toContain('Attendance');
    await playground.close();
    playground = await startPlayground(options());
    expect(playground.origin).toBe('file');
    const attendance = (await sheets()).find((s) => s.name === 'Attendance') as SheetView;
    expect(attendance.values).toHaveLength(3);
    // The request id survived too: the retry is still recognised after the restart.
    expect((await run('saveSession', JSON.stringify([session('api-1', '2026-11-20')]))).json).toMatchObject({
      duplicate: true,
    });
    await playground.close();
    playground = await startPlayground(options({ fresh: true, force: true }));
    expect((await sheets()).map((s) => s.name)).toEqual(['Roster']);
  });
});
