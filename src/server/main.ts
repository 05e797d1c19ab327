/**
 * The add-on's entry points. Every export becomes a top-level function in Code.js (build.mjs),
 * which is how Apps Script finds triggers, menu actions and google.script.run endpoints. Add an
 * endpoint in core/api.ts and endpoints.ts, not here; contract.ts checks this module's exports.
 */
import type { CadenceApi } from '../core/api';
import * as endpoints from './endpoints';

export {
  onOpen,
  onInstall,
  onEdit,
  showSidebar,
  showSettings,
  showReports,
  showPracticeReport,
  refreshPatterns,
  setUpPhoneEntry,
} from './menu';
export * from './endpoints';

// Every endpoint of the contract (core/api.ts) is exported, with the contract's types.
void (endpoints satisfies CadenceApi);
