/**
 * buildPracticeReport: the Practice report tab (issue 16) for a period, every group or one,
 * rewritten on demand from one read of the record, with a chart per group, and shown to the user.
 */
import { resolvePeriod } from '../core/period';
import { NO_GROUP, entryGroup, practiceFigures } from '../core/practiceFigures';
import { groupRuleFigures } from '../core/ruleFigures';
import { PRACTICE_REPORT_NAME, practiceReportLayout } from '../core/practiceReportLayout';
import { currentEntries } from '../core/record';
import type { PracticeReportRequest, ReportResult } from '../core/types';
import { isPlainObject } from '../core/validation';
import { PRACTICE_REPORT_KEY, rememberTabs } from './cadenceTabs';
import { withDocumentLock } from './documentLock';
import { reportSheet, writeReport } from './reportTab';
import { readAllEntries } from './sidebarData';
import { openWorkbook } from './workbook';

export function buildPracticeReport(request: PracticeReportRequest): ReportResult {
  if (!isPlainObject(request)) throw new Error('Choose the period of the report.');
  const { from, to, group } = request as Partial<Record<keyof PracticeReportRequest, unknown>>;
  if (group !== undefined && group !== null && typeof group !== 'string')
    throw new Error('Choose a group from the list, or all groups.');
  const wanted = typeof group === 'string' && group.trim() !== '' ? group.trim() : undefined;
  const workbook = openWorkbook();
  const period = resolvePeriod(from, to, workbook.today, true);
  return withDocumentLock(() => {
    const all = readAllEntries(workbook);
    const current = currentEntries(all);
    const figures = practiceFigures(
      current,
      workbook.roster.clients,
      period.from,
      period.to,
      workbook.settings.trend,
      wanted,
    );
    if (wanted !== undefined && figures.groups.length === 0 && !workbook.roster.clients.some((c) => c.group === wanted))
      throw new Error(`There is no group named "${wanted}" on the roster or in the record.`);
    const clients = workbook.roster.clients;
    const rules = groupRuleFigures(
      all,
      clients,
      entryGroup(clients),
      (client) => client.group || NO_GROUP,
      period.from,
      period.to,
      workbook.settings,
    );
    for (const g of figures.groups) g.rules = rules.get(g.group);
    const sheet = reportSheet(workbook, PRACTICE_REPORT_KEY, PRACTICE_REPORT_NAME);
    writeReport(sheet, practiceReportLayout(figures, workbook.today, wanted));
    rememberTabs(workbook.tabs);
    sheet.activate();
    return { sheetName: sheet.getName() };
  });
}
