/**
 * The shared shape of every write to the record: take the document lock, look the tabs up again
 * (another writer may have created the record meanwhile), read the record once, change it, refresh
 * Patterns from what is now current, flush and release.
 */
import { currentEntries } from '../core/record';
import type { Entry } from '../core/types';
import { readAttendance } from './attendanceTab';
import type { AttendanceRecord } from './attendanceTab';
import { ATTENDANCE_KEY, TAB_IDS_PROPERTY, cadenceTabs, readTabIds, rememberTabs } from './cadenceTabs';
import { PATTERNS_KEY } from './patternsTab';
import type { CadenceTabs } from './cadenceTabs';
import { withDocumentLock } from './documentLock';
import { freshDocumentProperty } from './documentProperties';
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
      if (outcome.changed) {
        const all = record.entries.concat(outcome.appended);
        refreshPatternsAfterWrite({ ...workbook, tabs }, currentEntries(all));
      }
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
 * The tabs looked up again under the lock (another writer may have created the record since the
 * workbook was opened). When the remembered record is gone but tagged tabs remain, another
 * execution may have made and remembered a new record (or Patterns tab) meanwhile: the IDs are
 * read again then, so two saves after a deletion cannot make two records or two Patterns tabs
 * (the only case worth a second read).
 */
export function tabsUnderLock(workbook: Workbook): CadenceTabs {
  const checked = stillThere(workbook);
  if (checked) return checked;
  const tabs = cadenceTabs(workbook.ss, workbook.tabIds);
  // The same holds for Patterns: deleted by a person, then remade by a save that ran meanwhile.
  const remade = (key: string) => !tabs.get(key) && tabs.copies.some((c) => c.key === key);
  if (!remade(ATTENDANCE_KEY) && !remade(PATTERNS_KEY)) return tabs;
  return cadenceTabs(workbook.ss, readTabIds(freshDocumentProperty(TAB_IDS_PROPERTY)));
}

/**
 * The usual case, in one getSheetById per tab instead of the finder query and its calls per tag:
 * the record and Patterns were both found by their remembered IDs when the workbook was opened, so
 * only their deletion since can change the answer, and getSheetById says so (null). Anything else
 * (a tab missing, found by its tag, or gone) takes the full lookup above.
 * https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getSheetById(Integer)
 */
function stillThere(workbook: Workbook): CadenceTabs | null {
  const before = workbook.tabs;
  if (before.changed || !before.get(ATTENDANCE_KEY) || !before.get(PATTERNS_KEY)) return null;
  const again = new Map<string, GoogleAppsScript.Spreadsheet.Sheet>();
  for (const key of before.keys()) {
    const id = before.ids[key];
    const sheet = id === undefined ? null : workbook.ss.getSheetById(id);
    if (!sheet) return null;
    again.set(key, sheet);
  }
  return Object.assign(again, {
    copies: before.copies,
    tagged: new Set(before.tagged),
    ids: { ...before.ids },
    changed: false,
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
