/**
 * The Practice report tab (issue 16) as cells: per group, a table by month of the figures of
 * core/practiceFigures.ts and a chart of the attendance rate. Seven columns that print whole on A4
 * and Letter portrait (core/reportLayout.ts).
 */
import { groupRuleText } from './ruleFigures';
import type { PracticeFigures } from './practiceFigures';
import { shortMonthLabel } from './period';
import { COUNT, FLAG_LINE, PERCENT, TEXT, layoutBuilder, plural, rateCell, type ReportLayout } from './reportLayout';

export const PRACTICE_REPORT_NAME = 'Practice report';

/** Month, sessions, attendance, cancelled, client away, flagged, reasons: 650 px (PRINT_WIDTH). */
const WIDTHS = [80, 65, 85, 85, 70, 70, 195];
const TITLE_ROWS = 3;
const CHART = { width: 640, height: 220 };
const ATTENDANCE_COLOUR = '#6AA84F';

export const PRACTICE_HEADERS = [
  'Month',
  'Sessions',
  'Attendance',
  'Cancelled by the practice',
  'Client away (planned or unavailable)',
  'Flagged at month end',
  'Absences by reason',
];

export function practiceReportLayout(f: PracticeFigures, today: string, group?: string): ReportLayout {
  const b = layoutBuilder(WIDTHS);
  b.row([`${PRACTICE_REPORT_NAME}${group !== undefined ? `: ${group}` : ''}`], { bold: true });
  b.row([`Period: ${f.from} to ${f.to} · ${plural(f.groups.length, 'group', 'groups')} · Made ${today}`]);
  b.row([FLAG_LINE]);
  b.blank();
  for (const g of f.groups) {
    b.heading(g.group);
    const rules = g.rules ? groupRuleText(g.rules) : '';
    if (rules) b.row([rules]);
    const top = b.row(PRACTICE_HEADERS, { bold: true });
    for (const m of g.months) {
      b.row(
        [
          shortMonthLabel(m.month),
          m.sessions,
          // Blank, not a dash, where nothing was counted: the chart leaves a gap there.
          m.attendanceRate === null ? '' : rateCell(m.attendanceRate),
          m.cancelledByPractice,
          m.clientAway,
          m.flagged,
          m.byReason.map((r) => `${r.reason || 'no reason given'} ${r.count}`).join(', '),
        ],
        { formats: [TEXT, COUNT, PERCENT, COUNT, COUNT, COUNT, TEXT] },
      );
    }
    b.blank();
    b.chart({
      type: 'column',
      title: `${g.group}: attendance by month`,
      ranges: [
        { row: top, column: 1, numRows: g.months.length + 1, numColumns: 1 },
        { row: top, column: 3, numRows: g.months.length + 1, numColumns: 1 },
      ],
      stacked: false,
      colors: [ATTENDANCE_COLOUR],
      ...CHART,
    });
  }
  if (f.groups.length === 0) b.row(['No sessions recorded in this period.']);
  return b.build(TITLE_ROWS, TITLE_ROWS);
}
