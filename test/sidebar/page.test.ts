/**
 * The built sidebar in a real browser, against an in-page stand-in for the server (pageHarness):
 * what the therapist sees and what the page sends. The end-to-end path through the offline
 * runtime is test/playground's.
 */
import type { Browser } from 'playwright-core';
import type { ClientView, Entry, SaveSessionRequest, SidebarData, TrendLevel } from '../../src/core/types';
import { DEFAULT_REASON_STATUSES, DEFAULT_REASONS } from '../../src/core/types';
import { DEFAULT_TREND_SETTINGS } from '../../src/core/trend';
import { defaultSettings } from '../../src/core/settings';
import { launch, openSidebar } from './pageHarness';
import { levelOneHeadings, seriousViolations } from '../playground/axe';

const HOSTILE = '<img src=x onerror=alert(1)>';

function client(
  id: string,
  name: string,
  group: string,
  level: TrendLevel = 'none',
  explanation = '',
  active = true,
): ClientView {
  return {
    id,
    name,
    group,
    active,
    lastEntry: null,
    trend: { level, chronic: false, explanation, sessions: 8, absences: 2, recentRate: 0.25, usualRate: 0.1 },
  };
}

function sampleData(): SidebarData {
  const ana = client('C1', 'Ana Lima', 'Tuesday', 'rising', 'missed 3 of the last 6 (50%); usually 12%');
  ana.lastEntry = { entryId: 'E1', date: '2026-11-12', status: 'excused', reason: 'illness' };
  return {
    today: '2026-11-27',
    timeZone: 'Europe/London',
    clients: [
      ana,
      client('C2', 'Ben Okafor', 'Tuesday'),
      client('C3', HOSTILE, 'Tuesday', 'watch', HOSTILE),
      client('C4', 'Carla Diaz', 'Tuesday', 'none', '', false),
      client('C5', 'Dev Patel', 'Thursday', 'urgent', 'missed the last 3 sessions'),
    ],
    groups: ['Tuesday', 'Thursday'],
    reasons: [...DEFAULT_REASONS],
    followUps: [
      { entryId: 'E1', clientId: 'C1', date: '2026-11-12', status: 'unexcused', reason: 'illness', note: '' },
    ],
    settings: {
      roster: {
        sheetId: null,
        headerRow: null,
        nameHeader: null,
        idHeader: null,
        groupHeader: null,
        activeHeader: null,
        statusMeanings: {},
      },
      reasons: [...DEFAULT_REASONS],
      trend: DEFAULT_TREND_SETTINGS,
      makeUps: defaultSettings().makeUps,
      policies: defaultSettings().policies,
      plannedMinutes: [],
      patternWeeks: 26,
      maxNoteLength: 200,
      schedules: [],
      talkAt: 'watch',
      reasonStatuses: { ...DEFAULT_REASON_STATUSES },
    },
    roster: {
      sheetName: 'Clients',
      sheetId: 7,
      headerRow: 1,
      nameHeader: 'Client',
      idHeader: 'ID',
      groupHeader: 'Group',
      activeHeader: null,
      groupsFromSections: false,
      clientCount: 5,
      activeCount: 4,
      groupCount: 2,
      summary: '4 active clients in 2 groups from Clients, headings in row 1',
      problem: null,
      statusValues: [],
      canAddIds: false,
    },
    recordedSessions: [],
    tabWarnings: [`The tab "Copy of Attendance" is a copy of the Attendance record: ${HOSTILE}`],
    unlinked: [],
    toRecord: [],
    scheduleWarnings: [],
    plannedAbsences: [],
  };
}

function entry(patch: Partial<Entry>): Entry {
  return {
    entryId: 'E',
    sessionDate: '2026-11-20',
    group: 'Tuesday',
    clientId: 'C1',
    client: 'Ana Lima',
    status: 'present',
    reason: '',
    notice: null,
    note: '',
    followUp: false,
    followUpDone: '',
    recordedAt: '',
    recordedBy: '',
    replaces: '',
    supersededBy: '',
    requestId: 'r',
    ...patch,
  };
}

