/**
 * The sidebar's lists from the record read in columns (core/recordTable.ts). Each list's function
 * is given only the entries it can show or count, made whole then: the same answer as from every
 * entry (test/core/sidebarLists.test.ts), at the cost of a pass over the columns, not an object per
 * row of a long record.
 */
import { lastEntryByClient, openFollowUps } from './clientSummary';
import { recordedSessions } from './recordedSessions';
import { entriesAt } from './recordTable';
import type { RecordTable } from './recordTable';
import { nameKey } from './roster';
import { unlinkedHistories } from './unlinked';
import type { Client, Entry, FollowUp, LastEntry, RecordedSession, UnlinkedHistory } from './types';

/** The current entries (positions in `table`) that `keep` says, whole. */
export function currentWhere(table: RecordTable, current: readonly number[], keep: (i: number) => boolean): Entry[] {
  return entriesAt(
    table,
    current.filter((i) => keep(i)),
  );
}

/** lastEntryByClient: a client's last entry is one of their current entries on their latest day. */
export function lastEntriesIn(table: RecordTable, current: readonly number[]): Map<string, LastEntry> {
  const latest = new Map<string, string>();
  for (let k = 0; k < current.length; k += 1) {
    const i = current[k];
    const day = latest.get(table.clientId[i]);
    if (day === undefined || table.day[i] > day) latest.set(table.clientId[i], table.day[i]);
  }
  return lastEntryByClient(currentWhere(table, current, (i) => table.day[i] === latest.get(table.clientId[i])));
}

/** openFollowUps: only current entries that asked for one. */
export function followUpsIn(table: RecordTable, current: readonly number[]): FollowUp[] {
  return openFollowUps(currentWhere(table, current, (i) => table.followUp[i]));
}

/**
 * recordedSessions: the rows of the weeks shown, every row that replaces another and every row
 * replaced (a corrected session is traced back to its first version's request).
 */
export function recordedSessionsIn(table: RecordTable, since: string): RecordedSession[] {
  const replaced = new Set<string>();
  for (let i = 0; i < table.size; i += 1) if (table.replaces[i]) replaced.add(table.replaces[i]);
  const rows: number[] = [];
  for (let i = 0; i < table.size; i += 1)
    if (table.day[i] >= since || table.replaces[i] || replaced.has(table.entryId[i])) rows.push(i);
  return recordedSessions(entriesAt(table, rows), since);
}

/** Client IDs of clients the roster gives no ID begin with this (nameKey). */
const NAME_KEYED = nameKey('');

/** unlinkedHistories: only current entries under a name no roster client has. */
export function unlinkedIn(
  table: RecordTable,
  current: readonly number[],
  clients: readonly Client[],
): UnlinkedHistory[] {
  const onRoster = new Set(clients.map((c) => c.id));
  return unlinkedHistories(
    currentWhere(table, current, (i) => table.clientId[i].startsWith(NAME_KEYED) && !onRoster.has(table.clientId[i])),
    clients,
  );
}
