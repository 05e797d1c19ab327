/** Recording a session through the endpoints the sidebar calls, in the built add-on. */
import type { EntryChangeResult, SaveSessionResult } from '../../src/core/types';
import { TODAY, attendanceSheet, failure, practice, recordEntries, session, sidebar } from './fixtures';

describe('first run on the practice roster', () => {
  test('the sidebar data has the roster, its groups, today in the spreadsheet zone and no record yet', () => {
    const env = practice();
    const data = sidebar(env);
    expect(data.today).toBe(TODAY);
    expect(data.timeZone).toBe('America/New_York');
    expect(data.roster).toMatchObject({
      sheetName: 'Clients',
      nameHeader: 'Client',
      idHeader: 'Client ID',
      groupHeader: 'Group',
      activeHeader: 'Active',
      clientCount: 5,
      problem: null,
    });
    expect(data.clients.map((c) => [c.id, c.name, c.group, c.active])).toEqual([
      ['C001', 'Amy Adams', 'Monday group', true],
      ['C002', 'Ben Brown', 'Monday group', true],
      ['C003', 'Cleo Clark', 'Monday group', true],
      ['C004', 'Dan Diaz', 'Tuesday group', true],
      ['C005', 'Eve Evans', 'Monday group', false],
    ]);
    expect(data.groups).toEqual(['Monday group', 'Tuesday group']);
    expect(data.clients.every((c) => c.lastEntry === null)).toBe(true);
    expect(data.followUps).toEqual([]);
    expect(attendanceSheet(env)).toBeNull();
  });

  test('the roster values are never rewritten by a load or a save', () => {
    const env = practice();
    const before = env.spreadsheet.getSheetByName('Clients')!.getDataRange().getValues();
    sidebar(env);
    env.run('saveSession', session(['C001']));
    expect(env.spreadsheet.getSheetByName('Clients')!.getDataRange().getValues()).toEqual(before);
  });
});

