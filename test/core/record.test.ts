import {
  LATER_FIELDS,
  RECORD_COLUMNS,
  currentEntries,
  entryRow,
  latestVersion,
  linkSuperseded,
  planColumns,
  recordWidth,
  requestIdsIn,
} from '../../src/core/record';
import { readRecord } from '../../src/core/recordTable';
import type { DateReader, DateWriter } from '../../src/core/record';
import type { Entry } from '../../src/core/types';
import { PRE_APPEND_ONLY_HEADERS } from './recordFixtures';

const HEADERS = RECORD_COLUMNS.map((c) => c.header);
// Dates stand in as tagged strings so the row round-trip is visible without a time zone.
const writer: DateWriter = { day: (d) => `day:${d}`, instant: (t) => `at:${t}` };
const reader: DateReader = {
  day: (v) => (typeof v === 'string' && v.startsWith('day:') ? v.slice(4) : typeof v === 'string' ? v : ''),
  instant: (v) => (typeof v === 'string' && v.startsWith('at:') ? v.slice(3) : ''),
};

function entry(over: Partial<Entry> = {}): Entry {
  return {
    entryId: 'e1',
    sessionDate: '2025-03-04',
    group: 'Mon',
    clientId: 'c1',
    client: 'Amy',
    status: 'present',
    reason: '',
    notice: null,
    note: '',
    followUp: false,
    followUpDone: '',
    recordedAt: '2025-03-04T10:00:00',
    recordedBy: 'a@b.org',
    replaces: '',
    supersededBy: '',
    requestId: 'r1',
    minutes: null,
    makesUpFor: '',
    ...over,
  };
}

/** What Sheets keeps of a written value: the apostrophe that marks text is not stored. */
const stored = (row: unknown[]) => row.map((v) => (typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v));

test('columns are found by header whatever their order, case and spacing', () => {
  const headers = ['My notes', ...HEADERS].reverse().map((h) => h.toUpperCase().replace(' ', '  '));
  const { columns, added } = planColumns(headers, headers.length);
  expect(added).toEqual([]);
  expect(headers[columns.entryId]).toBe('ENTRY  ID');
  expect(headers[columns.followUpDone]).toBe('FOLLOW-UP  DONE');
  expect(headers[columns.followUp]).toBe('FOLLOW  UP');
  expect(headers[columns.clientId]).toBe('CLIENT  ID');
  expect(headers[columns.client]).toBe('CLIENT');
});

test('a deleted Cadence column goes back after the last used column, never onto user data', () => {
  const headers = HEADERS.filter((h) => h !== 'Note' && h !== 'Status');
  const { columns, added } = planColumns([...headers, ''], headers.length + 2);
  expect(added).toEqual([
    { index: headers.length + 2, field: 'status', header: 'Status' },
    { index: headers.length + 3, field: 'note', header: 'Note' },
  ]);
  expect(columns.status).toBe(headers.length + 2);
  expect(recordWidth(columns)).toBe(headers.length + 4);
});

test('an entry written and read back is the same entry, in moved columns', () => {
  const headers = ['Extra', ...HEADERS.slice(8), ...HEADERS.slice(0, 8)];
  const { columns } = planColumns(headers, headers.length);
  const original = entry({
    note: '=HYPERLINK("x")',
    reason: 'illness',
    notice: false,
    followUp: true,
    client: '+44 Amy',
  });
  const row = stored(entryRow(original, columns, recordWidth(columns), writer));
  expect(row[0]).toBe('');
  const [read] = readRecord([row], columns, reader);
  expect(read).toEqual(original);
});

test('every user text is written with the apostrophe that keeps it text', () => {
  const { columns } = planColumns(HEADERS, HEADERS.length);
  const row = entryRow(
    entry({ note: '=1+1', client: '@amy', group: '007', reason: '-' }),
    columns,
    HEADERS.length,
    writer,
  );
  expect(row[columns.note]).toBe("'=1+1");
  expect(row[columns.client]).toBe("'@amy");
  expect(row[columns.group]).toBe("'007");
  expect(row[columns.reason]).toBe("'-");
  expect(row[columns.status]).toBe('present');
});

test('rows without an Entry ID or with an unknown status are not entries; blank rows are tolerated', () => {
  const { columns } = planColumns(HEADERS, HEADERS.length);
  const good = stored(entryRow(entry(), columns, HEADERS.length, writer));
  const userRow = HEADERS.map(() => '');
  userRow[columns.note] = 'my own remark';
  const odd = [...good];
  odd[columns.entryId] = 'e2';
  odd[columns.status] = 'maybe';
  const rows = [HEADERS.map(() => ''), userRow, good, odd];
  expect(readRecord(rows, columns, reader).map((e) => e.entryId)).toEqual(['e1']);
});

