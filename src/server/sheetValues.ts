/**
 * A whole tab's values in one call: getSheetValues with -1 reads to "the very last row or column
 * that has data" (https://developers.google.com/apps-script/reference/spreadsheet/sheet#getSheetValues(Integer,Integer,Integer,Integer)),
 * one round trip where getDataRange().getValues() makes two. A tab without any content has no
 * such row, and the reference does not say what -1 gives then: a refusal of the empty size is
 * answered by the data range (A1 at least); any other failure is the read's own and goes on up.
 */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const EMPTY_SIZE = /out of bounds|at least 1|outside the dimensions/i;

export function allValues(sheet: Sheet): unknown[][] {
  try {
    const values = sheet.getSheetValues(1, 1, -1, -1);
    if (values.length > 0 && values[0].length > 0) return values;
  } catch (error) {
    if (!EMPTY_SIZE.test(String((error as Error)?.message ?? error))) throw error;
  }
  return sheet.getDataRange().getValues();
}
