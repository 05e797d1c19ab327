/** The rest of the service surface, called from inside the add-on's realm. */
import { join } from 'node:path';
import { fixtureEnvironment } from './fixture';

const distDir = join(__dirname, 'fixture');

test('properties, HTML output, dialogs and menus, A1 ranges, caches, Utilities and Session', () => {
  const env = fixtureEnvironment({ distDir, timeZone: 'Europe/Paris' });
  expect(env.run('surface')).toEqual({
    props: { c: '3' },
    keys: ['c'],
    user: 'dark',
    html: '<p>x&lt;b&gt;',
    width: 320,
    b2: 7,
    byId: 'Sheet1',
    name: 'Practice',
    cached: { y: '2' },
    uuid: true,
    b64: 'aMOp',
    parsed: '2026-11-12T09:00:00.000Z',
    parsedIsDate: true,
    key: true,
    effective: 'user@example.com',
    tz: 'Europe/Paris',
  });
  expect(env.ui.dialogs).toEqual([{ title: 'Dialog', html: '<p>x&lt;b&gt;', modal: true }]);
  expect(env.ui.menus).toEqual([{ title: 'Tools', items: [{ caption: 'Go', functionName: 'echo' }] }]);
  expect(env.toJSON().name).toBe('Practice');
});

test('Utilities.formatDate refuses a string where a Date belongs', () => {
  expect(() => fixtureEnvironment({ distDir }).run('badFormatDate')).toThrow(
    "don't match the method signature for Utilities.formatDate",
  );
});
