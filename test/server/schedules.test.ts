/**
 * Expected sessions and absences planned ahead (issue 17), through the built Code.js in the offline
 * runtime: what a practice sets up once in Settings, and what the sidebar and the Patterns tab then
 * show, with people renaming, deleting and sorting around it.
 */
import { addDays } from '../../src/core/dates';
import { PLAN_STATUS, plannedReason } from '../../src/core/plannedAbsences';
import type { SaveSessionResult, SidebarData } from '../../src/core/types';
import type { Environment } from '../../src/runtime';
import { isExpensive } from '../../src/runtime/counter';
import { cadenceEnvironment } from '../cadence';
import {
  attendanceSheet,
  failure,
  newRequestId,
  practice,
  readRecordBack,
  recordEntries,
  session,
  sidebar,
  writeRoster,
} from './fixtures';
import { PRACTICE } from './fixtures';

// The fixtures' today is Wednesday 2025-03-12 in New York. Monday group meets on Mondays.
const MONDAY_GROUP = { group: 'Monday group', weekdays: ['mon'] };
const MONDAYS = ['2025-03-10', '2025-03-03', '2025-02-24', '2025-02-17'];
const GROUP = ['C001', 'C002', 'C003'];

function weeklyGroup(skip: string[] = []): Environment {
  const env = practice();
  env.run('saveSettings', { schedules: [MONDAY_GROUP] });
  for (const date of MONDAYS.slice().reverse())
    if (!skip.includes(date)) env.run('saveSession', session(GROUP, {}, { date }));
  return env;
}

function patterns(env: Environment) {
  const view = env.view().sheets.find((s) => s.name === 'Patterns')!;
  const header = view.values[2];
  return {
    cell: (client: string, week: string) => {
      const row = view.values.find((r) => r[0] === client)!;
      return row[header.indexOf(week)];
    },
    header,
    view,
  };
}

describe('a weekly group with one week unrecorded', () => {
  const env = weeklyGroup(['2025-03-03']);
  const data = sidebar(env);

  test('is listed in To record, and nothing else is', () => {
    expect(data.toRecord).toEqual([{ date: '2025-03-03', group: 'Monday group' }]);
  });

  test('shows in Patterns as not recorded, and no rate counts it', () => {
    const p = patterns(env);
    expect(p.cell('Amy Adams', '3 Mar')).toBe('?');
    expect(p.cell('Amy Adams', '10 Mar')).toBe('P');
    expect(p.view.values[0]).toContain('? not recorded');
    const amy = data.clients.find((c) => c.id === 'C001')!;
    expect([amy.trend.sessions, amy.trend.absences]).toEqual([3, 0]);
    // A colour of its own, by a conditional-format rule.
    const row = p.view.values.findIndex((r) => r[0] === 'Amy Adams');
    expect(p.view.backgrounds[row][p.header.indexOf('3 Mar')]).toBe('#cfe2f3');
  });

  test('recording it clears the item and the mark', () => {
    const result = env.run<SaveSessionResult>('saveSession', session(GROUP, {}, { date: '2025-03-03' }));
    expect(result.sidebar.toRecord).toEqual([]);
    expect(patterns(env).cell('Amy Adams', '3 Mar')).toBe('P');
  });
});

test("today's session comes first, then the last 3 weeks newest first; a break is not to record", () => {
  const env = practice();
  env.run('saveSettings', {
    schedules: [
      { group: 'Monday group', weekdays: ['mon', 'wed'], breaks: [{ from: '2025-02-24', to: '2025-02-28' }] },
      { clientId: 'C004', weekdays: ['tue'], from: '2025-03-01' },
    ],
  });
  expect(sidebar(env).toRecord).toEqual([
    { date: '2025-03-12', group: 'Monday group' },
    { date: '2025-03-11', clientId: 'C004' },
    { date: '2025-03-10', group: 'Monday group' },
    { date: '2025-03-05', group: 'Monday group' },
    { date: '2025-03-04', clientId: 'C004' },
    { date: '2025-03-03', group: 'Monday group' },
    // 24 and 26 Feb fall in the break; 21 days back from today reaches 20 Feb.
  ]);
});

