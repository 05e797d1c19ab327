/**
 * Corrections, withdrawals and follow-ups, strictly append-only: each is a new row naming the entry
 * it changes in its Replaces cell; no row already in the record is ever written again. Which entry
 * is superseded, withdrawn or done is derived from those rows when the record is read
 * (core/record.ts linkSuperseded), so a person sorting the tab mid-change cannot mark the wrong row.
 */
import { HISTORY_LENGTH, clientHistory, trendChanges } from '../core/clientSummary';
import { currentEntries, latestVersion, linkSuperseded } from '../core/record';
import { trendsByClient } from '../core/trend';
import { tableOf } from '../core/recordTable';
import { WITHDRAWN } from '../core/types';
import type { Entry, EntryChangeResult, SaveSessionResult } from '../core/types';
import { validateCorrection, validateSessionCorrection, validateWithdrawal, checkEntryId } from '../core/validation';
import type { MarkFields } from '../core/validation';
import { appendEntries, earlierSave, readAttendance } from './attendanceTab';
import type { AttendanceRecord } from './attendanceTab';
import { provenanceFor, writeRecord } from './recordWrite';
import { sidebarDataFrom } from './sidebarData';
import { openWorkbook } from './workbook';

/** Longest page of history one call answers. */
const MAX_HISTORY_PAGE = 200;

/**
 * That client's entries, newest first, with superseded ones marked: `limit` of them after the
 * first `offset`, so the sidebar pages back through all of them.
 */
export function getClientHistory(clientId: unknown, offset: unknown = 0, limit: unknown = HISTORY_LENGTH): Entry[] {
  if (typeof clientId !== 'string' || !clientId) throw new Error('No client was chosen; pick a client first.');
  const count = (value: unknown, fallback: number, max: number): number =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 ? Math.min(value, max) : fallback;
  const from = count(offset, 0, Number.MAX_SAFE_INTEGER);
  const workbook = openWorkbook();
  const record = readAttendance(workbook.ss, workbook.tabs, workbook.timeZone, false);
  if (!record) return [];
  const all = clientHistory(linkSuperseded(record.entries), clientId, Number.MAX_SAFE_INTEGER);
  return all.slice(from, from + count(limit, HISTORY_LENGTH, MAX_HISTORY_PAGE));
}

const ENTRY_GONE =
  'That entry is no longer in the Attendance tab (was its row deleted?); nothing was changed. Reload the history.';

/** The record's entries with superseded ones linked to what replaced them. */
function linkedEntries(record: AttendanceRecord): Entry[] {
  return linkSuperseded(record.entries);
}

/** The entry, refused when it is not in the record or a later row already corrected or withdrew it. */
function findCurrentEntry(linked: readonly Entry[], entryId: string): Entry {
  const entry = linked.find((e) => e.entryId === entryId);
  if (!entry) throw new Error(ENTRY_GONE);
  if (entry.status === WITHDRAWN)
    throw new Error('That row records a withdrawal; it cannot itself be corrected. Nothing was changed.');
  if (entry.supersededBy)
    throw new Error(
      'That entry was already corrected or withdrawn; reload the history and change the newest version. Nothing was changed.',
    );
  return entry;
}

/** What a change sets on the new version of an entry; the rest (client, session) is the entry's. */
export type Revision = Pick<Entry, 'status' | 'reason' | 'notice' | 'note' | 'followUp' | 'followUpDone'>;

/** One entry to supersede, by Entry ID, with its new content. */
export interface EntryRevision {
  entryId: string;
  revision: Revision;
  /** A new client for the entry: a renamed client's sessions linked to the roster (clientLinks.ts). */
  client?: Pick<Entry, 'clientId' | 'client'>;
}

/**
 * Appends, in one write, a superseding row for each revision: the entry's session and client with
 * the revision's content, new provenance and `Replaces` = the entry. Every entry must be current
 * (checked before anything is written, so a refusal stores nothing). A correction of one entry and
 * of a whole session both come through here.
 */