const saves = (calls: { name: string; args: unknown[] }[]): SaveSessionRequest[] =>
  calls.filter((c) => c.name === 'saveSession').map((c) => c.args[0] as SaveSessionRequest);

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

it('paints from one call, shows every name as text, and loads nothing from the network', async () => {
  const { page, dialogs, requests, calls } = await openSidebar(browser, { data: sampleData() });
  const attention = page.getByRole('region', { name: 'Needs attention' });
  await attention.waitFor();
  expect(await attention.getByRole('listitem').allInnerTexts()).toEqual([
    expect.stringContaining('Dev Patel'),
    expect.stringContaining('Ana Lima'),
    expect.stringContaining(HOSTILE),
  ]);
  await page.getByLabel('Group').selectOption({ label: 'Tuesday' });
  const rows = page
    .getByRole('list', { name: 'Clients in this session' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('radiogroup') });
  expect(await rows.count()).toBe(3); // Carla is discharged
  await expect(page.getByRole('radiogroup', { name: `Status for ${HOSTILE}` }).count()).resolves.toBe(1);
  expect(await page.locator('img').count()).toBe(0);
  // A copy of the record is named in a warning, as text.
  expect(
    await page.getByText(`The tab "Copy of Attendance" is a copy of the Attendance record: ${HOSTILE}`).count(),
  ).toBe(1);
  expect(await page.getByText('last: 12 Nov — excused, illness').count()).toBe(1);
  expect(await page.getByText('missed 12 Nov — illness; follow up').count()).toBe(1);
  expect((await calls()).map((c) => c.name)).toEqual(['getSidebarData']);
  expect(dialogs).toEqual([]);
  expect(requests).toEqual(['http://sidebar.test/']);
  await page.close();
});

it('names the unmarked clients, focuses the first and sends nothing', async () => {
  const { page, calls } = await openSidebar(browser, { data: sampleData() });
  await page.getByLabel('Group').selectOption({ label: 'Tuesday' });
  await page
    .getByRole('radiogroup', { name: 'Status for Ben Okafor' })
    .getByRole('radio', { name: 'Present', exact: true })
    .check();
  await page.getByRole('button', { name: 'Save session' }).click();
  expect(await page.getByRole('alert').innerText()).toBe(`Mark 2 more clients: ${HOSTILE}, Ana Lima`);
  const focused = await page.evaluate(() =>
    document.activeElement?.closest('[role=radiogroup]')?.getAttribute('aria-label'),
  );
  expect(focused).toBe(`Status for ${HOSTILE}`);
  expect(saves(await calls())).toEqual([]);
  await page.close();
});

it('records a group session with an excused and an unexcused absence in one call', async () => {
  const { page, calls } = await openSidebar(browser, { data: sampleData() });
  await page.getByLabel('Group').selectOption({ label: 'Tuesday' });
  await page.getByRole('button', { name: 'Mark all present' }).click();
  const ana = page.getByRole('radiogroup', { name: 'Status for Ana Lima' });
  await ana.getByRole('radio', { name: 'Unexcused', exact: true }).check();
  expect(await page.getByLabel('Follow up next session for Ana Lima').isChecked()).toBe(true);
  await page.getByLabel('Reason for Ana Lima').selectOption('illness'); // illness → excused
  expect(await ana.getByRole('radio', { name: 'Excused', exact: true }).isChecked()).toBe(true);
  await page.getByLabel('Notice given for Ana Lima').check();
  await page.getByLabel('Note for Ana Lima').fill('=flu, back next week');
  const ben = page.getByRole('radiogroup', { name: 'Status for Ben Okafor' });
  await ben.getByRole('radio', { name: 'Unexcused', exact: true }).check();
  await page.getByLabel('Reason for Ben Okafor').selectOption('transport');
  await page.getByRole('button', { name: 'Save session' }).dblclick();
  const saved = page.getByRole('region', { name: 'Saved' });
  await saved.waitFor();
  const sent = saves(await calls());
  expect(sent).toHaveLength(1);
  expect(sent[0]).toEqual({
    requestId: expect.stringMatching(/^r-[0-9a-f]{32}$/),
    date: '2026-11-27',
    group: 'Tuesday',
    attendance: [
      { clientId: 'C3', status: 'present' },
      {
        clientId: 'C1',
        status: 'excused',
        reason: 'illness',
        notice: true,
        note: '=flu, back next week',
        followUp: false,
      },
      { clientId: 'C2', status: 'unexcused', reason: 'transport', notice: false, followUp: true },
    ],
  });
  expect(await saved.getByRole('status').innerText()).toBe('Saved 3 rows for 27 Nov (Tuesday).');
  expect(await saved.getByRole('listitem').allInnerTexts()).toEqual([
    `${HOSTILE} — present`,
    'Ana Lima — excused, illness; notice given; note: =flu, back next week',
    'Ben Okafor — unexcused, transport; follow up',
  ]);
  await page.close();
});

