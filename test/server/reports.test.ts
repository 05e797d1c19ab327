/**
 * The Client summary and the Practice report (issue 16), run through the built add-on: their
 * figures against counts made here, independently, from the Attendance rows a person can read
 * (corrections, withdrawals, cancelled sessions and a planned break included), and with people
 * renaming, deleting and sorting around them.
 */
import type { Environment } from '../../src/runtime';
import type { AttendanceInput, ReportResult, SaveSessionResult, Status } from '../../src/core/types';
import { FLAG_LINE, PRINT_WIDTH } from '../../src/core/reportLayout';
import { attendanceSheet, failure, newRequestId, practice, recordEntries, session, sidebar } from './fixtures';
import type { RecordRowView } from './fixtures';

/** Monday sessions of the Monday group, from before the default period to this week. */
const MONDAYS = Array.from({ length: 27 }, (_, i) => {
  const d = new Date(Date.UTC(2024, 8, 2 + 7 * i));
  return d.toISOString().slice(0, 10);
}).filter((d) => d <= '2025-03-10');

type Mark = Partial<AttendanceInput> & { status: Status };

/** Amy's history, week by week: enough absences of each kind to count, and two kinds of cancelled. */
function amyMark(i: number): Mark {
  const pattern: Mark[] = [
    { status: 'present' },
    { status: 'present' },
    { status: 'excused', reason: 'illness', notice: true },
    { status: 'present', note: '=SUM(1,2) sang along' },
    { status: 'late' },
    { status: 'unexcused', reason: 'transport', notice: false, followUp: true },
    { status: 'present' },
    { status: 'refused', reason: 'declined' },
    { status: 'cancelled', reason: 'facility event' },
  ];
  if (i === 14 || i === 15) return { status: 'cancelled', reason: 'planned break', notice: true };
  // A day of an absence the client planned ahead: recorded as not counted, on the client's side.
  if (i === 18) return { status: 'cancelled', reason: 'planned: family holiday', notice: true };
  if (i >= 22) return { status: 'unexcused', reason: 'unknown' };
  return pattern[i % pattern.length];
}

function recordHistory(env: Environment): { entryIds: string[] } {
  const entryIds: string[] = [];
  MONDAYS.forEach((date, i) => {
    const saved = env.run<SaveSessionResult>(
      'saveSession',
      session(['C001', 'C002'], { C001: amyMark(i), C002: { status: i % 4 === 0 ? 'excused' : 'present' } }, { date }),
    );
    entryIds.push(saved.entryIds[0]);
  });
  // A correction (week 5's unexcused was illness after all), a withdrawal (week 6 was entered by
  // mistake) and a follow-up marked done (week 14's).
  env.run('correctEntry', {
    requestId: newRequestId(),
    entryId: entryIds[5],
    status: 'excused',
    reason: 'illness',
    notice: true,
    followUp: true,
  });
  env.run('withdrawEntry', { requestId: newRequestId(), entryId: entryIds[6], note: 'wrong client' });
  return { entryIds };
}

/** Current rows, counted here from the record as a person reads it: not replaced, not withdrawing. */
function currentRows(rows: readonly RecordRowView[]): RecordRowView[] {
  const replaced = new Set(rows.map((r) => String(r.Replaces)).filter(Boolean));
  const withdrawn = new Set(rows.filter((r) => r.Status === 'withdrawn').map((r) => String(r.Replaces)));
  return rows.filter(
    (r) => r.Status !== 'withdrawn' && !replaced.has(String(r['Entry ID'])) && !withdrawn.has(String(r['Entry ID'])),
  );
}

