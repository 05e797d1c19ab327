/**
 * Scopes and auth modes as Apps Script enforces them (issue 9): the runtime grants only the built
 * manifest's oauthScopes and refuses a call without its scope in Apps Script's words, so a save
 * that needs a scope the manifest lacks fails here as it would on Google.
 */
import { cadenceEnvironment } from '../cadence';
import { manifestScopes } from '../../src/runtime/environment';
import { join } from 'node:path';
import { NOW, PRACTICE, TIME_ZONE, attendanceSheet, failure, readRecordBack, session, writeRoster } from './fixtures';
import { LOCK_IN_SIMPLE_TRIGGERS } from './quickEntryHelpers';

const EMAIL = 'https://www.googleapis.com/auth/userinfo.email';
const UI = 'https://www.googleapis.com/auth/script.container.ui';
const built = manifestScopes(join(__dirname, '../../dist')) as string[];

function practiceWith(options: { oauthScopes?: string[]; user?: string } = {}) {
  const env = cadenceEnvironment({
    timeZone: TIME_ZONE,
    now: () => new Date(NOW),
    user: 'therapist@example.org',
    ...options,
  });
  writeRoster(env, PRACTICE);
  return env;
}

describe('scopes from the built manifest', () => {
  test('the built manifest grants userinfo.email, so a save records who documented it', () => {
    expect(built).toContain(EMAIL);
    const env = practiceWith();
    env.run('saveSession', session(['C001']));
    expect(readRecordBack(env).map((r) => r['Recorded by'])).toEqual(['therapist@example.org']);
  });

  test("without userinfo.email every save is refused with Apps Script's message, and nothing is stored", () => {
    const env = practiceWith({ oauthScopes: built.filter((s) => s !== EMAIL) });
    expect(failure(() => env.run('saveSession', session(['C001', 'C002'])))).toBe(
      `You do not have permission to call Session.getActiveUser. Required permissions: ${EMAIL}`,
    );
    const sheet = attendanceSheet(env);
    expect(sheet === null ? 0 : sheet.getLastRow()).toBeLessThanOrEqual(1);
  });

  test('a blank email (a domain that withholds it) still saves, with Recorded by left blank', () => {
    const env = practiceWith({ user: '' });
    const result = env.run<{ saved: number }>('saveSession', session(['C001', 'C002']));
    expect(result.saved).toBe(2);
    expect(readRecordBack(env).map((r) => r['Recorded by'])).toEqual(['', '']);
  });

  test('without script.container.ui the sidebar cannot open, but the menu still builds', () => {
    const env = practiceWith({ oauthScopes: built.filter((s) => s !== UI) });
    env.trigger('onOpen', 'FULL');
    expect(env.ui.menu?.items.length).toBeGreaterThan(0);
    expect(failure(() => env.run('showSidebar'))).toBe(
      `You do not have permission to call Ui.showSidebar. Required permissions: ${UI}`,
    );
  });
});

describe('auth modes', () => {
  test('AuthMode.NONE: onOpen builds the menu; anything reading the spreadsheet or properties is refused', () => {
    const env = practiceWith();
    env.trigger('onOpen', 'NONE');
    expect(env.ui.menu?.items.map((i) => i.functionName)).toEqual([
      'showSidebar',
      'refreshPatterns',
      'showReports',
      'showPracticeReport',
      'showSettings',
      'setUpPhoneEntry',
    ]);
    expect(failure(() => env.trigger('getSidebarData', 'NONE'))).toMatch(/^You do not have permission to call /);
  });

  test('AuthMode.LIMITED (simple triggers): the bound spreadsheet is readable, the sidebar refused, the email blank', () => {
    const env = practiceWith();
    const data = env.trigger('getSidebarData', 'LIMITED') as { clients: unknown[] };
    expect(data.clients).toHaveLength(PRACTICE.length);
    expect(failure(() => env.trigger('showSidebar', 'LIMITED'))).toBe(
      `You do not have permission to call Ui.showSidebar. Required permissions: ${UI}`,
    );
    // The same save path as the sidebar, run as a simple trigger would run it (issue 15's onEdit): no
    // email; or, where a simple trigger may not take the lock (switch lockInSimpleTriggers), nothing.
    const save = () => env.trigger('saveSession', { authMode: 'LIMITED', event: { ...session(['C001']) } });
    if (LOCK_IN_SIMPLE_TRIGGERS) {
      save();
      expect(readRecordBack(env).map((r) => r['Recorded by'])).toEqual(['']);
    } else {
      expect(failure(save)).toBe('You do not have permission to call LockService.getDocumentLock.');
      expect(readRecordBack(env)).toEqual([]);
    }
  });
});
