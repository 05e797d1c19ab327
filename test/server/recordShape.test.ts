/** The Attendance tab as users treat it: renamed, deleted, sorted, filtered, columns moved and added. */
import type { SaveSessionResult } from '../../src/core/types';
import { attendanceSheet, failure, practice, readRecordBack, recordEntries, session, latestVersion } from './fixtures';

test('formula-looking text is stored as text, exactly as typed', () => {
  const env = practice([
    { id: '=1+1', name: '@Amy', group: '-Mon', active: 'yes' },
    { id: '007', name: '+44 Ben', group: '1/2', active: 'yes' },
  ]);
  const typed = ['=HYPERLINK("http://x","y")', '+1 call back', '-', '@home', '3/4', '0012'];
  const result = env.run<SaveSessionResult>(
    'saveSession',
    session(
      ['=1+1', '007'],
      {
        '=1+1': { status: 'excused', reason: typed[0], note: typed[1] },
        '007': { status: 'refused', reason: typed[2], note: `${typed[3]} ${typed[4]} ${typed[5]}` },
      },
      { group: '=SUM(A1)' },
    ),
  );
  expect(result.saved).toBe(2);
  const sheet = attendanceSheet(env)!;
  const range = sheet.getDataRange();
  expect(range.getFormulas().flat().filter(Boolean)).toEqual([]);
  const [amy, ben] = recordEntries(env);
  expect(amy).toMatchObject({
    'Client ID': '=1+1',
    Client: '@Amy',
    Group: '=SUM(A1)',
    Reason: typed[0],
    Note: typed[1],
  });
  expect(ben).toMatchObject({ 'Client ID': '007', Client: '+44 Ben', Reason: '-', Note: '@home 3/4 0012' });
  // And they read back into the sidebar unchanged.
  const data = env.run<{ clients: { id: string; lastEntry: { reason: string } | null }[] }>('getSidebarData');
  expect(data.clients.map((c) => [c.id, c.lastEntry?.reason])).toEqual([
    ['=1+1', typed[0]],
    ['007', '-'],
  ]);
});

test('a renamed Attendance tab is still found and written to', () => {
  const env = practice();
  env.run('saveSession', session(['C001']));
  attendanceSheet(env)!.setName('2025 log');
  env.run('saveSession', session(['C002'], {}, { date: '2025-03-11' }));
  expect(env.spreadsheet.getSheetByName('Attendance')).toBeNull();
  expect(env.spreadsheet.getSheetByName('2025 log')!.getLastRow()).toBe(3);
  expect(recordEntries(env).map((r) => r['Client ID'])).toEqual(['C001', 'C002']);
});

test('a deleted Attendance tab is recreated with its headers rather than written elsewhere', () => {
  const env = practice();
  env.run('saveSession', session(['C001']));
  env.spreadsheet.deleteSheet(attendanceSheet(env)!);
  // A user tab that happens to be called Attendance is left alone.
  env.spreadsheet.insertSheet('Attendance').getRange('A1').setValue('my own tab');
  env.run('saveSession', session(['C002']));
  expect(env.spreadsheet.getSheetByName('Attendance')!.getDataRange().getValues()).toEqual([['my own tab']]);
  const sheet = attendanceSheet(env)!;
  expect(sheet.getName()).toBe('Attendance 2');
  expect(sheet.getFrozenRows()).toBe(1);
  expect(recordEntries(env).map((r) => r['Client ID'])).toEqual(['C002']);
});

