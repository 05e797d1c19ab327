/** getSidebarData: everything the sidebar paints from, in one read of the roster and one of the record. */
import { addDays, firstOfWeeks } from '../core/dates';
import { balanceOf } from '../core/makeUps';
import { hasPlan, minutesPlan, minutesTally } from '../core/minutes';
import { checksOf } from '../core/policies';
import { rosterGroups } from '../core/roster';
import { TO_RECORD_DAYS, scheduleProblem, toRecord } from '../core/schedule';
import { computeTrend } from '../core/trend';
import { recordFigures } from '../core/recordFigures';
import { allEntries, entriesAt, tableOf } from '../core/recordTable';
import { sidebarLists } from '../core/sidebarLists';
import type { RecordTable } from '../core/recordTable';
import type { RecordFigures } from '../core/recordFigures';
import type { Entry, PlannedAbsence, SidebarData } from '../core/types';
import { readAttendance } from './attendanceTab';
import { copyWarnings } from './cadenceTabs';
import { openWorkbook, rememberRoster } from './workbook';
import type { Workbook } from './workbook';

/**
 * The sidebar's data from a workbook already opened and every row of the record already read
 * (superseded ones too: a session's corrections are traced back to it through them), in columns
 * (core/recordTable.ts): each list below is given only the entries it can show or count, made
 * whole then, so a long record costs a pass over its columns, not an object per row.
 */
export function sidebarDataFrom(
  workbook: Workbook,
  table: RecordTable,
  plans: readonly PlannedAbsence[] = [],
  /** The figures of `table`, worked out already (a save refreshes Patterns from the same). */
  given?: RecordFigures,
): SidebarData {
  const { settings, roster } = workbook;
  const figures = given ?? recordFigures(table, settings, workbook.today);
  const { trends, balances, checks, current } = figures;
  const known = new Set(roster.clients.map((c) => c.id));
  // The weeks the Patterns tab can show: its first possible week to today's.
  const since = firstOfWeeks(workbook.today, settings.patternWeeks);
  // To record looks back 3 weeks, and only where the practice keeps schedules.
  const lookBack = settings.schedules.length ? addDays(workbook.today, 1 - TO_RECORD_DAYS) : null;
  const lists = sidebarLists(figures, since, lookBack, roster.clients);
  const plan = minutesPlan(settings.plannedMinutes);
  // Each client's entries of those weeks, only when some client has minutes planned.
  let byClient: Map<string, Entry[]> | null = null;
  const entriesOf = (clientId: string) =>
    (byClient ??= entriesByClient(
      entriesAt(
        table,
        current.filter((i) => table.day[i] >= since),
      ),
    )).get(clientId) ?? [];
  return {
    today: workbook.today,
    timeZone: workbook.timeZone,
    clients: roster.clients.map((client) => ({
      ...client,
      trend: trends.get(client.id) ?? computeTrend([], settings.trend),
      lastEntry: lists.lastEntries.get(client.id) ?? null,
      makeUps: balanceOf(balances, client.id),
      policy: checksOf(checks, client.id, settings.policies, workbook.today),
      minutes: hasPlan(plan, client)
        ? minutesTally(entriesOf(client.id), plan, since, workbook.today, () => client.group)
        : null,
    })),
    groups: rosterGroups(roster.clients),
    reasons: settings.reasons,
    // Follow-ups of clients no longer on the roster cannot be acted on from the sidebar.
    followUps: lists.followUps.filter((f) => known.has(f.clientId)),
    settings,
    roster: roster.view,
    recordedSessions: lists.recordedSessions,
    tabWarnings: copyWarnings(workbook.tabs),
    // Sessions under a name no roster client has (a roster without IDs, a name corrected since).
    unlinked: lists.unlinked,
    toRecord: toRecord({
      schedules: settings.schedules,
      clients: roster.clients,
      entries: lists.recent,
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
  const { table, plans } = readTableAndPlans(workbook);
  return { entries: allEntries(table), plans };
}

/** The record in columns and its planned absences, from the one read (none before the first save). */
export function readTableAndPlans(workbook: Workbook): { table: RecordTable; plans: PlannedAbsence[] } {
  const record = readAttendance(workbook.ss, workbook.tabs, workbook.timeZone, false);
  return record ? { table: record.table, plans: record.plans } : { table: tableOf([]), plans: [] };
}

/** The sidebar's load remembers the roster it found (once it has succeeded), so later calls read only that tab. */
export function getSidebarData(): SidebarData {
  const workbook = openWorkbook();
  const { table, plans } = readTableAndPlans(workbook);
  const data = sidebarDataFrom(workbook, table, plans);
  rememberRoster(workbook);
  return data;
}
