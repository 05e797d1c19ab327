/** getSidebarData: everything the sidebar paints from, in one read of the roster and one of the record. */
import { lastEntryByClient, openFollowUps } from '../core/clientSummary';
import { currentEntries } from '../core/record';
import { rosterGroups } from '../core/roster';
import { computeTrend, trendsByClient } from '../core/trend';
import type { Entry, SidebarData } from '../core/types';
import { readAttendance } from './attendanceTab';
import { openWorkbook } from './workbook';
import type { Workbook } from './workbook';

/** The sidebar's data from a workbook already opened and the current entries already known. */
export function sidebarDataFrom(workbook: Workbook, current: Entry[]): SidebarData {
  const { settings, roster } = workbook;
  const trends = trendsByClient(current, settings.trend);
  const lastEntries = lastEntryByClient(current);
  const known = new Set(roster.clients.map((c) => c.id));
  return {
    today: workbook.today,
    timeZone: workbook.timeZone,
    clients: roster.clients.map((client) => ({
      ...client,
      trend: trends.get(client.id) ?? computeTrend([], settings.trend),
      lastEntry: lastEntries.get(client.id) ?? null,
    })),
    groups: rosterGroups(roster.clients),
    reasons: settings.reasons,
    // Follow-ups of clients no longer on the roster cannot be acted on from the sidebar.
    followUps: openFollowUps(current).filter((f) => known.has(f.clientId)),
    settings,
    roster: roster.view,
  };
}

/** Current entries of the record as it stands (none before the first save). */
export function readCurrentEntries(workbook: Workbook): Entry[] {
  const record = readAttendance(workbook.ss, workbook.tabs, workbook.timeZone, false);
  return record ? currentEntries(record.entries) : [];
}

export function getSidebarData(): SidebarData {
  const workbook = openWorkbook();
  return sidebarDataFrom(workbook, readCurrentEntries(workbook));
}
