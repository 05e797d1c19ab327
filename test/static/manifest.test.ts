/**
 * The manifest asks for exactly the two narrow scopes of DESIGN.md "Security model" and nothing
 * that widens them (libraries, advanced services, a web app or API executable), and Code.js uses
 * only services those scopes cover.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dist = join(__dirname, '../../dist');

/** DESIGN.md "Security model": these two, nothing else. */
const SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
];

/**
 * Services Code.js may name. SpreadsheetApp and Ui need the two scopes; the others need none
 * (Lock, Properties, Cache, Session's getActiveUser within the domain, Utilities, Logger):
 * https://developers.google.com/apps-script/concepts/scopes
 */
const ALLOWED_SERVICES = new Set([
  'SpreadsheetApp', 'HtmlService', 'LockService', 'PropertiesService', 'CacheService', 'ScriptApp',
  'Session', 'Utilities', 'Logger',
]);

describe('dist/appsscript.json', () => {
  const manifest = JSON.parse(readFileSync(join(dist, 'appsscript.json'), 'utf8')) as Record<string, unknown>;

  test('declares exactly the two scopes of the design notes', () => {
    expect([...(manifest.oauthScopes as string[])].sort()).toEqual([...SCOPES].sort());
  });

  test('adds no library, advanced service, web app or API executable that would widen access', () => {
    expect(manifest.dependencies ?? {}).toEqual(expect.not.objectContaining({ libraries: expect.anything() }));
    const advanced = (manifest.dependencies as { enabledAdvancedServices?: unknown[] } | undefined)?.enabledAdvancedServices ?? [];
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
    for (const name of ['Session', 'Utilities', 'Logger']) if (new RegExp(`\\b${name}\\.`).test(code)) services.add(name);
    const unexpected = [...services].filter((s) => !ALLOWED_SERVICES.has(s));
    expect(unexpected).toEqual([]);
    expect(services.has('SpreadsheetApp')).toBe(true);
  });
});
