/** saveSession: one session's marks appended to the record, once, whatever the retries. */
import { trendChanges } from '../core/clientSummary';
import { makeUpProblem } from '../core/makeUps';
import { balancesIn, recordFigures } from '../core/recordFigures';
import { currentRows, entriesAt, withEntries } from '../core/recordTable';
import type { RecordTable } from '../core/recordTable';
import { sessionsAt, trendsOf } from '../core/trend';
import type { Client, Entry, SaveSessionResult } from '../core/types';
import { requestIdOf, validateSaveSession } from '../core/validation';
import type { CheckedSession, ValidationContext } from '../core/validation';
import { appendEntries, earlierSave, readAttendance } from './attendanceTab';
import type { AttendanceRecord } from './attendanceTab';
import { withDocumentLock } from './documentLock';
import { provenanceFor, writeRecord } from './recordWrite';
import type { Workbook } from './workbook';
import { sidebarDataFrom } from './sidebarData';
import { openWorkbook, rememberRoster } from './workbook';
import { loadDocumentState } from './settingsStore';

/**
 * A retried save answers what the first answer said: entry IDs in the order of the marks, even if
 * the user sorted the tab in between (the record's order is theirs, not the request's).
 */
function inMarkOrder(stored: readonly Entry[], session: CheckedSession, earlier: string[]): string[] {
  const byClient = new Map(stored.map((e) => [e.clientId, e.entryId]));
  const ordered = session.attendance.map((mark) => byClient.get(mark.clientId) ?? '');
  return ordered.every(Boolean) && ordered.length === earlier.length ? ordered : earlier;
}

/** The rows a stored request wrote, in the record's order. */
function storedRows(record: AttendanceRecord, entryIds: readonly string[]): Entry[] {
  const ids = new Set(entryIds);
  return record.entries.filter((e) => ids.has(e.entryId));
}

/** Whether the stored rows hold exactly this session's marks (names may have changed since). */
function sameSession(session: CheckedSession, stored: readonly Entry[]): boolean {
  if (stored.length !== session.attendance.length) return false;
  const byClient = new Map(stored.map((e) => [e.clientId, e]));
  return session.attendance.every((mark) => {
    const e = byClient.get(mark.clientId);
    return (
      !!e &&
      e.sessionDate === session.date &&
      e.group === session.group &&
      e.status === mark.status &&
      e.reason === mark.reason &&
      e.notice === mark.notice &&
      e.note === mark.note &&
      e.followUp === mark.followUp &&
      (e.minutes ?? null) === mark.minutes &&
      (e.makesUpFor ?? '') === mark.makesUpFor
    );
  });
}

/** "2025-03-10: Amy Adams present, Ben Brown unexcused (illness)": what a stored save holds. */
function describe(stored: readonly Entry[]): string {
  const marks = stored.map((e) => `${e.client || e.clientId} ${e.status}${e.reason ? ` (${e.reason})` : ''}`);
  return `${stored[0]?.sessionDate ?? ''}: ${marks.join(', ')}`;
}

/** Roster clients plus those a stored request marked, so a retry is recognised after one left the roster. */
function withStoredClients(clients: ReadonlyMap<string, Client>, stored: readonly Entry[]): Map<string, Client> {
  const all = new Map(clients);
  for (const e of stored)
    if (!all.has(e.clientId))
      all.set(e.clientId, { id: e.clientId, name: e.client || e.clientId, group: e.group, active: false });
  return all;
}

/** Whether the record holds rows of this request id (read only: nothing written). */
function isRetryOfStoredSave(workbook: Workbook, requestId: string): boolean {
  try {
    const stored = readAttendance(workbook.ss, workbook.tabs, workbook.timeZone, false);
    return !!stored && earlierSave(stored, requestId) !== null;
  } catch {
    return false; // a record that cannot be read: the refusal is the clearer message
  }
}

/**
 * A make-up must name a session its client is owed now, in the record as read under the lock
 * (another therapist may have recorded that make-up meanwhile): else nothing is stored.
 */
function refuseUnowedMakeUps(
  session: CheckedSession,
  record: RecordTable,
  workbook: Workbook,
  clients: ReadonlyMap<string, Client>,
): void {
  const makeUps = session.attendance.filter((mark) => mark.makesUpFor);
  if (makeUps.length === 0) return;
  const balances = balancesIn(record, currentRows(record), workbook.settings.makeUps);
  const problems = makeUps
    .map((mark) =>
      makeUpProblem(balances, mark.clientId, mark.makesUpFor, clients.get(mark.clientId)?.name ?? mark.clientId),
    )
    .filter((p): p is string => p !== null);
  if (problems.length) throw new Error(`Nothing was saved. ${problems.join(' ')}`);
}

/**
 * The workbook is opened under the document lock: the one read of properties, tabs, roster and
 * record then serves the whole save (nothing is asked again under the lock), at the cost of a
 * refused request waiting its turn like any other save.
 */
export function saveSession(request: unknown): SaveSessionResult {
  return withDocumentLock(() => saveUnderLock(request));
}

function saveUnderLock(request: unknown): SaveSessionResult {
  // Opened as a save: the roster tab's name as remembered, the metadata not counted (workbook.ts).
  const workbook = openWorkbook(loadDocumentState(), true);
  const result = saveIn(workbook, request, null);
  // A save that succeeded remembers the roster it found, as the sidebar's load does.
  rememberRoster(workbook);
  return result;
}

