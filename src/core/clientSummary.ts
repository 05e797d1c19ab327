/** What the sidebar shows beside each client: last entry, open follow-ups, history, changed trends. */
import { newestFirst } from './record';
import { computeTrend } from './trend';
import { HISTORY_LENGTH } from './types';
import type { Client, Entry, FollowUp, LastEntry, Trend, TrendChange } from './types';

/** Each client's newest current entry. */
export function lastEntryByClient(current: readonly Entry[]): Map<string, LastEntry> {
  const newest = new Map<string, Entry>();
  for (const entry of current) {
    const known = newest.get(entry.clientId);
    if (!known || newestFirst(entry, known) < 0) newest.set(entry.clientId, entry);
  }
  const out = new Map<string, LastEntry>();
  newest.forEach((e, id) =>
    out.set(id, { entryId: e.entryId, date: e.sessionDate, status: e.status, reason: e.reason }),
  );
  return out;
}

/** Follow-ups asked for on current entries and not yet marked done, oldest first. */
export function openFollowUps(current: readonly Entry[]): FollowUp[] {
  return current
    .filter((e) => e.followUp && !e.followUpDone)
    .sort((a, b) => newestFirst(b, a))
    .map((e) => ({
      entryId: e.entryId,
      clientId: e.clientId,
      date: e.sessionDate,
      status: e.status,
      reason: e.reason,
      note: e.note,
    }));
}

export { HISTORY_LENGTH } from './types';

/**
 * A client's latest entries, newest first, superseded and withdrawing rows included and marked.
 * Entries recorded in the same second keep the record's order reversed (later rows are newer).
 */
export function clientHistory(linked: readonly Entry[], clientId: string, limit = HISTORY_LENGTH): Entry[] {
  return linked
    .filter((e) => e.clientId === clientId)
    .reverse()
    .sort(newestFirst)
    .slice(0, limit);
}

/** Clients whose trend level changed between two computations, with the new trend. */
export function trendChanges(
  clients: readonly Client[],
  before: ReadonlyMap<string, Trend>,
  after: ReadonlyMap<string, Trend>,
): TrendChange[] {
  const changes: TrendChange[] = [];
  for (const client of clients) {
    const now = after.get(client.id);
    if (!now) continue;
    // A client without entries before has the trend of no sessions ("not enough data yet"), as the
    // sidebar shows it: their first session is not a change to report.
    const was = (before.get(client.id) ?? computeTrend([])).level;
    if (was !== now.level)
      changes.push({ clientId: client.id, name: client.name, before: was, after: now.level, trend: now });
  }
  return changes;
}
