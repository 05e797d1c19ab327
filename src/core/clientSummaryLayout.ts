/**
 * The Client summary tab (issue 16) as cells: the figures of core/clientFigures.ts, in the order a
 * therapist reads them before a treatment-plan review, with the chart of the absence rate by month.
 * Five columns that print whole on A4 and Letter portrait (core/reportLayout.ts).
 */
import type { ClientFigures } from './clientFigures';
import { POLICY_COUNT_LABELS } from './policies';
import type { RuleFigures } from './ruleFigures';
import { LEVEL_LABELS } from './patterns';
import { monthLabel, periodMiddle, shortMonthLabel } from './period';
import { addDays } from './dates';
import {
  ABSENCE_COLOURS,
  FLAG_LINE,
  COUNT,
  PERCENT,
  layoutBuilder,
  plural,
  rateCell,
  type LayoutBuilder,
  type ReportLayout,
} from './reportLayout';
import { STATUS_LABELS } from './types';

export const CLIENT_SUMMARY_NAME = 'Client summary';

/** Date/label, count/status, reason, notice, words/note: 650 px (PRINT_WIDTH). */
const WIDTHS = [110, 90, 110, 80, 260];
const TITLE_ROWS = 3;
const CHART = { width: 640, height: 260 };

export interface SummaryClient {
  id: string;
  name: string;
  group: string;
}

function percentWords(rate: number | null): string {
  return rate === null ? 'no sessions' : `${Math.round(rate * 100)}%`;
}

/** How the rate moved between the halves, in words. */
export function movement(first: number | null, second: number | null): string {
  if (first === null || second === null) return 'not enough sessions in both halves to compare';
  const points = Math.round((second - first) * 100);
  if (points === 0) return 'no change between the halves';
  return `${points > 0 ? 'up' : 'down'} ${Math.abs(points)} point${Math.abs(points) === 1 ? '' : 's'} in the second half`;
}

function noticeWord(notice: boolean | null): string {
  return notice === null ? '' : notice ? 'yes' : 'no';
}

/** Make-ups owed, minutes delivered against planned and the policy checks (issue 17). */
function rulesSection(b: LayoutBuilder, rules: RuleFigures): void {
  b.heading('Make-ups, minutes and policy');
  b.row(['Make-ups owed', rules.makeUps.owed.length, '', '', rules.makeUps.text || 'none owed']);
  for (const owed of rules.makeUps.owed)
    b.row([owed.date, STATUS_LABELS[owed.status], owed.reason, '', 'owed a make-up']);
  if (rules.minutes) {
    b.row(['Minutes delivered', rules.minutes.delivered, '', '', rules.minutes.text]);
    b.row([
      'Minutes planned',
      rules.minutes.planned,
      '',
      '',
      `${plural(rules.minutes.sessions, 'session', 'sessions')} with planned minutes`,
    ]);
  }
  for (const check of rules.policy) {
    const rate = check.kind === 'attendanceBelow';
    b.row([POLICY_COUNT_LABELS[check.kind], rate ? rateCell(check.count) : check.count, '', '', check.text], {
      formats: ['', rate ? PERCENT : COUNT],
    });
  }
  if (rules.policy.length === 0) b.row(['Policy checks', '', '', '', 'none switched on (Settings)']);
  b.blank();
}