function tab(env: Environment, name: string): unknown[][] {
  const sheet = env.spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no tab ${name}`);
  return sheet.getDataRange().getValues();
}

/** The value beside a label in column A (the first such row, or the first after `after`). */
function figure(values: unknown[][], label: string, after = ''): unknown {
  const start = after ? values.findIndex((r) => r[0] === after) : 0;
  const row = values.slice(start).find((r) => r[0] === label);
  if (!row) throw new Error(`no row "${label}"`);
  return row[1];
}

describe('the client summary', () => {
  const env = practice();
  recordHistory(env);
  const result = env.run<ReportResult>('buildClientSummary', { clientId: 'C001' });
  const values = tab(env, result.sheetName);
  const from = '2024-09-13';
  const to = '2025-03-12';
  const amy = currentRows(recordEntries(env)).filter(
    (r) => r['Client ID'] === 'C001' && String(r['Session date']) >= from && String(r['Session date']) <= to,
  );
  const count = (...statuses: string[]) => amy.filter((r) => statuses.includes(String(r.Status))).length;

  test('is a tab named Client summary, shown to the user, with the title, period and the flag line', () => {
    expect(result.sheetName).toBe('Client summary');
    expect(env.spreadsheet.getActiveSheet().getName()).toBe('Client summary');
    expect(values[0][0]).toBe('Client summary: Amy Adams');
    expect(String(values[1][0])).toContain(`Period: ${from} to ${to}`);
    expect(values[2][0]).toBe(FLAG_LINE);
  });

  test("its figures equal the counts of Amy's current rows in the period", () => {
    const absences = count('excused', 'unexcused', 'refused');
    const counted = count('present', 'late') + absences;
    // The history has every kind the figures count, so no figure is trivially zero.
    expect(count('cancelled')).toBeGreaterThanOrEqual(4);
    expect(amy.some((r) => r.Status === 'cancelled' && r.Reason === 'planned break')).toBe(true);
    expect(figure(values, 'Sessions counted')).toBe(counted);
    expect(figure(values, 'Attended')).toBe(count('present', 'late'));
    expect(figure(values, 'Absences')).toBe(absences);
    expect(figure(values, 'Absence rate')).toBeCloseTo(absences / counted, 10);
    expect(figure(values, 'Excused')).toBe(count('excused'));
    expect(figure(values, 'Unexcused')).toBe(count('unexcused'));
    expect(figure(values, 'Refused')).toBe(count('refused'));
    const absent = amy.filter((r) => ['excused', 'unexcused', 'refused'].includes(String(r.Status)));
    expect(figure(values, 'Notice given')).toBe(absent.filter((r) => r['Notice given'] === 'yes').length);
    expect(figure(values, 'No notice')).toBe(absent.filter((r) => r['Notice given'] === 'no').length);
    expect(figure(values, 'Notice not recorded')).toBe(absent.filter((r) => r['Notice given'] === '').length);
    for (const reason of new Set(absent.map((r) => String(r.Reason))))
      expect(figure(values, `Reason: ${reason}`)).toBe(absent.filter((r) => r.Reason === reason).length);
    expect(figure(values, 'Open', 'Follow-ups')).toBe(
      amy.filter((r) => r['Follow up'] === 'yes' && r['Follow-up done'] === '').length,
    );
  });

  test('the halves split the period at its middle day, and the longest run skips cancelled sessions', () => {
    const middle = '2024-12-13';
    const rate = (rows: RecordRowView[]) => {
      const counted = rows.filter((r) => r.Status !== 'cancelled');
      return counted.filter((r) => !['present', 'late'].includes(String(r.Status))).length / counted.length;
    };
    expect(figure(values, 'First half')).toBeCloseTo(rate(amy.filter((r) => String(r['Session date']) < middle)), 10);
    expect(figure(values, 'Second half')).toBeCloseTo(rate(amy.filter((r) => String(r['Session date']) >= middle)), 10);
    let best = 0;
    let run = 0;
    for (const r of amy.slice().sort((a, b) => String(a['Session date']).localeCompare(String(b['Session date'])))) {
      if (r.Status === 'cancelled') continue;
      run = ['present', 'late'].includes(String(r.Status)) ? run + 1 : 0;
      best = Math.max(best, run);
    }
    expect(best).toBeGreaterThan(1);
    expect(figure(values, 'Longest run attended')).toBe(best);
  });

  test('the trend is the one the sidebar and Patterns show today, with its explanation in words', () => {
    const trend = sidebar(env).clients.find((c) => c.id === 'C001')!.trend;
    expect(trend.level).toBe('urgent');
    const row = values.find((r) => String(r[0]).startsWith('Trend on'))!;
    expect(row[1]).toBe(`Urgent${trend.chronic ? ', chronic' : ''}`);
    expect(row[4]).toBe(trend.explanation);
    const patterns = tab(env, 'Patterns');
    expect(patterns.some((r) => r[0] === 'Amy Adams' && r.includes(trend.explanation))).toBe(true);
  });

  test('lists the entries newest first, a note beginning with = as the text typed', () => {
    const top = values.findIndex((r) => r[0] === 'Date' && r[4] === 'Note');
    const dates = values.slice(top + 1).map((r) => String(r[0]));
    expect(dates).toEqual(amy.map((r) => String(r['Session date'])).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    expect(values.slice(top + 1).some((r) => r[4] === '=SUM(1,2) sang along')).toBe(true);
    const sheet = env.spreadsheet.getSheetByName('Client summary')!;
    expect(sheet.getDataRange().getFormulas().flat().filter(Boolean)).toEqual([]);
  });

  test('is ready to print: the columns fit A4 and Letter portrait, the title is frozen, text wraps', () => {
    const sheet = env.spreadsheet.getSheetByName('Client summary')!;
    const width = Array.from({ length: sheet.getMaxColumns() }, (_, i) => sheet.getColumnWidth(i + 1));
    expect(width.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(PRINT_WIDTH);
    expect(sheet.getFrozenRows()).toBe(3);
    expect(sheet.getDataRange().getWraps().flat().every(Boolean)).toBe(true);
  });

  test('has one chart of the absence rate by month, excused, unexcused and refused apart', () => {
    const [chart, ...others] = env.spreadsheet.getSheetByName('Client summary')!.getCharts();
    expect(others).toEqual([]);
    const ranges = chart.getRanges().map((r) => r.getA1Notation());
    const top = values.findIndex((r) => r[0] === 'Month');
    const last = top + 7; // September to March
    expect(ranges).toEqual([`A${top + 1}:A${last + 1}`, `C${top + 1}:E${last + 1}`]);
    expect(values[top].slice(2, 5)).toEqual(['Excused', 'Unexcused', 'Refused']);
    expect(chart.getOptions().get('isStacked')).toBe(true);
    const view = env.view().sheets.find((s) => s.name === 'Client summary')!;
    expect(view.charts).toHaveLength(1);
    expect(view.charts[0]).toMatchObject({ type: 'column', ranges });
    expect(view.charts[0].categories[0]).toBe('Sep 2024');
    // The chart's numbers are the table's: a month's three rates add up to its absence rate.
    const march = values[last];
    expect(view.charts[0].series.map((s) => s.values[6])).toEqual([march[2], march[3], march[4]]);
  });
});

describe('people around the summary', () => {
  test('a renamed summary tab is rewritten under its new name; a deleted one comes back', () => {
    const env = practice();
    recordHistory(env);
    env.run('buildClientSummary', { clientId: 'C001' });
    env.spreadsheet.getSheetByName('Client summary')!.setName('Amy for review');
    const again = env.run<ReportResult>('buildClientSummary', { clientId: 'C002' });
    expect(again.sheetName).toBe('Amy for review');
    expect(tab(env, 'Amy for review')[0][0]).toBe('Client summary: Ben Brown');
    expect(env.spreadsheet.getSheetByName('Amy for review')!.getCharts()).toHaveLength(1);
    env.spreadsheet.deleteSheet(env.spreadsheet.getSheetByName('Amy for review')!);
    const back = env.run<ReportResult>('buildClientSummary', { clientId: 'C002' });
    expect(back.sheetName).toBe('Client summary');
    expect(env.spreadsheet.getSheetByName('Client summary')!.getCharts()).toHaveLength(1);
  });

  test('a person who typed into or merged cells of the summary tab does not change the next one', () => {
    const env = practice();
    recordHistory(env);
    env.run('buildClientSummary', { clientId: 'C001' });
    const before = tab(env, 'Client summary');
    const sheet = env.spreadsheet.getSheetByName('Client summary')!;
    sheet.getRange('A10:C12').merge();
    sheet.getRange('B5').setValue('my note');
    sheet.insertRowsBefore(8, 3);
    env.run('buildClientSummary', { clientId: 'C001' });
    const after = tab(env, 'Client summary');
    expect(after.map((r) => r.slice(0, 5))).toEqual(before.map((r) => r.slice(0, 5)));
    expect(sheet.getCharts()).toHaveLength(1);
  });

  test('a copy of the summary, kept by a person, is never rewritten and draws no warning', () => {
    const env = practice();
    recordHistory(env);
    env.run('buildClientSummary', { clientId: 'C001' });
    const kept = env.spreadsheet.getSheetByName('Client summary')!.copyTo(env.spreadsheet);
    kept.setName('Amy, March review');
    // A copy of the record too, so that Cadence looks every tagged tab up and names copies.
    attendanceSheet(env)!.copyTo(env.spreadsheet);
    env.run('buildClientSummary', { clientId: 'C002' });
    expect(tab(env, 'Amy, March review')[0][0]).toBe('Client summary: Amy Adams');
    expect(tab(env, 'Client summary')[0][0]).toBe('Client summary: Ben Brown');
    // (Whether the record's copy carries its tag, and so is named, is a runtime switch.)
    expect(sidebar(env).tabWarnings.some((w) => w.includes('March review'))).toBe(false);
  });

  test('sorting the Attendance tab changes no figure', () => {
    const env = practice();
    recordHistory(env);
    env.run('buildClientSummary', { clientId: 'C001' });
    const before = tab(env, 'Client summary').slice(1);
    const record = attendanceSheet(env)!;
    record.setFrozenRows(1);
    record.sort(3, false);
    env.run('buildClientSummary', { clientId: 'C001' });
    const after = tab(env, 'Client summary').slice(1);
    // Everything but the "Made" date line is the same.
    expect(after.slice(1)).toEqual(before.slice(1));
  });

  test('bad requests get a message a therapist can act on, and no tab', () => {
    const env = practice();
    expect(failure(() => env.run('buildClientSummary', {}))).toBe('Choose a client for the summary.');
    expect(failure(() => env.run('buildClientSummary', { clientId: 'C999' }))).toBe(
      'No client with the ID "C999" is on the roster or in the record.',
    );
    expect(
      failure(() => env.run('buildClientSummary', { clientId: 'C001', from: '2025-03-01', to: '2025-02-01' })),
    ).toBe('The period starts (2025-03-01) after it ends (2025-02-01): swap the dates.');
    expect(failure(() => env.run('buildPracticeReport', { from: '2025-13-01', to: '2025-02-01' }))).toContain(
      'is not a date',
    );
    expect(env.spreadsheet.getSheetByName('Client summary')).toBeNull();
  });
});

describe('the practice report', () => {
  const env = practice();
  recordHistory(env);
  env.run(
    'saveSession',
    session(
      ['C004'],
      { C004: { status: 'unexcused', reason: 'transport' } },
      { date: '2025-03-11', group: 'Tuesday group' },
    ),
  );
  const result = env.run<ReportResult>('buildPracticeReport', { from: '2024-12-01', to: '2025-02-28' });
  const values = tab(env, result.sheetName);
  const rows = currentRows(recordEntries(env));

  test('has a table per group and month whose figures are the counts of the current rows', () => {
    expect(result.sheetName).toBe('Practice report');
    expect(values[2][0]).toBe(FLAG_LINE);
    const monday = values.findIndex((r) => r[0] === 'Monday group');
    expect(monday).toBeGreaterThan(0);
    // No Tuesday session in the period: no Tuesday section.
    expect(values.some((r) => r[0] === 'Tuesday group')).toBe(false);
    for (const [label, month] of [
      ['Dec 2024', '2024-12'],
      ['Jan 2025', '2025-01'],
      ['Feb 2025', '2025-02'],
    ]) {
      const row = values.slice(monday).find((r) => r[0] === label)!;
      const inMonth = rows.filter((r) => String(r['Session date']).startsWith(month) && r.Group === 'Monday group');
      const counted = inMonth.filter((r) => r.Status !== 'cancelled');
      const attended = counted.filter((r) => ['present', 'late'].includes(String(r.Status)));
      const held = new Set(counted.map((r) => r['Session date']));
      expect(row[1]).toBe(held.size);
      expect(row[2]).toBeCloseTo(attended.length / counted.length, 10);
      // Cancelled for the client: a planned absence ("planned: …") or a client not available; else the practice's.
      const away = (r: RecordRowView) =>
        String(r.Reason).startsWith('planned: ') ||
        ['hospitalised', 'asleep or unavailable'].includes(String(r.Reason));
      const cancelled = inMonth.filter((r) => r.Status === 'cancelled');
      expect(row[3]).toBe(cancelled.filter((r) => !away(r)).length);
      expect(row[4]).toBe(cancelled.filter(away).length);
      if (month === '2025-01') expect(row[4]).toBe(1);
    }
  });

  test('counts the clients flagged at each month end by the trend rule', () => {
    const monday = values.findIndex((r) => r[0] === 'Monday group');
    const feb = values.slice(monday).find((r) => r[0] === 'Feb 2025')!;
    // Amy's last three sessions of February were unexcused (Urgent); Ben's were not.
    expect(feb[5]).toBe(1);
  });

  test('has one chart per group, and a report for one group only', () => {
    expect(env.spreadsheet.getSheetByName('Practice report')!.getCharts()).toHaveLength(1);
    env.run('buildPracticeReport', { from: '2025-03-01', to: '2025-03-12' });
    expect(env.spreadsheet.getSheetByName('Practice report')!.getCharts()).toHaveLength(2);
    env.run('buildPracticeReport', { from: '2025-03-01', to: '2025-03-12', group: 'Tuesday group' });
    const one = tab(env, 'Practice report');
    expect(one[0][0]).toBe('Practice report: Tuesday group');
    expect(one.some((r) => r[0] === 'Monday group')).toBe(false);
    expect(env.spreadsheet.getSheetByName('Practice report')!.getCharts()).toHaveLength(1);
    expect(
      failure(() => env.run('buildPracticeReport', { from: '2025-03-01', to: '2025-03-12', group: 'Friday' })),
    ).toBe('There is no group named "Friday" on the roster or in the record.');
  });
});

test('a summary and a report cost the same service calls for a short and a long record', () => {
  const calls = (weeks: number) => {
    const env = practice();
    for (let i = 0; i < weeks; i++) {
      const date = new Date(Date.UTC(2025, 2, 10 - 7 * i)).toISOString().slice(0, 10);
      env.run('saveSession', session(['C001', 'C002', 'C003'], {}, { date }));
    }
    env.run('buildClientSummary', { clientId: 'C001' });
    env.run('buildClientSummary', { clientId: 'C001' });
    const summary = env.lastCalls.expensive;
    env.run('buildPracticeReport', { from: '2024-09-01', to: '2025-03-12' });
    env.run('buildPracticeReport', { from: '2024-09-01', to: '2025-03-12' });
    return [summary, env.lastCalls.expensive];
  };
  expect(calls(60)).toEqual(calls(4));
});

test('the menu: Client summary opens the sidebar on Reports; Practice report writes six months of every group', () => {
  const env = practice();
  env.trigger('onOpen');
  expect(env.ui.menu!.items.map((i) => i.caption)).toEqual(
    expect.arrayContaining(['Client summary', 'Practice report']),
  );
  env.run('showReports');
  expect(env.ui.sidebar!.html.endsWith('<script>window.cadenceStartView="reports"</script>')).toBe(true);
  env.run('saveSession', session(['C001', 'C002'], {}, { date: '2025-03-10' }));
  env.run('showPracticeReport');
  expect(env.ui.toasts.at(-1)).toBe(
    'Practice report written: Every group, 2024-09-13 to 2025-03-12. For another period or one group: Client summary, then Practice report.',
  );
  expect(tab(env, 'Practice report')[1][0]).toContain('Period: 2024-09-13 to 2025-03-12');
});
