/**
 * Make-ups, minutes and policy checks end to end through the built add-on (issue 17): what is
 * owed after the practice cancels, a make-up clearing it, minutes delivered against planned, the
 * policy counts beside the trend, and all of it with people sorting the record and renaming its
 * headings, and in a record written before these columns existed.
 */
import type { Environment } from '../../src/runtime';
import type { ClientView, SaveSessionResult, SidebarData } from '../../src/core/types';
import { attendanceSheet, failure, practice, recordEntries, session, sidebar } from './fixtures';

const client = (data: SidebarData, id: string): ClientView => data.clients.find((c) => c.id === id)!;

function patterns(env: Environment): { header: string[]; row: (name: string) => Record<string, unknown> } {
  const view = env.view().sheets.find((s) => s.name === 'Patterns')!;
  const header = view.values[2].map(String);
  return {
    header,
    row: (name) => {
      const values = view.values.find((r) => r[0] === name)!;
      return Object.fromEntries(header.map((h, i) => [h, values[i]]));
    },
  };
}

/** The Monday group's session of 3 March cancelled by the practice (a make-up owed to each), Ben's of 10 March his holiday. */
function cancelledWeek(env: Environment): string[] {
  const cancelled = env.run<SaveSessionResult>(
    'saveSession',
    session(
      ['C001', 'C002'],
      {
        C001: { status: 'cancelled', reason: 'practice cancelled' },
        C002: { status: 'cancelled', reason: 'practice cancelled' },
      },
      { date: '2025-03-03' },
    ),
  );
  env.run(
    'saveSession',
    session(
      ['C001', 'C002'],
      { C002: { status: 'cancelled', reason: 'planned break', notice: true } },
      { date: '2025-03-10' },
    ),
  );
  return cancelled.entryIds;
}

