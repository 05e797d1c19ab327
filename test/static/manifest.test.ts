/**
 * The manifest asks for exactly the three narrow scopes of DESIGN.md "Security model" and nothing
 * that widens them (libraries, advanced services, a web app or API executable), and Code.js uses
 * only services those scopes cover (scopes.test.ts checks every method the bundle calls).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = join(__dirname, '../../dist');

/** DESIGN.md "Security model": these three, nothing else, each for a reason the README gives. */
const SCOPES = {
  // This spreadsheet only: the roster, Attendance and Patterns tabs (not the rest of the user's Drive).
  'https://www.googleapis.com/auth/spreadsheets.currentonly': 'read and write this spreadsheet',
  // The Extensions › Cadence menu's sidebar.
  'https://www.googleapis.com/auth/script.container.ui': 'show the sidebar',
  // "Recorded by": Session.getActiveUser() needs it (https://developers.google.com/apps-script/reference/base/session#getActiveUser()).
  'https://www.googleapis.com/auth/userinfo.email': 'record who documented each entry',
};

/**
 * Services Code.js may name. SpreadsheetApp, Ui and Session.getActiveUser need the three scopes;
 * the others need none (Lock, Properties, Cache, Utilities, Logger):
 * https://developers.google.com/apps-script/concepts/scopes
 */
const ALLOWED_SERVICES = new Set([
  'SpreadsheetApp',
  'HtmlService',
  'LockService',
  'PropertiesService',
  'CacheService',
  'ScriptApp',
  'Session',
  'Utilities',
  'Logger',
]);

const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');

describe('dist/appsscript.json', () => {
  const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8')) as Record<string, unknown>;

  test('declares exactly the three scopes of the design notes, and the README names each with its reason', () => {
    expect([...(manifest.oauthScopes as string[])].sort()).toEqual(Object.keys(SCOPES).sort());
    const privacy = readme.slice(
      readme.indexOf('## Privacy'),
      readme.indexOf('\n## ', readme.indexOf('## Privacy') + 1),
    );
    for (const scope of Object.keys(SCOPES))
      expect(privacy).toContain(`\`${scope.replace('https://www.googleapis.com/auth/', '')}\``);
  });

  test('adds no library, advanced service, web app or API executable that would widen access', () => {
    expect(manifest.dependencies ?? {}).toEqual(expect.not.objectContaining({ libraries: expect.anything() }));
    const advanced =
      (manifest.dependencies as { enabledAdvancedServices?: unknown[] } | undefined)?.enabledAdvancedServices ?? [];
    expect(advanced).toEqual([]);
    expect(manifest).not.toHaveProperty('webapp');
    expect(manifest).not.toHaveProperty('executionApi');
    expect(manifest).not.toHaveProperty('urlFetchWhitelist');
    expect(manifest.runtimeVersion).toBe('V8');
  });
});

describe('dist/Code.js', () => {
  test('names only services the two scopes (or no scope) cover', () => {
    const code = readFileSync(join(dist, 'Code.js'), 'utf8');
    const services = new Set([...code.matchAll(/\b([A-Z][A-Za-z]*(?:App|Service))\b/g)].map((m) => m[1]));
    for (const name of ['Session', 'Utilities', 'Logger'])
      if (new RegExp(`\\b${name}\\.`).test(code)) services.add(name);
    const unexpected = [...services].filter((s) => !ALLOWED_SERVICES.has(s));
    expect(unexpected).toEqual([]);
    expect(services.has('SpreadsheetApp')).toBe(true);
  });
});
