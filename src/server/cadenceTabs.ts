/**
 * Cadence's own tabs, found by sheet developer metadata rather than by name or position, so a
 * renamed tab is still found: https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata-finder
 */
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const ATTENDANCE_KEY = 'cadence.attendance';
/** Every tab Cadence tags has a key with this prefix (the Patterns tab too). */
const CADENCE_PREFIX = 'cadence.';

export type CadenceTabs = Map<string, Sheet>;

/** Sheets tagged by Cadence, by metadata key; one finder query whatever the sheet count. */
export function cadenceTabs(ss: Spreadsheet): CadenceTabs {
  const found = new Map<string, Sheet>();
  const tags = ss.createDeveloperMetadataFinder()
    .withLocationType(SpreadsheetApp.DeveloperMetadataLocationType.SHEET)
    .find();
  for (const tag of tags) {
    const key = tag.getKey();
    // The first tag of a key wins: a tab duplicated by hand may carry a copy of the tag.
    if (!key.startsWith(CADENCE_PREFIX) || found.has(key)) continue;
    const sheet = tag.getLocation().getSheet();
    if (sheet) found.set(key, sheet);
  }
  return found;
}

/** A sheet name not yet taken: "Attendance", else "Attendance 2", ... */
export function freeSheetName(ss: Spreadsheet, wanted: string): string {
  const taken = new Set(ss.getSheets().map((s) => s.getName()));
  let name = wanted;
  for (let n = 2; taken.has(name); n += 1) name = `${wanted} ${n}`;
  return name;
}