it('after a failed save, a changed form gets a new request id naming the attempt; an unchanged one reuses it', async () => {
  const stored =
    'Your earlier attempt of this save was stored after all: 2026-11-27: Dev Patel refused. Nothing more was saved.';
  const { page, calls } = await openSidebar(browser, {
    data: sampleData(),
    failSave: 'Service Spreadsheets timed out while accessing document.',
  });
  await page.getByLabel('Group').selectOption({ label: 'Thursday' });
  const dev = page.getByRole('radiogroup', { name: 'Status for Dev Patel' });
  await dev.getByRole('radio', { name: 'Refused', exact: true }).check();
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.getByRole('alert').waitFor();
  await page.getByRole('button', { name: 'Save session' }).click(); // Save again, unchanged
  await page.getByText('timed out').waitFor();
  await page.getByLabel('Note for Dev Patel').fill('asleep'); // the form changes
  await page.evaluate((text) => {
    (window as unknown as { __server: { failSave: string } }).__server.failSave = text;
  }, stored);
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.getByText('stored after all').waitFor();
  expect(await page.getByRole('alert').innerText()).toContain('2026-11-27: Dev Patel refused');
  const sent = saves(await calls()) as unknown as { requestId: string; retryOf?: string }[];
  expect(sent).toHaveLength(3);
  expect(sent[1].requestId).toBe(sent[0].requestId);
  expect(sent[1].retryOf).toBeUndefined();
  expect(sent[2].requestId).not.toBe(sent[0].requestId);
  expect(sent[2].retryOf).toBe(sent[0].requestId);
  await page.close();
});

it('retries once with the same request id when another save holds the lock', async () => {
  const { page, calls } = await openSidebar(browser, { data: sampleData(), busySaves: 1 });
  await page.clock.install();
  await page.getByLabel('Group').selectOption({ label: 'Thursday' });
  await page.getByRole('button', { name: 'Mark all present' }).click();
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.getByText('trying again in 2 seconds').waitFor();
  expect(await page.getByRole('button', { name: 'Save session' }).isDisabled()).toBe(true);
  await page.clock.runFor(2100);
  await page.getByRole('region', { name: 'Saved' }).waitFor();
  const sent = saves(await calls());
  expect(sent).toHaveLength(2);
  expect(sent[1].requestId).toBe(sent[0].requestId);
  await page.close();
});