describe('saving a session', () => {
  test('the first save creates the Attendance tab with frozen bold headers and one row per client', () => {
    const env = practice();
    const result = env.run<SaveSessionResult>(
      'saveSession',
      session(['C001', 'C002', 'C003'], {
        C002: { status: 'unexcused', reason: 'unknown', notice: false, note: 'no call', followUp: true },
      }),
    );
    expect(result.saved).toBe(3);
    expect(result.duplicate).toBe(false);
    expect(new Set(result.entryIds).size).toBe(3);
    const sheet = attendanceSheet(env)!;
    expect(sheet.getName()).toBe('Attendance');
    expect(sheet.getFrozenRows()).toBe(1);
    // A register: what happened, to whom, first; identifiers and provenance to the right, narrow.
    expect(sheet.getRange(1, 1, 1, 7).getValues()[0]).toEqual([
      'Session date',
      'Client',
      'Status',
      'Reason',
      'Notice given',
      'Note',
      'Follow up',
    ]);
    expect(sheet.getFrozenColumns()).toBe(2);
    expect(sheet.getColumnWidth(3)).toBeGreaterThanOrEqual(90); // "unexcused" whole
    expect(sheet.getRange(1, 1).getFontWeight()).toBe('bold');
    const rows = recordEntries(env);
    expect(rows.map((r) => r['Entry ID'])).toEqual(result.entryIds);
    expect(rows[1]).toMatchObject({
      'Session date': '2025-03-10',
      Group: 'Monday group',
      'Client ID': 'C002',
      Client: 'Ben Brown',
      Status: 'unexcused',
      Reason: 'unknown',
      'Notice given': 'no',
      Note: 'no call',
      'Follow up': 'yes',
      'Follow-up done': '',
      'Recorded at': '2025-03-12 15:00',
      'Recorded by': 'therapist@example.org',
      Replaces: '',
    });
    expect(rows[0]).toMatchObject({ 'Client ID': 'C001', Status: 'present', 'Notice given': '', 'Follow up': '' });
    // The Session date is a real date cell shown as yyyy-mm-dd, not text.
    expect(sheet.getRange(2, 1).getDisplayValue()).toBe('2025-03-10');
    expect(Object.prototype.toString.call(sheet.getRange(2, 1).getValue())).toBe('[object Date]');
  });

  test('the next sidebar load shows last entries and the open follow-up; marking it done closes it', () => {
    const env = practice();
    const saved = env.run<SaveSessionResult>(
      'saveSession',
      session(['C001', 'C002'], { C002: { status: 'excused', reason: 'illness', followUp: true, note: 'flu' } }),
    );
    const data = sidebar(env);
    const ben = data.clients.find((c) => c.id === 'C002')!;
    expect(ben.lastEntry).toEqual({
      entryId: saved.entryIds[1],
      date: '2025-03-10',
      status: 'excused',
      reason: 'illness',
    });
    expect(data.followUps).toEqual([
      {
        entryId: saved.entryIds[1],
        clientId: 'C002',
        date: '2025-03-10',
        status: 'excused',
        reason: 'illness',
        note: 'flu',
      },
    ]);

    const done = env.run<EntryChangeResult>('completeFollowUp', saved.entryIds[1]);
    expect(done.duplicate).toBe(false);
    // A new version of the entry, done today; the original row is not written to.
    const rows = recordEntries(env);
    expect(rows[1]['Follow-up done']).toBe('');
    expect(rows[2]).toMatchObject({
      'Entry ID': done.entryId,
      Replaces: saved.entryIds[1],
      'Follow-up done': TODAY,
      Status: 'excused',
      Reason: 'illness',
      Note: 'flu',
      'Follow up': 'yes',
    });
    expect(sidebar(env).followUps).toEqual([]);
    expect(sidebar(env).clients.find((c) => c.id === 'C002')!.lastEntry).toMatchObject({
      entryId: done.entryId,
      status: 'excused',
    });
    expect(env.run<EntryChangeResult>('completeFollowUp', saved.entryIds[1])).toEqual({
      entryId: done.entryId,
      duplicate: true,
    });
    expect(env.run<EntryChangeResult>('completeFollowUp', done.entryId)).toEqual({
      entryId: done.entryId,
      duplicate: true,
    });
    expect(recordEntries(env)).toHaveLength(3);
    expect(failure(() => env.run('completeFollowUp', saved.entryIds[0]))).toMatch(/no follow-up/);
  });

  test('the same request id twice stores the session once and answers the first entry ids', () => {
    const env = practice();
    const request = session(['C001', 'C002']);
    const first = env.run<SaveSessionResult>('saveSession', request);
    const second = env.run<SaveSessionResult>('saveSession', request);
    expect(second).toEqual({ saved: 0, duplicate: true, entryIds: first.entryIds, trends: [], sidebar: sidebar(env) });
    expect(recordEntries(env)).toHaveLength(2);
  });

  test('a client whose level changes is reported in trends', () => {
    const env = practice();
    const days = ['2025-02-17', '2025-02-24', '2025-03-03', '2025-03-10'];
    const results = days.map((date, i) =>
      env.run<SaveSessionResult>(
        'saveSession',
        session(['C001', 'C002'], { C002: { status: i === 0 ? 'present' : 'unexcused' } }, { date }),
      ),
    );
    const last = results[3].trends.find((t) => t.clientId === 'C002');
    expect(last).toBeDefined();
    expect(last!.before).not.toBe(last!.after);
    expect(last!.name).toBe('Ben Brown');
    expect(sidebar(env).clients.find((c) => c.id === 'C002')!.trend.level).toBe(last!.after);
    // Amy, present throughout, is never reported once she has enough data.
    expect(results[3].trends.some((t) => t.clientId === 'C001' && t.before !== 'insufficient')).toBe(false);
  });

  test('saves are appended after the last row, the record grows past the sheet size', () => {
    const env = practice();
    env.run('saveSession', session(['C001']));
    const sheet = attendanceSheet(env)!;
    const rows = sheet.getMaxRows();
    sheet.deleteRows(3, rows - 3); // a small tab: header, one entry, one empty row
    env.run('saveSession', session(['C001', 'C002', 'C003'], {}, { date: '2025-03-11' }));
    expect(recordEntries(env).map((r) => r['Session date'])).toEqual([
      '2025-03-10',
      '2025-03-11',
      '2025-03-11',
      '2025-03-11',
    ]);
  });
});
