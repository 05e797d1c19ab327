/**
 * Sessions already in the record (DESIGN.md "The server API", `recordedSessions`): what lets the
 * sidebar say "already recorded" before a session is saved twice, and open it to correct it.
 *
 * A session is the rows one saveSession request appended. A correction row carries its own
 * request id, so it is followed back through Replaces to the entry it corrects: it stays in the
 * session it corrects, and a session corrected client by client is still one session.
 */
import { WITHDRAWN } from './types';
import type { Entry, RecordedSession, Status } from './types';

/** The sessions with a current entry dated `since` or later, newest first. */
export function recordedSessions(entries: readonly Entry[], since: string): RecordedSession[] {
  // As linkSuperseded links them, without a copy of the record: what replaces each entry, and a
  // map of only the entries something replaces (a chain of corrections walks back through them).
  const replacedBy = new Map<string, string>();
  for (const entry of entries)
    if (entry.replaces && !replacedBy.has(entry.replaces)) replacedBy.set(entry.replaces, entry.entryId);
  const byId = new Map<string, Entry>();
  if (replacedBy.size > 0)
    for (const entry of entries) if (replacedBy.has(entry.entryId)) byId.set(entry.entryId, entry);
  /** The first entry of a chain of corrections (a loop in a damaged record stops where it began). */
  const original = (entry: Entry): Entry => {
    let at = entry;
    const seen = new Set<string>();
    while (at.replaces && byId.has(at.replaces) && !seen.has(at.entryId)) {
      seen.add(at.entryId);
      at = byId.get(at.replaces) as Entry;
    }
    return at;
  };
  const sessions = new Map<string, RecordedSession>();
  for (const entry of entries) {
    if (entry.status === WITHDRAWN || entry.sessionDate < since || replacedBy.get(entry.entryId)) continue;
    const first = original(entry);
    const key = JSON.stringify([first.requestId || first.entryId, entry.sessionDate, entry.group]);
    let session = sessions.get(key);
    if (!session) {
      session = {
        date: entry.sessionDate,
        group: entry.group,
        clients: [],
        entries: [],
        recordedBy: first.recordedBy,
        recordedAt: first.recordedAt,
      };
      sessions.set(key, session);
    }
    session.clients.push(entry.clientId);
    session.entries.push({
      entryId: entry.entryId,
      clientId: entry.clientId,
      status: entry.status as Status,
      reason: entry.reason,
      notice: entry.notice,
      note: entry.note,
      followUp: entry.followUp,
    });
  }
  // Reversed first: of sessions saved in the same second, the later rows are the newer session.
  return [...sessions.values()]
    .reverse()
    .sort((a, b) =>
      a.date !== b.date
        ? a.date < b.date
          ? 1
          : -1
        : a.recordedAt < b.recordedAt
          ? 1
          : a.recordedAt > b.recordedAt
            ? -1
            : 0,
    );
}
