/**
 * Minutes (issue 17): planned minutes per group or client, and minutes delivered against planned
 * over a period, for the sidebar, the client summary and the practice report.
 *
 * - Planned: each session on the books for the client (every status, cancellations included: the
 *   minutes were planned), at the client's own planned minutes, else its session's group's (a
 *   session recorded without a group: the client's roster group's). A
 *   make-up session plans nothing: it delivers minutes planned for the session it makes up for.
 * - Delivered: each attended session (present, late, make-ups included) at the minutes the entry
 *   says, else the whole planned session.
 */
import type { Entry, MinutesTally, PlannedMinutes } from './types';

const ATTENDED = new Set<string>(['present', 'late']);

/** Planned minutes by client id and by group name, read once from the settings' list. */
export interface MinutesPlan {
  byClient: ReadonlyMap<string, number>;
  byGroup: ReadonlyMap<string, number>;
}

export function minutesPlan(lines: readonly PlannedMinutes[]): MinutesPlan {
  const byClient = new Map<string, number>();
  const byGroup = new Map<string, number>();
  for (const line of lines) {
    if (line.clientId) byClient.set(line.clientId, line.minutes);
    else if (line.group) byGroup.set(line.group, line.minutes);
  }
  return { byClient, byGroup };
}

/** A client's roster group, for sessions recorded without a group (individual sessions, make-ups). */
export type RosterGroupOf = (clientId: string) => string | undefined;

/**
 * The planned minutes of one entry's session, or null when none is set: the client's own, else
 * those of the group the session was recorded in, else (recorded individually) their roster group's.
 */
export function plannedFor(
  plan: MinutesPlan,
  entry: Pick<Entry, 'clientId' | 'group'>,
  rosterGroupOf?: RosterGroupOf,
): number | null {
  const own = plan.byClient.get(entry.clientId);
  if (own !== undefined) return own;
  const group = entry.group || rosterGroupOf?.(entry.clientId) || '';
  return plan.byGroup.get(group) ?? null;
}

/** Whether any planned minutes can apply to a client (its own, or its roster group's). */
export function hasPlan(plan: MinutesPlan, client: { id: string; group: string }): boolean {
  return plan.byClient.has(client.id) || plan.byGroup.has(client.group);
}

/**
 * Minutes delivered against planned for one client's current entries, sessions from `from` to
 * `to` (YYYY-MM-DD, both included). Sessions without planned minutes count minutes only when the
 * entry gives them.
 */
export function minutesTally(
  entries: readonly Entry[],
  plan: MinutesPlan,
  from: string,
  to: string,
  rosterGroupOf?: RosterGroupOf,
): MinutesTally {
  const tally: MinutesTally = { delivered: 0, planned: 0, sessions: 0, text: '' };
  for (const entry of entries) {
    if (entry.sessionDate < from || entry.sessionDate > to) continue;
    const planned = plannedFor(plan, entry, rosterGroupOf);
    if (!entry.makesUpFor && planned !== null) {
      tally.planned += planned;
      tally.sessions += 1;
    }
    if (ATTENDED.has(entry.status)) tally.delivered += entry.minutes ?? planned ?? 0;
  }
  tally.text = minutesText(tally);
  return tally;
}

/** "270 of 300 planned minutes (90%)", or "" with nothing planned or delivered. */
export function minutesText(tally: Pick<MinutesTally, 'delivered' | 'planned'>): string {
  if (tally.planned === 0) return tally.delivered > 0 ? `${tally.delivered} minutes delivered (none planned)` : '';
  const share = Math.round((tally.delivered / tally.planned) * 100);
  return `${tally.delivered} of ${tally.planned} planned minutes (${share}%)`;
}
