/**
 * The shared shape of every write to the record: take the document lock, look the tabs up again
 * (another writer may have created the record meanwhile), read the record once, change it, refresh
 * Patterns from what is now current, flush and release.
 */
import { currentEntries } from '../core/record';
import type { Entry } from '../core/types';
import { readAttendance } from './attendanceTab';
import type { AttendanceRecord } from './attendanceTab';
import { ATTENDANCE_KEY, cadenceTabs } from './cadenceTabs';
import { withDocumentLock } from './documentLock';
import { refreshPatternsAfterWrite } from './patternsRefresh';
import type { Workbook } from './workbook';

export interface WriteOutcome<T> {
  result: T;
  /** Entries appended by the change; none when it only filled a cell or changed nothing. */
  appended: Entry[];
  /** Whether the record changed, so Patterns needs a refresh. */
  changed: boolean;
}

/**
 * `missing`: for changes to an existing entry, the refusal to give when there is no record at all,
 * rather than creating an empty Attendance tab for a request that is then refused.
 */
export function writeRecord<T>(workbook: Workbook, change: (record: AttendanceRecord) => WriteOutcome<T>, missing?: string): T {
  return withDocumentLock(() => {
    const tabs = cadenceTabs(workbook.ss);
    if (missing !== undefined && !tabs.get(ATTENDANCE_KEY)) throw new Error(missing);
    const record = readAttendance(workbook.ss, tabs, workbook.timeZone, true) as AttendanceRecord;
    const outcome = change(record);
    if (outcome.changed) {
      const all = record.entries.concat(outcome.appended);
      refreshPatternsAfterWrite({ ...workbook, tabs }, currentEntries(all));
    }
    return outcome.result;
  });
}

/** The fields every row Cadence appends carries about who wrote it and when. */
export type Provenance = Pick<Entry, 'entryId' | 'recordedAt' | 'recordedBy' | 'requestId'>;

/**
 * Provenance for the rows of one request: the user and the time are asked once, each row gets its
 * own Entry ID. The user is blank where the domain's policy withholds it (Session.getActiveUser:
 * "returns a blank string", https://developers.google.com/apps-script/reference/base/user#getEmail()).
 */
export function provenanceFor(requestId: string): () => Provenance {
  const recordedAt = new Date().toISOString();
  const recordedBy = Session.getActiveUser().getEmail();
  return () => ({ entryId: Utilities.getUuid(), recordedAt, recordedBy, requestId });
}
