/**
 * Everything executions share: the spreadsheet, property and cache stores, locks, the UI the
 * user sees, logs, and the test's hooks. One World per Environment.
 */
import { CacheStore, type CacheStores } from './cache';
import { LockTable } from './lock';
import { WorkbookModel } from './model';
import type { RunningScript } from './personEdits';
import { PropertyStore, type PropertyStores } from './properties';
import type { Fault, ServiceMethod, UiState } from './types';

export interface WorldSettings {
  distDir: string;
  /** The add-on's name: the title of its menu under Extensions. */
  addOnName: string;
  scriptTimeZone: string;
  user: string;
  /**
   * The scopes the add-on was granted: the manifest's explicit oauthScopes, or null when it lists
   * none (Apps Script then grants what it detects in the code, so nothing is refused for scope).
   */
  oauthScopes: readonly string[] | null;
  /** Milliseconds since the epoch, as the services see the clock. */
  now: () => number;
}

export interface MenuState {
  title: string;
  items: { caption: string; functionName: string }[];
}

export interface UiRecord extends UiState {
  /** Menus made with createMenu (a bound script's own menus), in order of addToUi. */
  menus: MenuState[];
  /** Modal and modeless dialogs shown. */
  dialogs: { title: string; html: string; modal: boolean }[];
}

export class World {
  readonly properties: PropertyStores = {
    document: new PropertyStore(),
    user: new PropertyStore(),
    script: new PropertyStore(),
  };
  readonly caches: CacheStores;
  readonly locks = new LockTable();
  readonly ui: UiRecord = { menu: null, sidebar: null, alerts: [], toasts: [], menus: [], dialogs: [] };
  readonly logs: string[] = [];
  beforeServiceCall: ((method: ServiceMethod, execution: number) => void) | null = null;
  /** Executions under way, outermost first (one runs inside another's service call). */
  readonly running: RunningScript[] = [];
  private faults: { method: string; remaining: number; message: string }[] = [];

  constructor(
    public workbook: WorkbookModel,
    readonly settings: WorldSettings,
  ) {
    const now = settings.now;
    this.caches = { document: new CacheStore(now), user: new CacheStore(now), script: new CacheStore(now) };
  }

  addFault(fault: Fault): void {
    this.faults.push({
      method: fault.method,
      remaining: fault.nth ?? 1,
      // Apps Script's usual wording for a failed service call.
      message:
        fault.message ??
        `Service error: ${fault.method}. We're sorry, a server error occurred. Please wait a bit and try again.`,
    });
  }

  /** Counts a call against pending faults; returns the message when this call is the one to fail. */
  takeFault(method: string): string | null {
    for (const f of this.faults) {
      if (f.method !== method) continue;
      f.remaining--;
      if (f.remaining === 0) {
        this.faults = this.faults.filter((x) => x !== f);
        return f.message;
      }
    }
    return null;
  }
}
