/**
 * Make-ups, minutes and policy checks (issue 17) in the Client summary and the Practice report
 * (issue 16), through the built add-on: the same figures the sidebar shows, as of the period's end.
 */
import type { Environment } from '../../src/runtime';
import type { ReportResult, SaveSessionResult } from '../../src/core/types';
import { practice, session, sidebar } from './fixtures';

function tab(env: Environment, name: string): unknown[][] {
  return env.spreadsheet.getSheetByName(name)!.getDataRange().getValues();
}

const row = (values: unknown[][], label: string): unknown[] => {
  const found = values.find((r) => r[0] === label);
  if (!found) throw new Error(`no row "${label}"`);
  return found;
};

/** Amy and Ben's Monday group: a session the practice cancelled, one made up, minutes, two no-shows for Ben. */
function setUp(): { env: Environment; owed: string[] } {
  const env = practice();
  env.run('saveSettings', {
    plannedMinutes: [{ group: 'Monday group', minutes: 45 }],
    policies: { noShowsInRow: { on: true, count: 2 }, absencesPerYear: { on: true, count: 4 } },
  });
  const cancelled = env.run<SaveSessionResult>(
    'saveSession',
    session(
      ['C001', 'C002'],
      {
        C001: { status: 'cancelled', reason: 'practice cancelled' },
        C002: { status: 'cancelled', reason: 'practice cancelled' },
      },
      { date: '2025-02-17' },
    ),
  );
  env.run(
    'saveSession',
    session(
      ['C001', 'C002'],
      { C001: { status: 'late', minutes: 30 }, C002: { status: 'unexcused' } },
      { date: '2025-02-24' },
    ),
  );
  env.run('saveSession', session(['C001', 'C002'], { C002: { status: 'unexcused' } }, { date: '2025-03-03' }));
  env.run(
    'saveSession',
    session(['C001'], { C001: { makesUpFor: cancelled.entryIds[0] } }, { date: '2025-03-05', group: '' }),
  );
  return { env, owed: cancelled.entryIds };
}

test("the client summary gives the client's make-ups, minutes delivered against planned and policy checks", () => {
  const { env } = setUp();
  const amy = tab(env, env.run<ReportResult>('buildClientSummary', { clientId: 'C001' }).sheetName);
  expect(row(amy, 'Make-ups owed').slice(0, 5)).toEqual(['Make-ups owed', 0, '', '', 'No make-up owed (1 made up)']);
  // 3 Monday sessions planned at 45 (the cancelled one too); the late arrival 30, the present 45, the make-up 45.
  expect(row(amy, 'Minutes delivered').slice(0, 5)).toEqual([
    'Minutes delivered',
    120,
    '',
    '',
    '120 of 135 planned minutes (89%)',
  ]);
  expect(row(amy, 'Minutes planned')[1]).toBe(135);
  expect(row(amy, 'No-shows in a row').slice(0, 5)).toEqual([
    'No-shows in a row',
    0,
    '',
    '',
    "0 no-shows in a row (the policy's line: 2)",
  ]);
  const ben = tab(env, env.run<ReportResult>('buildClientSummary', { clientId: 'C002' }).sheetName);
  expect(row(ben, 'Make-ups owed').slice(0, 2)).toEqual(['Make-ups owed', 1]);
  expect(ben.some((r) => r[0] === '2025-02-17' && r[4] === 'owed a make-up')).toBe(true);
  expect(row(ben, 'No-shows in a row')[4]).toBe("2 no-shows in a row (the policy's line: 2): a reason to talk");
  expect(row(ben, 'Absences in the year')[4]).toBe('2 of 4 allowed absences used this year');
  // The same as the sidebar says today.
  const data = sidebar(env);
  expect(data.clients.find((c) => c.id === 'C002')?.policy?.map((p) => p.text)).toEqual([
    row(ben, 'No-shows in a row')[4],
    row(ben, 'Absences in the year')[4],
  ]);
});

test('a summary of an earlier period counts make-ups as they stood on its last day', () => {
  const { env } = setUp();
  const before = tab(
    env,
    env.run<ReportResult>('buildClientSummary', { clientId: 'C001', from: '2025-01-01', to: '2025-03-04' }).sheetName,
  );
  expect(row(before, 'Make-ups owed').slice(0, 2)).toEqual(['Make-ups owed', 1]);
});

test('the practice report gives each group its minutes, make-ups owed and clients at a policy line', () => {
  const { env } = setUp();
  const report = tab(
    env,
    env.run<ReportResult>('buildPracticeReport', { from: '2025-02-01', to: '2025-03-12' }).sheetName,
  );
  const monday = report.findIndex((r) => r[0] === 'Monday group');
  // Monday group: 6 client-sessions planned at 45 = 270; delivered 30 + 45 and the make-up's 45 (Amy), Ben none.
  expect(report[monday + 1][0]).toBe(
    'Minutes: 120 of 270 planned minutes (44%) · 1 make-up owed · 1 client at a policy line (a reason to talk)',
  );
});
