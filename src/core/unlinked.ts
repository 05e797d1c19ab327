/**
 * Sessions recorded under a name that is no longer on the roster: in a roster without IDs, a
 * corrected spelling ("Jose Nunez" → "José Núñez") leaves the earlier sessions under the old name.
 * The sidebar offers to link them to the client; nothing is linked without the user's choice.
 */
import { nameKey } from './roster';
import type { Client, Entry, UnlinkedHistory } from './types';

/** Current entries whose name key matches no roster client, by key, most recent first. */
export function unlinkedHistories(current: readonly Entry[], clients: readonly Client[]): UnlinkedHistory[] {
  const onRoster = new Set(clients.map((c) => c.id));
  const nameKeyed = nameKey('');
  const byKey = new Map<string, UnlinkedHistory>();
  for (const entry of current) {
    // Only name keys: a practice ID missing from the roster is a client who left, not a rename.
    if (!entry.clientId.startsWith(nameKeyed) || onRoster.has(entry.clientId)) continue;
    const known = byKey.get(entry.clientId);
    if (known) {
      known.sessions += 1;
      if (entry.sessionDate > known.lastDate) {
        known.lastDate = entry.sessionDate;
        known.name = entry.client || known.name;
      }
    } else {
      byKey.set(entry.clientId, {
        clientId: entry.clientId,
        name: entry.client,
        sessions: 1,
        lastDate: entry.sessionDate,
      });
    }
  }
  return [...byKey.values()].sort((a, b) => (a.lastDate < b.lastDate ? 1 : a.lastDate > b.lastDate ? -1 : 0));
}
