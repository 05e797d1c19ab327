/**
 * buildClientSummary: the Client summary tab (issue 16) for one client and period, rewritten on
 * demand from one read of the record, with its chart, and shown to the user.
 */
import { clientFigures } from '../core/clientFigures';
import { clientRuleFigures } from '../core/ruleFigures';
import { CLIENT_SUMMARY_NAME, clientSummaryLayout } from '../core/clientSummaryLayout';
import type { SummaryClient } from '../core/clientSummaryLayout';
import { resolvePeriod } from '../core/period';
import { currentEntries } from '../core/record';
import type { ClientSummaryRequest, Entry, ReportResult } from '../core/types';
import { isPlainObject } from '../core/validation';
import { CLIENT_SUMMARY_KEY, rememberTabs } from './cadenceTabs';
import { withDocumentLock } from './documentLock';
import { reportSheet, writeReport } from './reportTab';
import { readAllEntries } from './sidebarData';
import { openWorkbook } from './workbook';
import type { Workbook } from './workbook';

function checkRequest(request: unknown): { clientId: string; from?: unknown; to?: unknown } {
  if (!isPlainObject(request)) throw new Error('Choose a client for the summary.');
  const { clientId, from, to } = request as Partial<Record<keyof ClientSummaryRequest, unknown>>;
  if (typeof clientId !== 'string' || clientId.trim() === '') throw new Error('Choose a client for the summary.');
  return { clientId: clientId.trim(), from, to };
}

/** The client as the roster has them, else as the record last named them (a client since removed). */
function summaryClient(workbook: Workbook, current: readonly Entry[], clientId: string): SummaryClient {
  const onRoster = workbook.roster.clients.find((c) => c.id === clientId);
  if (onRoster) return { id: onRoster.id, name: onRoster.name, group: onRoster.group };
  let last: Entry | undefined;
  for (const e of current) if (e.clientId === clientId && (!last || e.sessionDate >= last.sessionDate)) last = e;
  if (!last) throw new Error(`No client with the ID "${clientId}" is on the roster or in the record.`);
  return { id: clientId, name: last.client, group: last.group };
}

export function buildClientSummary(request: ClientSummaryRequest): ReportResult {
  const { clientId, from, to } = checkRequest(request);
  const workbook = openWorkbook();
  const period = resolvePeriod(from, to, workbook.today);
  return withDocumentLock(() => {
    const all = readAllEntries(workbook);
    const current = currentEntries(all);
    const client = summaryClient(workbook, current, clientId);
    const figures = {
      ...clientFigures(current, client.id, period.from, period.to, workbook.settings.trend),
      rules: clientRuleFigures(all, client, period.from, period.to, workbook.settings),
    };
    const sheet = reportSheet(workbook, CLIENT_SUMMARY_KEY, CLIENT_SUMMARY_NAME);
    writeReport(sheet, clientSummaryLayout(client, figures, workbook.today));
    rememberTabs(workbook.tabs);
    sheet.activate();
    return { sheetName: sheet.getName() };
  });
}
