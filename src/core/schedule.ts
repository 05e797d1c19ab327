/**
 * Expected sessions (issue 17): when each group or individual client meets, which of those
 * sessions have no entry yet ("To record"), and which weeks of a client's Patterns row were
 * scheduled but never recorded. Days are YYYY-MM-DD in the spreadsheet's time zone, so a weekday
 * is the same whatever the zone of the script or the reader and whatever daylight saving does:
 * the arithmetic is on calendar days (dates.ts), never on instants.
 */
import { addDays, daysBetween, isIsoDate, weekStart } from './dates';
import { WEEKDAYS } from './types';
import type { Client, DaySpan, Entry, Schedule, ToRecord, Weekday } from './types';

/** How far back "To record" looks: today and the 3 weeks before it. */
export const TO_RECORD_DAYS = 21;

/** Most schedules a practice keeps: each is small, and all share the settings property. */
export const MAX_SCHEDULES = 60;
const MAX_BREAKS = 20;

/** Groups are the same group whatever their case and spacing ("Choir " is "choir"). */
export function groupKey(group: string): string {
  return group.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The weekday of a day ('mon'…'sun'). */
export function weekdayOf(day: string): Weekday {
  return WEEKDAYS[daysBetween(weekStart(day), day)];
}

const inSpan = (day: string, span: { from?: string; to?: string }): boolean =>
  (!span.from || day >= span.from) && (!span.to || day <= span.to);

/** Whether the schedule expects a session on this day (its weekdays, its span, not in a break). */
export function scheduledOn(schedule: Schedule, day: string): boolean {
  return (
    schedule.weekdays.includes(weekdayOf(day)) &&
    inSpan(day, schedule) &&
    !(schedule.breaks ?? []).some((b) => inSpan(day, b))
  );
}

/**
 * Why a schedule no longer applies, or null: its group has no active client on the roster (renamed
 * or emptied), or its client is gone or discharged. Such a schedule lists nothing to record; the
 * sidebar says so, so the practice can pick the new name.
 */
export function scheduleProblem(schedule: Schedule, clients: readonly Client[]): string | null {
  if (schedule.group !== undefined) {
    const key = groupKey(schedule.group);
    if (clients.some((c) => c.active && groupKey(c.group) === key)) return null;
    return `No active client is in the group "${schedule.group}" on the roster (renamed?): its schedule lists nothing to record until you choose the group again in Settings.`;
  }
  const client = clients.find((c) => c.id === schedule.clientId);
  if (client?.active) return null;
  return client
    ? `${client.name} is not active on the roster: their schedule lists nothing to record.`
    : `A client's schedule names someone no longer on the roster: it lists nothing to record until you remove it in Settings.`;
}

/** What the record holds, indexed once: each day's groups and clients with an entry. */
interface RecordedDays {
  groups: Map<string, Set<string>>;
  clients: Map<string, Set<string>>;
}

/** Days from `since` on only: the look-back is 3 weeks, the record may hold years. */
function recordedDays(entries: readonly Entry[], since: string): RecordedDays {
  const groups = new Map<string, Set<string>>();
  const clients = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, day: string, key: string) => {
    let set = map.get(day);
    if (!set) map.set(day, (set = new Set()));
    set.add(key);
  };
  for (const e of entries) {
    if (e.sessionDate < since) continue;
    if (e.group) add(groups, e.sessionDate, groupKey(e.group));
    add(clients, e.sessionDate, e.clientId);
  }
  return { groups, clients };
}

/**
 * A group's session is recorded when an entry of that day names the group, or names any client now
 * in it: the roster's group may have been renamed since the session was saved under the old name.
 */
function groupRecorded(day: string, group: string, members: readonly Client[], done: RecordedDays): boolean {
  if (done.groups.get(day)?.has(groupKey(group))) return true;
  const clients = done.clients.get(day);
  return !!clients && members.some((c) => clients.has(c.id));
}

export interface ToRecordInput {
  schedules: readonly Schedule[];
  clients: readonly Client[];
  /** Current entries. */
  entries: readonly Entry[];
  today: string;
  /** Clients' planned absences, current ones only: an individual session inside one is not missing. */
  absences?: readonly ({ clientId: string } & DaySpan)[];
}

/**
 * Scheduled sessions with no entry yet, today's first, then each earlier day of the last 3 weeks,
 * newest first; within a day, groups before individual clients, in the schedules' order.
 */
