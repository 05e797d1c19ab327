/**
 * The playground's HTTP face: the spreadsheet page, the sidebar as HtmlService produced it, and
 * the API (src/README.md, "Where each contract lives"): POST /api/run/<function>, POST /api/edit,
 * GET /api/workbook, GET /api/ui.
 *
 * Requests are handled one at a time without a queue of our own: env.run, env.view and the
 * workbook write are synchronous, so each request's work runs whole before Node starts the next
 * one's, just as Apps Script executions of one document never see half of another's write.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OfflineEnvironment } from '../runtime';
import { withShim } from './scriptRunShim';
import type { EditRequest, UiView, WorkbookWire } from './wire';

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
  /**
   * Required of every request when the playground listens beyond this machine (--host): as
   * ?token=… (the address printed at start), then as the cookie the page gets with it.
   */
  token?: string | null;
}

const TOKEN_COOKIE = 'cadence_token';

const MAX_BODY = 1024 * 1024;

const CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:";

/** The sidebar, which the playground's page frames as Sheets does: its own origin may, no other. */
const SAME_ORIGIN_FRAME = {
  'x-frame-options': 'SAMEORIGIN',
  'content-security-policy': `${CSP}; frame-ancestors 'self'`,
};

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string,
  extra: Record<string, string> = {},
): void {
  response.writeHead(status, {
    'content-type': type,
    'cache-control': 'no-store',
    // The page and the sidebar load nothing from elsewhere, and no other site may frame them
    // (clickjacking the Save button): say both to the browser, old and new header alike.
    'content-security-policy': `${CSP}; frame-ancestors 'none'`,
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    ...extra,
  });
  response.end(body);
}

/**
 * An error message without this machine's file paths (a failure deep in Node names the files it
 * touched); the add-on's own messages have none and pass unchanged. URLs are not paths.
 */
export function withoutPaths(message: string): string {
  return message.replace(/(?<![\w.:/\\])(?:[A-Za-z]:)?[/\\](?:[\w.@ -]+[/\\])+[\w.@-]*/g, '(a file)');
}