export function appendSuperseding(
  record: AttendanceRecord,
  revisions: readonly EntryRevision[],
  requestId: string,
): Entry[] {
  const linked = linkedEntries(record);
  const olds = revisions.map(({ entryId }) => findCurrentEntry(linked, entryId));
  const provenance = provenanceFor(requestId);
  const rows: Entry[] = revisions.map(({ revision, client }, i) => ({
    ...olds[i],
    ...client,
    ...provenance(),
    status: revision.status,
    reason: revision.reason,
    notice: revision.notice,
    note: revision.note,
    followUp: revision.followUp,
    followUpDone: revision.followUpDone,
    replaces: olds[i].entryId,
    supersededBy: '',
  }));
  appendEntries(record, rows);
  return rows;
}

/** The content a stored change request wrote, to compare a retry with. */
function sameRevision(stored: Entry, entryId: string, revision: Revision): boolean {
  return (
    stored.replaces === entryId &&
    stored.status === revision.status &&
    stored.reason === revision.reason &&
    stored.notice === revision.notice &&
    stored.note === revision.note &&
    stored.followUp === revision.followUp
  );
}

/**
 * A request already stored answers duplicate when it asks for the same change; the same request
 * id with other content is refused, and what was stored under it stays.
 */
function duplicateOf(
  record: AttendanceRecord,
  requestId: string,
  entryId: string,
  revision: Revision,
): EntryChangeResult | null {
  const earlier = earlierSave(record, requestId);
  if (!earlier) return null;
  const stored = record.entries.find((e) => e.entryId === earlier[0]);
  if (!stored || !sameRevision(stored, entryId, revision)) {
    throw new Error(
      'This change was already saved with different content (the same request sent twice, edited in between); the first version stays in the record. Reload the history to see it, and correct it from there if needed. Nothing was changed.',
    );
  }
  return { entryId: earlier[0], duplicate: true };
}

/** Appends one superseding row (a correction or withdrawal); a retry answers duplicate. */
function reviseEntry(requestId: string, entryId: string, revise: (old: Entry) => Revision): EntryChangeResult {
  const workbook = openWorkbook();
  return writeRecord<EntryChangeResult>(
    workbook,
    (record) => {
      const linked = linkedEntries(record);
      const target = linked.find((e) => e.entryId === entryId);
      // The revision depends on the entry (a kept follow-up date); a retry is compared on what was asked.
      const revision = revise(target ?? ({} as Entry));
      const duplicate = duplicateOf(record, requestId, entryId, revision);
      // changed: Patterns is refreshed, in case the first attempt failed after its row landed.
      if (duplicate) return { result: duplicate, appended: [], changed: true };
      const [row] = appendSuperseding(record, [{ entryId, revision }], requestId);
      return { result: { entryId: row.entryId, duplicate: false }, appended: [row], changed: true };
    },
    ENTRY_GONE,
  );
}

export function correctEntry(request: unknown): EntryChangeResult {
  const workbook = openWorkbook();
  const correction = validateCorrection(request, workbook.settings.maxNoteLength);
  return reviseEntry(correction.requestId, correction.entryId, (old) => ({
    status: correction.status,
    reason: correction.reason,
    notice: correction.notice,
    note: correction.note,
    followUp: correction.followUp,
    // A follow-up already done stays done while the correction still asks for one.
    followUpDone: correction.followUp ? (old.followUpDone ?? '') : '',
  }));
}

export function withdrawEntry(request: unknown): EntryChangeResult {
  const workbook = openWorkbook();
  const withdrawal = validateWithdrawal(request, workbook.settings.maxNoteLength);
  return reviseEntry(withdrawal.requestId, withdrawal.entryId, () => ({
    status: WITHDRAWN,
    reason: '',
    notice: null,
    note: withdrawal.note,
    followUp: false,
    followUpDone: '',
  }));
}

/**
 * Marks a follow-up done today: a new version of the entry with the same content and today in
 * "Follow-up done". Doing it twice (or on an entry whose newest version is done) answers duplicate.
 */
