/** saveSession: one session's marks appended to the record, once, whatever the retries. */
import { trendChanges } from '../core/clientSummary';
import { currentEntries } from '../core/record';
import { trendsByClient } from '../core/trend';
import type { Entry, SaveSessionResult } from '../core/types';
import { validateSaveSession } from '../core/validation';
import type { CheckedSession } from '../core/validation';
import { appendEntries, earlierSave } from './attendanceTab';
import type { AttendanceRecord } from './attendanceTab';
import { provenanceFor, writeRecord } from './recordWrite';
import { openWorkbook } from './workbook';

/**
 * A retried save answers what the first answer said: entry IDs in the order of the marks, even if
 * the user sorted the tab in between (the record's order is theirs, not the request's).
 */
function inMarkOrder(record: AttendanceRecord, session: CheckedSession, earlier: string[]): string[] {
  const stored = new Set(earlier);
  const byClient = new Map<string, string>();
  for (const { entry } of record.entries) if (stored.has(entry.entryId)) byClient.set(entry.clientId, entry.entryId);
  const ordered = session.attendance.map((mark) => byClient.get(mark.clientId) ?? '');
  return ordered.every(Boolean) && ordered.length === earlier.length ? ordered : earlier;
}

export function saveSession(request: unknown): SaveSessionResult {
  const workbook = openWorkbook();
  const clients = new Map(workbook.roster.clients.map((c) => [c.id, c]));
  // Validation needs no lock: a refusal stores nothing and should not make others wait.
  const session = validateSaveSession(request, { clients, today: workbook.today, maxNoteLength: workbook.settings.maxNoteLength });
  return writeRecord<SaveSessionResult>(workbook, (record) => {
    const earlier = earlierSave(record, session.requestId);
    // changed: Patterns is refreshed, in case the first attempt failed after its rows landed.
    if (earlier) return { result: { saved: 0, duplicate: true, entryIds: inMarkOrder(record, session, earlier), trends: [] }, appended: [], changed: true };
    const provenance = provenanceFor(session.requestId);
    const entries: Entry[] = session.attendance.map((mark) => ({
      ...provenance(),
      sessionDate: session.date,
      group: session.group,
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
    }));
    // Trends before and after are computed before the write, so a failure there stores nothing.
    const existing = record.entries.map((r) => r.entry);
    const before = trendsByClient(currentEntries(existing), workbook.settings.trend);
    const after = trendsByClient(currentEntries(existing.concat(entries)), workbook.settings.trend);
    const marked = workbook.roster.clients.filter((c) => session.attendance.some((m) => m.clientId === c.id));
    appendEntries(record, entries);
    return {
      result: { saved: entries.length, duplicate: false, entryIds: entries.map((e) => e.entryId), trends: trendChanges(marked, before, after) },
      appended: entries,
      changed: true,
    };
  });
}
