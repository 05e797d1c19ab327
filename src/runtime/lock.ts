/**
 * LockService. A lock belongs to the execution that took it and is released when that execution
 * ends (as in Apps Script). Executions never run in parallel here: a test interleaves execution B
 * inside a service call of A (beforeServiceCall). While B runs, A cannot proceed, so a lock held
 * by A can never be released during B: B's tryLock(ms) returns false and waitLock(ms) throws —
 * exactly what a real lock that stays held past the timeout does. No real time passes (virtual time).
 */
import type { Execution } from './execution';
import { serviceObject } from './service';

export type LockKind = 'document' | 'script' | 'user';

export class LockTable {
  private readonly holders = new Map<LockKind, number>();
  /** When true every tryLock/waitLock times out (the test's lockUnavailable). */
  unavailable = false;

  tryAcquire(kind: LockKind, execution: number): boolean {
    if (this.unavailable) return false;
    const holder = this.holders.get(kind);
    if (holder !== undefined && holder !== execution) return false;
    this.holders.set(kind, execution);
    return true;
  }

  holds(kind: LockKind, execution: number): boolean {
    return this.holders.get(kind) === execution;
  }

  release(kind: LockKind, execution: number): void {
    if (this.holders.get(kind) === execution) this.holders.delete(kind);
  }

  releaseAll(execution: number): void {
    for (const [kind, holder] of [...this.holders]) if (holder === execution) this.holders.delete(kind);
  }

  holder(kind: LockKind): number | null {
    return this.holders.get(kind) ?? null;
  }
}

/** https://developers.google.com/apps-script/reference/lock/lock#waitLock(Integer) throws when the lock cannot be had; this is Apps Script's wording. */
export const LOCK_TIMEOUT = 'Lock timeout: another process was holding the lock for too long.';

function checkTimeout(ms: unknown): void {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
    throw new Error(`Invalid argument: timeoutInMillis`);
  }
}

type LockApi = Pick<GoogleAppsScript.Lock.Lock, 'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'>;

export function lockObject(exec: Execution, table: LockTable, kind: LockKind): GoogleAppsScript.Lock.Lock {
  const impl: LockApi = {
    tryLock(ms) {
      checkTimeout(ms);
      return table.tryAcquire(kind, exec.id);
    },
    waitLock(ms) {
      checkTimeout(ms);
      if (!table.tryAcquire(kind, exec.id)) throw new Error(LOCK_TIMEOUT);
    },
    releaseLock() {
      table.release(kind, exec.id);
    },
    hasLock: () => table.holds(kind, exec.id),
  };
  return serviceObject(exec, 'Lock', impl);
}

export function lockService(exec: Execution, table: LockTable): GoogleAppsScript.Lock.LockService {
  const impl: Pick<GoogleAppsScript.Lock.LockService, 'getDocumentLock' | 'getScriptLock' | 'getUserLock'> = {
    getDocumentLock: () => lockObject(exec, table, 'document'),
    getScriptLock: () => lockObject(exec, table, 'script'),
    getUserLock: () => lockObject(exec, table, 'user'),
  };
  return serviceObject(exec, 'LockService', impl);
}
