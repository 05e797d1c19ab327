/** getSidebarData: everything the sidebar paints from, in one read of the roster and one of the record. */
import { lastEntryByClient, openFollowUps } from '../core/clientSummary';
import { addDays, firstOfWeeks } from '../core/dates';
import { balanceOf, makeUpBalances } from '../core/makeUps';
import { hasPlan, minutesPlan, minutesTally } from '../core/minutes';
import { checksOf, policyChecksByClient } from '../core/policies';
import { currentEntries } from '../core/record';
import { recordedSessions } from '../core/recordedSessions';
import { rosterGroups } from '../core/roster';
import { TO_RECORD_DAYS, scheduleProblem, toRecord } from '../core/schedule';
import { unlinkedHistories } from '../core/unlinked';
import { computeTrend, trendsByClient } from '../core/trend';
import type { Entry, PlannedAbsence, SidebarData } from '../core/types';
import { readAttendance } from './attendanceTab';
import { copyWarnings } from './cadenceTabs';
import { openWorkbook, rememberRoster } from './workbook';
import type { Workbook } from './workbook';

/**
 * The sidebar's data from a workbook already opened and every row of the record already read
 * (superseded ones too: a session's corrections are traced back to it through them).
 */
export function sidebarDataFrom(
  workbook: Workbook,
  all: readonly Entry[],
  plans: readonly PlannedAbsence[] = [],
  current: Entry[] = currentEntries(all),
): SidebarData {
  const { settings, roster } = workbook;
  const trends = trendsByClient(current, settings.trend);
  const lastEntries = lastEntryByClient(current);
  const known = new Set(roster.clients.map((c) => c.id));
  // The weeks the Patterns tab can show: its first possible week to today's.
  const since = firstOfWeeks(workbook.today, settings.patternWeeks);
  // Make-ups, policy checks and minutes from the same rows: no call more than the trends need.
  const balances = makeUpBalances(all, settings.makeUps, current);
  const checks = policyChecksByClient(current, settings.policies, workbook.today);
  const plan = minutesPlan(settings.plannedMinutes);
  const byClient = entriesByClient(current);
  return {
    today: workbook.today,
    timeZone: workbook.timeZone,
    clients: roster.clients.map((client) => ({
      ...client,
      trend: trends.get(client.id) ?? computeTrend([], settings.trend),
      lastEntry: lastEntries.get(client.id) ?? null,
      makeUps: balanceOf(balances, client.id),
      policy: checksOf(checks, client.id, settings.policies, workbook.today),
      minutes: hasPlan(plan, client)
        ? minutesTally(byClient.get(client.id) ?? [], plan, since, workbook.today, () => client.group)
        : null,
    })),
    groups: rosterGroups(roster.clients),
    reasons: settings.reasons,
    // Follow-ups of clients no longer on the roster cannot be acted on from the sidebar.
    followUps: openFollowUps(current).filter((f) => known.has(f.clientId)),
    settings,
    roster: roster.view,
    recordedSessions: recordedSessions(all, since),
    tabWarnings: copyWarnings(workbook.tabs),
    unlinked: unlinkedHistories(current, roster.clients),
    toRecord: toRecord({
      schedules: settings.schedules,
      clients: roster.clients,
      entries: current,
      today: workbook.today,
      absences: plans,
    }),
    scheduleWarnings: settings.schedules
      .map((s) => scheduleProblem(s, roster.clients))
      .filter((problem): problem is string => problem !== null),
    // Plans of clients on the roster that are not long over (the form shows them when their day comes).
    plannedAbsences: plans.filter((p) => known.has(p.clientId) && p.to >= addDays(workbook.today, -TO_RECORD_DAYS)),
  };
}

function entriesByClient(current: readonly Entry[]): Map<string, Entry[]> {
  const out = new Map<string, Entry[]>();
  for (const entry of current) {
    const list = out.get(entry.clientId);
    if (list) list.push(entry);
    else out.set(entry.clientId, [entry]);
  }
  return out;
}

/** Every entry of the record as it stands, superseded ones included (none before the first save). */
export function readAllEntries(workbook: Workbook): Entry[] {
  return readEntriesAndPlans(workbook).entries;
}

/** The record's entries and its planned absences, from the one read. */
export function readEntriesAndPlans(workbook: Workbook): { entries: Entry[]; plans: PlannedAbsence[] } {
  const record = readAttendance(workbook.ss, workbook.tabs, workbook.timeZone, false);
  return record ? { entries: record.entries, plans: record.plans } : { entries: [], plans: [] };
}

/** Current entries of the record as it stands. */
export function readCurrentEntries(workbook: Workbook): Entry[] {
  return currentEntries(readAllEntries(workbook));
}

/** The sidebar's load remembers the roster it found (once it has succeeded), so later calls read only that tab. */
export function getSidebarData(): SidebarData {
  const workbook = openWorkbook();
  const { entries, plans } = readEntriesAndPlans(workbook);
  const data = sidebarDataFrom(workbook, entries, plans);
  rememberRoster(workbook);
  return data;
}