/**
 * The same save for the Quick entry tab, whose onEdit has opened the workbook to read the form.
 * `alreadyRecorded` refuses (under the lock, so two phones cannot both pass) a session whose date
 * and group already have current entries from another request, with the sentence it makes from
 * their number: a phone cannot open a recorded session to correct it, as the sidebar can.
 */
export function storeSession(
  request: unknown,
  workbook: Workbook,
  alreadyRecorded: (entries: number) => string,
): SaveSessionResult {
  return withDocumentLock(() => saveIn(workbook, request, alreadyRecorded));
}

function saveIn(
  workbook: Workbook,
  request: unknown,
  alreadyRecorded: ((entries: number) => string) | null,
): SaveSessionResult {
  const clients = new Map(workbook.roster.clients.map((c) => [c.id, c]));
  const context: ValidationContext = { clients, today: workbook.today, maxNoteLength: workbook.settings.maxNoteLength };
  // Only a refused request with a valid id goes on, to be recognised if it is a retry of a stored save.
  let session: CheckedSession | null = null;
  let refusal: Error | null = null;
  try {
    session = validateSaveSession(request, context);
  } catch (error) {
    refusal = error as Error;
  }
  const requestId = session?.requestId ?? requestIdOf(request);
  if (refusal && !requestId) throw refusal;
  // A refused request goes on only if it is a retry of a stored save: looked for without writing,
  // so a refusal changes nothing (stored rows are never removed).
  if (refusal && !isRetryOfStoredSave(workbook, requestId)) throw refusal;
  return writeRecord<SaveSessionResult>(
    workbook,
    (record) => {
      const earlier = earlierSave(record, requestId);
      if (earlier) {
        const stored = storedRows(record, earlier);
        const asked =
          session ?? validateSaveSession(request, { ...context, clients: withStoredClients(clients, stored) });
        if (!sameSession(asked, stored)) {
          throw new Error(
            `This save was already stored with different marks (the same request sent again after the form changed); the first version stays in the record: ${describe(stored)}. Nothing more was saved; correct entries from a client's history if needed.`,
          );
        }
        // changed: Patterns is refreshed, in case the first attempt failed after its rows landed.
        return {
          result: {
            saved: 0,
            duplicate: true,
            entryIds: inMarkOrder(stored, asked, earlier),
            trends: [],
            sidebar: sidebarDataFrom(workbook, record.table, record.plans),
          },
          appended: [],
          changed: true,
        };
      }
      if (refusal || !session) throw refusal ?? new Error('Nothing was saved.');
      const checked = session;
      if (alreadyRecorded) {
        const { table } = record;
        const onDay = currentRows(table).filter((i) => table.day[i] === checked.date);
        const recorded = entriesAt(table, onDay).filter(
          (e) => e.group === checked.group && e.requestId !== checked.requestId,
        );
        if (recorded.length > 0) throw new Error(alreadyRecorded(recorded.length));
      }
      const earlierAttempt = checked.retryOf ? earlierSave(record, checked.retryOf) : null;
      if (earlierAttempt) {
        throw new Error(
          `Your earlier attempt of this save was stored after all: ${describe(storedRows(record, earlierAttempt))}. Nothing more was saved; to change it, correct those entries from a client's history.`,
        );
      }
      refuseUnowedMakeUps(checked, record.table, workbook, clients);
      const provenance = provenanceFor(checked.requestId);
      const entries: Entry[] = checked.attendance.map((mark) => ({
        ...provenance(),
        sessionDate: checked.date,
        group: checked.group,
        clientId: mark.clientId,
        client: clients.get(mark.clientId)?.name ?? '',
        status: mark.status,
        reason: mark.reason,
        notice: mark.notice,
        note: mark.note,
        followUp: mark.followUp,
        followUpDone: '',
        replaces: '',
        supersededBy: '',
        minutes: mark.minutes,
        makesUpFor: mark.makesUpFor,
      }));
      // The record with this session's rows and its figures, worked out once for the answer and
      // for Patterns, and before the write, so a failure there stores nothing.
      const table = withEntries(record.table, entries);
      const figures = recordFigures(table, workbook.settings, workbook.today);
      // The marked clients' trends before: their current entries of the record as read (the new
      // rows replace none, so those are the current ones before them).
      const markedIds = new Set(checked.attendance.map((m) => m.clientId));
      const read = record.table;
      const wasCurrent = figures.current.filter((i) => i < read.size && markedIds.has(read.clientId[i]));
      const before = trendsOf(sessionsAt(wasCurrent, read.clientId, read.day, read.status), workbook.settings.trend);
      const marked = workbook.roster.clients.filter((c) => markedIds.has(c.id));
      appendEntries(record, entries);
      return {
        result: {
          saved: entries.length,
          duplicate: false,
          entryIds: entries.map((e) => e.entryId),
          trends: trendChanges(marked, before, figures.trends),
          // What getSidebarData would now answer, from the rows already in memory: no second read.
          sidebar: sidebarDataFrom(workbook, table, record.plans, figures),
        },
        appended: entries,
        changed: true,
        figures,
      };
    },
    refusal ? refusal.message : undefined,
  );
}