test('a log sorted, filtered and reordered with a user column: saves land in the right columns and overwrite nothing', () => {
  const env = practice();
  const saved = env.run<SaveSessionResult>(
    'saveSession',
    session(['C001', 'C002', 'C003'], { C002: { status: 'excused', reason: 'illness', followUp: true } }),
  );
  const sheet = attendanceSheet(env)!;
  // Move Status to column A and Note to column B, then add a user column with data at the end.
  sheet.moveColumns(sheet.getRange('F:F'), 1);
  sheet.moveColumns(sheet.getRange('I:I'), 2);
  const width = sheet.getLastColumn();
  sheet.getRange(1, width + 1, 4, 1).setValues([['Billing code'], ['B-1'], ['B-2'], ['B-3']]);
  // Sort the data by client, descending, and filter it down to absences.
  sheet.getRange(2, 1, 3, width + 1).sort({ column: 5 + 1, ascending: false });
  sheet.getRange(1, 1, 4, width + 1).createFilter();
  // A blank row inside the record and a user's row with only a note.
  sheet.insertRowAfter(2);
  const userRow = sheet.getLastRow() + 1;
  sheet.getRange(userRow, 2).setValue('remember: holiday on the 17th');
  const before = sheet.getDataRange().getValues();

  const second = env.run<SaveSessionResult>(
    'saveSession',
    session(['C004'], { C004: { status: 'late', note: 'bus' } }, { date: '2025-03-11', group: 'Tuesday group' }),
  );
  expect(second.saved).toBe(1);
  const after = sheet.getDataRange().getValues();
  // Every cell that held something still holds it.
  before.forEach((row, r) => row.forEach((cell, c) => expect(after[r][c]).toEqual(cell)));
  const headers = after[0];
  const last = after[after.length - 1];
  expect(after.length).toBe(before.length + 1);
  expect(last[headers.indexOf('Status')]).toBe('late');
  expect(last[headers.indexOf('Note')]).toBe('bus');
  expect(last[headers.indexOf('Client ID')]).toBe('C004');
  expect(last[headers.indexOf('Billing code')]).toBe('');
  // The moved record still reads correctly: the follow-up and the corrections find their entries.
  const data = env.run<{ followUps: { entryId: string }[] }>('getSidebarData');
  expect(data.followUps.map((f) => f.entryId)).toEqual([saved.entryIds[1]]);
  const beforeDone = sheet.getDataRange().getValues();
  env.run('completeFollowUp', saved.entryIds[1]);
  // Marking it done appends a new version of Ben's entry; the user's rows and cells are untouched.
  const afterDone = sheet.getDataRange().getValues();
  beforeDone.forEach((row, r) => row.forEach((cell, c) => expect(afterDone[r][c]).toEqual(cell)));
  const rows = readRecordBack(env);
  const ben = rows.find((r) => r['Entry ID'] === saved.entryIds[1])!;
  expect(ben['Follow-up done']).toBe('');
  expect(ben['Billing code']).toBe('B-2');
  expect(latestVersion(rows, saved.entryIds[1])).toMatchObject({
    'Follow-up done': '2025-03-12',
    Replaces: saved.entryIds[1],
    'Client ID': 'C002',
    Status: ben.Status,
  });
});

test('a Cadence column deleted from a record with entries is refused in words, and nothing is written', () => {
  const env = practice();
  env.run('saveSession', session(['C001'], { C001: { status: 'excused', reason: 'transport' } }));
  const sheet = attendanceSheet(env)!;
  sheet.deleteColumn(sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf('Reason') + 1);
  sheet.getRange(1, sheet.getLastColumn() + 1, 2, 1).setValues([['Mine'], ['kept']]);
  const before = JSON.stringify(sheet.getDataRange().getValues());
  const error = failure(() =>
    env.run(
      'saveSession',
      session(['C002'], { C002: { status: 'excused', reason: 'illness' } }, { date: '2025-03-11' }),
    ),
  );
  expect(error).toMatch(
    /^The Attendance tab's "Reason" column was deleted\. .*Edit › Undo.*Version history.*saves nothing/,
  );
  expect(JSON.stringify(sheet.getDataRange().getValues())).toBe(before);
});

test('a Cadence column deleted from a record without entries yet is added back at the end, tagged', () => {
  const env = practice();
  env.run('saveSession', session(['C001']));
  const sheet = attendanceSheet(env)!;
  sheet.deleteRow(2);
  sheet.deleteColumn(sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf('Reason') + 1);
  sheet.getRange(1, sheet.getLastColumn() + 1).setValue('Mine');
  env.run('saveSession', session(['C002'], { C002: { status: 'excused', reason: 'illness' } }, { date: '2025-03-11' }));
  const values = sheet.getDataRange().getValues();
  expect(values[0].slice(-2)).toEqual(['Mine', 'Reason']);
  expect(values[1].slice(-2)).toEqual(['', 'illness']);
});

test('a session date the user typed as text is read as that day', () => {
  const env = practice();
  env.run('saveSession', session(['C001']));
  attendanceSheet(env)!.getRange(2, 1).setValue("'2025-03-03"); // Session date, the register's first column
  const history = env.run<{ sessionDate: string }[]>('getClientHistory', 'C001');
  expect(history.map((e) => e.sessionDate)).toEqual(['2025-03-03']);
});
