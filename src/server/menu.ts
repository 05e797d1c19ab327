/** The add-on menu and the actions behind it. */
import { openWorkbook } from './workbook';
import { readTableAndPlans } from './sidebarData';
import { recordFigures } from '../core/recordFigures';
import { refreshPatternsFrom } from './patternsRefresh';
import { withDocumentLock } from './documentLock';
import { rememberLayout } from './layoutMemory';
import { rememberTabs } from './cadenceTabs';
import { suggestsTalk } from '../core/types';
import { onQuickEntryEdit, setUpQuickEntry } from './quickEntry';
import { resolvePeriod } from '../core/period';
import { buildPracticeReport } from './practiceReportTab';
import { formatDay } from './spreadsheetTime';

/** onOpen may run in AuthMode.NONE, where reading the sheet or properties throws: menu only. */
export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Record a session', 'showSidebar')
    .addItem('Refresh patterns', 'refreshPatterns')
    .addItem('Client summary', 'showReports')
    .addItem('Practice report', 'showPracticeReport')
    .addItem('Settings', 'showSettings')
    .addItem('Set up phone entry', 'setUpPhoneEntry')
    .addToUi();
}

/** The simple trigger that makes the Quick entry tab work in the Sheets mobile apps (quickEntry.ts). */
export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  onQuickEntryEdit(e);
}

/** Extensions › Cadence › Set up phone entry: the Quick entry tab made or repaired, and shown. */
export function setUpPhoneEntry(): void {
  const { sheetName } = setUpQuickEntry();
  SpreadsheetApp.getActiveSpreadsheet().toast(
    `Open the "${sheetName}" tab in the Google Sheets app on your phone: pick the date and group, mark each client, tick Save.`,
    'Phone entry is ready',
  );
}

export function onInstall(): void {
  onOpen();
}

function sidebarPage(): GoogleAppsScript.HTML.HtmlOutput {
  return HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Cadence');
}

export function showSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(sidebarPage());
}

/** The same page, told to open on Settings once its data arrives (the sidebar reads the variable). */
export function showSettings(): void {
  SpreadsheetApp.getUi().showSidebar(sidebarPage().append('<script>window.cadenceStartView="settings"</script>'));
}

/** The sidebar on Reports: a client's summary or the practice report for a chosen period. */
export function showReports(): void {
  SpreadsheetApp.getUi().showSidebar(sidebarPage().append('<script>window.cadenceStartView="reports"</script>'));
}

/**
 * Rewrites Patterns under the lock (a save may be writing it) and says what it found. Formats and
 * rules are rewritten too, whatever the shape: the way to repair a tab a person reformatted.
 */
export function refreshPatterns(): void {
  // Opened under the lock: the tabs it finds are the ones it writes.
  const { workbook, flagged } = withDocumentLock(() => {
    const workbook = openWorkbook();
    const { table, plans } = readTableAndPlans(workbook);
    const figures = recordFigures(table, workbook.settings, workbook.today);
    refreshPatternsFrom(workbook, figures, plans, true);
    rememberTabs(workbook.tabs);
    if (workbook.tabs.layout) rememberLayout(workbook.tabs.layout);
    const { trends } = figures;
    // Counts are of active clients: discharged ones are neither on Patterns nor to talk to.
    return {
      workbook,
      flagged: workbook.roster.clients.filter(
        (c) => c.active && suggestsTalk(trends.get(c.id)?.level ?? 'none', workbook.settings.talkAt),
      ).length,
    };
  });
  const clients = workbook.roster.clients.filter((c) => c.active).length;
  workbook.ss.toast(
    `${clients} active client${clients === 1 ? '' : 's'}; ${flagged} flagged for a conversation.`,
    'Patterns refreshed',
  );
}

/** The menu's Practice report: every group over the last six months, then a toast saying so. */
export function showPracticeReport(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const period = resolvePeriod(undefined, undefined, formatDay(new Date(), ss.getSpreadsheetTimeZone()));
  const { sheetName } = buildPracticeReport(period);
  ss.toast(
    `Every group, ${period.from} to ${period.to}. For another period or one group: Client summary, then Practice report.`,
    `${sheetName} written`,
  );
}
