/**
 * Bad input, shown again (issue 6): the whole hostile corpus as client names, groups, reasons and
 * follow-up notes, stored through the offline runtime and read back with getSidebarData, painted by
 * the built sidebar in a real browser. Every text appears as text; none becomes an element, an
 * event handler, a dialog or a request.
 */
import type { Browser } from 'playwright-core';
import type { SidebarData } from '../../src/core/types';
import { newRequestId, practice } from '../server/fixtures';
import { launch, openSidebar } from '../sidebar/pageHarness';
import { emptyFigures, reportFigures } from './figures';
import { HOSTILE_TEXTS } from './hostileText';
import { SIZE_NAME } from './size';

const figures = emptyFigures();
afterAll(() => reportFigures('sidebar', figures, SIZE_NAME));

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Texts a roster or a form can hold as they are (one line, within every field's limit). */
const TEXTS = [
  ...new Set(
    HOSTILE_TEXTS.map((h) => h.text.trim()).filter((t) => t && t.length <= 200 && !/[\r\n\u2028\u2029\u0000]/.test(t)),
  ),
];

/** Sidebar data read back from a practice whose every text is hostile. */
function hostileData(): SidebarData {
  const env = practice(
    TEXTS.map((text, i) => ({ id: `H${i + 1}`, name: text, group: TEXTS[(i + 7) % TEXTS.length], active: 'yes' })),
  );
  env.run('saveSettings', { reasons: TEXTS.slice(0, 40) });
  env.run('saveSession', {
    requestId: newRequestId(),
    date: '2025-03-10',
    attendance: TEXTS.map((text, i) => ({
      clientId: `H${i + 1}`,
      status: 'unexcused',
      reason: TEXTS[i % 40],
      note: `note ${text}`,
      followUp: true,
    })),
  });
  figures.badInputs += TEXTS.length * 4;
  return env.run<SidebarData>('getSidebarData');
}

test('every hostile name, group, reason and note is painted as text', async () => {
  const data = hostileData();
  expect(data.clients.map((c) => c.name).sort()).toEqual([...TEXTS].sort());
  expect(data.followUps).toHaveLength(TEXTS.length);
  const { page, dialogs, requests } = await openSidebar(browser, { data });
  await page
    .getByText(
      TEXTS.find((t) => t.startsWith('<img'))!,
      { exact: true },
    )
    .first()
    .waitFor({ state: 'attached' });
  /** What the page shows now: its text, and anything the data could have turned into markup. */
  const inspect = () =>
    page.evaluate(() => ({
      text: document.body.textContent ?? '',
      elements: document.querySelectorAll(
        'img, svg, iframe, object, embed, video, audio, link, base[href], form, script:not(:first-of-type)',
      ).length,
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name)))
        .length,
      links: document.querySelectorAll('a[href^="javascript"]').length,
    }));
  // Each group in turn lists its client with their follow-up and its note.
  const select = page.locator('select:has(option[value^="group:"])');
  const groups = await select
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter((v) => v.startsWith('group:')));
  const views = [await inspect()];
  for (const group of groups) {
    await select.selectOption(group);
    views.push(await inspect());
  }
  const shown = views.map((v) => v.text).join('\n');
  const markup = TEXTS.filter((t) => t.includes('<'));
  expect(markup.flatMap((t) => [t, `note ${t}`]).filter((t) => !shown.includes(t))).toEqual([]);
  expect(views.map((v) => v.elements + v.handlers + v.links)).toEqual(views.map(() => 0));
  expect(groups).toHaveLength(TEXTS.length);
  expect(dialogs).toEqual([]);
  expect(requests).toEqual(['http://sidebar.test/']);
});