test('a planned holiday is shown on its days, recorded as not counted, and never raises a flag', () => {
  const env = weeklyGroup();
  const plan = {
    requestId: newRequestId(),
    clientId: 'C002',
    from: '2025-03-14',
    to: '2025-04-13',
    reason: 'holiday',
    note: 'family trip',
  };
  const data = env.run<SidebarData>('planAbsence', plan);
  expect(data.plannedAbsences).toMatchObject([
    { clientId: 'C002', from: '2025-03-14', to: '2025-04-13', reason: 'holiday' },
  ]);
  // Stored once, in the record (health data stays in the spreadsheet), never as an entry.
  env.run('planAbsence', plan);
  const rows = recordEntries(env).filter((r) => r.Status === PLAN_STATUS);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ 'Session date': '2025-03-14', 'Planned until': '2025-04-13', Client: 'Ben Brown' });
  expect(sidebar(env).clients.find((c) => c.id === 'C002')!.lastEntry?.date).toBe('2025-03-10');
  // Four Mondays away, recorded as the form marks them: Ben would be Urgent if they counted.
  let after: SaveSessionResult | null = null;
  for (const date of ['2025-03-17', '2025-03-24', '2025-03-31', '2025-04-07'])
    after = env.run<SaveSessionResult>(
      'saveSession',
      session(GROUP, { C002: { status: 'cancelled', reason: plannedReason('holiday') } }, { date }),
    );
  const ben = after!.sidebar.clients.find((c) => c.id === 'C002')!;
  expect(ben.trend.level).toBe('none');
  expect([ben.trend.sessions, ben.trend.absences]).toEqual([4, 0]);
  expect(after!.trends.some((t) => t.clientId === 'C002')).toBe(false);
});

test('an individual session inside a planned absence is not listed; calling the absence off lists it again', () => {
  const env = practice();
  env.run('saveSettings', { schedules: [{ clientId: 'C004', weekdays: ['tue'] }] });
  env.run('saveSession', session(['C004'], {}, { date: '2025-02-18', group: undefined }));
  expect(sidebar(env).toRecord.map((t) => t.date)).toEqual(['2025-03-11', '2025-03-04', '2025-02-25']);
  const data = env.run<SidebarData>('planAbsence', {
    requestId: newRequestId(),
    clientId: 'C004',
    from: '2025-03-01',
    to: '2025-03-20',
    reason: 'hospital stay',
  });
  expect(data.toRecord.map((t) => t.date)).toEqual(['2025-02-25']);
  // Patterns agrees: the weeks of the absence are not unrecorded, the week before it is.
  expect([patterns(env).cell('Dan Diaz', '10 Mar'), patterns(env).cell('Dan Diaz', '3 Mar')]).toEqual(['', '']);
  expect(patterns(env).cell('Dan Diaz', '24 Feb')).toBe('?');
  const planId = data.plannedAbsences[0].planId;
  const back = env.run<SidebarData>('cancelPlannedAbsence', { requestId: newRequestId(), planId });
  expect(back.plannedAbsences).toEqual([]);
  expect(back.toRecord.map((t) => t.date)).toEqual(['2025-03-11', '2025-03-04', '2025-02-25']);
  expect(patterns(env).cell('Dan Diaz', '10 Mar')).toBe('?');
  // The plan and its calling off both stay in the record, never counted as sessions.
  expect(recordEntries(env).map((r) => r.Status)).toEqual(['present', PLAN_STATUS, 'planned absence called off']);
  expect(failure(() => env.run('cancelPlannedAbsence', { requestId: newRequestId(), planId }))).toMatch(
    /changed or called off meanwhile/,
  );
});

test('bad planned absences are refused in words, and nothing is stored', () => {
  const env = practice();
  const base = { requestId: newRequestId(), clientId: 'C001', from: '2025-03-20', to: '2025-03-14', reason: 'holiday' };
  expect(failure(() => env.run('planAbsence', base))).toMatch(/last day of the absence is before the first/);
  expect(failure(() => env.run('planAbsence', { ...base, to: '2025-03-30', clientId: 'nobody' }))).toMatch(
    /Choose the client/,
  );
  expect(failure(() => env.run('planAbsence', { ...base, to: '2025-03-30', reason: ' ' }))).toMatch(/reason/);
  expect(attendanceSheet(env)).toBeNull();
});

test('bad schedules are refused in words, and the settings stay as they were', () => {
  const env = practice();
  env.run('saveSettings', { schedules: [MONDAY_GROUP] });
  expect(failure(() => env.run('saveSettings', { schedules: [{ group: 'X', weekdays: [] }] }))).toMatch(/weekday/);
  expect(
    failure(() => env.run('saveSettings', { schedules: [{ group: 'X', clientId: 'C1', weekdays: ['mon'] }] })),
  ).toMatch(/group or one client/);
  expect(
    failure(() =>
      env.run('saveSettings', { schedules: [{ group: 'X', weekdays: ['mon'], from: '2025-05-01', to: '2025-04-01' }] }),
    ),
  ).toMatch(/ends before it starts/);
  expect(failure(() => env.run('saveSettings', { talkAt: 'urgent' }))).toMatch(/Watch or at Rising/);
  expect(sidebar(env).settings.schedules).toEqual([{ group: 'Monday group', weekdays: ['mon'] }]);
});

