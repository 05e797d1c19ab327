/** The menu's actions: the sidebar opened on Settings, and Refresh patterns' summary. */
import { practice, session } from './fixtures';

test('Settings opens the same sidebar told to start on the settings view', () => {
  const env = practice();
  env.run('showSidebar');
  const plain = env.ui.sidebar!.html;
  expect(plain).not.toContain('cadenceStartView="settings"');
  env.run('showSettings');
  expect(env.ui.sidebar!.title).toBe('Cadence');
  expect(env.ui.sidebar!.html.startsWith(plain)).toBe(true);
  expect(env.ui.sidebar!.html.slice(plain.length)).toBe('<script>window.cadenceStartView="settings"</script>');
});

test('Refresh patterns says how many active clients it covered (Eve, discharged, is not one) and how many are flagged', () => {
  const env = practice();
  env.run('refreshPatterns');
  expect(env.ui.toasts.at(-1)).toBe('Patterns refreshed: 4 active clients; 0 flagged for a conversation.');
  for (const date of ['2025-02-24', '2025-03-03', '2025-03-10', '2025-03-11']) {
    env.run('saveSession', session(['C001', 'C002'], { C002: { status: 'unexcused' } }, { date }));
  }
  env.run('refreshPatterns');
  expect(env.ui.toasts.at(-1)).toBe('Patterns refreshed: 4 active clients; 1 flagged for a conversation.');
});
