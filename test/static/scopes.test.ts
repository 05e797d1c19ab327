/**
 * Every service method the add-on calls, with the scope its reference page lists
 * (src/runtime/scopes.ts), checked against the built manifest: a new call whose scope the
 * manifest lacks fails here, before it fails on Google. And each declared scope is needed by some
 * call, so the manifest asks for nothing it does not use.
 */
import { join } from 'node:path';
import { manifestScopes } from '../../src/runtime/environment';
import { scopesFor, SCOPE_TABLE } from '../../src/runtime/scopes';
import { serviceCalls } from './serviceCalls';

const granted = manifestScopes(join(__dirname, '../../dist')) ?? [];
const calls = serviceCalls();
const short = (scope: string) => scope.replace('https://www.googleapis.com/auth/', '');

describe('service methods the add-on calls, and their scopes', () => {
  test('are found by the checker, on globals, variables and chained builders alike', () => {
    const methods = calls.map((c) => c.method);
    for (const m of [
      'SpreadsheetApp.getActiveSpreadsheet',
      'Session.getActiveUser',
      'User.getEmail',
      'Range.setValues',
      'ConditionalFormatRuleBuilder.whenFormulaSatisfied',
      'Lock.tryLock',
      'Ui.showSidebar',
      'Utilities.formatDate',
    ]) {
      expect(methods).toContain(m);
    }
  });

  test("each is in the runtime's scope table, and the manifest grants one of its scopes", () => {
    const table = calls.map(({ method, at }) => {
      const scopes = scopesFor(method);
      return {
        method,
        at,
        scopes: scopes === null ? 'NOT IN src/runtime/scopes.ts' : scopes.map(short).join(' | ') || '(none)',
      };
    });
    // The list, for the reader of a CI log: method, scopes, first call site.
    console.log(
      `${calls.length} service methods called by the add-on:\n${table.map((r) => `${r.method.padEnd(52)} ${r.scopes.padEnd(50)} ${r.at}`).join('\n')}`,
    );
    const unknown = table.filter((r) => scopesFor(r.method) === null);
    expect(unknown).toEqual([]);
    const ungranted = calls.filter(({ method }) => {
      const scopes = scopesFor(method) ?? [];
      return scopes.length > 0 && !scopes.some((s) => granted.includes(s));
    });
    expect(ungranted).toEqual([]);
  });

  test('every scope the manifest declares is needed by some call (no scope asked for nothing)', () => {
    const needed = new Set(
      calls.flatMap(({ method }) => {
        const scopes = scopesFor(method) ?? [];
        return scopes.filter((s) => granted.includes(s)).slice(0, 1);
      }),
    );
    expect([...granted].sort()).toEqual([...needed].sort());
  });

  test('every class in the table names the reference page its scopes come from', () => {
    for (const entry of Object.values(SCOPE_TABLE))
      expect(entry.page).toMatch(/^https:\/\/developers\.google\.com\/apps-script\/reference\//);
  });
});