it('keeps the form on failure, reuses the id on Save again, and takes a new id for the next session', async () => {
  const { page, calls } = await openSidebar(browser, {
    data: sampleData(),
    failSave: 'Unknown client: C5. Nothing was saved.',
  });
  await page.getByLabel('Group').selectOption({ label: 'Thursday' });
  const dev = page.getByRole('radiogroup', { name: 'Status for Dev Patel' });
  await dev.getByRole('radio', { name: 'Refused', exact: true }).check();
  await page.getByLabel('Note for Dev Patel').fill('asleep');
  await page.getByRole('button', { name: 'Save session' }).click();
  expect(await page.getByRole('alert').innerText()).toContain('Unknown client: C5. Nothing was saved.');
  expect(await dev.getByRole('radio', { name: 'Refused', exact: true }).isChecked()).toBe(true);
  expect(await page.getByLabel('Note for Dev Patel').inputValue()).toBe('asleep');
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Save session'); // focus kept for Save again
  await page.evaluate(() => {
    (window as unknown as { __server: { failSave: string } }).__server.failSave = '';
  });
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.getByRole('button', { name: 'Record another' }).click();
  await page.getByLabel('Group').selectOption({ label: 'Thursday' });
  expect(await dev.getByRole('radio', { checked: true }).count()).toBe(0); // a fresh form
  await page.getByRole('button', { name: 'Mark all present' }).click();
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.getByRole('region', { name: 'Saved' }).waitFor();
  const ids = saves(await calls()).map((s) => s.requestId);
  expect(ids).toHaveLength(3);
  expect(ids[1]).toBe(ids[0]);
  expect(ids[2]).not.toBe(ids[0]);
  await page.close();
});

it('offers Retry when loading fails', async () => {
  const { page, calls } = await openSidebar(browser, { data: sampleData(), failLoads: 1 });
  expect(await page.getByRole('alert').innerText()).toContain('Service Spreadsheets timed out');
  await page.getByRole('button', { name: 'Retry' }).click();
  await page.getByRole('button', { name: 'Save session' }).waitFor();
  expect((await calls()).map((c) => c.name)).toEqual(['getSidebarData', 'getSidebarData']);
  await page.close();
});

it('enters a session with the keyboard alone', async () => {
  const { page, calls } = await openSidebar(browser, { data: sampleData() });
  await page.getByLabel('Group').focus();
  await page.keyboard.press('ArrowDown'); // Tuesday
  await page.keyboard.press('ArrowDown'); // Thursday
  await page.getByRole('button', { name: 'Mark all present' }).waitFor();
  await page.keyboard.press('Tab'); // Mark all present
  await page.keyboard.press('Tab'); // History for Dev Patel
  await page.keyboard.press('Tab'); // Dev Patel's statuses
  await page.keyboard.press('Space'); // Present
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight'); // Late, Excused, Unexcused
  await page.keyboard.press('Tab'); // Reason
  await page.keyboard.press('ArrowDown'); // illness
  await page.keyboard.press('Tab'); // Notice given
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Save session' }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('region', { name: 'Saved' }).waitFor();
  expect(saves(await calls())[0].attendance).toEqual([
    { clientId: 'C5', status: 'excused', reason: 'illness', notice: true, followUp: false },
  ]);
  await page.close();
});

