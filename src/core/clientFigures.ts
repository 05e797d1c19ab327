/**
 * A client's figures for a period: the one computation behind the Client summary tab (issue 16).
 * Everything is counted from current entries (core/record.ts derives superseded and withdrawn),
 * and the trend comes from core/trend.ts over the client's whole history up to the period's end,
 * so the summary agrees with the sidebar and Patterns for the same day.
 *
 * The figures are one structure, `ClientFigures`, so later figures (make-ups, minutes, policy
 * checks) extend it rather than computing a second copy beside it.
 */
import { countedInOrder, computeTrend } from './trend';
import { newestFirst } from './record';
import { ABSENT_STATUSES, WITHDRAWN } from './types';
import type { Entry, Status, Trend, TrendSettings } from './types';
import type { RuleFigures } from './ruleFigures';
import { monthOf, monthsFrom, periodMiddle } from './period';

/** The statuses that count as absences, each with its count. */
export type AbsenceCounts = Record<'excused' | 'unexcused' | 'refused', number>;

/** One calendar month of the period: what the chart of attendance over time draws. */
export interface MonthFigures {
  /** YYYY-MM. */
  month: string;
  /** Counted sessions (all but cancelled) in the month. */
  sessions: number;
  absences: AbsenceCounts;
}

/** A rate with what it is made of (rate null when there were no counted sessions). */
export interface Rate {
  absences: number;
  sessions: number;
  rate: number | null;
}

export interface ClientFigures {
  clientId: string;
  /** YYYY-MM-DD, both included. */
  from: string;
  to: string;
  /** Counted sessions (all but cancelled) in the period. */
  sessions: number;
  /** present + late. */
  attended: number;
  absences: number;
  /** Sessions not held for the client (cancelled), not counted in any rate. */
  cancelled: number;
  absenceRate: number | null;
  /** The period cut at its middle day: how the rate moved. */
  firstHalf: Rate;
  secondHalf: Rate;
  /** The trend rule over the client's whole history up to `to` (as Patterns would show it on that day). */
  trend: Trend;
  byStatus: AbsenceCounts;
  /** Absences by reason ('' = no reason given), most frequent first. */
  byReason: { reason: string; count: number }[];
  /** Absences by notice: given, not given, not said. */
  notice: { given: number; notGiven: number; notSaid: number };
  /** The longest run of consecutive counted sessions attended (cancelled sessions do not break it). */
  longestAttendedRun: number;
  /** Follow-ups asked for on the period's entries: still open, and marked done. */
  followUps: { open: number; closed: number };
  months: MonthFigures[];
  /** The period's current entries, newest first. */
  entries: Entry[];
  /** Make-ups, minutes and policy checks (issue 17, core/ruleFigures.ts), where the server adds them. */
  rules?: RuleFigures;
}

const ATTENDED: readonly Status[] = ['present', 'late'];

export function noAbsences(): AbsenceCounts {
  return { excused: 0, unexcused: 0, refused: 0 };
}

export function isAbsence(status: Entry['status']): status is keyof AbsenceCounts {
  return (ABSENT_STATUSES as readonly string[]).includes(status);
}

function rateOf(absences: number, sessions: number): Rate {
  return { absences, sessions, rate: sessions > 0 ? absences / sessions : null };
}

/**
 * The figures of one client for [from, to] from the record's current entries (withdrawn and
 * superseded already removed: `currentEntries`). Entries after `to` are ignored, even for the trend.
 */
export function clientFigures(
  current: readonly Entry[],
  clientId: string,
  from: string,
  to: string,
  settings: TrendSettings,
): ClientFigures {
  const history = current.filter(
    (e) => e.clientId === clientId && e.status !== WITHDRAWN && e.sessionDate !== '' && e.sessionDate <= to,
  );
  const inPeriod = history.filter((e) => e.sessionDate >= from);
  const middle = periodMiddle(from, to);
  const byStatus = noAbsences();
  const reasons = new Map<string, number>();
  const notice = { given: 0, notGiven: 0, notSaid: 0 };
  const months = new Map<string, MonthFigures>(
    monthsFrom(from, to).map((month) => [month, { month, sessions: 0, absences: noAbsences() }]),
  );
  let attended = 0;
  let cancelled = 0;
  const halves = [
    { absences: 0, sessions: 0 },
    { absences: 0, sessions: 0 },
  ];
  let open = 0;
  let closed = 0;
  for (const entry of inPeriod) {
    if (entry.followUp) {
      if (entry.followUpDone) closed += 1;
      else open += 1;
    }
    if (entry.status === 'cancelled') {
      cancelled += 1;
      continue;
    }
    const month = months.get(monthOf(entry.sessionDate));
    const half = halves[entry.sessionDate < middle ? 0 : 1];
    half.sessions += 1;
    if (month) month.sessions += 1;
    if (ATTENDED.includes(entry.status as Status)) {
      attended += 1;
      continue;
    }
    if (!isAbsence(entry.status)) continue;
    byStatus[entry.status] += 1;
    half.absences += 1;
    if (month) month.absences[entry.status] += 1;
    reasons.set(entry.reason, (reasons.get(entry.reason) ?? 0) + 1);
    if (entry.notice === true) notice.given += 1;
    else if (entry.notice === false) notice.notGiven += 1;
    else notice.notSaid += 1;
  }
  const absences = byStatus.excused + byStatus.unexcused + byStatus.refused;
  const sessions = attended + absences;
  return {
    clientId,
    from,
    to,
    sessions,
    attended,
    absences,
    cancelled,
    absenceRate: rateOf(absences, sessions).rate,
    firstHalf: rateOf(halves[0].absences, halves[0].sessions),
    secondHalf: rateOf(halves[1].absences, halves[1].sessions),
    trend: computeTrend(
      history.map((e) => ({ date: e.sessionDate, status: e.status as Status })),
      settings,
    ),
    byStatus,
    byReason: [...reasons]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0)),
    notice,
    longestAttendedRun: longestAttendedRun(inPeriod),
    followUps: { open, closed },
    months: [...months.values()],
    entries: inPeriod.slice().reverse().sort(newestFirst),
  };
}

/** Longest streak of attended sessions in the trend rule's session order (same-day order included). */
function longestAttendedRun(entries: readonly Entry[]): number {
  const ordered = countedInOrder(entries.map((e) => ({ date: e.sessionDate, status: e.status as Status })));
  let best = 0;
  let run = 0;
  for (const session of ordered) {
    run = ATTENDED.includes(session.status) ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}
