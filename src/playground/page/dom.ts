/** The page's elements by id. Every text from the workbook or the add-on is set with textContent. */

/** The element with this id; the page's markup (index.html) has every id the script names. */
export function $<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`playground page: #${id} is missing from index.html`);
  return element as T;
}

let toastTimer = 0;

/** Shows a message at the bottom, as Sheets shows a toast, for six seconds. */
export function toast(text: string): void {
  const el = $('toast');
  el.textContent = text;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = window.setTimeout(() => {
    el.hidden = true;
  }, 6000);
}