export function toRecord(input: ToRecordInput): ToRecord[] {
  const { schedules, clients, entries, today } = input;
  const live = schedules.filter((s) => scheduleProblem(s, clients) === null);
  if (live.length === 0) return [];
  const done = recordedDays(entries, addDays(today, 1 - TO_RECORD_DAYS));
  const membersOf = new Map<string, Client[]>();
  for (const s of live) {
    if (s.group === undefined) continue;
    const key = groupKey(s.group);
    if (!membersOf.has(key))
      membersOf.set(
        key,
        clients.filter((c) => c.active && groupKey(c.group) === key),
      );
  }
  const away = (clientId: string, day: string) =>
    (input.absences ?? []).some((a) => a.clientId === clientId && inSpan(day, a));
  const out: ToRecord[] = [];
  for (let back = 0; back < TO_RECORD_DAYS; back += 1) {
    const day = addDays(today, -back);
    const seen = new Set<string>();
    for (const s of live) {
      if (s.group === undefined || !scheduledOn(s, day)) continue;
      const key = groupKey(s.group);
      if (seen.has(key)) continue;
      seen.add(key);
      const members = membersOf.get(key)!;
      if (!groupRecorded(day, s.group, members, done)) out.push({ date: day, group: members[0].group });
    }
    for (const s of live) {
      if (s.clientId === undefined || !scheduledOn(s, day) || seen.has(s.clientId)) continue;
      seen.add(s.clientId);
      if (done.clients.get(day)?.has(s.clientId) || away(s.clientId, day)) continue;
      out.push({ date: day, clientId: s.clientId });
    }
  }
  return out;
}

/**
 * The days of `weeks` (Mondays) on which `client` had a session scheduled, on or before today and
 * not before the client's first entry (before it they were not yet coming), with no entry of theirs:
 * the Patterns tab marks those weeks as unrecorded, and no rate counts them.
 */
export function unrecordedWeeks(
  client: Client,
  ownDays: ReadonlySet<string>,
  firstDay: string | null,
  schedules: readonly Schedule[],
  weeks: readonly string[],
  today: string,
  /** The client's planned absences: their days are not missing, as in To record. */
  away: readonly DaySpan[] = [],
): Set<string> {
  const out = new Set<string>();
  if (firstDay === null) return out;
  const mine = schedules.filter((s) =>
    s.group !== undefined
      ? groupKey(s.group) === groupKey(client.group) && client.group !== ''
      : s.clientId === client.id,
  );
  if (mine.length === 0) return out;
  for (const week of weeks) {
    for (let d = 0; d < 7; d += 1) {
      const day = addDays(week, d);
      if (day > today || day < firstDay || away.some((a) => inSpan(day, a))) continue;
      if (mine.some((s) => scheduledOn(s, day)) && !ownDays.has(day)) {
        out.add(week);
        break;
      }
    }
  }
  return out;
}

/** Why a schedule as sent cannot be kept, or null. */
function scheduleShapeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'A schedule is not valid.';
  const s = value as Record<string, unknown>;
  const group = typeof s.group === 'string' ? s.group.trim() : undefined;
  const clientId = typeof s.clientId === 'string' ? s.clientId.trim() : undefined;
  if ((group === undefined) === (clientId === undefined) || (group ?? clientId) === '')
    return 'Each schedule needs a group or one client, not both.';
  if ((group ?? clientId ?? '').length > 200) return 'A schedule names a group or client too long to keep.';
  if (
    !Array.isArray(s.weekdays) ||
    s.weekdays.length === 0 ||
    !s.weekdays.every((d) => (WEEKDAYS as readonly unknown[]).includes(d))
  )
    return `The schedule of ${group ?? 'a client'} needs at least one weekday.`;
  for (const key of ['from', 'to'] as const) {
    if (s[key] !== undefined && s[key] !== '' && !isIsoDate(s[key]))
      return `The schedule of ${group ?? 'a client'} has a start or end that is not a date.`;
  }
  if (isIsoDate(s.from) && isIsoDate(s.to) && s.to < s.from)
    return `The schedule of ${group ?? 'a client'} ends before it starts.`;
  if (s.breaks !== undefined) {
    if (!Array.isArray(s.breaks) || s.breaks.length > MAX_BREAKS)
      return `Keep at most ${MAX_BREAKS} breaks per schedule.`;
    for (const b of s.breaks as unknown[]) {
      const span = b as Record<string, unknown> | null;
      if (!span || !isIsoDate(span.from) || !isIsoDate(span.to) || span.to < span.from)
        return `A break in the schedule of ${group ?? 'a client'} needs a first and a last day, in that order.`;
    }
  }
  return null;
}

/**
 * The schedules as sent, cleaned (text trimmed, weekdays in week order, blank ends dropped), or the
 * first problem in the user's words.
 */
export function readSchedules(value: unknown): Schedule[] | string {
  if (!Array.isArray(value)) return 'The schedules are not valid.';
  if (value.length > MAX_SCHEDULES) return `Keep at most ${MAX_SCHEDULES} schedules.`;
  const out: Schedule[] = [];
  for (const item of value) {
    const problem = scheduleShapeProblem(item);
    if (problem) return problem;
    const s = item as Record<string, unknown>;
    const schedule: Schedule =
      typeof s.group === 'string'
        ? { group: s.group.trim(), weekdays: [] }
        : { clientId: String(s.clientId).trim(), weekdays: [] };
    schedule.weekdays = WEEKDAYS.filter((d) => (s.weekdays as unknown[]).includes(d));
    if (isIsoDate(s.from)) schedule.from = s.from;
    if (isIsoDate(s.to)) schedule.to = s.to;
    const breaks = ((s.breaks as DaySpan[] | undefined) ?? []).map((b) => ({ from: b.from, to: b.to }));
    if (breaks.length) schedule.breaks = breaks;
    out.push(schedule);
  }
  return out;
}
