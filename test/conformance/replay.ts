/**
 * The end-to-end replay: the real add-on (Code.js, called through its top-level functions as
 * google.script.run would) runs one fixed scenario — a roster, four saves, a retry, a correction
 * and a refresh — then every tab is dumped as a person sees it. Run offline and in the scratch
 * spreadsheet, the two dumps must be equal. Bundled for Apps Script with the probes.
 */
import { SCRATCH_PREFIX } from './probes';

declare function saveSession(request: unknown): { entryIds: string[] };
declare function correctEntry(request: unknown): unknown;
declare function refreshPatterns(): void;

const ROSTER = [
  ['Client ID', 'Client', 'Group', 'Active'],
  ["'007", 'Amy Adams', 'Monday group', 'yes'],
  [12, 'Ben Brown', 'Monday group', 'yes'],
  ["'C*3", "'=Cleo Clark", 'Monday group', 'yes'],
  ["'D4", 'Dan Diaz', 'Tuesday group', 'yes'],
];

/** Volatile text made comparable: entry IDs, emails and the minute a row was recorded. */
function normalise(text: string): string {
  return text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>')
    .replace(/[^\s@"]+@[^\s@"]+\.[a-z]+/gi, '<user>')
    .replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?/g, '<time>');
}

export function replay(): string {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss.getName().startsWith(SCRATCH_PREFIX))
    throw new Error(
      `Refusing to run: the replay deletes every tab, so it runs only in a spreadsheet named "${SCRATCH_PREFIX}…".`,
    );
  // A clean spreadsheet: one tab, no Cadence properties.
  const keep = ss.insertSheet();
  for (const sheet of ss.getSheets()) if (sheet.getSheetId() !== keep.getSheetId()) ss.deleteSheet(sheet);
  keep.setName('Clients');
  const props = PropertiesService.getDocumentProperties();
  for (const key of props.getKeys()) if (key.startsWith('cadence.')) props.deleteProperty(key);
  keep.getRange(1, 1, ROSTER.length, ROSTER[0].length).setValues(ROSTER);

  const zone = ss.getSpreadsheetTimeZone();
  const noon = Utilities.parseDate(
    `${Utilities.formatDate(new Date(), zone, 'yyyy-MM-dd')} 12:00`,
    zone,
    'yyyy-MM-dd HH:mm',
  ).getTime();
  const daysAgo = (n: number) => Utilities.formatDate(new Date(noon - n * 86400000), zone, 'yyyy-MM-dd');
  const save = (id: string, date: string, marks: [string, string, string?][]) =>
    saveSession({
      requestId: id,
      date,
      group: 'Monday group',
      attendance: marks.map(([clientId, status, reason]) => ({
        clientId,
        status,
        ...(reason ? { reason, notice: false } : {}),
      })),
    });
  const first = save('replay-1', daysAgo(28), [
    ['007', 'present'],
    ['12', 'unexcused', 'unknown'],
    ['C*3', 'present'],
  ]);
  save('replay-2', daysAgo(21), [
    ['007', 'excused', 'illness'],
    ['12', 'unexcused', 'unknown'],
    ['C*3', 'late'],
  ]);
  save('replay-3', daysAgo(14), [
    ['007', 'unexcused', 'transport'],
    ['12', 'present'],
    ['C*3', 'refused', 'declined'],
  ]);
  const fourth = {
    requestId: 'replay-4',
    date: daysAgo(7),
    group: 'Monday group',
    attendance: [
      { clientId: '007', status: 'unexcused', reason: 'unknown', notice: false },
      { clientId: '12', status: 'present' },
      { clientId: 'C*3', status: 'cancelled', reason: 'facility event' },
    ],
  };
  saveSession(fourth);
  saveSession(fourth); // the retry: stored once
  correctEntry({ requestId: 'replay-5', entryId: first.entryIds[0], status: 'late' });
  refreshPatterns();

  const tabs = ss.getSheets().map((sheet) => {
    const range = sheet.getDataRange();
    return {
      name: sheet.getName(),
      frozen: [sheet.getFrozenRows(), sheet.getFrozenColumns()],
      values: range.getDisplayValues().map((row) => row.map(normalise)),
      rules: sheet.getConditionalFormatRules().map((rule) => ({
        ranges: rule.getRanges().map((r) => r.getA1Notation()),
        formula: String(rule.getBooleanCondition()?.getCriteriaValues()[0] ?? ''),
        background: rule.getBooleanCondition()?.getBackground() ?? null,
      })),
    };
  });
  return JSON.stringify({
    tabs,
    properties: Object.keys(props.getProperties())
      .filter((k) => k.startsWith('cadence.'))
      .sort(),
  });
}