function json(response: ServerResponse, status: number, value: unknown): void {
  const body =
    status >= 400 && value && typeof value === 'object' && 'error' in value
      ? { ...value, error: withoutPaths(String((value as { error: unknown }).error)) }
      : value;
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

class TooLarge extends Error {}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        chunks.length = 0;
        reject(new TooLarge(`The request is larger than ${MAX_BODY / 1024 / 1024} MB.`));
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** 413, then the connection is closed: the rest of an oversized upload is not read. */
function refuseTooLarge(request: IncomingMessage, response: ServerResponse): void {
  response.on('finish', () => request.destroy());
  send(
    response,
    413,
    'application/json; charset=utf-8',
    JSON.stringify({ error: `The request is larger than ${MAX_BODY / 1024 / 1024} MB.` }),
    { connection: 'close' },
  );
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The access token the request carries: ?token=…, or the cookie set with the page. */
function tokenOf(request: IncomingMessage): string {
  const query = new URL(request.url ?? '/', 'http://playground').searchParams.get('token');
  if (query) return query;
  const cookie = (request.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim())
    .find((c) => c.startsWith(`${TOKEN_COOKIE}=`));
  return cookie ? cookie.slice(TOKEN_COOKIE.length + 1) : '';
}

/**
 * Whether a request may reach the workbook, which can hold a practice's real roster (--import).
 * A Host header naming another site is a web page that re-pointed its own name at this machine
 * (DNS rebinding); a POST that is not JSON is a cross-site form or "simple" request, which browsers
 * send without asking first, whereas a JSON POST from another origin needs a CORS preflight that
 * this server never grants.
 */
function refusal(
  request: IncomingMessage,
  host: string,
  token: string | null,
): { status: number; error: string } | null {
  if (token !== null && !sameText(tokenOf(request), token)) {
    return {
      status: 403,
      error:
        'This playground listens beyond this machine: open the address printed when it started (it carries the access token).',
    };
  }
  const hostname = (request.headers.host ?? '')
    .replace(/:\d+$/, '')
    .replace(/^\[|\]$/g, '')
    .toLowerCase();
  const allowed = ['127.0.0.1', 'localhost', '::1', host.replace(/^\[|\]$/g, '').toLowerCase()];
  if (!allowed.includes(hostname))
    return { status: 403, error: `The playground answers only at ${host} or localhost.` };
  if (request.method === 'POST' && !/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
    return { status: 415, error: 'Send the arguments as JSON (content-type: application/json).' };
  }
  return null;
}

export function createPlaygroundApp({
  env,
  page,
  save,
  host,
  dev = false,
  token = null,
}: PlaygroundAppOptions): PlaygroundApp {
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

  /**
   * One person's edit (DESIGN.md "The playground", contract): through the runtime's Environment.edit,
   * the path typing takes, which fires the add-on's onEdit(e) as Sheets does.
   */
  function edit(body: string, response: ServerResponse): void {
    let request: Partial<EditRequest>;
    try {
      request = JSON.parse(body) as Partial<EditRequest>;
    } catch {
      json(response, 400, { error: 'Send the edit as JSON: {"sheet": "...", "range": "B3", "value": "..."}.' });
      return;
    }
    const { sheet, range, value } = request ?? {};
    if (
      typeof sheet !== 'string' ||
      typeof range !== 'string' ||
      !['string', 'boolean', 'number'].includes(typeof value)
    ) {
      json(response, 400, {
        error: 'An edit needs "sheet" and "range" as text and "value" as text, a number or true/false.',
      });
      return;
    }
    try {
      const result = env.edit(sheet, range, value as EditRequest['value']);
      save();
      // The trigger's failure goes to the executions log in Sheets; the edit itself stands.
      json(response, 200, result.error ? { ok: true, triggerError: result.error } : { ok: true });
    } catch (error) {
      json(response, 400, { error: (error as Error).message });
    }
  }

  function route(request: IncomingMessage, response: ServerResponse, body: string): void {
    const url = new URL(request.url ?? '/', 'http://playground');
    const method = request.method ?? 'GET';
    const runMatch = /^\/api\/run\/([^/]+)$/.exec(url.pathname);
    if (runMatch && method === 'POST') {
      run(decodeURIComponent(runMatch[1]), body, response);
    } else if (url.pathname === '/api/edit' && method === 'POST') {
      edit(body, response);
    } else if (url.pathname === '/api/workbook' && method === 'GET') {
      const workbook: WorkbookWire = { name: env.spreadsheet.getName(), ...env.view() };
      json(response, 200, workbook);
    } else if (url.pathname === '/api/ui' && method === 'GET') {
      json(response, 200, uiView());
    } else if (url.pathname === '/sidebar' && method === 'GET') {
      const sidebar = env.ui.sidebar;
      if (!sidebar) send(response, 404, 'text/plain; charset=utf-8', 'No sidebar is open.');
      // Framed by the playground's own page only.
      else
        send(
          response,
          200,
          'text/html; charset=utf-8',
          withShim(sidebar.html, env.topLevelFunctions()),
          SAME_ORIGIN_FRAME,
        );
    } else if (url.pathname === '/' && method === 'GET') {
      // The page's own requests (the API, the sidebar frame) carry the token as a cookie.
      const cookie: Record<string, string> =
        token === null ? {} : { 'set-cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/` };
      send(response, 200, 'text/html; charset=utf-8', page, cookie);
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
      const refused = refusal(request, host, token);
      if (refused) {
        request.resume();
        json(response, refused.status, { error: refused.error });
        return;
      }
      if (Number(request.headers['content-length'] ?? 0) > MAX_BODY) {
        refuseTooLarge(request, response);
        return;
      }
      readBody(request).then(
        (body) => {
          try {
            route(request, response, body);
          } catch (error) {
            json(response, 500, { error: `The playground failed: ${(error as Error).message}` });
          }
        },
        (error: Error) => {
          if (error instanceof TooLarge) refuseTooLarge(request, response);
          else json(response, 400, { error: 'The request could not be read.' });
        },
      );
    },
  };
}
