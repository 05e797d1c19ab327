/**
 * The loader: each run() or trigger() is a new execution, as in Apps Script — a fresh V8 context
 * in which the built Code.js is evaluated as a classic script with the services as globals, then
 * the named top-level function is called. The compiled script is cached (keyed by file and
 * modification time); contexts are made per execution.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vm from 'node:vm';
import { bridgeCopy } from './bridge';
import { cacheService } from './cache';
import { AuthMode } from './enums';
import { Execution, type AuthMode as AuthModeName } from './execution';
import { htmlService } from './html';
import { lockService } from './lock';
import { WorkbookModel } from './model';
import { propertiesService } from './properties';
import { nodeRealm, realmOf, type Realm } from './realm';
import { checkTimeZone, fixedOffset, offsetMinutes, zoneName } from './timezone';
import { sessionObject } from './session';
import { switchesFrom } from './switches';
import { workbookFromJSON, workbookToJSON } from './snapshot';
import { spreadsheetObject } from './spreadsheet';
import { scriptApp, spreadsheetApp } from './spreadsheetApp';
import type {
  CallCounts,
  Environment,
  EnvironmentOptions,
  Fault,
  ServiceMethod,
  TriggerOptions,
  UiState,
  WorkbookJSON,
  WorkbookView,
} from './types';
import { consoleObject, loggerObject, utilitiesObject } from './utilities';
import { renderWorkbook } from './view';
import { World } from './world';

/** The runtime's own additions to the Environment contract. */
export interface OfflineEnvironment extends Environment {
  readonly ui: UiState & World['ui'];
  /** Logger.log and console lines of every execution so far. */
  readonly logs: string[];
  /** Empties every CacheService cache, as Apps Script may at any time. */
  dropCaches(): void;
  /** Names of Code.js's top-level functions (what google.script.run and triggers can call). */
  topLevelFunctions(): string[];
  /** The shared state (workbook model, stores, locks, UI), for the playground's persistence. */
  readonly world: World;
  /** An uncounted SpreadsheetApp for tests' own setup: builders (newConditionalFormatRule) and enums. */
  readonly spreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
}

interface LoadedCode {
  script: vm.Script;
  functions: Set<string>;
}
const codeCache = new Map<string, { mtimeMs: number; size: number; code: LoadedCode }>();

/**
 * Apps Script finds callable functions by reading the code's top-level declarations (README.md):
 * `function name(` or `var name = function`/arrow at the start of a line. A function assigned onto
 * globalThis inside a bundle is not one of them, so it is not callable here either.
 */
function topLevelDeclarations(source: string): Set<string> {
  const names = new Set<string>();
  for (const m of source.matchAll(/^(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*\(/gm)) names.add(m[1]);
  for (const m of source.matchAll(
    /^var\s+([A-Za-z_$][\w$]*)\s*=\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*=>|[A-Za-z_$][\w$]*\s*=>)/gm,
  ))
    names.add(m[1]);
  return names;
}

function loadCode(distDir: string): LoadedCode {
  const file = join(distDir, 'Code.js');
  if (!existsSync(file)) throw new Error(`offline runtime: ${file} not found; run \`node build.mjs\` first`);
  const stat = statSync(file);
  const cached = codeCache.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.code;
  const source = readFileSync(file, 'utf8');
  const code = { script: new vm.Script(source, { filename: 'Code.js' }), functions: topLevelDeclarations(source) };
  codeCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, code });
  return code;
}

/** What the runtime reads of the built manifest (appsscript.json beside Code.js), if there is one. */
interface Manifest {
  timeZone?: unknown;
  oauthScopes?: unknown;
}

