/**
 * An offline Apps Script runtime: see types.ts for the contract and README.md for what it models.
 *
 * Beyond the contract, createEnvironment returns an OfflineEnvironment with `logs` (Logger and
 * console lines), `dropCaches()` (CacheService entries vanish), `topLevelFunctions()` (what
 * google.script.run and triggers can call), `spreadsheetApp` (uncounted builders and enums for a
 * test's own setup), `world` (the shared state, for the playground), and `lastCalls.byService` /
 * `lastCalls.expensive` (calls per class, and the calls that cost a round trip in Apps Script).
 * `bridgeCopy` applies google.script.run's copy rules, for the playground's HTTP API.
 *
 * Semantics worth knowing when writing tests: the add-on's Date keeps local time in the script's
 * time zone (options.scriptTimeZone); an execution's unflushed cell writes are hidden from an
 * execution interleaved inside it (pendingWrites.ts); a data-validation rule that rejects invalid
 * input also refuses the script's writes; stricter-than-Sheets choices are commented where made
 * (values.ts: '=' after whitespace, '+'/'-'/'@' text; getSheetByName matches exactly).
 *
 * Authorization: every method's scopes come from scopes.ts; an execution is granted the built
 * appsscript.json's oauthScopes (EnvironmentOptions.oauthScopes narrows them) and its auth mode
 * (run(): FULL; trigger(): LIMITED unless told) refuses what Apps Script refuses, in its words.
 * Behaviours no reference settles are named switches (switches.ts), set by
 * CADENCE_RUNTIME_SWITCHES or EnvironmentOptions.switches.
 */
export type * from './types';
export { createEnvironment, type OfflineEnvironment } from './environment';
export { bridgeCopy, type BridgeRole } from './bridge';
