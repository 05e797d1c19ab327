/**
 * A record written straight into the Attendance tab, as months of saves (or a user's own typing)
 * would leave it: for Patterns tests and benchmarks that need long histories fast.
 */
import { RECORD_COLUMNS } from '../../src/core/record';
import type { Status } from '../../src/core/types';
import type { Environment } from '../../src/runtime';
import { attendanceSheet, session } from './fixtures';

export interface HistoryRow {
  clientId: string;
  client: string;
  date: string;
  status: Status;
}

/** Creates the Attendance tab with one save (of `first`), then appends `rows` in one write. */
export function writeHistory(
  env: Environment,
  first: { clientId: string; date: string },
  rows: readonly HistoryRow[],
): void {
  env.run('saveSession', session([first.clientId], {}, { date: first.date }));
  if (rows.length === 0) return;
  const sheet = attendanceSheet(env)!;
  const start = sheet.getLastRow() + 1;
  if (start + rows.length - 1 > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), start + rows.length - 1 - sheet.getMaxRows());
  const cells = rows.map((row, i) => {
    const byField: Record<string, string> = {
      entryId: `hist-${i}`,
      sessionDate: row.date,
      group: '',
      clientId: `'${row.clientId}`,
      client: `'${row.client}`,
      status: row.status,
      recordedAt: `${row.date} 12:00`,
      recordedBy: 'history@example.org',
      requestId: `hist-req-${i}`,
    };
    return RECORD_COLUMNS.map(({ field }) => byField[field] ?? '');
  });
  sheet.getRange(start, 1, rows.length, RECORD_COLUMNS.length).setValues(cells);
}
