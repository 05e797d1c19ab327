/**
 * The sidebar's lists from the record read in columns (core/recordTable.ts). Each list's function
 * is given only the entries it can show or count, made whole then: the same answer as from every
 * entry (test/core/sidebarLists.test.ts). The entries each list needs are picked in one pass over
 * the current entries and one over every row, whatever the record's length: each pass over a long
 * record costs more than what it computes.
 */
import { lastEntryByClient, openFollowUps } from './clientSummary';
import type { RecordFigures } from './recordFigures';
import { recordedSessions } from './recordedSessions';
import { entriesAt } from './recordTable';
import { nameKey } from './roster';
import { unlinkedHistories } from './unlinked';
import type { Client, Entry, FollowUp, LastEntry, RecordedSession, UnlinkedHistory } from './types';

export interface SidebarLists {
  lastEntries: Map<string, LastEntry>;
  followUps: FollowUp[];
  recordedSessions: RecordedSession[];
  unlinked: UnlinkedHistory[];
  /** Current entries from `from` on (To record looks back that far), whole. */
  recent: Entry[];
}

/** Client IDs of clients the roster gives no ID begin with this (nameKey). */
const NAME_KEYED = nameKey('');

/**
 * The lists of the sidebar: `since` the first day Patterns can show, `from` the first day To record
 * looks back to (null: no schedule, no list), `clients` the roster.
 */
export function sidebarLists(
  figures: Pick<RecordFigures, 'table' | 'current' | 'replaced'>,
  since: string,
  from: string | null,
  clients: readonly Client[],
): SidebarLists {
  const { table, current, replaced } = figures;
  const onRoster = new Set(clients.map((c) => c.id));
  // lastEntryByClient: a client's last entry is one of their current entries on their latest day.
  const latest = new Map<string, { day: string; at: number[] }>();
  const followUps: number[] = [];
  const unlinked: number[] = [];
  const recent: number[] = [];
  for (let k = 0; k < current.length; k += 1) {
    const i = current[k];
    const clientId = table.clientId[i];
    const day = table.day[i];
    const last = latest.get(clientId);
    if (!last || day > last.day) latest.set(clientId, { day, at: [i] });
    else if (day === last.day) last.at.push(i);
    if (table.followUp[i]) followUps.push(i);
    // unlinkedHistories: only entries under a name no roster client has.
    if (clientId.startsWith(NAME_KEYED) && !onRoster.has(clientId)) unlinked.push(i);
    if (from !== null && day >= from) recent.push(i);
  }
  // recordedSessions: the rows of the weeks shown, every row that replaces another and every row
  // replaced (a corrected session is traced back to its first version's request).
  const sessionRows: number[] = [];
  for (let i = 0; i < table.size; i += 1)
    if (table.day[i] >= since || table.replaces[i] || replaced.has(table.entryId[i])) sessionRows.push(i);
  const onLastDay = [...latest.values()].flatMap((l) => l.at).sort((a, b) => a - b);
  return {
    lastEntries: lastEntryByClient(entriesAt(table, onLastDay)),
    followUps: openFollowUps(entriesAt(table, followUps)),
    recordedSessions: recordedSessions(entriesAt(table, sessionRows), since),
    unlinked: unlinkedHistories(entriesAt(table, unlinked), clients),
    recent: entriesAt(table, recent),
  };
}
