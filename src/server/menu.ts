/** The add-on menu and the actions behind it. */

/** onOpen may run in AuthMode.NONE, where reading the sheet or properties throws: menu only. */
export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Record a session', 'showSidebar')
    .addItem('Refresh patterns', 'refreshPatterns')
    .addItem('Settings', 'showSettings')
    .addToUi();
}

export function onInstall(): void {
  onOpen();
}

export function showSidebar(): void {
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Cadence');
  SpreadsheetApp.getUi().showSidebar(page);
}

export function showSettings(): void {
  showSidebar();
}

export function refreshPatterns(): void {
  // Filled in by the Patterns work.
}
