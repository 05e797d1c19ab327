/**
 * The practice's figures per group and month: the one computation behind the Practice report tab
 * (issue 16). Counted from current entries, with the flags from core/trend.ts as they stood at
 * each month's end, so a report agrees with what Patterns showed then.
 */
import { computeTrend } from './trend';
import { isAbsence } from './clientFigures';
import { monthEnd, monthOf, monthsFrom } from './period';
import { cancelledFor } from './plannedAbsences';
import { isFlagged, WITHDRAWN } from './types';
import type { Client, Entry, Status, TrendSettings } from './types';
import type { GroupRuleFigures } from './ruleFigures';

/** The group of entries recorded for individual clients with no roster group. */
export const NO_GROUP = 'Individual sessions';

export interface GroupMonth {
  /** YYYY-MM. */
  month: string;
  /** Sessions held: distinct days with a counted entry (one per client for individual sessions). */
  sessions: number;
  /** Client-sessions counted (all but cancelled), attended among them, and the rate. */
  counted: number;
  attended: number;
  attendanceRate: number | null;
  absences: number;
  /** Absences by reason ('' = no reason given), most frequent first. */
  byReason: { reason: string; count: number }[];
  /** Cancelled client-sessions, by whose side they were on (plannedAbsences.ts cancelledFor). */
  cancelledByPractice: number;
  clientAway: number;
  /** Clients of the group with entries in the month whose trend was flagged at the month's end. */
  flagged: number;
}

export interface GroupFigures {
  group: string;
  months: GroupMonth[];
  /** Make-ups, minutes and policy checks (issue 17, core/ruleFigures.ts), where the server adds them. */
  rules?: GroupRuleFigures;
}

export interface PracticeFigures {
  from: string;
  to: string;
  groups: GroupFigures[];
}

const ATTENDED: readonly string[] = ['present', 'late'];

/** The report's group of an entry: the group it was recorded in, else its client's roster group, else NO_GROUP. */
export function entryGroup(clients: readonly Client[]): (entry: Entry) => string {
  const rosterGroup = new Map(clients.map((c) => [c.id, c.group]));
  return (e) => e.group || rosterGroup.get(e.clientId) || NO_GROUP;
}

/**
 * Figures for [from, to] per group (only `group` when given) and calendar month. An entry belongs
 * to the group it was recorded in, else its client's roster group, else NO_GROUP.
 */
export function practiceFigures(
  current: readonly Entry[],
  clients: readonly Client[],
  from: string,
  to: string,
  settings: TrendSettings,
  group?: string,
): PracticeFigures {
  const groupOf = entryGroup(clients);
  const months = monthsFrom(from, to);
  // Each client's sessions up to `to`, in the record's order: for the flags at each month's end.
  const history = new Map<string, { date: string; status: Status }[]>();
  const cells = new Map<string, Map<string, Acc>>();
  for (const e of current) {
    if (e.status === WITHDRAWN || !e.sessionDate || e.sessionDate > to) continue;
    let sessions = history.get(e.clientId);
    if (!sessions) history.set(e.clientId, (sessions = []));
    sessions.push({ date: e.sessionDate, status: e.status });
    if (e.sessionDate < from) continue;
    const name = groupOf(e);
    if (group !== undefined && name !== group) continue;
    let byMonth = cells.get(name);
    if (!byMonth) cells.set(name, (byMonth = new Map(months.map((m) => [m, newAcc()]))));
    const acc = byMonth.get(monthOf(e.sessionDate));
    if (acc) add(acc, e);
  }
  const groups = [...cells.keys()].sort((a, b) => (a === NO_GROUP ? 1 : b === NO_GROUP ? -1 : a.localeCompare(b)));
  return {
    from,
    to,
    groups: groups.map((name) => ({
      group: name,
      months: months.map((month) => {
        const acc = cells.get(name)!.get(month)!;
        const end = monthEnd(`${month}-01`);
        const asOf = end < to ? end : to;
        let flagged = 0;
        for (const clientId of acc.clients) {
          const sessions = (history.get(clientId) ?? []).filter((s) => s.date <= asOf);
          if (isFlagged(computeTrend(sessions, settings).level)) flagged += 1;
        }
        return {
          month,
          sessions: acc.sessions.size,
          counted: acc.counted,
          attended: acc.attended,
          attendanceRate: acc.counted > 0 ? acc.attended / acc.counted : null,
          absences: acc.counted - acc.attended,
          byReason: [...acc.reasons]
            .map(([reason, count]) => ({ reason, count }))
            .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
          cancelledByPractice: acc.cancelledByPractice,
          clientAway: acc.clientAway,
          flagged,
        };
      }),
    })),
  };
}

interface Acc {
  sessions: Set<string>;
  counted: number;
  attended: number;
  reasons: Map<string, number>;
  cancelledByPractice: number;
  clientAway: number;
  clients: Set<string>;
}

function newAcc(): Acc {
  return {
    sessions: new Set(),
    counted: 0,
    attended: 0,
    reasons: new Map(),
    cancelledByPractice: 0,
    clientAway: 0,
    clients: new Set(),
  };
}

function add(acc: Acc, e: Entry): void {
  acc.clients.add(e.clientId);
  const side = cancelledFor(e);
  if (side !== null) {
    if (side === 'practice') acc.cancelledByPractice += 1;
    else acc.clientAway += 1;
    return;
  }
  // A group meets once a day; an individual client's session is their own.
  acc.sessions.add(e.group ? e.sessionDate : `${e.sessionDate}|${e.clientId}`);
  acc.counted += 1;
  if (ATTENDED.includes(e.status)) acc.attended += 1;
  else if (isAbsence(e.status)) acc.reasons.set(e.reason, (acc.reasons.get(e.reason) ?? 0) + 1);
}
