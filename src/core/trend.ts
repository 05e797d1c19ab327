/**
 * The absence-trend rule (explained in README.md, "How a client gets flagged"): a pure function of a client's sessions.
 *
 * One change to the rule as first written: a level can never rise on an attended session. With the
 * usual rate taken from the sessions before the window, attending makes the window slide, and an
 * older attended session moving into the usual rate lowers it, so "came today" could turn a client
 * from no flag to Watch. A therapist cannot explain that to a client ("you came, so now you are
 * flagged"), and it adds nothing to detection: the absences that matter were already there. So
 * when the latest counted sessions were attended, the level is the lowest the rule gives over the
 * history ending at each of them and at the last absence before them. In the seeded simulation
 * (test/bench/trendQuality.ts) the uncapped rule rose on an attended session at 0.2% of checks of
 * a stable 10% client (0.8% at 20%); the cap removes those and costs 0.2 points of detection
 * (a 10%→60% jump flagged at Watch within 4 sessions: 84.3% instead of 84.5%).
 */
import { ABSENT_STATUSES, FLAGGED_LEVELS, WITHDRAWN } from './types';
import type { Entry, FlaggedLevel, RecordStatus, Status, Trend, TrendLevel, TrendSettings } from './types';

export const DEFAULT_TREND_SETTINGS: TrendSettings = {
  watchWindow: 4,
  watchMinAbsences: 2,
  risingWindow: 6,
  risingMinAbsences: 3,
  pointsAbove: 0.25,
  priorRate: 0.15,
  priorSessions: 4,
  urgentStreak: 3,
  urgentUnexcused: 3,
  risingUnexcusedStreak: 2,
  chronicRate: 0.2,
  chronicMinSessions: 10,
};

export interface TrendSession {
  date: string;
  status: Status;
}

/**
 * Order of sessions held on the same day. The record has no time of day, so the order within a
 * day is a choice; it must not depend on the order rows arrive in. Attended sessions read as the
 * later ones (the client who missed the morning group but came in the afternoon is, as of today,
 * attending), and unexcused the earliest of the absences. This is also what makes "turning an
 * absence into attendance never raises the level" hold when a day has several sessions: the
 * changed session moves to the end of its day, never pulling another absence out of the window.
 */
const SAME_DAY_ORDER: Readonly<Record<Status, number>> = {
  unexcused: 0,
  refused: 1,
  excused: 2,
  late: 3,
  present: 4,
  cancelled: 5,
};

const isAbsent = (status: Status): boolean => ABSENT_STATUSES.includes(status);

/** Sessions in date order, same-day sessions in SAME_DAY_ORDER (a sort comparator). */
export function sessionOrder(a: TrendSession, b: TrendSession): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : SAME_DAY_ORDER[a.status] - SAME_DAY_ORDER[b.status];
}

/** Counted sessions (all but cancelled) in date order, same-day sessions in SAME_DAY_ORDER. */
/** Read once: countedInOrder runs for every session of every client. */
const hasOwn = Object.prototype.hasOwnProperty;

export function countedInOrder(sessions: readonly TrendSession[]): TrendSession[] {
  return sessions.filter((s) => s.status !== 'cancelled' && hasOwn.call(SAME_DAY_ORDER, s.status)).sort(sessionOrder);
}

/** Levels by rank: no flag, then the flagged levels from the least urgent up. */
const LEVELS: readonly ('none' | FlaggedLevel)[] = ['none', ...[...FLAGGED_LEVELS].reverse()];
const RANK = Object.fromEntries(LEVELS.map((level, rank) => [level, rank])) as Readonly<
  Record<'none' | FlaggedLevel, number>
>;

/** The rank of a level, for comparing: not enough data and no flag are both 0. */
export function levelRank(level: TrendLevel): number {
  return level === 'insufficient' ? 0 : RANK[level];
}

/** Running counts over the ordered sessions, so the rule can be asked of any prefix in O(1). */
interface Counts {
  /** absences[i] / unexcused[i]: among the first i sessions. */
  absences: number[];
  unexcused: number[];
  /** Consecutive absences / unexcused ending with session i (1-based), 0 at i = 0. */
  absentRun: number[];
  unexcusedRun: number[];
}

function countsOf(statuses: readonly Status[]): Counts {
  const c: Counts = { absences: [0], unexcused: [0], absentRun: [0], unexcusedRun: [0] };
  statuses.forEach((status, i) => {
    const absent = isAbsent(status);
    const unexcused = status === 'unexcused';
    c.absences.push(c.absences[i] + (absent ? 1 : 0));
    c.unexcused.push(c.unexcused[i] + (unexcused ? 1 : 0));
    c.absentRun.push(absent ? c.absentRun[i] + 1 : 0);
    c.unexcusedRun.push(unexcused ? c.unexcusedRun[i] + 1 : 0);
  });
  return c;
}

