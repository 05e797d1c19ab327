/**
 * The playground's HTTP face: the spreadsheet page, the sidebar as HtmlService produced it, and
 * the API (src/README.md, "Where each contract lives"): POST /api/run/<function>, GET /api/workbook, GET /api/ui.
 *
 * Requests are handled one at a time without a queue of our own: env.run, env.view and the
 * workbook write are synchronous, so each request's work runs whole before Node starts the next
 * one's, just as Apps Script executions of one document never see half of another's write.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OfflineEnvironment } from '../runtime';
import { withShim } from './scriptRunShim';
import type { UiView, WorkbookWire } from './wire';

export interface PlaygroundApp {
  handle(request: IncomingMessage, response: ServerResponse): void;
  /**
   * `npm run dev`: the build changed. Serves the new page, and shows the open sidebar again by
   * running the function that opened it, so it is read from the new Sidebar.html.
   */
  reload(page: string): void;
}

export interface PlaygroundAppOptions {
  env: OfflineEnvironment;
  /** The spreadsheet page (page/index.html with its script, as build.mjs writes it). */
  page: string;
  /** Called after every run, to persist the workbook. */
  save: () => void;
  /** The address the server listens on (--host), besides the loopback names always accepted. */
  host: string;
  /** Under `npm run dev`: tell the page when it was rebuilt (UiView.dev). */
  dev?: boolean;
}

const MAX_BODY = 1024 * 1024;

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    // The page and the sidebar load nothing from elsewhere; say so to the browser too.
    'content-security-policy': "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:",
  });
  response.end(body);
}

function json(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) reject(new Error('The request is too large.'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Whether a request may reach the workbook, which can hold a practice's real roster (--import).
 * A Host header naming another site is a web page that re-pointed its own name at this machine
 * (DNS rebinding); a POST that is not JSON is a cross-site form or "simple" request, which browsers
 * send without asking first, whereas a JSON POST from another origin needs a CORS preflight that
 * this server never grants.
 */
function refusal(request: IncomingMessage, host: string): { status: number; error: string } | null {
  const hostname = (request.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
  const allowed = ['127.0.0.1', 'localhost', '::1', host.replace(/^\[|\]$/g, '').toLowerCase()];
  if (!allowed.includes(hostname)) return { status: 403, error: `The playground answers only at ${host} or localhost.` };
  if (request.method === 'POST' && !/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    return { status: 415, error: 'Send the arguments as JSON (content-type: application/json).' };
  }
  return null;
}

export function createPlaygroundApp({ env, page, save, host, dev = false }: PlaygroundAppOptions): PlaygroundApp {
  let sidebarShown = env.ui.sidebar;
  let sidebarVersion = sidebarShown ? 1 : 0;
  /** The function whose run showed the sidebar that is open, to show it again after a rebuild. */
  let sidebarOpener: string | null = null;
  let pageVersion = 1;

  function uiView(): UiView {
    if (env.ui.sidebar !== sidebarShown) {
      sidebarShown = env.ui.sidebar;
      sidebarVersion += 1;
    }
    return {
      spreadsheetName: env.spreadsheet.getName(),
      menu: env.ui.menu,
      sidebar: sidebarShown ? { title: sidebarShown.title, version: sidebarVersion } : null,
      messages: [...env.ui.alerts, ...env.ui.toasts],
      ...(dev ? { dev: { pageVersion } } : {}),
    };
  }

  function run(name: string, body: string, response: ServerResponse): void {
    if (name.endsWith('_') || !env.topLevelFunctions().includes(name)) {
      json(response, 404, { error: `Script function not found: ${name}` });
      return;
    }
    let args: unknown;
    try {
      args = body.trim() === '' ? [] : JSON.parse(body);
    } catch {
      json(response, 400, { error: 'The request body must be a JSON array of arguments.' });
      return;
    }
    if (!Array.isArray(args)) {
      json(response, 400, { error: 'The request body must be a JSON array of arguments.' });
      return;
    }
    let result: unknown;
    const shownBefore = env.ui.sidebar;
    try {
      result = env.run(name, ...args);
      if (env.ui.sidebar && env.ui.sidebar !== shownBefore) sidebarOpener = name;
    } catch (error) {
      save(); // a failed run may still have written (as it would in Sheets); keep the file in step
      json(response, 400, { error: (error as Error).message });
      return;
    }
    save();
    json(response, 200, result === undefined ? null : result);
  }

  function route(request: IncomingMessage, response: ServerResponse, body: string): void {
    const url = new URL(request.url ?? '/', 'http://playground');
    const method = request.method ?? 'GET';
    const runMatch = /^\/api\/run\/([^/]+)$/.exec(url.pathname);
    if (runMatch && method === 'POST') {
      run(decodeURIComponent(runMatch[1]), body, response);
    } else if (url.pathname === '/api/workbook' && method === 'GET') {
      const workbook: WorkbookWire = { name: env.spreadsheet.getName(), ...env.view() };
      json(response, 200, workbook);
    } else if (url.pathname === '/api/ui' && method === 'GET') {
      json(response, 200, uiView());
    } else if (url.pathname === '/sidebar' && method === 'GET') {
      const sidebar = env.ui.sidebar;
      if (!sidebar) send(response, 404, 'text/plain; charset=utf-8', 'No sidebar is open.');
      else send(response, 200, 'text/html; charset=utf-8', withShim(sidebar.html, env.topLevelFunctions()));
    } else if (url.pathname === '/' && method === 'GET') {
      send(response, 200, 'text/html; charset=utf-8', page);
    } else if (url.pathname === '/favicon.ico') {
      response.writeHead(204).end();
    } else {
      json(response, 404, { error: `Nothing at ${method} ${url.pathname}` });
    }
  }

  return {
    reload(newPage) {
      if (newPage !== page) pageVersion += 1;
      page = newPage;
      if (sidebarOpener && env.ui.sidebar) env.run(sidebarOpener);
    },
    handle(request, response) {
      const refused = refusal(request, host);
      if (refused) {
        request.resume();
        json(response, refused.status, { error: refused.error });
        return;
      }
      readBody(request).then(
        (body) => {
          try {
            route(request, response, body);
          } catch (error) {
            json(response, 500, { error: (error as Error).message });
          }
        },
        (error: Error) => json(response, 413, { error: error.message }),
      );
    },
  };
}
