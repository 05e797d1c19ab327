/**
 * What createEnvironment takes from its options and from the built project, rather than from any
 * add-on in particular: the add-on's name, the user, the zones, the manifest beside Code.js.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEnvironment } from '../../src/runtime';
import { FIXTURE_DIST } from './fixture';

let withManifest: string;
beforeAll(() => {
  withManifest = mkdtempSync(join(tmpdir(), 'runtime-options-'));
  cpSync(FIXTURE_DIST, withManifest, { recursive: true });
  writeFileSync(
    join(withManifest, 'appsscript.json'),
    JSON.stringify({ timeZone: 'Asia/Tokyo', runtimeVersion: 'V8' }),
  );
});
afterAll(() => rmSync(withManifest, { recursive: true, force: true }));

test('defaults name nobody: a new project, a neutral user, UTC', () => {
  const env = createEnvironment({ distDir: FIXTURE_DIST });
  env.trigger('onOpen', 'FULL');
  expect(env.ui.menu?.title).toBe('Untitled project');
  expect(env.run('whoAmI')).toEqual({ email: 'user@example.com', tz: 'Etc/UTC' });
  expect(env.spreadsheet.getSpreadsheetTimeZone()).toBe('Etc/UTC');
});

test('the add-on menu carries the name given, and the user is the one given', () => {
  const env = createEnvironment({
    distDir: FIXTURE_DIST,
    addOnName: 'Attendance helper',
    user: 'a@b.org',
    timeZone: 'Europe/Oslo',
  });
  env.trigger('onOpen', 'FULL');
  expect(env.ui.menu?.title).toBe('Attendance helper');
  expect(env.run('whoAmI')).toEqual({ email: 'a@b.org', tz: 'Etc/UTC' });
  expect(env.spreadsheet.getSpreadsheetTimeZone()).toBe('Europe/Oslo');
});

test("the script's time zone is the manifest's, unless the options say otherwise", () => {
  expect(createEnvironment({ distDir: withManifest }).run('whoAmI')).toMatchObject({ tz: 'Asia/Tokyo' });
  expect(createEnvironment({ distDir: withManifest, scriptTimeZone: 'Europe/Paris' }).run('whoAmI')).toMatchObject({
    tz: 'Europe/Paris',
  });
});