export function completeFollowUp(entryId: unknown): EntryChangeResult {
  const problems: string[] = [];
  const id = checkEntryId(entryId, problems);
  if (problems.length) throw new Error(problems.join(' '));
  const workbook = openWorkbook();
  return writeRecord<EntryChangeResult>(
    workbook,
    (record) => {
      const linked = linkedEntries(record);
      const latest = latestVersion(linked, id);
      if (!latest) throw new Error(ENTRY_GONE);
      if (latest.followUpDone && latest.status !== WITHDRAWN)
        return { result: { entryId: latest.entryId, duplicate: true }, appended: [], changed: false };
      const entry = findCurrentEntry(linked, id);
      if (!entry.followUp) throw new Error('That entry asks for no follow-up; nothing was changed.');
      const [row] = appendSuperseding(
        record,
        [{ entryId: id, revision: { ...entry, followUpDone: workbook.today } }],
        '',
      );
      // A done follow-up changes no trend, so Patterns stays as it is.
      return { result: { entryId: row.entryId, duplicate: false }, appended: [row], changed: false };
    },
    ENTRY_GONE,
  );
}

/** Whether the marks say what the entry already records (a line of a session correction that changes nothing). */
function sameMarks(entry: Entry, marks: MarkFields): boolean {
  return (
    entry.status === marks.status &&
    entry.reason === marks.reason &&
    entry.notice === marks.notice &&
    entry.note === marks.note &&
    entry.followUp === marks.followUp
  );
}

/**
 * A recorded session corrected in one request (issue 12): one superseding row per entry whose
 * marks changed, appended in one write through appendSuperseding; an unchanged line stores
 * nothing. A retry of a stored request answers duplicate; the same id with other content is refused.
 */
export function correctSession(request: unknown): SaveSessionResult {
  const workbook = openWorkbook();
  const { requestId, corrections } = validateSessionCorrection(request, workbook.settings.maxNoteLength);
  return writeRecord<SaveSessionResult>(
    workbook,
    (record) => {
      const existing = record.entries;
      const earlier = earlierSave(record, requestId);
      if (earlier) {
        const stored = existing.filter((e) => earlier.includes(e.entryId));
        const asked = (row: Entry) => corrections.find((c) => c.entryId === row.replaces);
        if (
          !stored.every((row) => {
            const c = asked(row);
            return !!c && sameMarks(row, c);
          })
        ) {
          throw new Error(
            'These corrections were already saved with different content (the same request sent twice, edited in between); the first version stays in the record. Reopen the session to see it. Nothing was changed.',
          );
        }
        // changed: Patterns is refreshed, in case the first attempt failed after its rows landed.
        return {
          result: {
            saved: 0,
            duplicate: true,
            entryIds: earlier,
            trends: [],
            sidebar: sidebarDataFrom(workbook, tableOf(existing), record.plans),
          },
          appended: [],
          changed: true,
        };
      }
      const linked = linkedEntries(record);
      const revisions = corrections.flatMap((c) => {
        const old = findCurrentEntry(linked, c.entryId);
        if (sameMarks(old, c)) return [];
        // A follow-up already done stays done while the correction still asks for one.
        return [
          {
            entryId: c.entryId,
            revision: {
              status: c.status,
              reason: c.reason,
              notice: c.notice,
              note: c.note,
              followUp: c.followUp,
              followUpDone: c.followUp ? old.followUpDone : '',
            },
          },
        ];
      });
      const before = trendsByClient(currentEntries(existing), workbook.settings.trend);
      const rows = revisions.length ? appendSuperseding(record, revisions, requestId) : [];
      const all = existing.concat(rows);
      const after = trendsByClient(currentEntries(all), workbook.settings.trend);
      const touched = workbook.roster.clients.filter((c) => rows.some((r) => r.clientId === c.id));
      return {
        result: {
          saved: rows.length,
          duplicate: false,
          entryIds: rows.map((r) => r.entryId),
          trends: trendChanges(touched, before, after),
          sidebar: sidebarDataFrom(workbook, tableOf(all), record.plans),
        },
        appended: rows,
        changed: rows.length > 0,
      };
    },
    ENTRY_GONE,
  );
}
