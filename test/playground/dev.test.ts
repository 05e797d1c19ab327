/**
 * `npm run dev`: when the build rewrites Sidebar.html, the playground shows the open sidebar again
 * from the new file, and tells the page (UiView.sidebar.version), which reloads its frame.
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlayground, type RunningPlayground } from '../../src/playground/playground';
import type { UiView } from '../../src/playground/wire';

let dir: string;
let playground: RunningPlayground;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cadence-dev-'));
  // A copy of dist/ that this test may rebuild without touching the one other suites load.
  cpSync(join(__dirname, '../../dist'), join(dir, 'dist'), { recursive: true });
  playground = await startPlayground(
    { port: 0, host: '127.0.0.1', workbookPath: join(dir, 'wb.json'), fresh: true, importPath: null, dev: true },
    join(dir, 'dist'),
  );
});
afterAll(async () => {
  await playground?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (path: string): Promise<Response> => fetch(new URL(path, playground.url));
const ui = async (): Promise<UiView> => (await (await get('api/ui')).json()) as UiView;

test('a rebuilt Sidebar.html reaches the open sidebar without a click', async () => {
  const opened = await fetch(new URL('api/run/showSidebar', playground.url), {
    method: 'POST',
    body: '[]',
    headers: { 'content-type': 'application/json' },
  });
  expect(opened.status).toBe(200);
  const before = await ui();
  expect(before.dev).toEqual({ pageVersion: 1 });
  expect(before.sidebar?.version).toBe(1);

  // What build.mjs does: write beside, then rename over.
  const file = join(dir, 'dist', 'Sidebar.html');
  const marker = '<!-- rebuilt by dev.test -->';
  writeFileSync(`${file}.tmp`, readFileSync(file, 'utf8').replace('</body>', `${marker}</body>`));
  renameSync(`${file}.tmp`, file);

  let after = before;
  for (let tries = 0; tries < 100 && after.sidebar?.version === 1; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    after = await ui();
  }
  expect(after.sidebar?.version).toBe(2);
  expect(await (await get('sidebar')).text()).toContain(marker);
});
