/**
 * `npm start` in a real browser: the playground page, the real built sidebar in its iframe, and
 * the add-on's Code.js in the offline runtime behind them. Drives only labelled controls (the
 * labels are listed at the top of src/sidebar/main.ts) and checks what a therapist would see,
 * in the grid and through GET /api/workbook. Prints the start, first-paint and save timings.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { addDays, weekStart } from '../../src/core/dates';
import { todayIn } from '../../src/playground/dates';
import { DEMO_CLIENTS, DEMO_TIME_ZONE } from '../../src/playground/demoPractice';
import { shortDate } from '../../src/sidebar/format';
import { levelOneHeadings, seriousViolations } from './axe';
import { ROOT, launchChromium, readmeScreenshot, startPlaygroundProcess, type PlaygroundProcess } from './harness';

const RESULTS = join(ROOT, 'test-results');
const XSS_NAME = '<img src=x onerror=alert(1)>';
const timings: Record<string, number> = {};

let browser: Browser;
let work: string;
let demo: PlaygroundProcess;
let imported: PlaygroundProcess;

interface SheetView {
  name: string;
  values: string[][];
  backgrounds: (string | null)[][];
}

async function workbook(server: PlaygroundProcess): Promise<SheetView[]> {
  const response = await fetch(new URL('api/workbook', server.url));
  expect(response.status).toBe(200);
  return ((await response.json()) as { sheets: SheetView[] }).sheets;
}

/** The rows of a sheet as objects keyed by the header row (row 1). */
function records(sheets: SheetView[], name: string): Record<string, string>[] {
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`No sheet "${name}" in ${sheets.map((s) => s.name).join(', ')}`);
  const [header, ...rows] = sheet.values;
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}

