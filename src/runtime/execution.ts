/**
 * One execution of the add-on (a run or a trigger), or the test's own uncounted handle. It owns
 * the realm objects are made in, the call counter, and the auth mode the services check.
 */
import { CallCounter } from './counter';
import { flushes, PendingWrites } from './pendingWrites';
import type { Realm } from './realm';
import type { World } from './world';

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

/**
 * What AuthMode.NONE still allows: building the add-on menu. "NONE: a mode that does not allow
 * access to any services that require authorization" (https://developers.google.com/apps-script/reference/script/auth-mode);
 * the add-on guide lists only menu creation as safe in onOpen then
 * (https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle).
 */
function allowedWithoutAuthorization(method: string): boolean {
  return method === 'SpreadsheetApp.getUi' || method === 'Ui.createAddonMenu' || method === 'Ui.createMenu'
    || method.startsWith('Menu.') || method.startsWith('Logger.');
}

const SCOPES: Record<string, string> = {
  SpreadsheetApp: 'https://www.googleapis.com/auth/spreadsheets.currentonly',
  Ui: 'https://www.googleapis.com/auth/script.container.ui',
  HtmlService: 'https://www.googleapis.com/auth/script.container.ui',
};

export class Execution {
  readonly counter = new CallCounter();
  /** Cell values written since the last flush (see pendingWrites.ts); the test's handle keeps none. */
  readonly pending = new PendingWrites();
  /** An error thrown by the test's beforeServiceCall hook, rethrown when the execution ends. */
  hookError: unknown = null;

  constructor(
    readonly world: World,
    /** Numbers runs from 1; 0 is the test's handle. */
    readonly id: number,
    readonly realm: Realm,
    readonly counted: boolean,
    readonly authMode: AuthMode = 'FULL',
  ) {}

  /** Called before every service method: counts it, lets a test interleave, injects faults. */
  enter(method: string): void {
    if (!this.counted) return;
    this.counter.add(method);
    if (this.authMode === 'NONE' && !allowedWithoutAuthorization(method)) {
      const service = method.slice(0, method.indexOf('.'));
      const scope = SCOPES[service];
      // The shape of Apps Script's missing-authorization error.
      throw this.realm.error(`You do not have permission to call ${method}.${scope ? ` Required permissions: ${scope}` : ''}`);
    }
    try {
      this.world.beforeServiceCall?.(method, this.id);
    } catch (e) {
      // The add-on might catch this and carry on; keep it so run() fails with the test's own error.
      this.hookError ??= e;
      throw this.realm.error(`beforeServiceCall hook failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    const fault = this.world.takeFault(method);
    if (fault !== null) throw this.realm.error(fault);
    if (this.pending.size > 0 && flushes(method)) this.pending.flush();
  }

  toRealmError(e: unknown): unknown {
    if (this.realm.isError(e)) return e;
    const message = e instanceof Error ? e.message : String(e);
    return this.realm.error(message);
  }
}
