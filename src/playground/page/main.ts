/**
 * The playground's page: a small Google Sheet around the add-on's real sidebar. It shows the
 * workbook (GET /api/workbook), the add-on's menu and messages (GET /api/ui), runs menu items
 * (POST /api/run/<fn>) and opens the sidebar the add-on showed, refreshing after each call. A
 * person's edits in the grid go to POST /api/edit (editing.ts). The phone view (?view=phone, or a
 * narrow window) is the spreadsheet as the Sheets mobile apps show it: tabs and grid, no
 * Extensions menu, no sidebar, no add-on toasts.
 */
import type { UiView, WorkbookWire } from '../wire';
import { $, toast } from './dom';
import { onEdited } from './editing';
import { gridKeyboard, showWorkbook, tabsKeyboard } from './grid';
import { menuKeyboard, renderMenu } from './menus';
import { getJSON, state } from './state';

/** ?view=phone or ?view=desktop chooses; otherwise a window as narrow as a phone's gets the phone view. */
function phoneView(): boolean {
  const asked = new URLSearchParams(location.search).get('view');
  if (asked === 'phone' || asked === 'desktop') return asked === 'phone';
  return window.matchMedia('(max-width: 600px)').matches;
}
const PHONE = phoneView();
if (PHONE) document.body.classList.add('phone');

async function refreshGrid(): Promise<void> {
  const before = state.workbook?.sheets.find((s) => s.name === state.current);
  state.workbook = await getJSON<WorkbookWire>('/api/workbook');
  showWorkbook(before);
}

async function refreshUi(first = false): Promise<void> {
  const ui = await getJSON<UiView>('/api/ui');
  // npm run dev: the page itself was rebuilt.
  if (state.ui?.dev && ui.dev && ui.dev.pageVersion !== state.ui.dev.pageVersion) location.reload();
  state.ui = ui;
  renderMenu((functionName) => {
    void runMenuItem(functionName);
  });
  // Messages shown before this page opened are old news.
  if (first) state.seenMessages = ui.messages.length;
  const fresh = ui.messages.slice(state.seenMessages);
  state.seenMessages = ui.messages.length;
  // The mobile apps show no add-on's toasts, alerts or sidebars.
  if (PHONE) return;
  if (fresh.length) toast(fresh.join('\n'));
  if (ui.sidebar && ui.sidebar.version !== state.sidebarVersion) {
    state.sidebarVersion = ui.sidebar.version;
    $('sidebar-title').textContent = ui.sidebar.title;
    $<HTMLIFrameElement>('sidebar-frame').src = `/sidebar?v=${state.sidebarVersion}`;
    $('sidebar').hidden = false;
  }
}

async function runMenuItem(functionName: string): Promise<void> {
  try {
    const response = await fetch(`/api/run/${encodeURIComponent(functionName)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[]',
    });
    if (!response.ok) toast(((await response.json()) as { error?: string }).error || `${functionName} failed`);
  } catch (error) {
    toast(`The playground did not answer: ${(error as Error).message}`);
  }
  // The sidebar first, so its page starts loading before the grid is fetched.
  await refreshUi();
  await refreshGrid();
}

onEdited(async () => {
  await refreshUi();
  await refreshGrid();
});
tabsKeyboard();
gridKeyboard();
menuKeyboard();
$('sidebar-close').addEventListener('click', () => {
  $('sidebar').hidden = true;
});

// The sidebar's google.script.run shim tells us when a call ended (the data may have changed)
// and when the page asked google.script.host.close().
let refreshing = 0;
window.addEventListener('message', (event) => {
  if (event.source !== $<HTMLIFrameElement>('sidebar-frame').contentWindow) return;
  const message = event.data as { source?: string; type?: string } | null;
  if (!message || message.source !== 'cadence-playground') return;
  if (message.type === 'close') {
    $('sidebar').hidden = true;
    return;
  }
  if (message.type === 'ran') {
    // Coalesce a burst of calls into one refresh after the last.
    clearTimeout(refreshing);
    refreshing = window.setTimeout(() => {
      Promise.all([refreshGrid(), refreshUi()]).catch((e: Error) => toast(e.message));
    }, 30);
  }
});

Promise.all([refreshUi(true), refreshGrid()]).then(
  () => {
    document.body.setAttribute('data-ready', 'true');
    // npm run dev: ask after rebuilds; a new sidebar version reloads the frame (refreshUi).
    if (state.ui?.dev)
      window.setInterval(() => {
        refreshUi().catch(() => undefined);
      }, 1000);
  },
  (error: Error) => toast(`The playground could not load the workbook: ${error.message}`),
);