export function clientSummaryLayout(client: SummaryClient, f: ClientFigures, today: string): ReportLayout {
  const b = layoutBuilder(WIDTHS);
  b.row([`${CLIENT_SUMMARY_NAME}: ${client.name}`], { bold: true });
  b.row([
    `${client.group ? `Group: ${client.group} · ` : ''}Period: ${f.from} to ${f.to} · Client ID: ${client.id} · Made ${today}`,
  ]);
  b.row([FLAG_LINE]);
  b.blank();

  const middle = periodMiddle(f.from, f.to);
  b.heading('Attendance');
  b.row([
    'Sessions counted',
    f.sessions,
    '',
    '',
    `${plural(f.cancelled, 'cancelled session', 'cancelled sessions')} not counted`,
  ]);
  b.row(['Attended', f.attended, '', '', 'present or late']);
  b.row(['Absences', f.absences, '', '', 'excused, unexcused or refused']);
  b.row(
    ['Absence rate', rateCell(f.absenceRate), '', '', `${f.absences} of ${plural(f.sessions, 'session', 'sessions')}`],
    {
      formats: ['', PERCENT],
    },
  );
  b.row(
    [
      'First half',
      rateCell(f.firstHalf.rate),
      '',
      '',
      `${f.from} to ${addDays(middle, -1)}: ${f.firstHalf.absences} of ${plural(f.firstHalf.sessions, 'session', 'sessions')}`,
    ],
    { formats: ['', PERCENT] },
  );
  b.row(
    [
      'Second half',
      rateCell(f.secondHalf.rate),
      '',
      '',
      `${middle} to ${f.to}: ${f.secondHalf.absences} of ${plural(f.secondHalf.sessions, 'session', 'sessions')}; ${movement(f.firstHalf.rate, f.secondHalf.rate)}`,
    ],
    { formats: ['', PERCENT] },
  );
  b.row([
    `Trend on ${f.to}`,
    `${LEVEL_LABELS[f.trend.level]}${f.trend.chronic ? ', chronic' : ''}`,
    '',
    '',
    f.trend.explanation,
  ]);
  b.row(['Longest run attended', f.longestAttendedRun, '', '', 'counted sessions in a row']);
  b.blank();

  b.heading('Absences');
  b.row([STATUS_LABELS.excused, f.byStatus.excused, '', '', 'missed with notice or a valid reason']);
  b.row([STATUS_LABELS.unexcused, f.byStatus.unexcused, '', '', 'a no-show or a late cancellation']);
  b.row([STATUS_LABELS.refused, f.byStatus.refused, '', '', 'there, but declined to take part']);
  for (const { reason, count } of f.byReason) {
    b.row([
      reason ? `Reason: ${reason}` : 'No reason given',
      count,
      '',
      '',
      `${percentWords(count / f.absences)} of absences`,
    ]);
  }
  b.row(['Notice given', f.notice.given]);
  b.row(['No notice', f.notice.notGiven]);
  b.row(['Notice not recorded', f.notice.notSaid]);
  b.blank();

  b.heading('Follow-ups');
  b.row(['Open', f.followUps.open, '', '', 'asked for on an entry of the period, not yet marked done']);
  b.row(['Done', f.followUps.closed]);
  b.blank();

  if (f.rules) rulesSection(b, f.rules);

  b.heading('Absence rate by month');
  const tableTop = b.row(['Month', 'Sessions', STATUS_LABELS.excused, STATUS_LABELS.unexcused, STATUS_LABELS.refused], {
    bold: true,
  });
  for (const m of f.months) {
    const share = (n: number) => (m.sessions > 0 ? n / m.sessions : '');
    b.row(
      [
        shortMonthLabel(m.month),
        m.sessions,
        share(m.absences.excused),
        share(m.absences.unexcused),
        share(m.absences.refused),
      ],
      { formats: ['', '0', PERCENT, PERCENT, PERCENT] },
    );
  }
  const tableRows = f.months.length + 1;
  b.blank();
  b.chart({
    type: 'column',
    title: `Absence rate by month, ${monthLabel(f.months[0]?.month ?? f.from.slice(0, 7))} to ${monthLabel(f.to.slice(0, 7))}`,
    ranges: [
      { row: tableTop, column: 1, numRows: tableRows, numColumns: 1 },
      { row: tableTop, column: 3, numRows: tableRows, numColumns: 3 },
    ],
    stacked: true,
    colors: ABSENCE_COLOURS,
    ...CHART,
  });

  b.heading('Entries, newest first');
  b.row(['Date', 'Status', 'Reason', 'Notice', 'Note'], { bold: true });
  for (const e of f.entries) {
    const followUp = e.followUp ? (e.followUpDone ? `follow-up done ${e.followUpDone}` : 'follow-up open') : '';
    const note = [e.note, followUp, e.replaces ? 'corrected' : ''].filter(Boolean).join(' · ');
    b.row([
      e.sessionDate,
      STATUS_LABELS[e.status] ?? e.status,
      e.reason,
      noticeWord(e.notice),
      // The note first, as typed: it stays text even when it begins with = + - @.
      note,
    ]);
  }
  if (f.entries.length === 0) b.row(['No entries in this period.']);
  return b.build(TITLE_ROWS, TITLE_ROWS);
}