/** What the last `size` of the first `length` sessions say, against the shrunk rate before them. */
interface Window {
  size: number;
  absences: number;
  unexcused: number;
  rate: number;
  usual: number;
  /** Counted sessions before the window (0: the usual rate is the prior alone), and absences among them. */
  before: number;
  absencesBefore: number;
}

function windowOf(c: Counts, length: number, wanted: number, s: TrendSettings): Window {
  const size = Math.min(wanted, length);
  const before = length - size;
  const absences = c.absences[length] - c.absences[before];
  const weight = before + s.priorSessions;
  return {
    size,
    absences,
    unexcused: c.unexcused[length] - c.unexcused[before],
    rate: size ? absences / size : 0,
    usual: weight > 0 ? (c.absences[before] + s.priorSessions * s.priorRate) / weight : s.priorRate,
    before,
    absencesBefore: c.absences[before],
  };
}

// Rates are ratios of small integers; the tolerance keeps "exactly 25 points above" a flag.
const EPSILON = 1e-9;
const above = (w: Window, s: TrendSettings) => w.rate - w.usual >= s.pointsAbove - EPSILON;

/** The level the rule gives for the first `length` sessions: the highest condition that holds. */
function levelAt(c: Counts, length: number, s: TrendSettings): number {
  const recent = windowOf(c, length, s.risingWindow, s);
  // Streak conditions need no usual rate, so they apply from the first sessions.
  if (c.absentRun[length] >= s.urgentStreak || recent.unexcused >= s.urgentUnexcused) return RANK.urgent;
  if (c.unexcusedRun[length] >= s.risingUnexcusedStreak) return RANK.rising;
  if (length < s.watchWindow) return RANK.none;
  if (recent.absences >= s.risingMinAbsences && above(recent, s)) return RANK.rising;
  const watch = windowOf(c, length, s.watchWindow, s);
  if (watch.absences >= s.watchMinAbsences && above(watch, s)) return RANK.watch;
  return RANK.none;
}

const percent = (rate: number) => `${Math.round(rate * 100)}%`;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * The observed usual rate, shown (in words and in Patterns) only from `priorSessions` earlier
 * sessions on: below that a rate is mostly chance ("—"). The rule itself compares with the usual
 * rate pulled toward the prior; the Patterns legend says so, rather than showing a client a rate
 * they never had (a client who never missed is "usually 0%", not "usually 5%").
 */
function observedUsual(w: Window, s: TrendSettings): number | null {
  return w.before >= Math.max(1, s.priorSessions) ? w.absencesBefore / w.before : null;
}

function describeWindow(w: Window, total: number, s: TrendSettings): string {
  const span = w.size < total ? `of the last ${w.size}` : `of ${plural(w.size, 'session', 'sessions')}`;
  const observed = observedUsual(w, s);
  const usual =
    observed !== null
      ? `usually ${percent(observed)}`
      : w.before > 0
        ? `only ${plural(w.before, 'earlier session', 'earlier sessions')}`
        : 'no earlier sessions';
  const parts = [`missed ${w.absences} ${span} (${percent(w.rate)})`, usual];
  if (w.unexcused > 0) parts.push(`${w.unexcused} without notice`);
  return parts.join('; ');
}

function explain(c: Counts, n: number, level: TrendLevel, capped: boolean, chronic: boolean, s: TrendSettings): string {
  if (n === 0) return 'no sessions yet';
  const parts: string[] = [];
  if (c.absentRun[n] >= s.urgentStreak) parts.push(`missed the last ${c.absentRun[n]} in a row`);
  else if (c.unexcusedRun[n] >= s.risingUnexcusedStreak)
    parts.push(`the last ${c.unexcusedRun[n]} missed without notice`);
  if (level === 'insufficient') {
    parts.push(`not enough data yet (${plural(n, 'session', 'sessions')})`);
  } else {
    parts.push(describeWindow(explainedWindow(c, n, level, s), n, s));
  }
  if (capped) parts.push('attended the latest session');
  if (chronic) {
    const before = n - Math.min(s.risingWindow, n);
    parts.push(
      `chronic: missed ${percent(c.absences[before] / before)} of the ${before} sessions before the last ${Math.min(s.risingWindow, n)}`,
    );
  }
  return parts.join('; ');
}

/** The window the explanation talks about: Watch's for a Watch flag, the recent window otherwise. */
function explainedWindow(c: Counts, n: number, level: TrendLevel, s: TrendSettings): Window {
  return windowOf(c, n, level === 'watch' ? s.watchWindow : s.risingWindow, s);
}

