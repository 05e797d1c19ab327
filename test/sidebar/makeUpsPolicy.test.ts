/**
 * The make-up balance, the policy counts and the minutes attended in the built sidebar (issue 17),
 * in a real browser against the in-page stand-in for the server: shown as text beside the trend,
 * sent with the save, and accessible (axe-core).
 */
import type { Browser } from 'playwright-core';
import type { ClientView, SaveSessionRequest, SidebarData } from '../../src/core/types';
import { DEFAULT_REASONS } from '../../src/core/types';
import { defaultSettings } from '../../src/core/settings';
import { launch, openSidebar } from './pageHarness';
import { seriousViolations } from '../playground/axe';

const HOSTILE = '<b>bold</b>';

function client(id: string, name: string, over: Partial<ClientView> = {}): ClientView {
  return {
    id,
    name,
    group: 'Tuesday',
    active: true,
    lastEntry: null,
    trend: { level: 'none', chronic: false, explanation: '', sessions: 8, absences: 1, recentRate: 0, usualRate: 0.1 },
    makeUps: { owed: [], madeUp: 0, text: '' },
    policy: [],
    minutes: null,
    ...over,
  };
}

function data(): SidebarData {
  return {
    today: '2026-11-27',
    timeZone: 'Europe/London',
    clients: [
      client('C1', 'Ana Lima', {
        makeUps: {
          owed: [
            { entryId: 'E-owed-1', date: '2026-11-10', status: 'cancelled', reason: HOSTILE },
            { entryId: 'E-owed-2', date: '2026-11-17', status: 'cancelled', reason: 'facility event' },
          ],
          madeUp: 1,
          text: '2 make-ups owed (1 made up)',
        },
        minutes: { delivered: 270, planned: 300, sessions: 6, text: '270 of 300 planned minutes (90%)' },
        policy: [
          {
            kind: 'absencesPerYear',
            count: 3,
            limit: 4,
            reached: false,
            text: '3 of 4 allowed absences used this year',
          },
        ],
      }),
      client('C2', 'Ben Okafor', {
        policy: [
          {
            kind: 'noShowsInRow',
            count: 2,
            limit: 2,
            reached: true,
            text: "2 no-shows in a row (the policy's line: 2): a reason to talk",
          },
        ],
      }),
    ],
    groups: ['Tuesday'],
    reasons: [...DEFAULT_REASONS],
    followUps: [],
    settings: defaultSettings(),
    roster: {
      sheetName: 'Clients',
      sheetId: 7,
      headerRow: 1,
      nameHeader: 'Client',
      idHeader: 'ID',
      groupHeader: 'Group',
      activeHeader: null,
      groupsFromSections: false,
      clientCount: 2,
      activeCount: 2,
      groupCount: 1,
      summary: '2 active clients in 1 group from Clients, headings in row 1',
      problem: null,
      statusValues: [],
      canAddIds: false,
    },
    recordedSessions: [],
    tabWarnings: [],
    unlinked: [],
    toRecord: [],
    plannedAbsences: [],
    scheduleWarnings: [],
  };
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

it('shows the balance and the policy counts beside the trend, and sends a make-up and minutes attended', async () => {
  const { page, calls } = await openSidebar(browser, { data: data() });
  await page.getByLabel('Group').selectOption({ label: 'Tuesday' });
  const ana = page.getByRole('list', { name: 'Make-ups and policy for Ana Lima' });
  expect(await ana.getByRole('listitem').allInnerTexts()).toEqual([
    '2 make-ups owed (1 made up)',
    // The weeks Patterns shows (26 by default) back from 27 Nov 2026's week.
    'Since 1 Jun: 270 of 300 planned minutes (90%)',
    '3 of 4 allowed absences used this year',
  ]);
  const ben = page.getByRole('list', { name: 'Make-ups and policy for Ben Okafor' });
  expect(await ben.getByRole('listitem').allInnerTexts()).toEqual([
    "2 no-shows in a row (the policy's line: 2): a reason to talk",
  ]);
  // The oldest owed session is offered; its reason is text, never markup.
  const makeUp = page.getByRole('checkbox', { name: 'Make-up for 10 Nov (cancelled, <b>bold</b>)' });
  expect(await page.locator('.extras b').count()).toBe(0);
  expect(await page.getByRole('checkbox', { name: /Make-up for/ }).count()).toBe(1); // Ben is owed none
  // Minutes attended are asked for a late arrival only.
  const minutes = page.getByLabel('Minutes attended for Ana Lima');
  expect(await minutes.isVisible()).toBe(false);
  await page.getByRole('radiogroup', { name: 'Status for Ana Lima' }).getByRole('radio', { name: 'Late' }).check();
  expect(await minutes.isVisible()).toBe(true);
  await makeUp.check();
  await minutes.fill('601');
  await page.getByRole('radiogroup', { name: 'Status for Ben Okafor' }).getByRole('radio', { name: 'Present' }).check();
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.getByText('“Minutes attended” must be a whole number from 0 to 600 (Ana Lima).').waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await minutes.fill('35');
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.waitForFunction(() =>
    (window as unknown as { __server: { calls: { name: string }[] } }).__server.calls.some(
      (c) => c.name === 'saveSession',
    ),
  );
  const saved = (await calls()).filter((c) => c.name === 'saveSession').map((c) => c.args[0] as SaveSessionRequest);
  expect(saved).toHaveLength(1);
  expect(saved[0].attendance).toEqual([
    { clientId: 'C1', status: 'late', minutes: 35, makesUpFor: 'E-owed-1' },
    { clientId: 'C2', status: 'present' },
  ]);
  await page.close();
});

it('Settings switches a policy check on, sets what means the practice cancelled and planned minutes, in one save', async () => {
  const { page, calls } = await openSidebar(browser, { data: data(), startView: 'settings' });
  await page.getByRole('region', { name: 'Settings' }).waitFor();
  const checks = page.getByRole('group', { name: 'Reasons that mean the practice cancelled' });
  expect(
    await checks
      .getByRole('checkbox', { checked: true })
      .evaluateAll((els) => els.map((e) => e.parentElement?.textContent?.trim())),
  ).toEqual(['facility event', 'practice cancelled']);
  await checks.getByRole('checkbox', { name: 'facility event' }).uncheck();
  await checks.getByRole('checkbox', { name: 'planned break' }).check();
  await page.getByRole('checkbox', { name: 'An absence with notice is owed a make-up too' }).check();
  // Every check is off, with its example numbers ready.
  const absences = page.getByRole('checkbox', { name: 'Absences allowed per year (or funding period)' });
  expect(await absences.isChecked()).toBe(false);
  expect(
    await page.getByLabel('Absences allowed per year (or funding period): Absences allowed per year').inputValue(),
  ).toBe('4');
  await absences.check();
  await page.getByLabel('Absences allowed per year (or funding period): Year starts (MM-DD)').fill('09-01');
  await page.getByRole('checkbox', { name: 'Attendance below a rate over recent months' }).check();
  await page.getByLabel('Attendance below a rate over recent months: Attendance below (%)').fill('150');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('“Attendance below (%)” must be a percentage from 0 to 100.').waitFor();
  await page.getByLabel('Attendance below a rate over recent months: Attendance below (%)').fill('75');
  await page.getByLabel('Tuesday: minutes per session').fill('45');
  await page.getByLabel('Individual client', { exact: true }).selectOption({ label: 'Ben Okafor' });
  await page.getByLabel('Minutes per session', { exact: true }).fill('30');
  await page.getByRole('button', { name: 'Add client minutes' }).click();
  await page
    .getByRole('list', { name: 'Planned minutes of individual clients' })
    .getByText('Ben Okafor: 30 minutes')
    .waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Settings saved.').waitFor();
  const change = (await calls()).find((c) => c.name === 'saveSettings')?.args[0] as Record<string, unknown>;
  const policies = defaultSettings().policies;
  expect(change).toMatchObject({
    makeUps: { practiceReasons: ['practice cancelled', 'planned break'], afterNotice: true },
    policies: {
      ...policies,
      attendanceBelow: { on: true, rate: 0.75, months: 3 },
      absencesPerYear: { on: true, count: 4, yearStarts: '09-01' },
    },
    plannedMinutes: [
      { group: 'Tuesday', minutes: 45 },
      { clientId: 'C2', minutes: 30 },
    ],
  });
  await page.close();
});
