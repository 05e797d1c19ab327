/**
 * Columns known by tag (issue 10): each Cadence column carries column-located developer metadata,
 * so headings are only labels. A user's column with the same heading, a renamed or moved heading
 * change nothing Cadence reads or writes; an untagged older record is read by heading and tagged.
 */
import type { Entry, SaveSessionResult, SidebarData } from '../../src/core/types';
import { RECORD_COLUMNS } from '../../src/core/record';
import type { Environment } from '../../src/runtime';
import { PRE_APPEND_ONLY_HEADERS } from '../core/recordFixtures';
import { attendanceSheet, failure, newRequestId, practice, session } from './fixtures';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Ben: five unexcused absences in a row, so his trend is Urgent. */
function urgentBen(): { env: Environment; sheet: Sheet; ids: string[] } {
  const env = practice();
  const ids: string[] = [];
  for (const date of ['2025-02-03', '2025-02-10', '2025-02-17', '2025-02-24', '2025-03-03']) {
    ids.push(
      ...env.run<SaveSessionResult>(
        'saveSession',
        session(
          ['C001', 'C002'],
          { C002: { status: 'unexcused', note: `missed ${date}`, followUp: date === '2025-03-03' } },
          { date },
        ),
      ).entryIds,
    );
  }
  return { env, sheet: attendanceSheet(env)!, ids };
}

function ben(env: Environment): { data: SidebarData; history: Entry[] } {
  const data = env.run<SidebarData>('getSidebarData');
  return { data, history: env.run<Entry[]>('getClientHistory', 'C002') };
}

/** What Cadence sees of Ben before any user change, to compare with after. */
function view(env: Environment): unknown {
  const { data, history } = ben(env);
  const client = data.clients.find((c) => c.id === 'C002')!;
  return { trend: client.trend, lastEntry: client.lastEntry, followUps: data.followUps, history };
}

function headers(sheet: Sheet): string[] {
  return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
}

/** A user's column with this heading, inserted at `at` and filled on every row. */
function userColumn(sheet: Sheet, at: number, heading: string, value: string): void {
  sheet.insertColumnBefore(at);
  const rows = sheet.getLastRow();
  sheet.getRange(1, at, rows, 1).setValues([[heading], ...Array.from({ length: rows - 1 }, () => [value])]);
}

test.each(['Status', 'Request ID', 'Note', 'Entry ID', 'Client ID', 'Session date', 'Replaces', 'Follow up'])(
  'a user column also headed "%s" at B takes nothing over: trends, history, saves and retries as before',
  (heading) => {
    const { env, sheet } = urgentBen();
    const before = view(env);
    expect((before as { trend: { level: string } }).trend.level).toBe('urgent');
    userColumn(sheet, 2, heading, heading === 'Status' ? 'present' : 'mine');
    expect(view(env)).toEqual(before);
    const request = session(
      ['C001', 'C002'],
      { C002: { status: 'excused', reason: 'illness', note: 'flu' } },
      { date: '2025-03-10' },
    );
    const saved = env.run<SaveSessionResult>('saveSession', request);
    expect(saved.saved).toBe(2);
    expect(env.run<SaveSessionResult>('saveSession', request).duplicate).toBe(true);
    // The new rows' cells are in Cadence's columns; the user's column got nothing on them.
    const values = sheet.getDataRange().getValues();
    const last = values[values.length - 1];
    expect(last[1]).toBe('');
    expect(values.filter((row) => row.includes(saved.entryIds[1]))).toHaveLength(1);
    expect(values.slice(1, -2).every((row) => row[1] === (heading === 'Status' ? 'present' : 'mine'))).toBe(true);
    expect(ben(env).history[0]).toMatchObject({ entryId: saved.entryIds[1], status: 'excused', note: 'flu' });
  },
);

test('every Cadence heading renamed, emptied or merged: the record reads and saves exactly as before', () => {
  const { env, sheet, ids } = urgentBen();
  const before = view(env);
  const width = RECORD_COLUMNS.length;
  const columns = sheet.getMaxColumns();
  sheet
    .getRange(1, 1, 1, width)
    .setValues([RECORD_COLUMNS.map((c, i) => (i % 3 === 0 ? '' : `${c.header} (renamed)`))]);
  sheet.getRange(1, 4, 1, 2).merge();
  expect(view(env)).toEqual(before);
  const fix = env.run<{ entryId: string }>('correctEntry', {
    requestId: newRequestId(),
    entryId: ids[9],
    status: 'excused',
    reason: 'illness',
    note: 'called',
    followUp: true,
  });
  const saved = env.run<SaveSessionResult>(
    'saveSession',
    session(['C002'], { C002: { status: 'late' } }, { date: '2025-03-10' }),
  );
  const history = ben(env).history;
  expect(history.map((e) => [e.entryId, e.status, e.note])).toEqual([
    [saved.entryIds[0], 'late', ''],
    [fix.entryId, 'excused', 'called'],
    [ids[9], 'unexcused', 'missed 2025-03-03'],
    [ids[7], 'unexcused', 'missed 2025-02-24'],
    [ids[5], 'unexcused', 'missed 2025-02-17'],
    [ids[3], 'unexcused', 'missed 2025-02-10'],
    [ids[1], 'unexcused', 'missed 2025-02-03'],
  ]);
  // Headings stay as the user left them: Cadence added no column.
  expect(sheet.getMaxColumns()).toBe(columns);
  expect(sheet.getRange(1, 1, 1, width).getValues()[0][1]).toBe(`${RECORD_COLUMNS[1].header} (renamed)`);
});