test('request ids map to the entries they stored', () => {
  const { columns } = planColumns(HEADERS, HEADERS.length);
  const rows = [entry(), entry({ entryId: 'e2' }), entry({ entryId: 'e3', requestId: 'r2' })].map((e) =>
    stored(entryRow(e, columns, HEADERS.length, writer)),
  );
  const ids = requestIdsIn(rows, columns);
  expect(ids.get('r1')).toEqual(['e1', 'e2']);
  expect(ids.get('r2')).toEqual(['e3']);
  expect(ids.has('r3')).toBe(false);
});

test('current entries exclude withdrawn rows and anything a later row replaced, in any row order', () => {
  const entries = [
    entry({ entryId: 'c2', status: 'withdrawn', replaces: 'c' }),
    entry({ entryId: 'a' }),
    entry({ entryId: 'b' }),
    entry({ entryId: 'b2', replaces: 'b' }),
    entry({ entryId: 'c' }),
    entry({ entryId: 'b3', replaces: 'b2', followUpDone: '2025-03-05' }),
  ];
  expect(currentEntries(entries).map((e) => e.entryId)).toEqual(['a', 'b3']);
  const linked = linkSuperseded(entries);
  expect(linked.find((e) => e.entryId === 'b')?.supersededBy).toBe('b2');
  expect(latestVersion(linked, 'b')?.entryId).toBe('b3');
  expect(latestVersion(linked, 'c')?.status).toBe('withdrawn');
});

test('an older record reads the same: its filled "Superseded by" and in-place "Follow-up done" cells', () => {
  // Written by Cadence before append-only: the old row got "Superseded by" and "Follow-up done" in place.
  const headers = [...PRE_APPEND_ONLY_HEADERS];
  const { columns, added } = planColumns(headers, headers.length);
  // Only the columns later versions added are missing; they come after the older record's own.
  expect(added.map((a) => a.field)).toEqual(LATER_FIELDS);
  expect(added.every((a) => a.index >= headers.length)).toBe(true);
  const rows = [
    [
      'e1',
      'day:2025-03-04',
      'Mon',
      'c1',
      'Amy',
      'unexcused',
      '',
      '',
      '',
      'yes',
      'day:2025-03-06',
      'at:t1',
      '',
      '',
      'e2',
      'r1',
    ],
    ['e2', 'day:2025-03-04', 'Mon', 'c1', 'Amy', 'excused', 'illness', '', '', 'yes', '', 'at:t2', '', 'e1', '', 'r2'],
    [
      'e3',
      'day:2025-03-04',
      'Mon',
      'c2',
      'Ben',
      'excused',
      '',
      '',
      '',
      'yes',
      'day:2025-03-05',
      'at:t1',
      '',
      '',
      '',
      'r1',
    ],
    // A "Superseded by" cell a sort race once put on the wrong row: the Replaces cells say otherwise.
    ['e4', 'day:2025-03-04', 'Mon', 'c3', 'Cleo', 'present', '', '', '', '', '', 'at:t1', '', '', 'e2', 'r1'],
  ];
  const current = currentEntries(readRecord(rows, columns, reader));
  expect(current.map((e) => [e.entryId, e.status, e.followUpDone])).toEqual([
    ['e2', 'excused', ''],
    ['e3', 'excused', '2025-03-05'],
    ['e4', 'present', ''],
  ]);
});

test('text cells are read trimmed of any space at either end, numbers and booleans as text', () => {
  const { columns } = planColumns(HEADERS, HEADERS.length);
  const row = entryRow(entry(), columns, HEADERS.length, writer).map((v) =>
    typeof v === 'string' && v.startsWith("'") ? v.slice(1) : v,
  );
  row[columns.entryId] = '\u00a0e1\u3000';
  row[columns.group] = ' Mon\t';
  row[columns.clientId] = 1001;
  row[columns.client] = 'Amy';
  row[columns.recordedBy] = '\u2003a@b.org';
  const [read] = readRecord([row], columns, reader);
  expect([read.entryId, read.group, read.clientId, read.client, read.recordedBy]).toEqual([
    'e1',
    'Mon',
    '1001',
    'Amy',
    'a@b.org',
  ]);
});

test('the entries of one request are found among many, the others left out', () => {
  const { columns } = planColumns(HEADERS, HEADERS.length);
  const rows = ['r1', ' r2 ', 'r1', 'r3'].map((requestId, i) =>
    stored(entryRow(entry({ entryId: `e${i}`, requestId }), columns, HEADERS.length, writer)),
  );
  rows[3][columns.requestId] = ' r2';
  expect([...requestIdsIn(rows, columns, 'r2')]).toEqual([['r2', ['e1', 'e3']]]);
  expect(requestIdsIn(rows, columns).get('r1')).toEqual(['e0', 'e2']);
});
