/**
 * The shared shape of every write to the record: take the document lock (or run under the one the
 * caller took before opening the workbook), look the tabs up again if the workbook was opened
 * before it (another writer may have created the record meanwhile), read the record once, change
 * it, refresh Patterns from what is now current, flush and release.
 */
import { recordFigures } from '../core/recordFigures';
import type { RecordFigures } from '../core/recordFigures';
import { withEntries } from '../core/recordTable';
import type { RecordTable } from '../core/recordTable';
import type { Entry, PlannedAbsence } from '../core/types';
import { checkAppended, readAttendance } from './attendanceTab';
import type { AttendanceRecord } from './attendanceTab';
import { ATTENDANCE_KEY, cadenceTabs, rememberTabs } from './cadenceTabs';
import type { CadenceTabs } from './cadenceTabs';
import { withDocumentLock, writesApplied } from './documentLock';
import { layoutState, rememberLayout } from './layoutMemory';
import { loadDocumentState } from './settingsStore';
import { refreshPatternsAfterWrite } from './patternsRefresh';
import type { Workbook } from './workbook';

export interface WriteOutcome<T> {
  result: T;
  /** Entries appended by the change; none when it only filled a cell or changed nothing. */
  appended: Entry[];
  /** Whether the record changed, so Patterns needs a refresh. */
  changed: boolean;
  /** The planned absences after the change, when it changed them (Patterns is drawn with them). */
  plans?: PlannedAbsence[];
  /** The figures of the record after the change, when the change worked them out for its answer. */
  figures?: RecordFigures;
}

/**
 * `missing`: for changes to an existing entry, the refusal to give when there is no record at all,
 * rather than creating an empty Attendance tab for a request that is then refused.
 */
export function writeRecord<T>(
  workbook: Workbook,
  change: (record: AttendanceRecord) => WriteOutcome<T>,
  missing?: string,
): T {
  return withDocumentLock(() => {
    const tabs = tabsUnderLock(workbook);
    if (missing !== undefined && !tabs.get(ATTENDANCE_KEY)) throw new Error(missing);
    try {
      const record = readAttendance(workbook.ss, tabs, workbook.timeZone, true) as AttendanceRecord;
      const outcome = protectedSaysSo(
        () => change(record),
        () => record.sheet.getName(),
      );
      let refreshFailed: unknown = null;
      const plans = outcome.plans ?? record.plans;
      const figuresOf = (table: RecordTable) => recordFigures(table, workbook.settings, workbook.today);
      if (outcome.changed) {
        try {
          const figures = outcome.figures ?? figuresOf(withEntries(record.table, outcome.appended));
          refreshPatternsAfterWrite({ ...workbook, tabs }, figures, plans);
        } catch (error) {
          refreshFailed = error;
        }
      }
      // The appended rows are checked last, so that check's read of row 1 is the last call.
      let settled: boolean;
      try {
        settled = protectedSaysSo(
          () => checkAppended(record),
          () => record.sheet.getName(),
        );
      } catch (error) {
        // The new rows were taken out again: Patterns shows the record without them.
        if (outcome.changed && outcome.appended.length && !refreshFailed)
          refreshPatternsAfterWrite({ ...workbook, tabs }, figuresOf(record.table), plans);
        throw error;
      }
      if (refreshFailed) throw refreshFailed;
      // What the look-ups found through metadata, only once the change succeeded: a refusal
      // leaves the document as it was (its properties too).
      if (tabs.layout) rememberLayout(tabs.layout);
      if (settled) writesApplied();
      return outcome.result;
    } finally {
      // A tab made or found by its tag is remembered even when the change was then refused.
      rememberTabs(tabs);
    }
  });
}

/**
 * Sheets refuses a script's write into a protected range or sheet the user may not edit ("You are
 * trying to edit a protected cell or object...", https://developers.google.com/apps-script/reference/spreadsheet/protection):
 * the change writes its rows in one call, so nothing was stored; say which tab and what to do.
 */
function protectedSaysSo<T>(change: () => T, tabName: () => string): T {
  try {
    return change();
  } catch (error) {
    if (!/protected cell or object/i.test(String((error as Error)?.message))) throw error;
    throw new Error(
      `Nothing was saved: the "${tabName()}" tab is protected (Data › Protect sheets and ranges) and you are not one of the people allowed to edit it. Ask the spreadsheet's owner to add you as an editor of that protection, then save again.`,
    );
  }
}

/**
 * The tabs as they are under the lock. A workbook opened under it has them already. Otherwise
 * another writer may have created the record or Patterns, or remembered new IDs, since it was
 * opened: the properties (one call) and the metadata count (one query) are read again, and the
 * tabs taken from them, so two saves after a deletion cannot make two records or two Patterns tabs.
 */
export function tabsUnderLock(workbook: Workbook): CadenceTabs {
  if (workbook.underLock) return workbook.tabs;
  const state = loadDocumentState();
  return cadenceTabs(workbook.ss, state.tabIds, layoutState(workbook.ss, state.layoutMemory));
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