/** A page that fails its test on any dialog (an alert would mean markup ran as code) or page error. */
async function openPage(server: PlaygroundProcess): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 820 } });
  const problems: string[] = [];
  page.setDefaultTimeout(10000);
  page.on('dialog', (dialog) => {
    problems.push(`dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(server.url);
  await page.locator('body[data-ready="true"]').waitFor();
  return { page, problems };
}

async function openCadenceMenu(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: 'Extensions' }).click();
  await page.getByRole('menuitem', { name: 'Cadence' }).click();
}

async function menu(page: Page, item: string): Promise<void> {
  await openCadenceMenu(page);
  await page.getByRole('menuitem', { name: item, exact: true }).click();
}

function sidebar(page: Page): FrameLocator {
  return page.frameLocator('iframe[title="Cadence sidebar"]');
}

function sidebarFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().includes('/sidebar'));
  if (!frame) throw new Error('The sidebar frame is not open');
  return frame;
}

async function status(side: FrameLocator, client: string, label: string): Promise<void> {
  await side
    .getByRole('radiogroup', { name: `Status for ${client}` })
    .getByRole('radio', { name: label, exact: true })
    .check();
}

/**
 * Record a session from the menu, waiting for the sidebar it opens: a page opened on a playground
 * that showed a sidebar before shows that one at first, then reloads the frame for the new one.
 */
async function openRecordSidebar(page: Page): Promise<FrameLocator> {
  const before = await page.locator('#sidebar-frame').getAttribute('src');
  await menu(page, 'Record a session');
  await page.waitForFunction((src) => document.getElementById('sidebar-frame')?.getAttribute('src') !== src, before);
  const side = sidebar(page);
  await side.getByRole('button', { name: 'Save session' }).waitFor();
  return side;
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(RESULTS, `playground-${name}.png`) });
}

/** Starts a playground and opens its page, timing process start to a ready page. */
async function startAndOpen(
  args: string[],
  timing: string,
): Promise<{ server: PlaygroundProcess; page: Page; problems: string[] }> {
  const server = await startPlaygroundProcess(args);
  const opened = await openPage(server);
  timings[timing] = performance.now() - server.spawnedAt;
  return { server, ...opened };
}

let demoPage: { page: Page; problems: string[] };
let importedPage: { page: Page; problems: string[] };

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  work = mkdtempSync(join(tmpdir(), 'cadence-browser-'));
  // A practice's own roster as Google Sheets exports it, with a name that is markup.
  // Its headings sit under a merged title, and a notes log tab repeats the clients' names.
  const roster = new ExcelJS.Workbook();
  const sheet = roster.addWorksheet('Clients');
  [
    ['Riverbend Music Therapy — Caseload 2026'],
    ['Client ID', 'Client', 'Group', 'Active', 'Program'],
    ['M-1', 'Ana Lima', 'Monday art', 'yes', 'Strings'],
    ['M-2', XSS_NAME, 'Monday art', 'yes', 'Strings'],
    ['M-3', 'Ben Ode', 'Monday art', 'yes', 'Percussion'],
  ].forEach((row) => sheet.addRow(row));
  sheet.mergeCells('A1:E1');
  const notes = roster.addWorksheet('Notes');
  notes.addRow(['Date', 'Client', 'Note']);
  for (let i = 0; i < 12; i++)
    notes.addRow([new Date(Date.UTC(2026, 0, 5 + 7 * i)), i % 2 ? 'Ana Lima' : 'Ben Ode', 'Played along']);
  await roster.xlsx.writeFile(join(work, 'roster.xlsx'));
  // One after the other, so each start is timed without the others competing for the two cores.
  browser = await launchChromium();
  let started = await startAndOpen(
    ['--workbook', join(work, 'demo.json')],
    'start to ready page (demo practice built on first start)',
  );
  demo = started.server;
  demoPage = started;
  started = await startAndOpen(
    ['--workbook', join(work, 'imported.json'), '--import', join(work, 'roster.xlsx')],
    'start to ready page (--import roster.xlsx)',
  );
  imported = started.server;
  importedPage = started;
}, 90000);

afterAll(async () => {
  await Promise.all([browser?.close(), demo?.stop(), imported?.stop()]);
  if (work) rmSync(work, { recursive: true, force: true });
  const lines = Object.entries(timings).map(([name, ms]) => `  ${name}: ${Math.round(ms)} ms`);
  if (lines.length) console.log(`Playground timings (this machine):\n${lines.join('\n')}`);
});

describe('npm start in a browser', () => {
  const today = todayIn(DEMO_TIME_ZONE);
  const group = 'Thursday songwriting';

  it('records a group session with an excused and an unexcused absence, and shows it in Attendance and Patterns', async () => {
    const { page, problems } = demoPage;
    await shot(page, '1-demo-roster');

    const calls: string[] = [];
    page.on('request', (request) => {
      const match = /\/api\/run\/(\w+)/.exec(request.url());
      if (match) calls.push(match[1]);
    });
    let dataCall = 0;
    page.on('requestfinished', (request) => {
      if (request.url().endsWith('/api/run/getSidebarData')) dataCall = request.timing().responseEnd;
    });
    await openCadenceMenu(page);
    const opened = performance.now();
    await page.getByRole('menuitem', { name: 'Record a session', exact: true }).click();
    const side = sidebar(page);
    await side.getByRole('button', { name: 'Save session' }).waitFor();
    timings['sidebar first paint (menu click to form)'] = performance.now() - opened;
    timings['  of which the one getSidebarData call'] = dataCall;
    // The menu ran showSidebar; the sidebar then painted from one server call.
    expect(calls).toEqual(['showSidebar', 'getSidebarData']);
    expect(await side.getByLabel('Session date').inputValue()).toBe(today);

    await side.getByLabel('Group').selectOption({ label: group });
    await side.getByRole('button', { name: 'Mark all present' }).click();
    await status(side, 'Hugo Brandywell', 'Excused');
    await side.getByLabel('Reason for Hugo Brandywell').selectOption('illness');
    await side.getByLabel('Notice given for Hugo Brandywell').check();
    await side.getByLabel('Note for Hugo Brandywell').fill('Flu; back next week');
    await status(side, 'Kit Sorrelgrove', 'Unexcused');
    await side.getByLabel('Reason for Kit Sorrelgrove').selectOption('unknown');
    await side.getByLabel('Note for Kit Sorrelgrove').fill('No call; phone off');
    await side.getByLabel('Follow up next session for Kit Sorrelgrove').check();
    await shot(page, '2-session-form');

    const saving = performance.now();
    await side.getByRole('button', { name: 'Save session' }).click();
    await side.getByRole('region', { name: 'Saved' }).waitFor();
    timings['save round trip (click to "Saved")'] = performance.now() - saving;

    const record = records(await workbook(demo), 'Attendance').filter(
      (r) => r['Session date'] === today && r.Group === group,
    );
    const members = DEMO_CLIENTS.filter((c) => c.group === group && c.dischargedWeeksAgo === null).map((c) => c.name);
    expect(record.map((r) => r.Client).sort()).toEqual([...members].sort());
    const hugo = record.find((r) => r.Client === 'Hugo Brandywell');
    const kit = record.find((r) => r.Client === 'Kit Sorrelgrove');
    expect(hugo).toMatchObject({ Status: 'excused', Reason: 'illness', Note: 'Flu; back next week' });
    expect(kit).toMatchObject({ Status: 'unexcused', Reason: 'unknown', Note: 'No call; phone off' });
    expect(hugo?.['Notice given']).not.toBe(kit?.['Notice given']);
    expect(kit?.['Follow up']).not.toBe('');
    expect(record.filter((r) => r.Status === 'present')).toHaveLength(members.length - 2);

    // The grid shows the new rows once the sidebar's save has refreshed it.
    await page.getByRole('tab', { name: 'Attendance' }).click();
    const kitRow = page
      .getByRole('grid', { name: 'Attendance' })
      .getByRole('row')
      .filter({ hasText: 'Kit Sorrelgrove' })
      .filter({ hasText: today });
    await kitRow.waitFor();
    expect(await kitRow.textContent()).toContain('unexcused');

    // Patterns: the cells are coloured by conditional formatting, evaluated as Sheets would.
    await page.getByRole('tab', { name: 'Patterns' }).click();
    const patternRows = page.getByRole('grid', { name: 'Patterns' }).getByRole('row');
    const kitPattern = patternRows.filter({ hasText: 'Kit Sorrelgrove' });
    await kitPattern.waitFor();
    const painted = await kitPattern
      .locator('td')
      .evaluateAll((cells) =>
        cells
          .map((c) => getComputedStyle(c).backgroundColor)
          .filter((colour) => colour !== 'rgb(255, 255, 255)' && colour !== 'rgba(0, 0, 0, 0)'),
      );
    expect(painted.length).toBeGreaterThan(0);
    const patterns = (await workbook(demo)).find((s) => s.name === 'Patterns') as SheetView;
    const kitIndex = patterns.values.findIndex((row) => row.includes('Kit Sorrelgrove'));
    expect(patterns.backgrounds[kitIndex].filter((b) => b !== null).length).toBe(painted.length);
    // A rising client carries the Rising colour of the design notes.
    const cleoIndex = patterns.values.findIndex((row) => row.includes('Cleo Marchbank'));
    expect(patterns.backgrounds[cleoIndex].map((b) => b?.toLowerCase())).toContain('#f9cb9c');
    await shot(page, '3-patterns-after-save');

    // Refresh patterns from the menu: its toast shows as Sheets shows one.
    await menu(page, 'Refresh patterns');
    const toast = page.getByRole('status');
    await toast.filter({ hasText: 'flagged for a conversation' }).waitFor();
    expect(await toast.textContent()).toMatch(/\d+ active clients; \d+ flagged/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the follow-up at the next session and marks it done; a correction supersedes without editing', async () => {
    const { page, problems } = await openPage(demo);
    await menu(page, 'Record a session');
    const side = sidebar(page);
    await side.getByRole('region', { name: 'Needs attention' }).waitFor();
    await page.getByRole('tab', { name: 'Patterns' }).click();
    await page.getByRole('grid', { name: 'Patterns' }).waitFor();
    await shot(page, '4-patterns-and-sidebar');
    await readmeScreenshot(page, 'cadence.png');
    await side.getByLabel('Session date').fill(addDays(today, 7));
    await side.getByLabel('Group').selectOption({ label: group });
    const followUps = side.getByRole('list', { name: 'Open follow-ups for Kit Sorrelgrove' });
    await followUps.waitFor();
    expect(await followUps.textContent()).toContain('No call; phone off');
    const when = shortDate(today, today);
    await shot(page, '5-next-session-follow-up');
    await followUps.getByRole('button', { name: `Done: follow-up for Kit Sorrelgrove from ${when}` }).click();
    await side.getByText(`Follow-up from ${when} marked done.`).waitFor();
    // Marked done by a new version of Kit's entry (the record is append-only).
    const kit = records(await workbook(demo), 'Attendance').filter(
      (r) => r['Session date'] === today && r.Client === 'Kit Sorrelgrove',
    );
    expect(kit).toHaveLength(2);
    expect(kit[0]['Follow-up done']).toBe('');
    expect(kit[1]).toMatchObject({ Replaces: kit[0]['Entry ID'], Status: kit[0].Status });
    expect(kit[1]['Follow-up done']).not.toBe('');

    // Correct Hugo's entry of today: excused → late. A new row supersedes the old one.
    await side.getByRole('button', { name: 'History for Hugo Brandywell' }).click();
    const history = side.getByRole('region', { name: 'History for Hugo Brandywell' });
    await history.getByRole('button', { name: `Correct entry of ${when}` }).click();
    await status(side, 'Hugo Brandywell', 'Late');
    await history.getByRole('button', { name: 'Save correction' }).click();
    await history.getByText(`Entry of ${when} corrected.`).waitFor();
    await shot(page, '6-corrected');
    const hugo = records(await workbook(demo), 'Attendance').filter(
      (r) => r['Session date'] === today && r.Client === 'Hugo Brandywell',
    );
    expect(hugo).toHaveLength(2);
    const [original, correction] = hugo;
    expect(original).toMatchObject({ Status: 'excused', Reason: 'illness', Note: 'Flu; back next week', Replaces: '' });
    // The correction starts from the entry as recorded: the note (and reason) are kept.
    expect(correction).toMatchObject({
      Status: 'late',
      Reason: 'illness',
      Note: 'Flu; back next week',
      Replaces: original['Entry ID'],
    });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says a group and date are already recorded, opens that session and corrects one client in one request', async () => {
    const { page, problems } = await openPage(demo);
    const side = await openRecordSidebar(page);
    const calls: string[] = [];
    page.on('request', (request) => {
      const match = /\/api\/run\/(\w+)/.exec(request.url());
      if (match) calls.push(match[1]);
    });
    await side.getByLabel('Group').selectOption({ label: group });
    const members = DEMO_CLIENTS.filter((c) => c.group === group && c.dischargedWeeksAgo === null);
    const when = shortDate(today, today);
    await side
      .getByText(new RegExp(`^${group} on ${when} is already recorded: ${members.length} entries, \\d\\d:\\d\\d`))
      .waitFor();
    await shot(page, '8-already-recorded');
    await side.getByRole('button', { name: 'Open that session' }).click();
    // Every entry as it now stands: Hugo's corrected one, with its note.
    const hugo = side.getByRole('radiogroup', { name: 'Status for Hugo Brandywell' });
    expect(await hugo.getByRole('radio', { name: 'Late', exact: true }).isChecked()).toBe(true);
    expect(await side.getByLabel('Note for Hugo Brandywell').inputValue()).toBe('Flu; back next week');
    // Kit did call ahead after all: unexcused → excused with notice; the note stays.
    await status(side, 'Kit Sorrelgrove', 'Excused');
    await side.getByLabel('Notice given for Kit Sorrelgrove').check();
    const before = records(await workbook(demo), 'Attendance');
    calls.length = 0;
    await side.getByRole('button', { name: 'Save corrections' }).click();
    await side.getByRole('region', { name: 'Saved' }).waitFor();
    await shot(page, '9-session-corrected');
    const after = records(await workbook(demo), 'Attendance');
    expect(after).toHaveLength(before.length + 1); // one row: only Kit's mark changed
    // Kit's rows: as recorded, the version that marked the follow-up done, and this correction of it.
    const kit = after.filter((r) => r['Session date'] === today && r.Client === 'Kit Sorrelgrove');
    expect(kit).toHaveLength(3);
    expect(kit[2]).toMatchObject({
      Status: 'excused',
      Reason: 'unknown',
      Note: 'No call; phone off',
      Replaces: kit[1]['Entry ID'],
    });
    expect(kit[2]['Follow-up done']).toBe(kit[1]['Follow-up done']); // still asked for, still done
    expect(kit[2]['Notice given']).toBe(
      before.find((r) => r.Client === 'Hugo Brandywell' && r['Session date'] === today)?.['Notice given'],
    );
    expect(kit[0]).toMatchObject({ Status: 'unexcused', Note: 'No call; phone off' }); // the old rows are untouched
    // One request, and no call back: the answer carried the fresh sidebar data.
    expect(calls).toEqual(['correctSession']);
    // Back on the form, the session is known as corrected, still one session.
    await side.getByRole('button', { name: 'Record another' }).click();
    await side.getByLabel('Group').selectOption({ label: group });
    await side.getByText(`${group} on ${when} is already recorded: ${members.length} entries`).waitFor();
    expect(calls).toEqual(['correctSession']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the Patterns tab at a glance in a 1280×800 window: trend, explanation and the newest week without scrolling', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(demo.url);
    await page.locator('body[data-ready="true"]').waitFor();
    await page.getByRole('tab', { name: 'Patterns' }).click();
    const grid = page.getByRole('grid', { name: 'Patterns' });
    await grid.waitFor();
    // Measured in the page in one step (a re-render between finding a cell and measuring it cannot
    // detach it), and waited for, bounded, so a layout still settling on a loaded machine is not
    // mistaken for one that does not fit.
    const newest = shortDate(weekStart(today), today);
    const wanted = ['Trend', 'Why', newest];
    // True once every text is in a cell wholly inside the window; what is not stays in `outOfView`.
    const allInView = (texts: string[]): boolean => {
      const cells = [...document.querySelectorAll<HTMLElement>('table[aria-label="Patterns"] td')];
      const missing = texts.filter((text) => {
        const box = cells.find((td) => td.innerText.trim() === text)?.getBoundingClientRect();
        return !box || box.width === 0 || box.left < 0 || box.right > 1280 || box.bottom > 800;
      });
      (window as unknown as { outOfView: string[] }).outOfView = missing;
      return missing.length === 0;
    };
    await page.waitForFunction(allInView, wanted, { timeout: 10_000 }).catch(() => undefined);
    expect(await page.evaluate(() => (window as unknown as { outOfView: string[] }).outOfView)).toEqual([]);
    // The first flagged client's explanation is shown whole (wrapped in its column, not cut off).
    const why = grid.getByRole('row').nth(4).getByRole('gridcell').nth(5); // row 0 holds the column letters
    expect(
      await why.evaluate((td) => td.scrollWidth <= td.clientWidth + 1 && td.getBoundingClientRect().right <= 1280),
    ).toBe(true);
    expect((await why.textContent())?.length).toBeGreaterThan(10);
    await readmeScreenshot(page, 'patterns-1280.png');
    await page.close();
  });

  it("opens a client's summary from the sidebar: the tab shows the figures and a drawn chart", async () => {
    const { page, problems } = await openPage(demo);
    const side = await openRecordSidebar(page);
    await side.getByLabel('Group').selectOption({ label: 'Tuesday drumming' });
    await side.getByRole('button', { name: 'History for Cleo Marchbank' }).click();
    await side.getByRole('button', { name: 'Summary for Cleo Marchbank' }).click();
    await side.getByText('The summary is in the tab “Client summary”, ready to print.').waitFor();
    const summary = (await workbook(demo)).find((s) => s.name === 'Client summary') as SheetView & {
      charts: { type: string; ranges: string[] }[];
    };
    expect(summary.values[0][0]).toBe('Client summary: Cleo Marchbank');
    const figure = (label: string) => summary.values.find((row) => row[0] === label)?.[1];
    expect(Number(figure('Sessions counted'))).toBeGreaterThan(10);
    expect(figure('Absence rate')).toMatch(/^\d+%$/);
    expect(summary.charts).toEqual([expect.objectContaining({ type: 'column', ranges: expect.any(Array) })]);
    await page.getByRole('tab', { name: 'Client summary' }).click();
    const grid = page.getByRole('grid', { name: 'Client summary' });
    await grid.getByRole('gridcell', { name: 'Longest run attended', exact: true }).waitFor();
    // The chart is drawn over the grid: an image named by its title, with a bar per absence.
    const chart = page.getByRole('img', { name: /^Absence rate by month/ });
    await chart.waitFor();
    expect(
      await chart.locator('rect[fill="#CC4125"], rect[fill="#6FA8DC"], rect[fill="#F1C232"]').count(),
    ).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    // The README's picture: the figures and the chart in one tall window.
    await page.setViewportSize({ width: 1360, height: 1500 });
    await page.locator('#grid-wrap').evaluate((wrap) => wrap.scrollTo(0, 0));
    await readmeScreenshot(page, 'client-summary.png');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('has no serious or critical axe-core violation on the playground page and the sidebar, and the grid works by keyboard', async () => {
    const { page, problems } = await openPage(demo);
    await page.getByRole('tab', { name: 'Patterns' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Attendance' }).click();
    // Tab reaches the grid's first cell; the arrows move the selection as in Sheets.
    let reached = false;
    await page.locator('body').focus();
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        () => document.activeElement?.getAttribute('role') === 'gridcell' || document.activeElement?.tagName === 'TD',
      );
    }
    expect(reached).toBe(true);
    expect(await page.locator('#cell-name').textContent()).toBe('');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#cell-name').textContent()).toBe('B2');
    await page.keyboard.press('End');
    const lastColumn = await page.locator('#cell-name').textContent();
    expect(lastColumn).toMatch(/^[A-Z]+2$/);
    expect(lastColumn).not.toBe('B2');
    await page.keyboard.press('Home');
    expect(await page.locator('#cell-name').textContent()).toBe('A2');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      await page.locator('#cell-value').textContent(),
    );

    const side = await openRecordSidebar(page);
    await side.getByLabel('Group').selectOption({ label: group });
    await side.getByRole('radiogroup').first().waitFor();
    expect(await seriousViolations(sidebarFrame(page))).toEqual([]);
    expect(await levelOneHeadings(sidebarFrame(page))).toEqual(['Record a session']);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows a client named like markup as text, and records a session from the keyboard alone', async () => {
    const { page, problems } = importedPage;
    expect(
      await page.getByRole('grid', { name: 'Clients' }).getByRole('gridcell', { name: XSS_NAME, exact: true }).count(),
    ).toBe(1);

    // The menu by keyboard: Tab to Extensions, ArrowDown, ArrowRight into Cadence, Enter.
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Record a session');
    await page.keyboard.press('Enter');
    const side = sidebar(page);
    await side.getByRole('button', { name: 'Save session' }).waitFor();
    const frame = sidebarFrame(page);

    /** What has focus in the sidebar: its accessible label, and its radio group's. */
    const focused = () =>
      frame.evaluate(() => {
        const el = document.activeElement as HTMLInputElement | null;
        if (!el) return { label: '', group: '', value: '' };
        const group = el.closest('[role="radiogroup"]')?.getAttribute('aria-label') ?? '';
        const label =
          el.getAttribute('aria-label') ?? el.labels?.[0]?.textContent?.trim() ?? el.textContent?.trim() ?? '';
        return { label, group, value: el.value ?? '' };
      });
    const tabTo = async (want: (f: { label: string; group: string }) => boolean, what: string): Promise<void> => {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        if (want(await focused())) return;
      }
      throw new Error(`Tab never reached ${what}`);
    };

    await tabTo((f) => f.label === 'Group', 'the Group select');
    await page.keyboard.press('ArrowDown');
    expect(await side.getByLabel('Group').evaluate((s: HTMLSelectElement) => s.selectedOptions[0].textContent)).toBe(
      'Monday art',
    );
    await tabTo((f) => f.group === 'Status for Ana Lima', "Ana Lima's statuses");
    await page.keyboard.press('Space');
    await tabTo((f) => f.group === `Status for ${XSS_NAME}`, "the second client's statuses");
    await page.keyboard.press('Space');
    await tabTo((f) => f.group === 'Status for Ben Ode', "Ben Ode's statuses");
    await page.keyboard.press('Space');
    // Arrows move within the group: Present → Late → Excused.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect((await focused()).value).toBe('excused');
    await tabTo((f) => f.label === 'Reason for Ben Ode', "Ben Ode's reason");
    await page.keyboard.press('ArrowDown');
    await tabTo((f) => f.label === 'Note for Ben Ode', "Ben Ode's note");
    await page.keyboard.type('Dentist');
    await tabTo((f) => f.label === 'Save session', 'Save session');
    await page.keyboard.press('Space');
    await side.getByRole('region', { name: 'Saved' }).waitFor();

    const saved = records(await workbook(imported), 'Attendance');
    expect(saved.map((r) => [r.Client, r.Status, r.Note]).sort()).toEqual([
      [XSS_NAME, 'present', ''],
      ['Ana Lima', 'present', ''],
      ['Ben Ode', 'excused', 'Dentist'],
    ]);
    expect(saved.find((r) => r.Client === 'Ben Ode')?.Reason).not.toBe('');

    // The name shows as its characters in the sidebar and the grid; no element was made of it.
    await side.getByRole('button', { name: 'Record another' }).click();
    await side.getByLabel('Group').selectOption({ label: 'Monday art' });
    await side.getByRole('radiogroup', { name: `Status for ${XSS_NAME}` }).waitFor();
    expect(await side.getByText(XSS_NAME, { exact: true }).count()).toBeGreaterThan(0);
    expect(await side.locator('img').count()).toBe(0);
    await page.getByRole('tab', { name: 'Attendance' }).click();
    await page
      .getByRole('grid', { name: 'Attendance' })
      .getByRole('gridcell', { name: XSS_NAME, exact: true })
      .waitFor();
    expect(await page.locator('img').count()).toBe(0);
    await shot(page, '7-markup-name-as-text');

    // Settings from the menu shows the sidebar again, opened on its Settings view.
    await menu(page, 'Settings');
    await side.getByRole('region', { name: 'Settings' }).waitFor();
    expect(
      await side.getByLabel('Roster sheet').evaluate((s: HTMLSelectElement) => s.selectedOptions[0].textContent),
    ).toContain('Clients');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('finds the imported roster under its title and beside its notes tab, and a new group column takes effect at once', async () => {
    const { page, problems } = await openPage(imported);
    const sheets = await workbook(imported);
    expect(sheets.map((x) => x.name).slice(0, 2)).toEqual(['Clients', 'Notes']);
    // The title stays one merged cell with one value; the notes' dates arrive as dates.
    expect(sheets[0].values[0].filter(Boolean)).toEqual(['Riverbend Music Therapy — Caseload 2026']);
    expect(sheets[1].values[1][0]).toBe('1/5/2026');

    await menu(page, 'Record a session');
    const side = sidebar(page);
    await side.getByText('Cadence reads 3 active clients in 1 group from Clients, headings in row 2.').waitFor();
    // Last week's session: today's was recorded from the keyboard above.
    const shown = await side.getByLabel('Session date').inputValue();
    await side.getByLabel('Session date').fill(addDays(shown, -7));
    await side.getByLabel('Group').selectOption({ label: 'Monday art' });
    for (const name of ['Ana Lima', XSS_NAME, 'Ben Ode']) await status(side, name, 'Present');
    await side.getByRole('button', { name: 'Save session' }).click();
    await side.getByRole('region', { name: 'Saved' }).waitFor();
    const before = records(await workbook(imported), 'Attendance').length;
    expect(before).toBeGreaterThanOrEqual(3);

    // Settings: the group column becomes "Program"; the Record view offers its groups at once.
    await side.getByRole('button', { name: 'Settings', exact: true }).click();
    await side.getByLabel('Heading row').waitFor();
    expect(
      await side.getByLabel('Heading row').evaluate((s: HTMLSelectElement) => s.selectedOptions[0].textContent),
    ).toMatch(/^Row 2: Client ID/);
    await side.getByLabel('Group column').selectOption('Program');
    await side.getByRole('button', { name: 'Save settings' }).click();
    await side.getByText('Settings saved.').waitFor();
    await side.getByText('Cadence reads 3 active clients in 2 groups from Clients, headings in row 2.').waitFor();
    await side.getByRole('button', { name: 'Record', exact: true }).click();
    const groups = await side
      .getByLabel('Group')
      .evaluate((s: HTMLSelectElement) => [...s.options].map((o) => o.textContent));
    expect(groups).toEqual(expect.arrayContaining(['Percussion', 'Strings']));
    expect(groups).not.toContain('Monday art');
    await side.getByLabel('Group').selectOption({ label: 'Percussion' });
    await side.getByRole('radiogroup', { name: 'Status for Ben Ode' }).waitFor();
    expect(await side.getByRole('radiogroup', { name: 'Status for Ana Lima' }).count()).toBe(0);
    // Nothing already recorded changed.
    expect(records(await workbook(imported), 'Attendance')).toHaveLength(before);
    await shot(page, '8-imported-roster-settings');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens on "To record" once a schedule is set; recording from it clears the item; a planned absence is marked not counted', async () => {
    const { page, problems } = await openPage(demo);
    const choir = 'Friday choir';
    const when = shortDate(today, today);
    // Set up once in Settings: Friday choir expected today, and Nell away today (a planned holiday).
    await menu(page, 'Settings');
    const side = sidebar(page);
    await side.getByRole('region', { name: 'Settings' }).waitFor();
    await side.getByLabel('Schedule for').selectOption({ label: choir });
    const days = side.getByRole('group', { name: 'Meets on' });
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])
      await days.getByLabel(day).check();
    await side.getByLabel('Starts (optional)').fill(today);
    await side.getByLabel('Ends (optional)').fill(today);
    await side.getByRole('button', { name: 'Add schedule' }).click();
    await side.getByRole('radio', { name: /^Rising/ }).check();
    expect(await side.getByLabel('Status for the reason offered, declined').inputValue()).toBe('refused');
    expect(await seriousViolations(sidebarFrame(page))).toEqual([]);
    await side.getByRole('button', { name: 'Save settings' }).click();
    await side.getByText('Settings saved.').waitFor();
    expect(await side.getByRole('list', { name: 'Schedules' }).textContent()).toContain(choir);
    await side.getByLabel('Client away').selectOption({ label: 'Nell Ashbury' });
    await side.getByLabel('First day').fill(today);
    await side.getByLabel('Last day').fill(today);
    await side.getByLabel('Reason for the absence').fill('holiday');
    await side.getByRole('button', { name: 'Add planned absence' }).click();
    await side.getByText('Planned absence added for Nell Ashbury.').waitFor();
    expect(await side.getByRole('list', { name: 'Planned absences' }).textContent()).toContain('Nell Ashbury, holiday');
    expect(await seriousViolations(sidebarFrame(page))).toEqual([]);

    // Each day after: the sidebar opens on To record, today's choir session first.
    const record = await openRecordSidebar(page);
    const toRecord = record.getByRole('region', { name: 'To record' });
    const item = toRecord.getByRole('button', { name: `Record ${choir}, ${when} (today)` });
    await item.waitFor();
    expect(await seriousViolations(sidebarFrame(page))).toEqual([]);
    await item.click();
    expect(await record.getByLabel('Group').inputValue()).toBe(`group:${choir}`);
    expect(await record.getByLabel('Session date').inputValue()).toBe(today);
    const nell = record.getByRole('radiogroup', { name: 'Status for Nell Ashbury' });
    expect(await nell.getByRole('radio', { name: 'Cancelled', exact: true }).isChecked()).toBe(true);
    expect(await record.getByLabel('Reason for Nell Ashbury').inputValue()).toBe('planned: holiday');
    await record.getByRole('button', { name: 'Mark all present' }).click();
    await record.getByRole('button', { name: 'Save session' }).click();
    await record.getByRole('button', { name: 'Record another' }).click();
    await toRecord.getByText('Every scheduled session of the last 3 weeks is recorded.').waitFor();
    expect(await toRecord.getByRole('button').count()).toBe(0);
    const saved = records(await workbook(demo), 'Attendance').filter(
      (r) => r['Session date'] === today && r.Group === choir,
    );
    expect(saved.find((r) => r.Client === 'Nell Ashbury')).toMatchObject({
      Status: 'cancelled',
      Reason: 'planned: holiday',
    });
    expect(saved.filter((r) => r.Status === 'present').length).toBe(saved.length - 1);
    expect(problems).toEqual([]);
    await page.close();
  });
});