it('corrects and withdraws from a client’s history; superseded rows are struck through', async () => {
  const history = [
    entry({ entryId: 'E9', status: 'excused', reason: 'transport', replaces: 'E8' }),
    entry({ entryId: 'E8', status: 'unexcused', supersededBy: 'E9' }),
    entry({ entryId: 'E1', sessionDate: '2026-11-12', status: 'excused', reason: 'illness', notice: true }),
    entry({ entryId: 'E6', sessionDate: '2026-11-05', status: 'withdrawn', note: 'not her session', replaces: 'E7' }),
    entry({ entryId: 'E7', sessionDate: '2026-11-05', status: 'refused', supersededBy: 'E6' }),
  ];
  const { page, calls } = await openSidebar(browser, { data: sampleData(), history });
  await page.getByLabel('Group').selectOption({ label: 'Tuesday' });
  await page.getByRole('button', { name: 'History for Ana Lima' }).click();
  const entries = page.getByRole('list', { name: 'Entries for Ana Lima' });
  await entries.getByRole('listitem').first().waitFor();
  const lines = entries.locator('.entry-line');
  const decoration = await lines.evaluateAll((els) =>
    els.map((el) => `${el.textContent} ${getComputedStyle(el).textDecorationLine}`),
  );
  expect(decoration).toEqual([
    '20 Nov — excused, transport none',
    '20 Nov — unexcused line-through',
    '12 Nov — excused, illness none',
    '5 Nov — withdrawal: not her session none',
    '5 Nov — refused line-through',
  ]);
  expect(await page.getByRole('button', { name: /^(Correct|Withdraw) entry of/ }).count()).toBe(4); // the two current entries
  expect(await entries.getByText('Withdrawn: not her session').count()).toBe(1);
  expect(await entries.getByText('Corrected: replaced by a later entry').count()).toBe(1);
  await page.getByRole('button', { name: 'Correct entry of 12 Nov' }).click();
  await page
    .getByRole('radiogroup', { name: 'Status for Ana Lima' })
    .getByRole('radio', { name: 'Cancelled', exact: true })
    .check();
  await page.getByLabel('Reason for Ana Lima').selectOption('planned break');
  await page.getByRole('button', { name: 'Save correction' }).click();
  await page.getByText('Entry of 12 Nov corrected.').waitFor();
  await page.getByRole('button', { name: 'Withdraw entry of 20 Nov' }).click();
  await page.getByLabel('Why withdraw this entry').fill('Recorded for the wrong client');
  await page.getByRole('button', { name: 'Withdraw entry', exact: true }).click();
  await page.getByText('Entry of 20 Nov withdrawn.').waitFor();
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Save session' }).waitFor();
  const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  expect(focused).toBe('History for Ana Lima'); // back where the therapist left the form
  const changes = (await calls()).filter((c) => c.name === 'correctEntry' || c.name === 'withdrawEntry');
  expect(changes).toEqual([
    {
      name: 'correctEntry',
      args: [
        {
          requestId: expect.stringMatching(/^r-/),
          entryId: 'E1',
          status: 'cancelled',
          reason: 'planned break',
          notice: true,
          note: '',
          followUp: false,
        },
      ],
    },
    {
      name: 'withdrawEntry',
      args: [{ requestId: expect.stringMatching(/^r-/), entryId: 'E9', note: 'Recorded for the wrong client' }],
    },
  ]);
  await page.close();
});

it('Settings sets up phone entry and says what to do on the phone', async () => {
  const { page, calls } = await openSidebar(browser, { data: sampleData(), startView: 'settings' });
  await page.getByRole('region', { name: 'Settings' }).waitFor();
  await page.getByRole('button', { name: 'Set up phone entry' }).click();
  await page.getByText(/The "Quick entry" tab is ready\. On your phone, open this spreadsheet/).waitFor();
  expect((await calls()).filter((c) => c.name === 'setUpQuickEntry')).toHaveLength(1);
  expect(await seriousViolations(page)).toEqual([]);
  await page.close();
});

it('opens Settings first when the menu asked for it, and saves the edited settings', async () => {
  const rosterTabs = [
    {
      sheetId: 3,
      name: 'Notes',
      rows: [['Date', 'Client', 'Note']],
      headerRow: 1,
      guesses: [{ nameHeader: 'Client', idHeader: null, groupHeader: null, activeHeader: null }],
    },
    {
      sheetId: 7,
      name: 'Clients',
      rows: [
        ['ID', 'Client', 'Group', 'Team'],
        ['C1', 'Ana Lima', 'Tuesday', 'Blue'],
      ],
      headerRow: 1,
      guesses: [{ nameHeader: 'Client', idHeader: 'ID', groupHeader: 'Group', activeHeader: null }, null],
    },
  ];
  const { page, calls } = await openSidebar(browser, { data: sampleData(), startView: 'settings', rosterTabs });
  await page.getByRole('region', { name: 'Settings' }).waitFor();
  await page.getByLabel('New reason').fill('school run');
  await page.getByRole('button', { name: 'Add reason' }).click();
  await page.getByRole('button', { name: 'Remove other' }).click();
  await page.getByRole('button', { name: 'Move illness down' }).click();
  await page.getByLabel('Points above the usual rate (%)').fill('30');
  await page.getByText('Cadence reads 4 active clients in 2 groups from Clients, headings in row 1.').waitFor();
  await page.getByLabel('Group column').selectOption('Team');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Settings saved.').waitFor();
  const change = (await calls()).find((c) => c.name === 'saveSettings')?.args[0] as Record<string, unknown>;
  const reasons = [...DEFAULT_REASONS.filter((r) => r !== 'other'), 'school run'];
  [reasons[0], reasons[1]] = [reasons[1], reasons[0]];
  expect(change).toEqual({
    roster: {
      sheetId: 7,
      headerRow: 1,
      nameHeader: 'Client',
      idHeader: 'ID',
      groupHeader: 'Team',
      activeHeader: '',
      statusMeanings: {},
    },
    reasons,
    trend: { ...DEFAULT_TREND_SETTINGS, pointsAbove: 0.3 },
    makeUps: defaultSettings().makeUps,
    policies: defaultSettings().policies,
    plannedMinutes: [],
    patternWeeks: 26,
    maxNoteLength: 200,
    // Issue 17's settings travel with the rest, as they were left.
    schedules: [],
    talkAt: 'watch',
    reasonStatuses: { ...DEFAULT_REASON_STATUSES },
  });
  await page.close();
});

