/**
 * The add-on's entry points. Every export becomes a top-level function in Code.js (build.mjs),
 * which is how Apps Script finds triggers, menu actions and google.script.run endpoints.
 */
export { onOpen, onInstall, showSidebar, showSettings, refreshPatterns } from './menu';
export { getSidebarData } from './sidebarData';
export { saveSession } from './saveSession';
export { getClientHistory, correctEntry, withdrawEntry, completeFollowUp } from './entryChanges';
export { saveSettings, createRoster } from './setup';
