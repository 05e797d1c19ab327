/** The built add-on loads in the runtime and its menu points at functions Apps Script can call. */
import { cadenceEnvironment } from '../cadence';

describe('built dist/Code.js', () => {
  test.each(['NONE', 'LIMITED', 'FULL'] as const)('onOpen in AuthMode.%s builds the Cadence menu', (mode) => {
    const env = cadenceEnvironment();
    env.trigger('onOpen', mode);
    expect(env.ui.menu?.title).toBe('Cadence');
    const items = env.ui.menu?.items ?? [];
    expect(items.map((i) => i.caption)).toEqual(
      expect.arrayContaining(['Record a session', 'Refresh patterns', 'Settings']),
    );
    const callable = new Set(env.topLevelFunctions());
    for (const item of items) {
      expect(item.functionName.endsWith('_')).toBe(false);
      expect(callable).toContain(item.functionName);
    }
  });

  test('onInstall builds the same menu', () => {
    const env = cadenceEnvironment();
    env.trigger('onInstall', 'FULL');
    expect(env.ui.menu?.items.length).toBeGreaterThanOrEqual(3);
  });

  test('Record a session opens the built sidebar page', () => {
    const env = cadenceEnvironment();
    env.trigger('onOpen', 'FULL');
    const record = env.ui.menu?.items.find((i) => i.caption === 'Record a session');
    env.run(record!.functionName);
    expect(env.ui.sidebar?.html).toMatch(/<html/i);
    expect(env.ui.sidebar?.title).toBe('Cadence');
  });
});