/** sampleData with Tuesday's session of today already in the record. */
function recordedData(): SidebarData {
  const data = sampleData();
  data.recordedSessions = [
    {
      date: '2026-11-27',
      group: 'Tuesday',
      clients: ['C1', 'C2', 'C3'],
      recordedBy: 'sam@example.org',
      recordedAt: '2026-11-27T14:05:00.000Z',
      entries: [
        {
          entryId: 'R1',
          clientId: 'C1',
          status: 'excused',
          reason: 'illness',
          notice: true,
          note: 'Flu; back next week',
          followUp: false,
        },
        { entryId: 'R2', clientId: 'C2', status: 'present', reason: '', notice: null, note: '', followUp: false },
        { entryId: 'R3', clientId: 'C3', status: 'present', reason: '', notice: null, note: '', followUp: false },
      ],
    },
  ];
  return data;
}

it('says at once that a group and date are already recorded, opens that session and corrects one client in one request, keeping the note', async () => {
  const { page, calls } = await openSidebar(browser, { data: recordedData() });
  await page.getByLabel('Group').selectOption({ label: 'Tuesday' });
  const notice = page.getByText('Tuesday on 27 Nov is already recorded: 3 entries, 14:05 by sam@example.org.');
  await notice.waitFor();
  // Saving anyway is refused with what to do; nothing is sent.
  await page.getByRole('button', { name: 'Mark all present' }).click();
  await page.getByRole('button', { name: 'Save session' }).click();
  expect(await page.getByRole('alert').innerText()).toContain('already recorded');
  expect(saves(await calls())).toEqual([]);

  await page.getByRole('button', { name: 'Open that session' }).click();
  const ana = page.getByRole('radiogroup', { name: 'Status for Ana Lima' });
  // The entry as recorded: status, reason, notice and note prefilled.
  expect(await ana.getByRole('radio', { name: 'Excused', exact: true }).isChecked()).toBe(true);
  expect(await page.getByLabel('Reason for Ana Lima').inputValue()).toBe('illness');
  expect(await page.getByLabel('Notice given for Ana Lima').isChecked()).toBe(true);
  expect(await page.getByLabel('Note for Ana Lima').inputValue()).toBe('Flu; back next week');
  await ana.getByRole('radio', { name: 'Late', exact: true }).check();
  // Late keeps what was written, and shows it.
  expect(await page.getByLabel('Note for Ana Lima').inputValue()).toBe('Flu; back next week');
  await page.getByRole('button', { name: 'Save corrections' }).click();
  const saved = page.getByRole('region', { name: 'Saved' });
  await saved.waitFor();
  const sent = (await calls()).filter((c) => c.name === 'correctSession');
  expect(sent).toEqual([
    {
      name: 'correctSession',
      args: [
        {
          requestId: expect.stringMatching(/^r-/),
          corrections: [
            {
              entryId: 'R1',
              status: 'late',
              reason: 'illness',
              notice: true,
              note: 'Flu; back next week',
              followUp: false,
            },
          ],
        },
      ],
    },
  ]);
  expect(await saved.getByRole('listitem').allInnerTexts()).toEqual([
    'Ana Lima — late, illness; notice given; note: Flu; back next week',
  ]);
  // No call back after the save: the answer carried the fresh data.
  expect((await calls()).filter((c) => c.name === 'getSidebarData')).toHaveLength(1);
  await page.close();
});