describe('make-ups', () => {
  test("the practice's cancellation leaves a make-up owed (a planned absence none), and a make-up clears it", () => {
    const env = practice();
    const [amyOwed, benOwed] = cancelledWeek(env);
    let data = sidebar(env);
    expect(client(data, 'C001').makeUps).toMatchObject({ owed: [{ entryId: amyOwed, date: '2025-03-03' }], madeUp: 0 });
    expect(client(data, 'C002').makeUps?.owed.map((o) => o.entryId)).toEqual([benOwed]);
    expect(client(data, 'C002').makeUps?.text).toBe('1 make-up owed');
    expect(client(data, 'C003').makeUps).toEqual({ owed: [], madeUp: 0, text: '' });
    expect(patterns(env).row('Amy Adams')['Make-ups owed']).toBe('1');

    const made = env.run<SaveSessionResult>(
      'saveSession',
      session(['C001'], { C001: { status: 'present', makesUpFor: amyOwed } }, { date: '2025-03-12', group: '' }),
    );
    data = made.sidebar;
    expect(client(data, 'C001').makeUps).toEqual({ owed: [], madeUp: 1, text: 'No make-up owed (1 made up)' });
    expect(client(data, 'C002').makeUps?.owed).toHaveLength(1);
    expect(recordEntries(env).find((r) => r['Entry ID'] === made.entryIds[0])).toMatchObject({
      'Makes up for': amyOwed,
      Status: 'present',
    });
    expect(patterns(env).row('Amy Adams')['Make-ups owed']).toBe('0');
    expect(patterns(env).row('Ben Brown')['Make-ups owed']).toBe('1');
  });

  test('a make-up for a session not owed (made up already, or another client’s) is refused and stores nothing', () => {
    const env = practice();
    const [amyOwed, benOwed] = cancelledWeek(env);
    env.run('saveSession', session(['C001'], { C001: { makesUpFor: amyOwed } }, { date: '2025-03-11', group: '' }));
    const rows = recordEntries(env).length;
    const again = failure(() =>
      env.run('saveSession', session(['C001'], { C001: { makesUpFor: amyOwed } }, { date: '2025-03-12', group: '' })),
    );
    expect(again).toMatch(/^Nothing was saved\. The session Amy Adams's make-up was for is no longer owed/);
    const theirs = failure(() =>
      env.run('saveSession', session(['C001'], { C001: { makesUpFor: benOwed } }, { date: '2025-03-12', group: '' })),
    );
    expect(theirs).toMatch(/no longer owed/);
    expect(recordEntries(env)).toHaveLength(rows);
  });

  test('with the policy "an absence with notice is owed a make-up" switched on, it is', () => {
    const env = practice();
    env.run('saveSession', session(['C001'], { C001: { status: 'excused', reason: 'illness', notice: true } }));
    expect(client(sidebar(env), 'C001').makeUps?.owed).toHaveLength(0);
    const data = env.run<SidebarData>('saveSettings', { makeUps: { afterNotice: true } });
    expect(client(data, 'C001').makeUps?.owed).toMatchObject([{ status: 'excused', reason: 'illness' }]);
  });

  test('people sorting the record and renaming its headings change no balance, and a correction keeps the link', () => {
    const env = practice();
    const [amyOwed] = cancelledWeek(env);
    env.run(
      'saveSession',
      session(
        ['C001'],
        { C001: { status: 'late', makesUpFor: amyOwed, minutes: 40 } },
        { date: '2025-03-11', group: '' },
      ),
    );
    const sheet = attendanceSheet(env)!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    sheet.getRange(1, headers.indexOf('Makes up for') + 1).setValue('Make-up of');
    sheet.getRange(1, headers.indexOf('Minutes attended') + 1).setValue('Mins');
    sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).sort({ column: 2, ascending: false });
    const before = sidebar(env);
    expect(client(before, 'C001').makeUps).toMatchObject({ owed: [], madeUp: 1 });
    // The owed session corrected (a note added): still made up.
    env.run('correctEntry', {
      requestId: 'fix-1',
      entryId: amyOwed,
      status: 'cancelled',
      reason: 'facility event',
      note: 'boiler',
    });
    const after = sidebar(env);
    expect(client(after, 'C001').makeUps).toMatchObject({ owed: [], madeUp: 1 });
    expect(client(after, 'C002').makeUps?.owed).toHaveLength(1);
    expect(env.run<{ minutes?: number }[]>('getClientHistory', 'C001').map((e) => e.minutes)).toContain(40);
  });
});

describe('minutes', () => {
  test('planned per group or client; a late arrival carries the minutes attended; delivered against planned', () => {
    const env = practice();
    env.run('saveSettings', {
      plannedMinutes: [
        { group: 'Monday group', minutes: 45 },
        { clientId: 'C003', minutes: 30 },
      ],
    });
    env.run(
      'saveSession',
      session(
        ['C001', 'C002', 'C003'],
        { C002: { status: 'late', minutes: 20 }, C003: { status: 'unexcused' } },
        { date: '2025-03-03' },
      ),
    );
    env.run('saveSession', session(['C001', 'C002', 'C003'], {}, { date: '2025-03-10' }));
    const data = sidebar(env);
    expect(client(data, 'C001').minutes).toEqual({
      delivered: 90,
      planned: 90,
      sessions: 2,
      text: '90 of 90 planned minutes (100%)',
    });
    expect(client(data, 'C002').minutes).toMatchObject({ delivered: 65, planned: 90, sessions: 2 });
    expect(client(data, 'C003').minutes).toMatchObject({ delivered: 30, planned: 60, sessions: 2 });
    expect(client(data, 'C004').minutes).toBeNull();
    expect(
      recordEntries(env)
        .filter((r) => r['Minutes attended'] !== '')
        .map((r) => r['Minutes attended']),
    ).toEqual([20]);
  });

  test('minutes attended out of bounds are refused with the field’s words, and nothing is stored', () => {
    const env = practice();
    for (const minutes of [-5, 2.5, 601, '30']) {
      const message = failure(() =>
        env.run('saveSession', session(['C002'], { C002: { status: 'late', minutes: minutes as number } })),
      );
      expect(message).toBe('Nothing was saved. “Minutes attended” must be a whole number from 0 to 600 (Ben Brown).');
    }
    expect(recordEntries(env)).toHaveLength(0);
  });
});

