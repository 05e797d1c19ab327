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
  EditResult,
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
import { isDate } from './values';
import { serialOf } from './timezone';
import { renderWorkbook } from './view';
import { objects } from './objects';
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

/**
 * The simple triggers (https://developers.google.com/apps-script/guides/triggers): each runs at
 * most 30 seconds ("They cannot run for longer than 30 seconds", same page, Restrictions).
 */
const SIMPLE_TRIGGERS = new Set(['onOpen', 'onEdit', 'onInstall', 'onSelectionChange']);
const SIMPLE_TRIGGER_LIMIT_MS = 30_000;

/**
 * e.value and e.oldValue of an edit event are strings ("New cell value after the edit", "10";
 * https://developers.google.com/apps-script/guides/triggers/events#edit): a checkbox gives TRUE or
 * FALSE; a date is given here as its serial number, which no page confirms, so the add-on reads
 * dates from the cell, never from the event.
 */
function eventText(value: unknown, timeZone: string): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isDate(value)) return String(serialOf(value.getTime(), timeZone));
  return String(value);
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
  const simpleTriggerLimit = options.simpleTriggerLimitMs ?? SIMPLE_TRIGGER_LIMIT_MS;

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
    limitMs: number | null = null,
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
    if (limitMs !== null) exec.deadline = performance.now() + limitMs;
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
      if (exec.deadline !== null && performance.now() > exec.deadline)
        throw new Error('Exceeded maximum execution time');
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

  /** The Range of an event, from A1 notation with its tab's name ('Quick entry'!B3). */
  function eventRange(exec: Execution, a1: string): GoogleAppsScript.Spreadsheet.Range {
    const range = env.spreadsheet.getRange(a1);
    const name = range.getSheet().getName();
    const model = world.workbook.sheets.find((s) => s.name === name);
    if (!model) throw new Error(`There is no tab named "${name}".`);
    const rect = {
      row: range.getRow(),
      column: range.getColumn(),
      numRows: range.getNumRows(),
      numColumns: range.getNumColumns(),
    };
    return objects.range(exec, model, rect);
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
      const limit = SIMPLE_TRIGGERS.has(name) ? simpleTriggerLimit : null;
      const result = execute(
        name,
        authMode,
        (realm, exec) => {
          const extra = { ...(options.event ?? {}) };
          // Made, not fetched: building the event costs the trigger no service call.
          if (typeof extra.range === 'string') extra.range = eventRange(exec, extra.range);
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
        },
        limit,
      );
      return result;
    },
    edit(sheetName, a1, value): EditResult {
      const sheet = env.spreadsheet.getSheetByName(sheetName);
      if (!sheet) throw new Error(`There is no tab named "${sheetName}".`);
      const range = sheet.getRange(a1);
      const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
      const zone = world.workbook.timeZone;
      const before = single ? range.getValue() : '';
      // Typed text goes in as a person types it; a tick is the checkbox's own value.
      range.setValue(value);
      if (!loadCode(world.settings.distDir).functions.has('onEdit')) return { fired: false, error: null };
      const after = single ? range.getValue() : '';
      // The event (https://developers.google.com/apps-script/guides/triggers/events#edit): value and
      // oldValue only for one cell, oldValue only if the cell had content; no triggerUid (installable only).
      const event: Record<string, unknown> = {};
      if (single) event.value = eventText(after, zone);
      if (single && before !== '') event.oldValue = eventText(before, zone);
      try {
        execute(
          'onEdit',
          'LIMITED',
          (realm, exec) => {
            // Made, not fetched: building the event costs the add-on no service call.
            return [
              realm.object({
                authMode: AuthMode.LIMITED,
                source: spreadsheetObject(exec, world.workbook),
                range: eventRange(exec, `'${sheetName.replace(/'/g, "''")}'!${range.getA1Notation()}`),
                user: realm.object({ email: '', nickname: '' }),
                ...(single ? { value: event.value } : {}),
                ...('oldValue' in event ? { oldValue: event.oldValue } : {}),
              }),
            ];
          },
          simpleTriggerLimit,
        );
        return { fired: true, error: null };
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        world.logs.push(`onEdit failed: ${message}`);
        return { fired: true, error: message };
      }
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