it('records a second session that day when the therapist says so', async () => {
  const { page, calls } = await openSidebar(browser, { data: recordedData() });
  await page.getByLabel('Group').selectOption({ label: 'Tuesday' });
  await page.getByRole('button', { name: 'Record a second session that day' }).click();
  expect(await page.getByText('is already recorded').count()).toBe(0);
  await page.getByRole('button', { name: 'Mark all present' }).click();
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.getByRole('region', { name: 'Saved' }).waitFor();
  expect(saves(await calls())).toHaveLength(1);
  await page.close();
});

it("pages back through a client's history", async () => {
  const history = Array.from({ length: 15 }, (_, i) =>
    entry({
      entryId: `H${i}`,
      sessionDate: `2026-${String(11 - Math.floor(i / 4)).padStart(2, '0')}-${String(20 - (i % 4) * 4).padStart(2, '0')}`,
    }),
  );
  const { page } = await openSidebar(browser, { data: sampleData(), history });
  await page.getByLabel('Group').selectOption({ label: 'Tuesday' });
  await page.getByRole('button', { name: 'History for Ana Lima' }).click();
  const entries = page.getByRole('list', { name: 'Entries for Ana Lima' }).getByRole('listitem');
  await entries.first().waitFor();
  expect(await entries.count()).toBe(12);
  await page.getByRole('button', { name: 'Older entries' }).click();
  await page.getByText('These are all the entries.').waitFor();
  expect(await entries.count()).toBe(15);
  await page.close();
});

describe('accessibility (axe-core in the page)', () => {
  it('has no serious or critical violation, and one level-one heading, on every view', async () => {
    const { page } = await openSidebar(browser, { data: recordedData() });
    const check = async (view: string): Promise<void> => {
      expect({ view, violations: await seriousViolations(page) }).toEqual({ view, violations: [] });
      expect({ view, h1: (await levelOneHeadings(page)).length }).toEqual({ view, h1: 1 });
    };
    await page.getByLabel('Group').selectOption({ label: 'Tuesday' });
    await page.getByText('is already recorded').waitFor();
    await page.getByRole('button', { name: 'Mark all present' }).click();
    await page
      .getByRole('radiogroup', { name: 'Status for Ana Lima' })
      .getByRole('radio', { name: 'Unexcused', exact: true })
      .check();
    await page.getByLabel('Note for Ana Lima').fill('No call');
    await page.getByRole('button', { name: 'Save session' }).click(); // refused: the error shows
    await page.getByRole('alert').waitFor();
    await check('record, with the already-recorded notice and an error');
    await page.getByRole('button', { name: 'Open that session' }).click();
    await page.getByRole('button', { name: 'Save corrections' }).waitFor();
    await check('session correction');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'History for Ana Lima' }).click();
    await page.getByRole('region', { name: 'History for Ana Lima' }).waitFor();
    await check('history');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('button', { name: 'Record a second session that day' }).click();
    await page.getByRole('button', { name: 'Save session' }).click();
    await page.getByRole('region', { name: 'Saved' }).waitFor();
    await check('saved');
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('region', { name: 'Settings' }).waitFor();
    await check('settings');
    await page.close();

    const failed = await openSidebar(browser, { data: sampleData(), failLoads: 5 });
    await failed.page.getByRole('alert').waitFor();
    expect(await seriousViolations(failed.page)).toEqual([]);
    expect(await levelOneHeadings(failed.page)).toHaveLength(1);
    await failed.page.close();
  });
});
it("a roster without IDs: Settings explains and offers the Cadence ID column, and links sessions under an old name on the user's choice", async () => {
  const data = sampleData();
  data.roster = { ...data.roster, idHeader: null, canAddIds: true };
  data.unlinked = [{ clientId: 'name:ana lyma', name: 'Ana Lyma', sessions: 4, lastDate: '2026-11-12' }];
  const { page, calls } = await openSidebar(browser, { data });
  // The Record view says where to link them; nothing is linked or added by itself.
  await page
    .getByText(
      'Sessions recorded as “Ana Lyma” match no one on the roster now (renamed?). Open Settings to link them to the client.',
    )
    .waitFor();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByText(/Cadence can add a "Cadence ID" column after the last column of Clients/).waitFor();
  expect((await calls()).map((c) => c.name)).not.toContain('addCadenceIds');
  await page.getByLabel('Link “Ana Lyma” (4 sessions, last 12 Nov) to').selectOption({ label: 'Ana Lima' });
  await page.getByRole('button', { name: 'Link sessions of Ana Lyma' }).click();
  await page.getByText("4 sessions of “Ana Lyma” are now Ana Lima's.").waitFor();
  await page.getByRole('button', { name: 'Add a Cadence ID column' }).click();
  await page.getByText(/Cadence ID column added to Clients/).waitFor();
  const asked = (await calls()).filter((c) => c.name === 'linkClientHistory' || c.name === 'addCadenceIds');
  expect(asked).toEqual([
    {
      name: 'linkClientHistory',
      args: [{ requestId: expect.stringMatching(/^r-/), fromClientId: 'name:ana lyma', toClientId: 'C1' }],
    },
    { name: 'addCadenceIds', args: [{ requestId: expect.stringMatching(/^r-/) }] },
  ]);
  await page.close();
});