describe('policy checks', () => {
  test('off by default; switched on, each shows its count beside the trend in the sidebar and Patterns', () => {
    const env = practice();
    for (const date of ['2025-02-24', '2025-03-03', '2025-03-10'])
      env.run('saveSession', session(['C001', 'C002'], { C002: { status: 'unexcused' } }, { date }));
    expect(client(sidebar(env), 'C002').policy).toEqual([]);
    expect(patterns(env).row('Ben Brown').Policy).toBe('');
    const data = env.run<SidebarData>('saveSettings', {
      policies: { noShowsInRow: { on: true, count: 3 }, absencesPerYear: { on: true, count: 4 } },
    });
    expect(client(data, 'C002').policy?.map((p) => p.text)).toEqual([
      "3 no-shows in a row (the policy's line: 3): a reason to talk",
      '3 of 4 allowed absences used this year',
    ]);
    expect(client(data, 'C001').policy?.map((p) => p.reached)).toEqual([false, false]);
    // Patterns shows them from its next refresh (the next save, or Refresh patterns), as for any setting.
    env.run('refreshPatterns');
    expect(patterns(env).row('Ben Brown').Policy).toBe(
      "3 no-shows in a row (the policy's line: 3): a reason to talk; 3 of 4 allowed absences used this year",
    );
  });

  test('a policy setting out of bounds is refused in the words of its field', () => {
    const env = practice();
    expect(failure(() => env.run('saveSettings', { policies: { noShowsInRow: { on: true, count: 0 } } }))).toBe(
      'Settings were not saved. “No-shows in a row” must be a whole number from 1 to 52.',
    );
    expect(failure(() => env.run('saveSettings', { policies: { absencesPerYear: { yearStarts: '13-01' } } }))).toMatch(
      /must be a month and day, like 09-01/,
    );
  });
});

describe('a record written before these columns existed', () => {
  /** The record as the previous version left it: no "Minutes attended" or "Makes up for" column, nor their marks. */
  function olderRecord(env: Environment): void {
    const sheet = attendanceSheet(env)!;
    for (const key of ['cadence-record:column:minutes', 'cadence-record:column:makesUpFor'])
      for (const m of sheet.getDeveloperMetadata()) if (m.getKey() === key) m.remove();
    const headers = () => sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    sheet.deleteColumn(headers().indexOf('Makes up for') + 1);
    sheet.deleteColumn(headers().indexOf('Minutes attended') + 1);
  }

  test('reads as before, and its next save adds the columns with their headings, after the last', () => {
    const env = practice();
    const [amyOwed] = cancelledWeek(env);
    olderRecord(env);
    const sheet = attendanceSheet(env)!;
    const width = sheet.getLastColumn();
    const data = sidebar(env);
    expect(client(data, 'C001').makeUps?.owed.map((o) => o.entryId)).toEqual([amyOwed]);
    expect(env.run<{ minutes?: number | null; makesUpFor?: string }[]>('getClientHistory', 'C001')[0]).toMatchObject({
      minutes: null,
      makesUpFor: '',
    });
    env.run(
      'saveSession',
      session(
        ['C001'],
        { C001: { status: 'late', minutes: 35, makesUpFor: amyOwed } },
        { date: '2025-03-12', group: '' },
      ),
    );
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    expect(headers.slice(width)).toEqual(['Minutes attended', 'Makes up for']);
    expect(client(sidebar(env), 'C001').makeUps).toMatchObject({ owed: [], madeUp: 1 });
    // Once given, the column is the record's like any other: deleted, it is refused, not silently re-added.
    sheet.deleteColumn(headers.indexOf('Makes up for') + 1);
    expect(failure(() => sidebar(env))).toMatch(/"Makes up for" column was deleted/);
  });
});
