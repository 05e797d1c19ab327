/**
 * The google.script.run shim, evaluated from the exact <script> text the sidebar gets, in a
 * fresh V8 context whose `window.fetch` reaches a real playground server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { startPlayground, type RunningPlayground } from '../../src/playground/playground';
import { shimScript, withShim, type ShimMessage } from '../../src/playground/scriptRunShim';

let dir: string;
let playground: RunningPlayground;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cadence-shim-'));
  playground = await startPlayground({
    port: 0,
    host: '127.0.0.1',
    workbookPath: join(dir, 'wb.json'),
    fresh: true,
    importPath: null,
    dev: false,
  });
});
afterAll(async () => {
  await playground.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Page {
  run: Record<string, unknown> & { [name: string]: (...args: unknown[]) => Page['run'] };
  host: { close(): void };
  messages: ShimMessage[];
  requests: string[];
  errors: unknown[];
}

/** A sidebar window: the shim's script evaluated in it, its fetch going to the playground. */
function sidebarWindow(): Page {
  const messages: ShimMessage[] = [];
  const requests: string[] = [];
  const errors: unknown[] = [];
  const window: Record<string, unknown> = {
    fetch: (url: string, init: RequestInit) => {
      requests.push(url);
      return fetch(new URL(url, playground.url), init);
    },
    parent: { postMessage: (message: ShimMessage) => messages.push(message) },
    console: { error: (e: unknown) => errors.push(e) },
  };
  vm.runInNewContext(shimScript(playground.env.topLevelFunctions()), { window });
  const google = window.google as { script: { run: Page['run']; host: Page['host'] } };
  return { run: google.script.run, host: google.script.host, messages, requests, errors };
}

/** Calls `name` through the shim and resolves with which handler ran and its arguments. */
function call(
  page: Page,
  name: string,
  args: unknown[],
  userObject?: unknown,
): Promise<{ ok: boolean; value: unknown; user: unknown }> {
  return new Promise((resolve) => {
    let runner = page.run
      .withSuccessHandler((value: unknown, user: unknown) => resolve({ ok: true, value, user }))
      .withFailureHandler((error: unknown, user: unknown) => resolve({ ok: false, value: error, user }));
    if (userObject !== undefined) runner = runner.withUserObject(userObject);
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

describe('google.script.run in the playground', () => {
  it("offers exactly the script's callable functions, and with… chaining", () => {
    const page = sidebarWindow();
    expect(typeof page.run.saveSession).toBe('function');
    expect(typeof page.run.getSidebarData).toBe('function');
    expect(page.run.notAFunction).toBeUndefined();
    expect(typeof page.run.withSuccessHandler).toBe('function');
    expect(typeof page.run.withFailureHandler).toBe('function');
    expect(typeof page.run.withUserObject).toBe('function');
  });

  it('runs the function on the server asynchronously and hands (value, userObject) to the success handler', async () => {
    const page = sidebarWindow();
    const user = { row: 3 };
    let returned = false;
    const pending = call(page, 'showSidebar', [], user);
    returned = true;
    const result = await pending;
    expect(returned).toBe(true);
    expect(result).toEqual({ ok: true, value: null, user });
    expect(page.requests).toEqual(['/api/run/showSidebar']);
    expect(playground.env.ui.sidebar?.title).toBe('Cadence');
    // The page is told a call ended, so it refreshes the grid.
    expect(page.messages).toEqual([{ source: 'cadence-playground', type: 'ran', name: 'showSidebar' }]);
  });

  it("hands the failure handler an Error carrying the add-on's own message, and the user object", async () => {
    const page = sidebarWindow();
    const result = await call(page, 'saveSession', [{ requestId: 'r1', date: '2026-02-30', attendance: [] }], 'form');
    expect(result.ok).toBe(false);
    expect(result.user).toBe('form');
    const message = (result.value as Error).message;
    expect(message).toMatch(/^Nothing was saved\./);
    expect(message).toMatch(/mark at least one client/);
    expect(Object.prototype.toString.call(result.value)).toBe('[object Error]');
  });

  it('fails a call with a Date or a function in its arguments without sending it, as the bridge does', async () => {
    const page = sidebarWindow();
    const dated = await call(page, 'saveSession', [{ requestId: 'r2', date: new Date(), attendance: [] }]);
    expect(dated.ok).toBe(false);
    expect((dated.value as Error).message).toMatch(/cannot send a Date \(argument 1\.date\)/);
    const withFunction = await call(page, 'saveSession', [{ requestId: 'r3', onSaved: () => 1 }]);
    expect((withFunction.value as Error).message).toMatch(/cannot send a function/);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect((await call(page, 'saveSession', [circular])).ok).toBe(false);
    expect(page.requests).toEqual([]);
  });

  it('keeps handlers to the runner they were set on', async () => {
    const page = sidebarWindow();
    const calledBack: string[] = [];
    page.run.withSuccessHandler(() => calledBack.push('first'));
    await call(page, 'onOpen', []);
    expect(calledBack).toEqual([]);
  });

  it('logs a failure to the console when no failure handler is set', async () => {
    const page = sidebarWindow();
    (page.run.saveSession as (...a: unknown[]) => void)({ requestId: 'r4', date: 'soon', attendance: [] });
    for (let i = 0; i < 100 && page.errors.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(String((page.errors[0] as Error).message)).toMatch(/Nothing was saved/);
  });

  it('asks the page to close the sidebar on google.script.host.close()', () => {
    const page = sidebarWindow();
    page.host.close();
    expect(page.messages).toEqual([{ source: 'cadence-playground', type: 'close' }]);
  });
});

describe('withShim', () => {
  it('puts the shim first in <head>, before any script of the page', () => {
    const page =
      '<!DOCTYPE html><html><head><base target="_top"><script>window.x = google.script.run;</script></head><body></body></html>';
    const html = withShim(page, ['saveSession']);
    const shimAt = html.indexOf('<script>(function');
    expect(shimAt).toBeGreaterThan(html.indexOf('<head>'));
    expect(shimAt).toBeLessThan(html.indexOf('<base'));
    expect(
      html.endsWith('<base target="_top"><script>window.x = google.script.run;</script></head><body></body></html>'),
    ).toBe(true);
    // Nothing in the shim can end its own <script> element early.
    expect(shimScript(['a</script><b>']).includes('</')).toBe(false);
  });
});