it('To record opens an individual session on its date; a planned absence marks the client not counted on its days only', async () => {
  const data = sampleData();
  data.settings.schedules = [{ clientId: 'C5', weekdays: ['fri'] }];
  data.toRecord = [{ date: '2026-11-20', clientId: 'C5' }];
  data.plannedAbsences = [
    {
      planId: 'P1',
      clientId: 'C5',
      client: 'Dev Patel',
      from: '2026-11-16',
      to: '2026-11-22',
      reason: 'hospital stay',
      note: '',
      recordedAt: '',
      recordedBy: '',
    },
  ];
  const { page, calls } = await openSidebar(browser, { data });
  const toRecord = page.getByRole('region', { name: 'To record' });
  await toRecord.getByRole('button', { name: 'Record Dev Patel, 20 Nov' }).click();
  expect(await page.getByLabel('Session date').inputValue()).toBe('2026-11-20');
  expect(await page.getByLabel('Group').inputValue()).toBe('individual');
  const dev = page.getByRole('radiogroup', { name: 'Status for Dev Patel' });
  expect(await dev.getByRole('radio', { name: 'Cancelled', exact: true }).isChecked()).toBe(true);
  expect(await page.getByLabel('Reason for Dev Patel').inputValue()).toBe('planned: hospital stay');
  await page.getByText('Planned absence: Dev Patel, hospital stay, 16 Nov – 22 Nov.', { exact: false }).waitFor();
  // Moved off the absence, the mark the form made goes; back on it, it returns.
  await page.getByLabel('Session date').fill('2026-11-27');
  expect(await dev.getByRole('radio', { name: 'Cancelled', exact: true }).isChecked()).toBe(false);
  await page.getByLabel('Session date').fill('2026-11-20');
  expect(await dev.getByRole('radio', { name: 'Cancelled', exact: true }).isChecked()).toBe(true);
  await page.getByRole('button', { name: 'Save session' }).click();
  await page.getByRole('region', { name: 'Saved' }).waitFor();
  expect(saves(await calls())[0]).toMatchObject({
    date: '2026-11-20',
    attendance: [{ clientId: 'C5', status: 'cancelled', reason: 'planned: hospital stay', notice: true }],
  });
  await page.close();
});
