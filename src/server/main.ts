/**
 * The add-on's entry points. Every export becomes a top-level function in Code.js (build.mjs),
 * which is how Apps Script finds triggers, menu actions and google.script.run endpoints.
 */
import type { CadenceApi } from '../core/api';
import * as endpoints from './endpoints';

export { onOpen, onInstall, showSidebar, showSettings, refreshPatterns } from './menu';
export * from './endpoints';

// The endpoints are the contract (core/api.ts), no more and no less.
void (endpoints satisfies CadenceApi);
type Undeclared = Exclude<keyof typeof endpoints, keyof CadenceApi>;
const everyEndpointDeclared: [Undeclared] extends [never] ? true : Undeclared = true;
void everyEndpointDeclared;
