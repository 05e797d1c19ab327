/**
 * Make-ups (issue 17): which sessions leave a make-up owed, and which make-up sessions settled them.
 *
 * A `cancelled` entry is either the practice's cancellation (a make-up is owed) or a client's
 * planned absence or agreed break (nothing owed): both are not counted in the absence rate.
 * plannedAbsences.ts cancelledFor says whose side it was on; a make-up is owed when it was the
 * practice's and its reason is one the practice lists in Settings as its cancellation (one rule,
 * used by the sidebar, Patterns and the client summary). An `excused` absence with notice
 * is owed too when the practice's policy says so.
 *
 * A make-up session is an ordinary entry whose "Makes up for" cell names the owed entry. It
 * settles it when it was held (any status but cancelled: a client who misses the make-up used
 * it); a make-up that is itself cancelled leaves the session owed, and is never owed in turn.
 * Corrections keep the link: the owed entry is matched by any of its versions' Entry IDs.
 */
import { cancelledFor } from './plannedAbsences';
import { currentEntries } from './record';
import type { Entry, MakeUpBalance, MakeUpSettings, OwedSession, Status } from './types';

/** Reasons compare as the user reads them: case and spacing ignored. */
export function reasonKey(reason: string): string {
  return reason.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * A `cancelled` entry the practice cancelled: on the practice's side (cancelledFor: not a planned
 * absence, not a client who was unavailable) and with a reason the practice lists as its own.
 */
export function cancelledByPractice(entry: Pick<Entry, 'status' | 'reason'>, rule: MakeUpSettings): boolean {
  if (cancelledFor(entry) !== 'practice' || !entry.reason) return false;
  const key = reasonKey(entry.reason);
  return rule.practiceReasons.some((r) => reasonKey(r) === key);
}

/** Whether a current entry leaves a make-up owed under the practice's settings. */
export function owesMakeUp(entry: Entry, rule: MakeUpSettings): boolean {
  if (entry.makesUpFor) return false;
  if (entry.status === 'cancelled') return cancelledByPractice(entry, rule);
  return rule.afterNotice && entry.status === 'excused' && entry.notice === true;
}

const NO_MAKE_UPS: MakeUpBalance = { owed: [], madeUp: 0, text: '' };

/**
 * Each client's make-up balance, from the record's rows (`entries`: every row, superseded ones
 * included, so a correction of an owed session keeps its make-up; current entries alone also
 * work, without that). Clients owed nothing and with nothing made up are left out. `current`:
 * currentEntries(entries), when the caller has it already (one pass less over a long record).
 */
export function makeUpBalances(
  entries: readonly Entry[],
  rule: MakeUpSettings,
  current: readonly Entry[] = currentEntries(entries),
): Map<string, MakeUpBalance> {
  // Every entry ID a make-up that was held names.
  const settledIds = new Set<string>();
  for (const entry of current) if (entry.makesUpFor && entry.status !== 'cancelled') settledIds.add(entry.makesUpFor);
  const earlierVersion = new Map<string, string>();
  if (settledIds.size > 0)
    for (const entry of entries) if (entry.replaces) earlierVersion.set(entry.entryId, entry.replaces);
  /** Whether a held make-up names this entry or any earlier version of it. */
  const settled = (entry: Entry): boolean => {
    const seen = new Set<string>();
    for (let id: string | undefined = entry.entryId; id && !seen.has(id); id = earlierVersion.get(id)) {
      if (settledIds.has(id)) return true;
      seen.add(id);
    }
    return false;
  };
  const out = new Map<string, MakeUpBalance>();
  const owedInOrder = current
    .filter((e) => owesMakeUp(e, rule))
    .sort((a, b) => (a.sessionDate < b.sessionDate ? -1 : a.sessionDate > b.sessionDate ? 1 : 0));
  for (const entry of owedInOrder) {
    let balance = out.get(entry.clientId);
    if (!balance) out.set(entry.clientId, (balance = { owed: [], madeUp: 0, text: '' }));
    if (settled(entry)) balance.madeUp += 1;
    else balance.owed.push(owedSession(entry));
  }
  out.forEach((balance) => (balance.text = makeUpText(balance)));
  return out;
}

function owedSession(entry: Entry): OwedSession {
  return {
    entryId: entry.entryId,
    date: entry.sessionDate,
    status: entry.status as Status,
    reason: entry.reason,
  };
}

/** A client's balance from the map (nothing owed when absent). */
export function balanceOf(balances: ReadonlyMap<string, MakeUpBalance>, clientId: string): MakeUpBalance {
  return balances.get(clientId) ?? NO_MAKE_UPS;
}

/** "2 make-ups owed (1 made up)", "" when there is nothing to say. */
export function makeUpText(balance: Pick<MakeUpBalance, 'owed' | 'madeUp'>): string {
  const owed = balance.owed.length;
  if (owed === 0 && balance.madeUp === 0) return '';
  const main = owed === 0 ? 'No make-up owed' : `${owed} make-up${owed === 1 ? '' : 's'} owed`;
  return balance.madeUp > 0 ? `${main} (${balance.madeUp} made up)` : main;
}

/**
 * Why a make-up cannot be linked to `makesUpFor` for this client, or null when it can: the session
 * must be one the client is owed now (checked under the lock, against the record as it stands).
 */
export function makeUpProblem(
  balances: ReadonlyMap<string, MakeUpBalance>,
  clientId: string,
  makesUpFor: string,
  name: string,
): string | null {
  if (balanceOf(balances, clientId).owed.some((o) => o.entryId === makesUpFor)) return null;
  return `The session ${name}'s make-up was for is no longer owed (made up already, or corrected since); reload the sidebar and choose again.`;
}