/**
 * Chronic is a stable high rate, judged on the sessions before the recent window: a recent streak
 * is what Rising and Urgent are for, and must not also read as a long-standing pattern.
 */
function isChronic(c: Counts, n: number, s: TrendSettings): boolean {
  const before = n - Math.min(s.risingWindow, n);
  return before >= s.chronicMinSessions && before > 0 && c.absences[before] / before >= s.chronicRate - EPSILON;
}

/**
 * The level the rule as first written gives, without the attended-session cap: only for
 * measuring what the cap changes (test/bench/trendQuality.ts).
 */
export function uncappedLevel(
  sessions: readonly TrendSession[],
  settings: TrendSettings = DEFAULT_TREND_SETTINGS,
): TrendLevel {
  const statuses = countedInOrder(sessions).map((s) => s.status);
  const rank = levelAt(countsOf(statuses), statuses.length, settings);
  return rank === 0 && statuses.length < settings.watchWindow ? 'insufficient' : LEVELS[rank];
}

/** The trend of one client from its sessions (any order). */
export function computeTrend(
  sessions: readonly TrendSession[],
  settings: TrendSettings = DEFAULT_TREND_SETTINGS,
): Trend {
  const statuses = countedInOrder(sessions).map((s) => s.status);
  const n = statuses.length;
  const c = countsOf(statuses);
  const raw = levelAt(c, n, settings);
  // An attended session never raises the level (see the file comment): the lowest level over the
  // histories ending at each trailing attended session and at the absence before them.
  let rank = raw;
  for (let length = n; length > 0 && !isAbsent(statuses[length - 1]) && rank > 0; length -= 1) {
    rank = Math.min(rank, levelAt(c, length - 1, settings));
  }
  const absences = c.absences[n];
  const chronic = isChronic(c, n, settings);
  const level: TrendLevel = rank === 0 && n < settings.watchWindow ? 'insufficient' : LEVELS[rank];
  // The rates shown are the ones the explanation gives: its window, and the observed usual rate.
  const shown = level === 'insufficient' ? null : explainedWindow(c, n, level, settings);
  return {
    level,
    chronic,
    explanation: explain(c, n, level, rank < raw, chronic, settings),
    sessions: n,
    absences,
    recentRate: shown ? shown.rate : null,
    usualRate: shown ? observedUsual(shown, settings) : null,
  };
}

/** Each client's sessions from current entries, in one pass (withdrawing rows left out). */
export function sessionsByClient(entries: readonly Entry[]): Map<string, TrendSession[]> {
  return sessionsAt(
    entries.map((_, i) => i),
    entries.map((e) => e.clientId),
    entries.map((e) => e.sessionDate),
    entries.map((e) => e.status),
  );
}

/**
 * Each client's sessions from the current entries at `positions` of fields given as columns (the
 * record read in columns, core/recordTable.ts), in one pass.
 */
export function sessionsAt(
  positions: readonly number[],
  clientIds: readonly string[],
  days: readonly string[],
  statuses: readonly RecordStatus[],
): Map<string, TrendSession[]> {
  const byClient = new Map<string, TrendSession[]>();
  // Sessions are values: one object per distinct day and status, shared, not one per entry (a
  // record of 130,000 rows holds a few thousand of them).
  const shared = new Map<string, Map<string, TrendSession>>();
  for (let k = 0; k < positions.length; k += 1) {
    const i = positions[k];
    const status = statuses[i];
    // Withdrawing rows never reach here; ignoring them anyway keeps a stray one from counting.
    if (status === WITHDRAWN) continue;
    const clientId = clientIds[i];
    const date = days[i];
    let list = byClient.get(clientId);
    if (!list) byClient.set(clientId, (list = []));
    let onDay = shared.get(date);
    if (!onDay) shared.set(date, (onDay = new Map()));
    let session = onDay.get(status);
    if (!session) onDay.set(status, (session = Object.freeze({ date, status: status as Status })));
    list.push(session);
  }
  return byClient;
}

/** Trends of every client in one pass over current entries (withdrawn/superseded already removed). */
export function trendsByClient(
  entries: readonly Entry[],
  settings: TrendSettings = DEFAULT_TREND_SETTINGS,
): Map<string, Trend> {
  return trendsOf(sessionsByClient(entries), settings);
}

/** Each client's trend from their sessions (sessionsByClient). */
export function trendsOf(
  sessions: ReadonlyMap<string, readonly TrendSession[]>,
  settings: TrendSettings = DEFAULT_TREND_SETTINGS,
): Map<string, Trend> {
  const trends = new Map<string, Trend>();
  sessions.forEach((own, clientId) => trends.set(clientId, computeTrend(own, settings)));
  return trends;
}
