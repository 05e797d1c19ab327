/**
 * Corrections, withdrawals and follow-ups: an entry is found by its Entry ID under the lock (never
 * by a remembered row), and its row's content is never changed — a correction appends a new row
 * and only fills the old row's empty "Superseded by" cell.
 */
import { HISTORY_LENGTH, clientHistory } from '../core/clientSummary';
import { linkSuperseded } from '../core/record';
import type { RecordRow } from '../core/record';
import { asCellText } from '../core/text';
import { WITHDRAWN } from '../core/types';
import type { Entry, EntryChangeResult } from '../core/types';
import { validateCorrection, validateWithdrawal, checkEntryId } from '../core/validation';
import { appendEntries, earlierSave, fillEmptyCell, readAttendance } from './attendanceTab';
import type { AttendanceRecord } from './attendanceTab';
import { dateWriter } from './spreadsheetTime';
import { provenanceFor, writeRecord } from './recordWrite';
import type { WriteOutcome } from './recordWrite';
import { openWorkbook } from './workbook';
import type { Workbook } from './workbook';

/** That client's latest entries, newest first, with superseded ones marked. */
export function getClientHistory(clientId: unknown): Entry[] {
  if (typeof clientId !== 'string' || !clientId) throw new Error('No client was chosen; pick a client first.');
  const workbook = openWorkbook();
  const record = readAttendance(workbook.ss, workbook.tabs, workbook.timeZone, false);
  if (!record) return [];
  return clientHistory(linkSuperseded(record.entries.map((r) => r.entry)), clientId, HISTORY_LENGTH);
}

const ENTRY_GONE = 'That entry is no longer in the Attendance tab (was its row deleted?); nothing was changed. Reload the history.';

function findEntry(record: AttendanceRecord, entryId: string): RecordRow {
  const row = record.entries.find((r) => r.entry.entryId === entryId);
  if (!row) throw new Error(ENTRY_GONE);
  return row;
}

/** The entry, refused when a later row already corrected or withdrew it. */
function findCurrentEntry(record: AttendanceRecord, entryId: string): RecordRow {
  const row = findEntry(record, entryId);
  const linked = linkSuperseded(record.entries.map((r) => r.entry)).find((e) => e.entryId === entryId) as Entry;
  if (linked.status === WITHDRAWN) throw new Error('That row records a withdrawal; it cannot itself be corrected. Nothing was changed.');
  if (linked.supersededBy) throw new Error('That entry was already corrected or withdrawn; reload the history and change the newest version. Nothing was changed.');
  return row;
}

/** Appends `replacement` for `old` and marks the old row superseded. */
function supersede(workbook: Workbook, record: AttendanceRecord, old: RecordRow, replacement: Entry): WriteOutcome<EntryChangeResult> {
  appendEntries(record, [replacement]);
  fillEmptyCell(record, old, 'supersededBy', asCellText(replacement.entryId));
  return { result: { entryId: replacement.entryId, duplicate: false }, appended: [replacement], changed: true };
}

/**
 * A request already stored answers duplicate, and completes what a failure may have interrupted
 * after its row was appended: the superseded row's empty "Superseded by" cell, and Patterns.
 */
function duplicateOf(record: AttendanceRecord, requestId: string): WriteOutcome<EntryChangeResult> | null {
  const earlier = earlierSave(record, requestId);
  if (!earlier) return null;
  const replacement = record.entries.find((r) => r.entry.entryId === earlier[0]);
  const old = replacement?.entry.replaces ? record.entries.find((r) => r.entry.entryId === replacement.entry.replaces) : undefined;
  if (replacement && old && !old.entry.supersededBy) fillEmptyCell(record, old, 'supersededBy', asCellText(replacement.entry.entryId));
  return { result: { entryId: earlier[0], duplicate: true }, appended: [], changed: true };
}

export function correctEntry(request: unknown): EntryChangeResult {
  const workbook = openWorkbook();
  const correction = validateCorrection(request, workbook.settings.maxNoteLength);
  return writeRecord(workbook, (record) => {
    const duplicate = duplicateOf(record, correction.requestId);
    if (duplicate) return duplicate;
    const old = findCurrentEntry(record, correction.entryId);
    return supersede(workbook, record, old, {
      ...old.entry,
      ...provenanceFor(correction.requestId)(),
      status: correction.status,
      reason: correction.reason,
      notice: correction.notice,
      note: correction.note,
      followUp: correction.followUp,
      followUpDone: '',
      replaces: old.entry.entryId,
      supersededBy: '',
    });
  }, ENTRY_GONE);
}

export function withdrawEntry(request: unknown): EntryChangeResult {
  const workbook = openWorkbook();
  const withdrawal = validateWithdrawal(request, workbook.settings.maxNoteLength);
  return writeRecord(workbook, (record) => {
    const duplicate = duplicateOf(record, withdrawal.requestId);
    if (duplicate) return duplicate;
    const old = findCurrentEntry(record, withdrawal.entryId);
    return supersede(workbook, record, old, {
      ...old.entry,
      ...provenanceFor(withdrawal.requestId)(),
      status: WITHDRAWN,
      reason: '',
      notice: null,
      note: withdrawal.note,
      followUp: false,
      followUpDone: '',
      replaces: old.entry.entryId,
      supersededBy: '',
    });
  }, ENTRY_GONE);
}

/** Marks a follow-up done today; doing it twice answers duplicate and changes nothing. */
export function completeFollowUp(entryId: unknown): EntryChangeResult {
  const problems: string[] = [];
  const id = checkEntryId(entryId, problems);
  if (problems.length) throw new Error(problems.join(' '));
  const workbook = openWorkbook();
  return writeRecord<EntryChangeResult>(workbook, (record) => {
    const row = findEntry(record, id);
    if (row.entry.followUpDone) return { result: { entryId: id, duplicate: true }, appended: [], changed: false };
    if (!row.entry.followUp) throw new Error('That entry asks for no follow-up; nothing was changed.');
    fillEmptyCell(record, row, 'followUpDone', dateWriter(workbook.timeZone).day(workbook.today));
    // A done follow-up changes no trend, so Patterns stays as it is.
    return { result: { entryId: id, duplicate: false }, appended: [], changed: false };
  }, ENTRY_GONE);
}
