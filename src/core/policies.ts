/**
 * The practice's own attendance policy, checked beside the trend (issue 17). Every check is off
 * until the practice switches it on in Settings, and each one shows its count against its line in
 * words ("3 of 4 allowed absences used this year"). A check that is reached is a reason to talk
 * with the client, never an automatic action: Cadence changes nothing because of it.
 *
 * Words used: a no-show is an `unexcused` session without notice; a late cancellation is an
 * `unexcused` session with notice given (the notice came too late to excuse it). Absences are
 * `excused`, `unexcused` and `refused`; attendance is `present` and `late` among counted sessions
 * (all but cancelled). Sessions after today are not looked at.
 */
import { addDays, addMonths, isIsoDate } from './dates';
import { sessionOrder } from './trend';
import { ABSENT_STATUSES } from './types';
import type { Entry, PolicyCheck, PolicyKind, PolicySettings, Status } from './types';

/** The policy kinds in the order Settings, the sidebar and Patterns show them. */
export const POLICY_KINDS: readonly PolicyKind[] = [
  'noShowsInRow',
  'lateCancellations',
  'attendanceBelow',
  'absencesPerYear',
];

/** What each check counts, as a short row label (the Client summary). */
export const POLICY_COUNT_LABELS: Readonly<Record<PolicyKind, string>> = {
  noShowsInRow: 'No-shows in a row',
  lateCancellations: 'Late cancellations',
  attendanceBelow: 'Attendance',
  absencesPerYear: 'Absences in the year',
};

/** Said after a check that is reached: the wording is a prompt, never a decision. */
export const REACHED_WORDS = 'a reason to talk';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const isNoShow = (e: Entry): boolean => e.status === 'unexcused' && e.notice !== true;
const isLateCancellation = (e: Entry): boolean => e.status === 'unexcused' && e.notice === true;
const isAbsence = (e: Entry): boolean => ABSENT_STATUSES.includes(e.status as Status);
const isAttended = (e: Entry): boolean => e.status === 'present' || e.status === 'late';

/**
 * The first day of the year (or funding period) holding `today`, starting on `yearStarts` (MM-DD).
 * A period starting on 29 Feb starts on 1 Mar in other years.
 */
export function periodStart(today: string, yearStarts: string): string {
  const year = Number(today.slice(0, 4));
  const startIn = (y: number): string => {
    const day = `${String(y).padStart(4, '0')}-${yearStarts}`;
    return isIsoDate(day) ? day : addDays(`${String(y).padStart(4, '0')}-02-28`, 1);
  };
  const thisYear = startIn(year);
  return thisYear <= today ? thisYear : startIn(year - 1);
}

/** "this year" for a calendar year, else "since 1 Sep". */
function periodWords(yearStarts: string): string {
  if (yearStarts === '01-01') return 'this year';
  const [m, d] = yearStarts.split('-').map(Number);
  return `since ${d} ${MONTHS[m - 1]}`;
}

function check(kind: PolicyKind, count: number, limit: number, reached: boolean, words: string): PolicyCheck {
  return { kind, count, limit, reached, text: reached ? `${words}: ${REACHED_WORDS}` : words };
}

/**
 * The checks switched on, for one client's current entries (any order), as of `today`.
 * Boundaries: N no-shows in a row and N late cancellations are reached at N; attendance below X%
 * when the rate is under X (with at least one counted session); "more than N absences" past N.
 */
export function policyChecks(entries: readonly Entry[], policies: PolicySettings, today: string): PolicyCheck[] {
  const past = entries.filter((e) => e.sessionDate <= today && e.status !== 'cancelled' && e.status !== 'withdrawn');
  const checks: PolicyCheck[] = [];
  const { noShowsInRow, lateCancellations, attendanceBelow, absencesPerYear } = policies;
  if (noShowsInRow.on) {
    const ordered = past.map((e) => ({ date: e.sessionDate, status: e.status as Status, entry: e })).sort(sessionOrder);
    let streak = 0;
    for (let i = ordered.length - 1; i >= 0 && isNoShow(ordered[i].entry); i -= 1) streak += 1;
    const n = noShowsInRow.count;
    checks.push(
      check('noShowsInRow', streak, n, streak >= n, `${plural(streak, 'no-show')} in a row (the policy's line: ${n})`),
    );
  }
  if (lateCancellations.on) {
    const since = addDays(today, -lateCancellations.days);
    const count = past.filter((e) => e.sessionDate > since && isLateCancellation(e)).length;
    const n = lateCancellations.count;
    checks.push(
      check(
        'lateCancellations',
        count,
        n,
        count >= n,
        `${plural(count, 'late cancellation')} in the last ${plural(lateCancellations.days, 'day')} (the policy's line: ${n})`,
      ),
    );
  }
  if (attendanceBelow.on) {
    const since = addMonths(today, -attendanceBelow.months);
    const counted = past.filter((e) => e.sessionDate > since);
    const attended = counted.filter(isAttended).length;
    const rate = counted.length ? attended / counted.length : 1;
    const percent = (r: number) => Math.round(r * 100);
    const months = plural(attendanceBelow.months, 'month');
    const words = counted.length
      ? `attended ${attended} of ${counted.length} sessions (${percent(rate)}%) in the last ${months} (the policy asks at least ${percent(attendanceBelow.rate)}%)`
      : `no sessions in the last ${months}`;
    // Compared in whole hundredths of a percent: 4 of 5 is 80%, not just under it.
    const reached = counted.length > 0 && Math.round(rate * 10000) < Math.round(attendanceBelow.rate * 10000);
    checks.push(check('attendanceBelow', rate, attendanceBelow.rate, reached, words));
  }
  if (absencesPerYear.on) {
    const start = periodStart(today, absencesPerYear.yearStarts);
    const count = past.filter((e) => e.sessionDate >= start && isAbsence(e)).length;
    const n = absencesPerYear.count;
    const words =
      count > n
        ? `${plural(count, 'absence')} ${periodWords(absencesPerYear.yearStarts)}, more than the ${n} allowed`
        : `${count} of ${n} allowed absences used ${periodWords(absencesPerYear.yearStarts)}`;
    checks.push(check('absencesPerYear', count, n, count > n, words));
  }
  return checks;
}

/** Whether the practice switched any policy check on (none is, by default). */
export function anyPolicyOn(policies: PolicySettings): boolean {
  return POLICY_KINDS.some((kind) => policies[kind].on);
}

/** Policy checks of every client, from the current entries of the whole record. */
export function policyChecksByClient(
  current: readonly Entry[],
  policies: PolicySettings,
  today: string,
): Map<string, PolicyCheck[]> {
  const out = new Map<string, PolicyCheck[]>();
  if (!anyPolicyOn(policies)) return out;
  const byClient = new Map<string, Entry[]>();
  for (const entry of current) {
    const list = byClient.get(entry.clientId);
    if (list) list.push(entry);
    else byClient.set(entry.clientId, [entry]);
  }
  byClient.forEach((entries, clientId) => out.set(clientId, policyChecks(entries, policies, today)));
  return out;
}

/** A client's checks (the ones switched on), or those of a client with no entries yet. */
export function checksOf(
  checks: ReadonlyMap<string, PolicyCheck[]>,
  clientId: string,
  policies: PolicySettings,
  today: string,
): PolicyCheck[] {
  return checks.get(clientId) ?? policyChecks([], policies, today);
}
