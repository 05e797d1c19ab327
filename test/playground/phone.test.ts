/**
 * Recording from a phone (issue 15) in a real browser: phone entry set up from the desktop view's
 * Extensions menu, then a whole session recorded in the phone view at 390×844 — as the Sheets
 * mobile app shows the spreadsheet: tabs and grid, no Extensions menu, no sidebar — only by
 * tapping the Quick entry tab's dropdowns, checkboxes and cells, each a person's edit firing the
 * add-on's onEdit(e). Counts the taps and prints them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addDays } from '../../src/core/dates';
import { todayIn } from '../../src/playground/dates';
import { DEMO_CLIENTS, DEMO_TIME_ZONE } from '../../src/playground/demoPractice';
import { seriousViolations } from './axe';
import { launchChromium, readmeScreenshot, startPlaygroundProcess, type PlaygroundProcess } from './harness';

const GROUP = 'Tuesday drumming';

let browser: Browser;
let work: string;
let server: PlaygroundProcess;

interface SheetView {
  name: string;
  values: string[][];
}

async function sheets(): Promise<SheetView[]> {
  const response = await fetch(new URL('api/workbook', server.url));
  return ((await response.json()) as { sheets: SheetView[] }).sheets;
}

async function sheet(name: string): Promise<SheetView> {
  const found = (await sheets()).find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function attendance(view: SheetView, day: string): Record<string, string>[] {
  const [header, ...rows] = view.values;
  return rows
    .map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])))
    .filter((r) => r['Session date'] === day && r.Group === GROUP);
}

/** The status line: the row under the "Save" label, as the phone shows it. */
async function statusLine(page: Page): Promise<string> {
  const qe = await sheet('Quick entry');
  const save = qe.values.findIndex((row) => row[0] === 'Save');
  return page.locator(`td[data-row="${save + 1}"][data-column="0"]`).innerText();
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cadence-phone-'));
  browser = await launchChromium();
  server = await startPlaygroundProcess(['--workbook', join(work, 'demo.json')]);
}, 90000);

afterAll(async () => {
  await Promise.all([browser?.close(), server?.stop()]);
  if (work) rmSync(work, { recursive: true, force: true });
});