function readManifest(distDir: string): Manifest {
  const file = join(distDir, 'appsscript.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : {};
}

/** An error from the add-on's realm (or a thrown non-Error) as a Node Error with the same message. */
function nodeError(e: unknown): Error {
  if (e instanceof Error) return e;
  if (typeof e === 'object' && e !== null && 'message' in e) {
    const err = new Error(String((e as { message: unknown }).message));
    const stack = (e as { stack?: unknown }).stack;
    if (typeof stack === 'string') err.stack = stack;
    return err;
  }
  return new Error(String(e));
}

function newWorkbook(timeZone: string): WorkbookModel {
  const wb = new WorkbookModel('Untitled spreadsheet', timeZone);
  wb.addSheet('Sheet1');
  return wb;
}

/** The built manifest's explicit oauthScopes (null when it has none, or there is no manifest). */
export function manifestScopes(distDir: string): string[] | null {
  const scopes = readManifest(distDir).oauthScopes;
  return Array.isArray(scopes) ? scopes.map(String) : null;
}

export function createEnvironment(options: EnvironmentOptions): OfflineEnvironment {
  const now = options.now;
  const manifest = readManifest(options.distDir);
  const world = new World(newWorkbook(options.timeZone ?? 'Etc/UTC'), {
    distDir: options.distDir,
    addOnName: options.addOnName ?? 'Untitled project',
    oauthScopes: options.oauthScopes ?? manifestScopes(options.distDir),
    scriptTimeZone: options.scriptTimeZone ?? (typeof manifest.timeZone === 'string' ? manifest.timeZone : 'Etc/UTC'),
    user: options.user ?? 'user@example.com',
    now: now ? () => now().getTime() : () => Date.now(),
  });
  if (options.workbook) world.workbook = workbookFromJSON(options.workbook, world.properties);
  if (options.timeZone && options.workbook) world.workbook.timeZone = options.timeZone;
  world.workbook.clock = world.settings.now;
  world.workbook.switches = switchesFrom(process.env.CADENCE_RUNTIME_SWITCHES, options.switches);

  const testExecution = new Execution(world, 0, nodeRealm, false);
  const scriptTimeZone = world.settings.scriptTimeZone;
  checkTimeZone(scriptTimeZone);
  const scriptZone = {
    // Intl knows no fixed-offset IDs (GMT+1); appsscript.json takes IANA names anyway.
    id: fixedOffset(scriptTimeZone) === null ? scriptTimeZone : 'UTC',
    offsetOf: (ms: number) => offsetMinutes(ms, scriptTimeZone),
    nameOf: (ms: number) => zoneName(ms, scriptTimeZone, 'long'),
  };
  let executions = 0;
  /** The executions under way, outermost first (a test nests one inside another's service call). */
  const running = world.running;
  let lastCalls: CallCounts = { byMethod: {}, total: 0, byService: {}, expensive: 0 };

  function installGlobals(context: vm.Context, exec: Execution): void {
    const g = context as Record<string, unknown>;
    g.SpreadsheetApp = spreadsheetApp(exec);
    g.ScriptApp = scriptApp(exec);
    g.HtmlService = htmlService(exec);
    g.LockService = lockService(exec, world.locks);
    g.PropertiesService = propertiesService(exec, world.properties);
    g.CacheService = cacheService(exec, world.caches);
    g.Session = sessionObject(exec);
    g.Utilities = utilitiesObject(exec);
    g.Logger = loggerObject(exec);
    g.console = consoleObject(exec);
  }

  /** One execution: new context, Code.js evaluated, the function called, locks released after. */
  function execute(
    name: string,
    authMode: AuthModeName,
    makeArgs: (realm: Realm, exec: Execution) => unknown[],
  ): unknown {
    const code = loadCode(world.settings.distDir);
    if (name.endsWith('_') || !code.functions.has(name)) {
      // What Apps Script answers for a name it cannot call (private names end in '_').
      throw new Error(`Script function not found: ${name}`);
    }
    const id = ++executions;
    const context = vm.createContext({});
    const realm = realmOf(context, now ? world.settings.now : undefined, scriptZone);
    const exec = new Execution(world, id, realm, true, authMode);
    installGlobals(context, exec);
    // Executions this one interleaves into: their unflushed writes are not visible to it.
    const interrupted = [...running];
    for (let k = interrupted.length - 1; k >= 0; k--) interrupted[k].pending.hide();
    running.push(exec);
    try {
      code.script.runInContext(context);
      const fn = (context as Record<string, unknown>)[name];
      if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
      const result = (fn as (...a: unknown[]) => unknown)(...makeArgs(realm, exec));
      if (exec.hookError !== null) throw exec.hookError;
      return result;
    } catch (e) {
      throw nodeError(exec.hookError ?? e);
    } finally {
      // Apps Script sends the execution's batch and releases its locks when it ends.
      running.pop();
      exec.pending.flush();
      world.locks.releaseAll(id);
      for (const outer of interrupted) outer.pending.show();
      lastCalls = exec.counter.snapshot();
    }
  }

  const env: OfflineEnvironment = {
    spreadsheet: spreadsheetObject(testExecution, world.workbook),
    spreadsheetApp: spreadsheetApp(testExecution),
    get ui() {
      return world.ui;
    },
    get logs() {
      return world.logs;
    },
    get world() {
      return world;
    },
    get lastCalls() {
      return lastCalls;
    },
    get beforeServiceCall() {
      return world.beforeServiceCall;
    },
    set beforeServiceCall(hook: ((method: ServiceMethod, execution: number) => void) | null) {
      world.beforeServiceCall = hook;
    },
    get lockUnavailable() {
      return world.locks.unavailable;
    },
    set lockUnavailable(v: boolean) {
      world.locks.unavailable = v;
    },

    run<T = unknown>(name: string, ...args: unknown[]): T {
      const copies = args.map((a) => bridgeCopy(a, 'argument'));
      const result = execute(name, 'FULL', (realm) =>
        copies.map((c) => (c === undefined ? undefined : realm.parse(JSON.stringify(c)))),
      );
      return bridgeCopy(result, 'result') as T;
    },
    trigger(name, mode) {
      const options: TriggerOptions = typeof mode === 'string' ? { authMode: mode } : (mode ?? {});
      // onInstall runs in FULL; onOpen in an add-on already used in the document runs in LIMITED
      // (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle), as do simple onEdit triggers.
      const authMode = options.authMode ?? (name === 'onInstall' ? 'FULL' : 'LIMITED');
      const result = execute(name, authMode, (realm, exec) => {
        const extra = { ...(options.event ?? {}) };
        if (typeof extra.range === 'string')
          extra.range = spreadsheetObject(exec, world.workbook).getRange(extra.range);
        return [
          realm.object({
            authMode: AuthMode[authMode],
            source: spreadsheetObject(exec, world.workbook),
            triggerUid: '0',
            // Simple triggers may not know who the user is (Session.getActiveUser); the runtime says nobody.
            user: realm.object({ email: authMode === 'FULL' ? world.settings.user : '' }),
            ...extra,
          }),
        ];
      });
      return result;
    },
    injectFault(fault: Fault) {
      world.addFault(fault);
    },
    documentProperties: () => world.properties.document.toObject(),
    toJSON: (): WorkbookJSON => workbookToJSON(world.workbook, world.properties),
    view: (): WorkbookView => renderWorkbook(world.workbook),
    dropCaches() {
      for (const c of Object.values(world.caches)) c.entries.clear();
    },
    topLevelFunctions: () => [...loadCode(world.settings.distDir).functions],
  };
  return env;
}
