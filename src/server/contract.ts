/**
 * What Code.js exports is checked here, at type level only (nothing imports this file, so it is
 * not in the bundle): the google.script.run endpoints of the API contract (core/api.ts), plus the
 * triggers and menu actions of menu.ts, and nothing else. A function exported from main.ts
 * without being declared fails the typecheck here, naming it: declare an endpoint in
 * core/api.ts and export it from endpoints.ts; a trigger or menu action belongs in menu.ts.
 */
import type { CadenceApi } from '../core/api';
import type * as main from './main';
import type * as menu from './menu';

type Undeclared = Exclude<keyof typeof main, keyof CadenceApi | keyof typeof menu>;
export const everyExportDeclared: [Undeclared] extends [never] ? true : Undeclared = true;