test('a session recorded on the phone view lands in Attendance once, with Patterns refreshed', async () => {
  // The tab starts on today's date; the session is the day before (or the one before, if that
  // was a Tuesday, which the demo history has already recorded).
  const yesterday = addDays(todayIn(DEMO_TIME_ZONE), -1);
  const day = new Date(`${yesterday}T12:00:00Z`).getUTCDay() === 2 ? addDays(yesterday, -1) : yesterday;
  const members = DEMO_CLIENTS.filter((c) => c.group === GROUP && c.dischargedWeeksAgo === null).map((c) => c.name);
  expect(members).toHaveLength(6);
  const [excused, unexcused] = [members[1], members[4]];

  // On the computer: Extensions › Cadence › Set up phone entry.
  const desk = await browser.newPage({ viewport: { width: 1360, height: 820 } });
  await desk.goto(server.url);
  await desk.locator('body[data-ready="true"]').waitFor();
  await desk.getByRole('menuitem', { name: 'Extensions' }).click();
  await desk.getByRole('menuitem', { name: 'Cadence' }).click();
  await desk.getByRole('menuitem', { name: 'Set up phone entry', exact: true }).click();
  await desk.getByRole('tab', { name: 'Quick entry' }).waitFor();
  await desk.close();
  const patternsBefore = await sheet('Patterns');

  // On the phone.
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.setDefaultTimeout(15000);
  await page.goto(`${server.url}?view=phone`);
  await page.locator('body[data-ready="true"]').waitFor();
  expect(await page.getByRole('menuitem', { name: 'Extensions' }).isVisible()).toBe(false);
  expect(await page.locator('#sidebar').isVisible()).toBe(false);
  let taps = 0;
  /**
   * One person's action of `count` taps that edits a cell: done when its onEdit ran and the grid
   * was fetched and painted again.
   */
  const act = async (count: number, action: () => Promise<unknown>): Promise<void> => {
    const repainted = page.waitForResponse((r) => r.url().endsWith('/api/workbook'));
    await action();
    await repainted;
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    taps += count;
  };

  await page.getByRole('tab', { name: 'Quick entry' }).tap();
  taps += 1;
  // A date picker: open it, pick the day (2 taps); a dropdown: open it, pick (2 taps).
  await act(2, () => page.getByLabel(/^Session date/).fill(day));
  await act(2, () => page.getByLabel(/^Group/).selectOption(GROUP));
  await page.getByLabel(new RegExp(`^Status for ${members[5]}`)).waitFor();
  expect(await statusLine(page)).toBe('6 clients listed. Choose each one’s Status, then tick Save.');

  for (const name of members) {
    const status = name === excused ? 'Excused' : name === unexcused ? 'Unexcused' : 'Present';
    await act(2, () => page.getByLabel(new RegExp(`^Status for ${name}`)).selectOption(status));
  }
  await act(2, () => page.getByLabel(new RegExp(`^Reason for ${excused}`)).selectOption('illness'));
  await act(1, () => page.getByLabel(new RegExp(`^Notice for ${excused}`)).tap());
  // A note: tap the cell, tap again to type, type, then done (3 taps and the typing).
  const note = page.locator(`td[data-label^="Note for ${excused}"]`);
  await note.tap();
  await note.tap();
  taps += 2;
  await act(1, async () => {
    await page.getByLabel(new RegExp(`^Edit Note for ${excused}`)).fill('Flu; back next week');
    await page.keyboard.press('Enter');
  });
  // The repaint awaited above may answer an earlier fetch: wait (bounded) for the note to show.
  await page
    .waitForFunction(
      (label) =>
        (document.querySelector(`td[data-label^="${label}"]`) as HTMLElement | null)?.innerText ===
        'Flu; back next week',
      `Note for ${excused}`,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  expect(await note.innerText()).toBe('Flu; back next week');
  await act(2, () => page.getByLabel(new RegExp(`^Reason for ${unexcused}`)).selectOption('unknown'));
  expect(await seriousViolations(page)).toEqual([]);
  // The README's picture: the tab from its top-left corner, as a phone first shows it.
  await page.locator('#grid-wrap').evaluate((el) => {
    el.scrollLeft = 0;
    el.scrollTop = 0;
  });
  await readmeScreenshot(page, 'phone-entry.png');

  await act(1, () => page.getByLabel(/^Save/).tap());
  await page.getByText(/^Saved 6 entries — Tuesday drumming, /).waitFor();
  console.log(
    `Phone entry: ${taps} taps for a session of ${members.length} clients with 2 absences (one with a note).`,
  );

  const record = attendance(await sheet('Attendance'), day);
  expect(record.map((r) => r.Client).sort()).toEqual([...members].sort());
  expect(record.find((r) => r.Client === excused)).toMatchObject({
    Status: 'excused',
    Reason: 'illness',
    'Notice given': 'yes',
    Note: 'Flu; back next week',
  });
  expect(record.find((r) => r.Client === unexcused)).toMatchObject({ Status: 'unexcused', Reason: 'unknown' });
  expect(record.filter((r) => r.Status === 'present')).toHaveLength(4);
  // Patterns was refreshed by the save: every one of the six has a new session this week.
  const patternsAfter = await sheet('Patterns');
  for (const name of members) {
    const row = (view: SheetView) => JSON.stringify(view.values.find((r) => r.includes(name)));
    expect(row(patternsAfter)).not.toBe(row(patternsBefore));
  }
  // The marks were cleared; a second tick stores nothing and says why.
  expect(await page.getByLabel(new RegExp(`^Status for ${excused}`)).inputValue()).toBe('');
  await act(0, () => page.getByLabel(/^Save/).tap());
  await page.getByText(/is already recorded \(6 entries\); nothing was saved/).waitFor();
  expect(attendance(await sheet('Attendance'), day)).toHaveLength(6);
  expect(await seriousViolations(page)).toEqual([]);
  expect(problems).toEqual([]);
  await page.close();
}, 120000);

test('a narrow window gets the phone view without asking; ?view=desktop keeps the menus', async () => {
  const narrow = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await narrow.goto(server.url);
  await narrow.locator('body[data-ready="true"]').waitFor();
  expect(await narrow.evaluate(() => document.body.classList.contains('phone'))).toBe(true);
  await narrow.goto(`${server.url}?view=desktop`);
  await narrow.locator('body[data-ready="true"]').waitFor();
  expect(await narrow.getByRole('menuitem', { name: 'Extensions' }).isVisible()).toBe(true);
  await narrow.close();
});

test('on the desktop view a cell is typed into as in Sheets: select it, type, Enter', async () => {
  const page = await browser.newPage({ viewport: { width: 1360, height: 820 } });
  await page.goto(server.url);
  await page.locator('body[data-ready="true"]').waitFor();
  await page.getByRole('tab', { name: 'Quick entry' }).click();
  const cell = page.locator('td[data-row="1"][data-column="3"]');
  await cell.click();
  const stored = page.waitForResponse((r) => r.url().endsWith('/api/workbook'));
  await page.keyboard.type('typed at the desk');
  await page.keyboard.press('Enter');
  await stored;
  expect((await sheet('Quick entry')).values[1][3]).toBe('typed at the desk');
  await page.locator('td[data-row="1"][data-column="3"]', { hasText: 'typed at the desk' }).waitFor();
  // Escape leaves the cell as it was.
  await cell.click();
  await page.keyboard.type('not kept');
  await page.keyboard.press('Escape');
  expect((await sheet('Quick entry')).values[1][3]).toBe('typed at the desk');
  await page.close();
});

test('POST /api/edit: a person’s edit, refused in words when the sheet or the value is wrong', async () => {
  const post = (body: unknown) =>
    fetch(new URL('api/edit', server.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const ok = await post({ sheet: 'Quick entry', range: 'D1', value: 'a person typed this' });
  expect(await ok.json()).toEqual({ ok: true });
  expect((await sheet('Quick entry')).values[0][3]).toBe('a person typed this');
  const missing = await post({ sheet: 'No such tab', range: 'A1', value: 'x' });
  expect(missing.status).toBe(400);
  expect(((await missing.json()) as { error: string }).error).toMatch(/no tab named "No such tab"/);
  const shapeless = await post({ sheet: 'Quick entry', range: 'A1' });
  expect(shapeless.status).toBe(400);
});
