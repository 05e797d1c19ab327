/**
 * Client identity without an ID column. Two actions, each only when the user asks for it:
 * - addCadenceIds: one "Cadence ID" column added at the right of the roster's data, a short ID on
 *   each client's row (the only change Cadence ever makes to a roster), and the sessions already
 *   recorded under the clients' names linked to their new IDs;
 * - linkClientHistory: the sessions recorded under a name no longer on the roster (a corrected
 *   spelling) linked to a client who is.
 * A link is a new version of each entry (appendSuperseding) carrying the client's ID and name and
 * naming the entry it replaces: the record stays append-only and the old rows keep what they said.
 */
import { currentEntries } from '../core/record';
import { isPlainObject } from '../core/validation';
import type { Client, Entry, SidebarData } from '../core/types';
import { earlierSave } from './attendanceTab';
import type { AttendanceRecord } from './attendanceTab';
import { ATTENDANCE_KEY } from './cadenceTabs';
import { withDocumentLock } from './documentLock';
import { appendSuperseding } from './entryChanges';
import type { EntryRevision } from './entryChanges';
import { writeRecord } from './recordWrite';
import { getSidebarData } from './sidebarData';
import { openWorkbook } from './workbook';
import type { Workbook } from './workbook';
import type { RosterLocation } from './patternsTab';

export const CADENCE_ID_HEADER = 'Cadence ID';

function requestIdOf(request: unknown): string {
  const id = isPlainObject(request) && typeof request.requestId === 'string' ? request.requestId.trim() : '';
  if (!id || id.length > 200)
    throw new Error('The sidebar sent no request id; reload it and try again. Nothing was changed.');
  return id;
}

/** New versions of `from`'s current entries under `to` (its ID and roster name). */
function relinked(
  record: AttendanceRecord,
  from: ReadonlySet<string>,
  to: (clientId: string) => Client,
): EntryRevision[] {
  return currentEntries(record.entries)
    .filter((e) => from.has(e.clientId))
    .map((e: Entry) => {
      const client = to(e.clientId);
      return {
        entryId: e.entryId,
        revision: {
          status: e.status,
          reason: e.reason,
          notice: e.notice,
          note: e.note,
          followUp: e.followUp,
          followUpDone: e.followUpDone,
        },
        client: { clientId: client.id, client: client.name },
      };
    });
}

/**
 * Links the sessions recorded under a name that is no longer on the roster to a roster client.
 * A retry of the same request answers the fresh data without linking twice.
 */
export function linkClientHistory(request: unknown): SidebarData {
  const requestId = requestIdOf(request);
  const from = isPlainObject(request) && typeof request.fromClientId === 'string' ? request.fromClientId : '';
  const toId = isPlainObject(request) && typeof request.toClientId === 'string' ? request.toClientId : '';
  const workbook = openWorkbook();
  const to = workbook.roster.clients.find((c) => c.id === toId);
  if (!to) throw new Error('Choose the client on the roster to link these sessions to. Nothing was changed.');
  if (workbook.roster.clients.some((c) => c.id === from))
    throw new Error(`"${from}" is on the roster: its sessions are already that client's. Nothing was changed.`);
  writeRecord(
    workbook,
    (record) => {
      if (earlierSave(record, requestId)) return { result: null, appended: [], changed: false };
      const revisions = relinked(record, new Set([from]), () => to);
      if (revisions.length === 0)
        throw new Error('No sessions are recorded under that name any more; nothing was linked.');
      const appended = appendSuperseding(record, revisions, requestId);
      return { result: null, appended, changed: true };
    },
    'No sessions are recorded yet; nothing was linked.',
  );
  return getSidebarData();
}

/** "CAD-0001" … for the nth client in roster order; wide enough for the roster's size. */
function cadenceId(n: number, count: number): string {
  return `CAD-${String(n).padStart(Math.max(4, String(count).length), '0')}`;
}

/**
 * Writes the column (called under the lock). The heading row is read again first: a second click,
 * or another user, may have added the column since the roster was read; then nothing is written.
 */
function writeIdColumn(workbook: Workbook): Map<string, Client> | null {
  const { roster } = workbook;
  const location = roster.location as RosterLocation;
  const sheet = location.sheet;
  const lastColumn = sheet.getLastColumn();
  const headings = sheet.getRange(location.headerRow, 1, 1, lastColumn).getValues()[0];
  if (headings.some((h) => String(h).trim() === CADENCE_ID_HEADER)) return null;
  const column = lastColumn + 1;
  if (column > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), column - sheet.getMaxColumns());
  const lastRow = Math.max(0, ...roster.rows) + 1;
  const cells: string[][] = Array.from({ length: lastRow + 1 }, () => ['']);
  cells[0][0] = CADENCE_ID_HEADER;
  const byOldId = new Map<string, Client>();
  roster.clients.forEach((client, i) => {
    const id = cadenceId(i + 1, roster.clients.length);
    cells[roster.rows[i] + 1][0] = id;
    byOldId.set(client.id, { ...client, id });
  });
  sheet.getRange(location.headerRow, column, cells.length, 1).setValues(cells);
  return byOldId;
}

/**
 * Adds the "Cadence ID" column the user asked for and, in the same locked execution, links the
 * sessions recorded under each client's name to the new ID.
 */
export function addCadenceIds(request: unknown): SidebarData {
  const requestId = requestIdOf(request);
  const workbook = openWorkbook();
  const { roster } = workbook;
  if (!roster.location)
    throw new Error('No roster was found, so there is nothing to add IDs to. Choose the roster in Settings first.');
  if (roster.location.idColumn !== null)
    throw new Error(`The roster already has an ID column ("${roster.view.idHeader}"); nothing was added.`);
  if (!workbook.tabs.get(ATTENDANCE_KEY)) {
    withDocumentLock(() => writeIdColumn(workbook));
  } else {
    writeRecord(workbook, (record) => {
      if (earlierSave(record, requestId)) return { result: null, appended: [], changed: false };
      const byOldId = writeIdColumn(workbook);
      const revisions = byOldId ? relinked(record, new Set(byOldId.keys()), (old) => byOldId.get(old) as Client) : [];
      if (revisions.length === 0) return { result: null, appended: [], changed: false };
      return { result: null, appended: appendSuperseding(record, revisions, requestId), changed: true };
    });
  }
  return getSidebarData();
}
