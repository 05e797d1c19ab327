/** Which clients a session lists: a group's active members, or the clients picked one by one. */
import type { ClientView } from '../core/types';

function byName(a: ClientView, b: ClientView): number {
  return a.name.localeCompare(b.name, undefined, { numeric: true });
}

/** A group's active members, by name: discharged clients are not offered for a new session. */
export function groupMembers(clients: readonly ClientView[], group: string): ClientView[] {
  return clients.filter((c) => c.active && c.group === group).sort(byName);
}

/** Active clients whose name or group contains the query (case-insensitive), by name. */
export function filterClients(clients: readonly ClientView[], query: string): ClientView[] {
  const q = query.trim().toLowerCase();
  return clients
    .filter((c) => c.active && (!q || c.name.toLowerCase().indexOf(q) >= 0 || c.group.toLowerCase().indexOf(q) >= 0))
    .sort(byName);
}

/** The picked clients in name order (the order of the rows), skipping ids no longer on the roster. */
export function pickedClients(clients: readonly ClientView[], picked: ReadonlySet<string>): ClientView[] {
  return clients.filter((c) => picked.has(c.id)).sort(byName);
}

/**
 * Clients as the sidebar names them: a name shared by several clients gets the client's ID added
 * ("Ana Lima (C002)"), so every row, label and summary line says unambiguously who it is about.
 */
export function withDistinctNames(clients: readonly ClientView[]): ClientView[] {
  const count = new Map<string, number>();
  for (const c of clients) count.set(c.name, (count.get(c.name) ?? 0) + 1);
  return clients.map((c) => ((count.get(c.name) ?? 0) > 1 ? { ...c, name: `${c.name} (${c.id})` } : c));
}
