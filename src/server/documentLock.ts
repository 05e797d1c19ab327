/**
 * Every write to the record happens under the document lock: a script lock would serialise every
 * spreadsheet that installed the add-on (they share one project), a document lock only this one.
 * https://developers.google.com/apps-script/reference/lock/lock-service#getDocumentLock()
 */

/** Long enough to wait out another save (a few seconds), short of google.script.run's patience. */
const LOCK_WAIT_MS = 10000;

export const LOCK_BUSY_MESSAGE =
  'Another save is in progress in this spreadsheet; nothing was saved. Please press Save again.';

/** Whether this execution holds the lock (Apps Script starts every execution with fresh globals). */
let held = false;
/** Whether the work said its last spreadsheet call was a read after its last write. */
let applied = false;

/**
 * Said by work whose last spreadsheet call under the lock was a read after its last write. A read
 * applies the execution's queued writes first (reads see one's own writes: "Every time you do a
 * read, we must first empty (commit) the write cache",
 * https://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html), so
 * nothing is pending: no flush is needed, and the lock may stay held until the script ends, when
 * Apps Script releases it (https://developers.google.com/apps-script/reference/lock/lock#releaseLock():
 * "The lock is automatically released when the script terminates"): two round trips fewer.
 */
export function writesApplied(): void {
  if (held) applied = true;
}

export function holdsDocumentLock(): boolean {
  return held;
}

/**
 * Runs `work` holding the document lock; flushes before releasing so the next holder reads our
 * rows. Called again inside `work` (an endpoint that opens the workbook under the lock, then
 * writes through a helper that takes it too), it runs the inner work under the same hold.
 */
export function withDocumentLock<T>(work: () => T): T {
  if (held) return work();
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new Error(LOCK_BUSY_MESSAGE);
  held = true;
  applied = false;
  let settled = false;
  try {
    const result = work();
    if (!applied) SpreadsheetApp.flush();
    settled = applied;
    return result;
  } finally {
    held = false;
    applied = false;
    if (!settled) lock.releaseLock();
  }
}
