/**
 * One execution of the add-on (a run or a trigger), or the test's own uncounted handle. It owns
 * the realm objects are made in, the call counter, and the auth mode the services check.
 */
import { CallCounter } from './counter';
import { flushes, PendingWrites } from './pendingWrites';
import type { GridEdit } from './personEdits';
import type { Realm } from './realm';
import type { World } from './world';
import { CONTAINER_UI, permissionMessage, scopesFor } from './scopes';

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

/**
 * What AuthMode.NONE still allows: building the add-on menu and services needing no authorization
 * of any kind. "NONE: a mode that does not allow access to any services that require authorization"
 * (https://developers.google.com/apps-script/reference/script/auth-mode); the add-on menus guide
 * says properties do not work then (https://developers.google.com/workspace/add-ons/concepts/menus),
 * so Properties, Lock and Cache are refused too.
 */
function allowedWithoutAuthorization(method: string): boolean {
  return (
    method === 'SpreadsheetApp.getUi' ||
    method === 'Ui.createAddonMenu' ||
    method === 'Ui.createMenu' ||
    method.startsWith('Menu.') ||
    method.startsWith('Logger.') ||
    method.startsWith('Utilities.')
  );
}

/**
 * What AuthMode.LIMITED (simple triggers: onOpen of a used add-on, onEdit) refuses, per
 * https://developers.google.com/apps-script/guides/triggers#restrictions: "They can modify the file
 * they are bound to, but cannot access other files"; "They cannot access services that require
 * authorization" — here the container UI (sidebars, dialogs, alerts). The user's email is blank
 * rather than refused (Session.getActiveUser: "not available in any context that allows a script to
 * run without that user's authorization, like a simple onOpen(e) or onEdit(e) trigger",
 * https://developers.google.com/apps-script/reference/base/session#getActiveUser()): see session.ts.
 * The current document and properties stay available in LIMITED, as the authorization-modes table
 * of https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle lists them;
 * whether LockService does is on no page (switch lockInSimpleTriggers, checked in enter()).
 */
function refusedInLimited(scopes: readonly string[]): boolean {
  return scopes.length > 0 && scopes.every((s) => s === CONTAINER_UI);
}

export class Execution {
  readonly counter = new CallCounter();
  /** Cell values written since the last flush (see pendingWrites.ts); the test's handle keeps none. */
  readonly pending = new PendingWrites();
  /** Its Range objects, following a person's row or column edit (personEdits.ts, `shifted` only). */
  readonly rangeFollowers: ((edit: GridEdit) => void)[] = [];
  /** An error thrown by the test's beforeServiceCall hook, rethrown when the execution ends. */
  hookError: unknown = null;
  /**
   * For a simple trigger: when (performance.now()) it is stopped. "They cannot run for longer than
   * 30 seconds" (https://developers.google.com/apps-script/guides/triggers#restrictions): the next
   * service call after that throws, as Apps Script stops the execution there.
   */
  deadline: number | null = null;

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
    if (this.deadline !== null && performance.now() > this.deadline)
      throw this.realm.error('Exceeded maximum execution time');
    this.checkAuthorization(method);
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

  /**
   * Refuses a call the manifest's scopes (world.settings.oauthScopes, read from the built
   * appsscript.json) or the auth mode do not allow, with Apps Script's message (scopes.ts).
   */
  private checkAuthorization(method: string): void {
    const scopes = scopesFor(method);
    if (scopes === null)
      throw this.realm.error(
        `offline runtime: ${method} has no entry in src/runtime/scopes.ts; add its reference page's scopes`,
      );
    const granted = this.world.settings.oauthScopes;
    const missing = scopes.length > 0 && granted !== null && !scopes.some((s) => granted.includes(s));
    const refused =
      missing ||
      (this.authMode === 'NONE' && !allowedWithoutAuthorization(method)) ||
      (this.authMode === 'LIMITED' && refusedInLimited(scopes)) ||
      // Switch lockInSimpleTriggers: no page says whether LockService works in LIMITED (switches.ts).
      (this.authMode === 'LIMITED' &&
        method.startsWith('LockService.') &&
        this.world.workbook.switches.lockInSimpleTriggers === 'refused');
    if (!refused) return;
    throw this.realm.error(
      scopes.length > 0 ? permissionMessage(method, scopes) : `You do not have permission to call ${method}.`,
    );
  }

  toRealmError(e: unknown): unknown {
    if (this.realm.isError(e)) return e;
    const message = e instanceof Error ? e.message : String(e);
    return this.realm.error(message);
  }
}
