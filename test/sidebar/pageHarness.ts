/**
 * Opens the built dist/Sidebar.html in headless Chromium with an in-page stand-in for the
 * server's side of google.script.run, so the page's own behaviour (labels, text-only rendering,
 * one save per request id, retry) can be checked without the offline runtime. The stand-in keeps
 * the contract's promises that the page relies on: asynchronous answers, a request id stored
 * once, JSON-only values, failures as Error objects whose message is the server's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../playground/harness';
import type { SidebarData } from '../../src/core/types';

export interface FakeServerOptions {
  data: SidebarData;
  /** getSidebarData fails this many times first. */
  failLoads?: number;
  /** saveSession answers "Another save is in progress" this many times first. */
  busySaves?: number;
  /** saveSession fails with this message while it is set (window.__server.failSave). */
  failSave?: string;
  history?: unknown[];
  /** What getRosterTabs answers (Settings › Roster). */
  rosterTabs?: unknown[];
  /** Appended after the page, as showSettings does with HtmlOutput.append. */
  startView?: string;
}

export interface ServerCall {
  name: string;
  args: unknown[];
}

/** The one Chromium launcher of the test suites (it unpacks @sparticuz/chromium safely once per machine). */
export function launch(): Promise<Browser> {
  return launchChromium();
}

function installFakeServer(options: FakeServerOptions): void {
  const w = window as unknown as Record<string, unknown>;
  const server = {
    calls: [] as { name: string; args: unknown[] }[],
    stored: {} as Record<string, number>,
    failLoads: options.failLoads ?? 0,
    busySaves: options.busySaves ?? 0,
    failSave: options.failSave ?? '',
  };
  w.__server = server;
  const copy = <T>(v: T): T => (v === undefined ? (null as T) : JSON.parse(JSON.stringify(v)));
  const handlers: Record<string, (...args: never[]) => unknown> = {
    getSidebarData: () => {
      if (server.failLoads-- > 0) throw new Error('Service Spreadsheets timed out while accessing document.');
      return options.data;
    },
    saveSession: (request: { requestId: string; attendance: unknown[] }) => {
      if (server.busySaves-- > 0)
        throw new Error('Another save is in progress; nothing was saved. Please try Save again.');
      if (server.failSave) throw new Error(server.failSave);
      if (request.requestId in server.stored)
        return { saved: 0, duplicate: true, entryIds: [], trends: [], sidebar: options.data };
      server.stored[request.requestId] = request.attendance.length;
      return {
        saved: request.attendance.length,
        duplicate: false,
        entryIds: request.attendance.map((_, i) => `E${i}`),
        trends: [],
        sidebar: options.data,
      };
    },
    correctSession: (request: { corrections: unknown[] }) => ({
      saved: request.corrections.length,
      duplicate: false,
      entryIds: request.corrections.map((_, i) => `EC${i}`),
      trends: [],
      sidebar: options.data,
    }),
    getClientHistory: (_id: string, offset = 0, limit = 12) => (options.history ?? []).slice(offset, offset + limit),
    correctEntry: () => ({ entryId: 'E-new', duplicate: false }),
    withdrawEntry: () => ({ entryId: 'E-wd', duplicate: false }),
    completeFollowUp: () => null,
    saveSettings: () => options.data,
    createRoster: () => options.data,
    getRosterTabs: () => options.rosterTabs ?? [],
    addCadenceIds: () => options.data,
    linkClientHistory: () => options.data,
    setUpQuickEntry: () => ({ sheetName: 'Quick entry' }),
  };
  type Handler = ((value: unknown) => void) | null;
  const runner = (onSuccess: Handler, onFailure: Handler): unknown =>
    new Proxy(
      {},
      {
        get(_target, name: string) {
          if (name === 'withSuccessHandler') return (f: Handler) => runner(f, onFailure);
          if (name === 'withFailureHandler') return (f: Handler) => runner(onSuccess, f);
          return (...args: unknown[]) => {
            server.calls.push({ name, args: copy(args) });
            // Answer later, never during the call, as the real bridge does.
            void Promise.resolve().then(() => {
              try {
                const value = handlers[name](...(copy(args) as never[]));
                onSuccess?.(copy(value));
              } catch (error) {
                onFailure?.(error);
              }
            });
          };
        },
      },
    );
  w.google = { script: { run: runner(null, null) } };
}

export interface OpenSidebar {
  page: Page;
  dialogs: string[];
  requests: string[];
  calls(): Promise<ServerCall[]>;
}

const SIDEBAR = join(__dirname, '../../dist/Sidebar.html');

export async function openSidebar(browser: Browser, options: FakeServerOptions): Promise<OpenSidebar> {
  const page = await browser.newPage({ viewport: { width: 300, height: 800 } });
  const dialogs: string[] = [];
  const requests: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => requests.push(request.url()));
  await page.addInitScript(installFakeServer, options);
  // Served from a URL of its own so the init script runs and any network request would be seen.
  const appended = options.startView
    ? `<script>window.cadenceStartView=${JSON.stringify(options.startView)}</script>`
    : '';
  const body = readFileSync(SIDEBAR, 'utf8') + appended;
  await page.route('http://sidebar.test/', (route) => route.fulfill({ contentType: 'text/html', body }));
  await page.goto('http://sidebar.test/');
  return {
    page,
    dialogs,
    requests,
    calls: () => page.evaluate(() => (window as unknown as { __server: { calls: ServerCall[] } }).__server.calls),
  };
}
