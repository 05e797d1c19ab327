/**
 * A typed promise wrapper over google.script.run, derived from the server API's contract
 * (src/core/api.ts): an endpoint declared there can be called here with its own types.
 *
 * The bridge's rules, from https://developers.google.com/apps-script/guides/html/reference/run:
 * calls are asynchronous and return nothing directly; the success handler gets (value, userObject)
 * and the failure handler (Error, userObject); arguments are copied, and a Date, function or DOM
 * element in them makes the call fail (so dates are YYYY-MM-DD strings), while an undefined field
 * becomes null (so requests leave optional fields out rather than undefined). From src/README.md ("The bridge"): at
 * most 10 calls in flight per page (further calls wait in a queue here), completing in any order.
 */
import type { CadenceApi, Endpoint } from '../core/api';

/** The part of google.script.run this page uses. */
interface ScriptRun {
  withSuccessHandler(handler: (value: unknown, userObject?: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown, userObject?: unknown) => void): ScriptRun;
  [endpoint: string]: unknown;
}

declare global {
  interface Window {
    google?: { script?: { run?: ScriptRun } };
    cadenceStartView?: string;
  }
}

const MAX_IN_FLIGHT = 10;
let inFlight = 0;
const waiting: (() => void)[] = [];

function release(): void {
  inFlight -= 1;
  const next = waiting.shift();
  if (next) next();
}

/** The failure's message: the server's Error message when there is one. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === 'string' && error) return error;
  if (error && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return 'The spreadsheet did not answer. Check your connection and try again.';
}

export function call<K extends Endpoint>(
  name: K,
  ...args: Parameters<CadenceApi[K]>
): Promise<ReturnType<CadenceApi[K]>> {
  return new Promise((resolve, reject) => {
    const start = (): void => {
      const run = window.google?.script?.run;
      if (!run) {
        reject(new Error('This page must be opened from the spreadsheet (Extensions › Cadence).'));
        return;
      }
      inFlight += 1;
      const runner = run
        .withSuccessHandler((value) => {
          release();
          resolve(value as ReturnType<CadenceApi[K]>);
        })
        .withFailureHandler((error) => {
          release();
          reject(new Error(errorMessage(error)));
        });
      const fn = runner[name];
      if (typeof fn !== 'function') {
        release();
        reject(new Error(`The spreadsheet's Cadence does not offer ${name} yet.`));
        return;
      }
      (fn as (...a: unknown[]) => void).apply(runner, args);
    };
    if (inFlight < MAX_IN_FLIGHT) start();
    else waiting.push(start);
  });
}