test('columns moved and sorted around: the tags move with their columns', () => {
  const { env, sheet } = urgentBen();
  const before = view(env);
  const column = (heading: string) =>
    sheet
      .getRange(1, headers(sheet).indexOf(heading) + 1)
      .getA1Notation()
      .replace('1', '');
  sheet.moveColumns(sheet.getRange(`${column('Status')}:${column('Status')}`), 1); // Status first
  sheet.moveColumns(sheet.getRange(`${column('Note')}:${column('Note')}`), sheet.getLastColumn() + 1); // Note last
  sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).sort({ column: 5, ascending: false });
  expect(view(env)).toEqual(before);
  const saved = env.run<SaveSessionResult>(
    'saveSession',
    session(['C002'], { C002: { status: 'refused', note: 'asleep' } }, { date: '2025-03-10' }),
  );
  const row = sheet
    .getDataRange()
    .getValues()
    .find((r) => r.includes(saved.entryIds[0]))!;
  expect(row[0]).toBe('refused');
  expect(row[row.length - 1]).toBe('asleep');
});

test('a deleted Cadence column is refused in words by every endpoint that writes; reading says so too; nothing written', () => {
  const { env, sheet, ids } = urgentBen();
  sheet.deleteColumn(headers(sheet).indexOf('Note') + 1);
  // The user's own "Note" column is no stand-in for Cadence's.
  userColumn(sheet, 2, 'Note', 'mine');
  const before = JSON.stringify(sheet.getDataRange().getValues());
  for (const call of [
    () => env.run('saveSession', session(['C001'])),
    () => env.run('correctEntry', { requestId: newRequestId(), entryId: ids[9], status: 'excused' }),
    () => env.run('withdrawEntry', { requestId: newRequestId(), entryId: ids[9] }),
    () => env.run('completeFollowUp', ids[9]),
    () => env.run('getSidebarData'),
    () => env.run('refreshPatterns'),
  ]) {
    expect(failure(call)).toMatch(/"Note" column was deleted.*Edit › Undo/);
  }
  expect(JSON.stringify(sheet.getDataRange().getValues())).toBe(before);
});

test('an untagged older record (with "Superseded by" and in-place "Follow-up done") is read by heading, then tagged', () => {
  const env = practice();
  const sheet = env.spreadsheet.insertSheet('Attendance');
  sheet.addDeveloperMetadata('cadence.attendance');
  const old = [...PRE_APPEND_ONLY_HEADERS];
  const day = (d: string) => new Date(`${d}T12:00:00Z`);
  sheet
    .getRange(1, 1, 4, old.length)
    .setValues([
      old,
      [
        'e1',
        day('2025-03-03'),
        'Monday group',
        'C002',
        'Ben Brown',
        'unexcused',
        '',
        'no',
        'no call',
        'yes',
        day('2025-03-05'),
        day('2025-03-03'),
        'a@b.org',
        '',
        'e2',
        'r1',
      ],
      [
        'e2',
        day('2025-03-03'),
        'Monday group',
        'C002',
        'Ben Brown',
        'excused',
        'illness',
        'yes',
        'called',
        'yes',
        '',
        day('2025-03-04'),
        'a@b.org',
        'e1',
        '',
        'r2',
      ],
      [
        'e3',
        day('2025-03-03'),
        'Monday group',
        'C001',
        'Amy Adams',
        'excused',
        'transport',
        'yes',
        '',
        'yes',
        day('2025-03-05'),
        day('2025-03-03'),
        'a@b.org',
        '',
        '',
        'r1',
      ],
    ]);
  expect(env.spreadsheet.createDeveloperMetadataFinder().withKey('cadence.column').find()).toHaveLength(0);
  const data = env.run<SidebarData>('getSidebarData');
  expect(data.clients.find((c) => c.id === 'C002')!.lastEntry).toMatchObject({ entryId: 'e2', status: 'excused' });
  expect(data.followUps.map((f) => f.entryId)).toEqual(['e2']);
  // A read writes nothing, so still no tags; the first save tags Cadence's columns (not "Superseded by").
  expect(env.spreadsheet.createDeveloperMetadataFinder().withKey('cadence.column').find()).toHaveLength(0);
  env.run('saveSession', session(['C001']));
  const tags = env.spreadsheet.createDeveloperMetadataFinder().withKey('cadence.column').find();
  expect(tags.map((t) => headers(sheet)[t.getLocation().getColumn()!.getColumn() - 1]).sort()).toEqual(
    RECORD_COLUMNS.map((c) => c.header).sort(),
  );
  // From now on the headings are labels: renaming "Status" hides nothing.
  sheet.getRange(1, 6).setValue('Attended?');
  expect(env.run<SidebarData>('getSidebarData').clients.find((c) => c.id === 'C002')!.lastEntry).toMatchObject({
    entryId: 'e2',
    status: 'excused',
  });
  expect(env.run<Entry[]>('getClientHistory', 'C002').map((e) => [e.entryId, e.supersededBy])).toEqual([
    ['e2', ''],
    ['e1', 'e2'],
  ]);
});
