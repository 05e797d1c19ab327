/**
 * google.script.run and google.script.host for the real Sidebar.html inside the playground.
 * `installScriptRun` runs in the sidebar's iframe: its source is injected as a <script> before
 * the page's own, so it must stay self-contained (no imports, no module-level names).
 *
 * Semantics from https://developers.google.com/apps-script/guides/html/reference/run:
 * "myFunction(...) (any server-side function)" is asynchronous and returns void; the success
 * handler gets the return value and the failure handler an Error, each with the user object as
 * second argument; "Requests fail if you attempt to pass a Date, Function, DOM element besides a
 * form, or other prohibited type, including prohibited types inside objects or arrays. Objects
 * that create circular references will also fail, and undefined fields within arrays become null";
 * without a failure handler the failure is logged to the console.
 */

/** What the shim needs of the sidebar's window (a fake one in unit tests). */
export interface ShimWindow {
  fetch(
    url: string,
    init: { method: string; headers: Record<string, string>; body: string },
  ): Promise<{ ok: boolean; status: number; text(): Promise<string> }>;
  parent: { postMessage(message: unknown, targetOrigin: string): void };
  console: { error(...args: unknown[]): void };
  google?: unknown;
}

/** Messages the shim posts to the playground page. */
export type ShimMessage =
  { source: 'cadence-playground'; type: 'ran'; name: string } | { source: 'cadence-playground'; type: 'close' };

type Handler = ((value: unknown, userObject: unknown) => void) | null;

export function installScriptRun(win: ShimWindow, functionNames: string[]): void {
  const post = (message: ShimMessage): void => win.parent.postMessage(message, '*');

  /** The arguments as the bridge sends them, or the reason the request fails. */
  function encode(args: unknown[]): { body: string } | { error: string } {
    const seen: unknown[] = [];
    const check = (value: unknown, path: string): string | null => {
      if (
        value === null ||
        typeof value === 'string' ||
        typeof value === 'number' ||
        typeof value === 'boolean' ||
        value === undefined
      )
        return null;
      if (typeof value === 'function') return `a function (${path})`;
      if (typeof value !== 'object') return `a ${typeof value} (${path})`;
      if (Object.prototype.toString.call(value) === '[object Date]')
        return `a Date (${path}): send dates as 'YYYY-MM-DD' text`;
      // Plain: made by {} or Object.create(null), in whichever window (realm) made it.
      const proto = Object.getPrototypeOf(value);
      if (!Array.isArray(value) && proto !== null && Object.getPrototypeOf(proto) !== null)
        return `an object that is not plain (${path})`;
      if (seen.indexOf(value) >= 0) return `a circular reference (${path})`;
      seen.push(value);
      for (const key of Object.keys(value)) {
        const problem = check((value as Record<string, unknown>)[key], `${path}.${key}`);
        if (problem) return problem;
      }
      seen.pop();
      return null;
    };
    for (let i = 0; i < args.length; i++) {
      const problem = check(args[i], `argument ${i + 1}`);
      if (problem) return { error: `Invalid argument: google.script.run cannot send ${problem}.` };
    }
    // JSON turns undefined array elements into null, as the bridge does.
    return { body: JSON.stringify(args.map((a) => (a === undefined ? null : a))) };
  }

  function call(name: string, args: unknown[], success: Handler, failure: Handler, userObject: unknown): void {
    const fail = (message: string): void => {
      const error = new Error(message);
      if (failure) failure(error, userObject);
      else win.console.error(error);
    };
    const encoded = encode(args);
    const request: Promise<{ status: number; text: string }> =
      'error' in encoded
        ? Promise.reject(new Error(encoded.error))
        : win
            .fetch(`/api/run/${encodeURIComponent(name)}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: encoded.body,
            })
            .then((response) => response.text().then((text) => ({ status: response.status, text })));
    request.then(
      ({ status, text }) => {
        post({ source: 'cadence-playground', type: 'ran', name });
        let parsed: unknown = null;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch {
          parsed = null;
        }
        if (status >= 200 && status < 300) {
          if (success) success(parsed, userObject);
          return;
        }
        const message =
          parsed && typeof parsed === 'object' && typeof (parsed as { error?: unknown }).error === 'string'
            ? (parsed as { error: string }).error
            : `The playground answered ${status}.`;
        fail(message);
      },
      (error: Error) => fail(error.message || 'The playground did not answer.'),
    );
  }

  /** Each with…() gives a new runner, so a handler set for one call never leaks into the next. */
  function runner(success: Handler, failure: Handler, userObject: unknown): Record<string, unknown> {
    const run: Record<string, unknown> = {
      withSuccessHandler: (handler: Handler) => runner(handler, failure, userObject),
      withFailureHandler: (handler: Handler) => runner(success, handler, userObject),
      withUserObject: (object: unknown) => runner(success, failure, object),
    };
    // Only the script's callable functions exist on the runner; names ending in '_' are private.
    for (const name of functionNames) {
      if (name.endsWith('_') || name in run) continue;
      run[name] = (...args: unknown[]) => {
        call(name, args, success, failure, userObject);
      };
    }
    return run;
  }

  win.google = {
    script: {
      run: runner(null, null, undefined),
      host: {
        close: () => post({ source: 'cadence-playground', type: 'close' }),
        setHeight: () => undefined,
        setWidth: () => undefined,
        editor: { focus: () => undefined },
      },
    },
  };
}

/** The <script> text that installs the shim in the sidebar's window. */
export function shimScript(functionNames: readonly string[]): string {
  const source = `(${installScriptRun.toString()})(window, ${JSON.stringify([...functionNames].sort())});`;
  // "</" inside the inlined script would end its <script> element early.
  return source.replace(/<\//g, '<\\/');
}

/** The sidebar's HTML as HtmlService produced it, with the shim's script before any of its own. */
export function withShim(html: string, functionNames: readonly string[]): string {
  const tag = `<script>${shimScript(functionNames)}</script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}
