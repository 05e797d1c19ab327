/** What the page knows: the workbook and UI as last fetched, the sheet on screen, the selected cell. */
import type { UiView, WorkbookWire } from '../wire';

export interface PageState {
  workbook: WorkbookWire | null;
  ui: UiView | null;
  /** Name of the sheet on screen. */
  current: string | null;
  /** How many of ui.messages have been shown as toasts. */
  seenMessages: number;
  /** The sidebar version the frame shows (UiView.sidebar.version). */
  sidebarVersion: number;
  selected: { row: number; column: number } | null;
}

export const state: PageState = {
  workbook: null,
  ui: null,
  current: null,
  seenMessages: 0,
  sidebarVersion: 0,
  selected: null,
};

/** The JSON at `url`, or an Error naming the status. */
export async function getJSON<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json() as Promise<T>;
}