describe('people working around it', () => {
  test('the roster group renamed: sessions saved under the old name still count as recorded', () => {
    const env = weeklyGroup(['2025-03-03']);
    const roster = env.spreadsheet.getSheetByName('Clients')!;
    const groups = roster.getRange(2, 3, PRACTICE.length, 1);
    groups.setValues(groups.getValues().map(([g]) => [g === 'Monday group' ? 'Music group' : g]));
    // The schedule still names the old group: it lists nothing and says why.
    const stale = sidebar(env);
    expect(stale.toRecord).toEqual([]);
    expect(stale.scheduleWarnings).toEqual([
      expect.stringContaining('No active client is in the group "Monday group"'),
    ]);
    env.run('saveSettings', { schedules: [{ group: 'Music group', weekdays: ['mon'] }] });
    // Mondays recorded as "Monday group" are recorded; only the missing one is listed.
    expect(sidebar(env).toRecord).toEqual([{ date: '2025-03-03', group: 'Music group' }]);
  });

  test('rows of a session deleted by a person: it is to record again; sorting changes nothing', () => {
    const env = weeklyGroup();
    const sheet = attendanceSheet(env)!;
    expect(sidebar(env).toRecord).toEqual([]);
    sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).sort({ column: 3, ascending: false });
    expect(sidebar(env).toRecord).toEqual([]);
    const rows = readRecordBack(env)
      .map((r, i) => ({ i, day: r['Session date'] }))
      .filter((r) => r.day === '2025-02-24');
    expect(rows).toHaveLength(3);
    for (const r of rows.slice().reverse()) sheet.deleteRow(r.i + 2);
    expect(sidebar(env).toRecord).toEqual([{ date: '2025-02-24', group: 'Monday group' }]);
  });

  test('a client discharged or deleted from the roster: their schedule lists nothing', () => {
    const env = practice();
    env.run('saveSettings', { schedules: [{ clientId: 'C005', weekdays: ['tue'] }] });
    expect(sidebar(env).toRecord).toEqual([]);
  });
});

describe('days in the spreadsheet’s time zone', () => {
  /** A practice whose spreadsheet is in `zone`, at `now`. */
  function at(zone: string, now: string): Environment {
    const env = cadenceEnvironment({ timeZone: zone, now: () => new Date(now) });
    writeRoster(env, PRACTICE);
    return env;
  }

  test.each([
    // Late Sunday evening in Auckland is still Saturday in UTC: today is Sunday there.
    ['Pacific/Auckland', '2025-03-09T10:30:00Z', '2025-03-09'],
    // Just after midnight in Los Angeles on Monday is Monday 08:00 UTC; 23:30 Sunday is Monday in UTC.
    ['America/Los_Angeles', '2025-03-10T07:30:00Z', '2025-03-10'],
    ['America/Los_Angeles', '2025-03-10T06:30:00Z', '2025-03-09'],
    ['Asia/Kolkata', '2025-03-09T19:00:00Z', '2025-03-10'],
  ])('%s at %s: today is %s', (zone, now, today) => {
    const env = at(zone, now);
    env.run('saveSettings', { schedules: [{ group: 'Monday group', weekdays: ['mon'] }] });
    const data = sidebar(env);
    expect(data.today).toBe(today);
    expect(data.toRecord[0].date).toBe(today === '2025-03-10' ? '2025-03-10' : '2025-03-03');
  });

  test('across the spring and autumn daylight-saving changes every Monday stays a Monday', () => {
    // New York springs forward on Sunday 9 March 2025 and falls back on Sunday 2 November.
    for (const [now, mondays] of [
      ['2025-03-18T16:00:00Z', ['2025-03-17', '2025-03-10', '2025-03-03']],
      ['2025-11-11T16:00:00Z', ['2025-11-10', '2025-11-03', '2025-10-27']],
    ] as const) {
      const env = at('America/New_York', now);
      env.run('saveSettings', { schedules: [{ group: 'Monday group', weekdays: ['mon'] }] });
      expect(sidebar(env).toRecord.map((t) => t.date)).toEqual(mondays);
      env.run('saveSession', session(GROUP, {}, { date: mondays[1] }));
      expect(sidebar(env).toRecord.map((t) => t.date)).toEqual([mondays[0], mondays[2]]);
      const plan = env.run<SidebarData>('planAbsence', {
        requestId: newRequestId(),
        clientId: 'C001',
        from: mondays[2],
        to: mondays[0],
        reason: 'holiday',
      });
      expect(plan.plannedAbsences.map((p) => [p.from, p.to])).toEqual([[mondays[2], mondays[0]]]);
    }
  });

  test('a planned absence entered in Auckland (UTC+13) keeps its days', () => {
    const env = at('Pacific/Auckland', '2025-03-12T01:00:00Z');
    env.run('planAbsence', {
      requestId: newRequestId(),
      clientId: 'C001',
      from: '2025-04-05',
      to: '2025-04-07',
      reason: 'holiday',
    });
    expect(sidebar(env).plannedAbsences.map((p) => [p.from, p.to])).toEqual([['2025-04-05', '2025-04-07']]);
    expect(recordEntries(env)[0]).toMatchObject({ 'Session date': expect.any(String) });
  });
});

