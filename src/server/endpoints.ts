/**
 * The google.script.run endpoints: one export per endpoint of the API contract (core/api.ts).
 * main.ts checks this module against the contract, so an endpoint declared there and not
 * exported here, exported with another type, or exported here and not declared there, fails the
 * typecheck.
 */
export { getSidebarData } from './sidebarData';
export { saveSession } from './saveSession';
export { getClientHistory, correctEntry, correctSession, withdrawEntry, completeFollowUp } from './entryChanges';
export { saveSettings, createRoster, getRosterTabs } from './setup';
export { addCadenceIds, linkClientHistory } from './clientLinks';
export { planAbsence, cancelPlannedAbsence } from './plannedAbsences';
export { setUpQuickEntry } from './quickEntry';
export { buildClientSummary } from './clientSummaryTab';
export { buildPracticeReport } from './practiceReportTab';