test('talkAt: Needs attention and the roster highlight follow it; Patterns shows every level', () => {
  const env = practice();
  // Amy misses the last 2 of 8 sessions: Watch, not Rising.
  const dates = Array.from({ length: 8 }, (_, i) => addDays('2025-01-13', 7 * i));
  dates.forEach((date, i) =>
    env.run('saveSession', session(['C001'], { C001: { status: i >= 6 ? 'excused' : 'present' } }, { date })),
  );
  const watch = sidebar(env);
  expect(watch.clients.find((c) => c.id === 'C001')!.trend.level).toBe('watch');
  const rosterColour = () => {
    const roster = env.view().sheets.find((s) => s.name === 'Clients')!;
    return roster.backgrounds[1][1];
  };
  expect(rosterColour()).toBe('#fff2cc');
  const rising = env.run<SidebarData>('saveSettings', { talkAt: 'rising' });
  expect(rising.settings.talkAt).toBe('rising');
  expect(rosterColour()).not.toBe('#fff2cc');
  expect(patterns(env).view.values.find((r) => r[0] === 'Amy Adams')![1]).toBe('Watch');
});

describe('people editing the planned absences in the Attendance tab', () => {
  function planned(): Environment {
    const env = weeklyGroup();
    for (const [clientId, from, to] of [
      ['C001', '2025-03-17', '2025-03-23'],
      ['C002', '2025-03-24', '2025-03-30'],
    ])
      env.run('planAbsence', { requestId: newRequestId(), clientId, from, to, reason: 'holiday' });
    return env;
  }
  const plans = (env: Environment) => sidebar(env).plannedAbsences.map((p) => [p.client, p.from, p.to]);

  test('sorting the tab by any column changes nothing', () => {
    const env = planned();
    const before = plans(env);
    const sheet = attendanceSheet(env)!;
    for (const column of [1, 2, 3, 16])
      sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn()).sort({ column, ascending: false });
    expect(plans(env)).toEqual(before);
    expect(before).toEqual([
      ['Amy Adams', '2025-03-17', '2025-03-23'],
      ['Ben Brown', '2025-03-24', '2025-03-30'],
    ]);
  });

  test('a plan row deleted by a person is gone; a last day typed over is read as typed', () => {
    const env = planned();
    const sheet = attendanceSheet(env)!;
    const rows = readRecordBack(env);
    const amy = rows.findIndex((r) => r.Status === PLAN_STATUS && r.Client === 'Amy Adams');
    const ben = rows.findIndex((r) => r.Status === PLAN_STATUS && r.Client === 'Ben Brown');
    const until = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf('Planned until');
    sheet.getRange(ben + 2, until + 1).setValue('2025-04-06');
    sheet.deleteRow(amy + 2);
    expect(plans(env)).toEqual([['Ben Brown', '2025-03-24', '2025-04-06']]);
    // A last day blanked out cannot be placed: the plan no longer applies, and nothing else breaks.
    sheet.getRange(ben + 1, until + 1).setValue('');
    expect(plans(env)).toEqual([]);
    expect(sidebar(env).clients.find((c) => c.id === 'C002')!.trend.sessions).toBe(4);
  });
});

test('the sidebar makes the same service calls with no schedule and with 40 schedules and 40 planned absences', () => {
  const roundTrips = (env: Environment) =>
    Object.fromEntries(Object.entries(env.lastCalls.byMethod).filter(([method]) => isExpensive(method)));
  const plain = weeklyGroup();
  plain.run('saveSettings', { schedules: [] });
  plain.run('getSidebarData');
  const busy = weeklyGroup(['2025-03-03']);
  busy.run('saveSettings', {
    schedules: Array.from({ length: 40 }, (_, i) => ({
      group: 'Monday group',
      weekdays: ['mon', 'wed'],
      breaks: [{ from: addDays('2024-01-01', i), to: addDays('2024-01-01', i) }],
    })),
  });
  for (let i = 0; i < 40; i += 1)
    busy.run('planAbsence', {
      requestId: newRequestId(),
      clientId: GROUP[i % 3],
      from: addDays('2025-03-13', i),
      to: addDays('2025-03-13', i),
      reason: 'holiday',
    });
  const data = busy.run<SidebarData>('getSidebarData');
  expect(data.toRecord.length).toBeGreaterThan(1);
  expect(data.plannedAbsences).toHaveLength(40);
  expect(roundTrips(busy)).toEqual(roundTrips(plain));
});
