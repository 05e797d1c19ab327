/** The sheet on screen: the tab bar, the grid of cells, and the selected cell in the formula bar. */
import type { SheetWire } from '../wire';
import { $ } from './dom';
import { editText, sendEdit } from './editing';
import { state } from './state';
import { chartFigure } from './chart';

const MAX_ROWS = 3000;

/** A1-style column letters: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function visibleSheets(): SheetWire[] {
  return state.workbook ? state.workbook.sheets.filter((sheet) => !sheet.hidden) : [];
}

function renderTabs(): void {
  const tabs = $('tabs');
  const sheets = state.workbook ? state.workbook.sheets : [];
  // Hidden sheets have no tab, as in Sheets.
  tabs.replaceChildren(
    ...sheets
      .filter((sheet) => !sheet.hidden || sheet.name === state.current)
      .map((sheet) => {
        const tab = document.createElement('button');
        tab.type = 'button';
        tab.setAttribute('role', 'tab');
        tab.setAttribute('aria-selected', String(sheet.name === state.current));
        tab.tabIndex = sheet.name === state.current ? 0 : -1;
        tab.textContent = sheet.name;
        tab.addEventListener('click', () => {
          state.current = sheet.name;
          state.selected = null;
          renderSheet(true);
        });
        return tab;
      }),
  );
}

/** Left and right arrows move between tabs, as in a tab list. */
export function tabsKeyboard(): void {
  $('tabs').addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const names = visibleSheets().map((s) => s.name);
    const next = names.indexOf(state.current ?? '') + (event.key === 'ArrowRight' ? 1 : -1);
    if (next < 0 || next >= names.length) return;
    state.current = names[next];
    renderSheet(true);
    $('tabs').querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
  });
}

/**
 * The grid by keyboard, as in Sheets: Tab reaches the selected cell (A1 at first), the arrows move
 * one cell, Home/End go to the row's first/last cell, Ctrl+Home/Ctrl+End to the sheet's corners,
 * PageUp/PageDown 20 rows (the ARIA grid pattern, https://www.w3.org/WAI/ARIA/apg/patterns/grid/).
 */
export function gridKeyboard(): void {
  $('grid-wrap').addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    // A dropdown, checkbox or date picker in a cell keeps its own keys.
    if (target.matches('input, select')) return;
    const td = target.closest('td');
    if (!td) return;
    const tr = td.parentElement as HTMLTableRowElement;
    const rows = [...(tr.parentElement as HTMLElement).children] as HTMLTableRowElement[];
    let rowIndex = rows.indexOf(tr);
    let column = td.cellIndex - 1; // cell 0 is the row number
    const last = tr.children.length - 2;
    const key = event.key;
    // Enter, F2 or a typed character starts editing the cell, as in Sheets.
    const typed = key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    if ((key === 'Enter' || key === 'F2' || typed) && td.dataset.text !== undefined) {
      event.preventDefault();
      startEditing(td, typed ? key : (td.dataset.text ?? ''));
      return;
    }
    if (key === 'ArrowRight') column = Math.min(last, column + 1);
    else if (key === 'ArrowLeft') column = Math.max(0, column - 1);
    else if (key === 'ArrowDown') rowIndex = Math.min(rows.length - 1, rowIndex + 1);
    else if (key === 'ArrowUp') rowIndex = Math.max(0, rowIndex - 1);
    else if (key === 'PageDown') rowIndex = Math.min(rows.length - 1, rowIndex + 20);
    else if (key === 'PageUp') rowIndex = Math.max(0, rowIndex - 20);
    else if (key === 'Home') {
      column = 0;
      if (event.ctrlKey) rowIndex = 0;
    } else if (key === 'End') {
      column = last;
      if (event.ctrlKey) rowIndex = rows.length - 1;
    } else return;
    event.preventDefault();
    const next = rows[rowIndex].children[column + 1] as HTMLTableCellElement;
    selectCell(next, Number(next.dataset.row), Number(next.dataset.column));
    next.focus();
    next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });
}

function selectCell(td: HTMLTableCellElement, row: number, column: number): void {
  const wrap = $('grid-wrap');
  const old = wrap.querySelector('td[aria-selected="true"]');
  if (old) old.removeAttribute('aria-selected');
  // One cell of the grid is in the Tab order (a roving tabindex): the selected one.
  const stop = wrap.querySelector<HTMLElement>('td[tabindex="0"]');
  if (stop) stop.tabIndex = -1;
  td.tabIndex = 0;
  td.setAttribute('aria-selected', 'true');
  state.selected = { row, column };
  $('cell-name').textContent = columnName(column) + (row + 1);
  $('cell-value').textContent = td.dataset.text ?? td.textContent;
}

/** The sheet on screen's name and a cell's A1. */
function a1Of(td: HTMLTableCellElement): string {
  return columnName(Number(td.dataset.column)) + (Number(td.dataset.row) + 1);
}

function startEditing(td: HTMLTableCellElement, start: string): void {
  const sheet = state.current;
  if (!sheet) return;
  editText(td, td.dataset.label ?? a1Of(td), start, (text) => {
    void sendEdit({ sheet, range: a1Of(td), value: text });
  });
}

/**
 * A name for a cell a person edits: its column's heading (the last frozen row) and its row's
 * first cell, then its A1 — "Status for Amy Adams (B6)", "Session date (B1)".
 */
function cellLabel(sheet: SheetWire, r: number, c: number): string {
  const text = (row: number, column: number) => (sheet.values[row]?.[column] ?? '').trim();
  const heading = r >= sheet.frozenRows && sheet.frozenRows > 0 ? text(sheet.frozenRows - 1, c) : '';
  const rowName = c > 0 ? text(r, 0) : '';
  const name = heading && rowName ? `${heading} for ${rowName}` : heading || rowName;
  const at = columnName(c) + (r + 1);
  return name ? `${name} (${at})` : at;
}

/** The control a data-validation rule gives a cell, wired to send the person's choice as an edit. */
function cellControl(
  sheet: SheetWire,
  input: NonNullable<SheetWire['inputs']>[number],
  text: string,
  label: string,
): HTMLElement {
  const send = (value: string | boolean): void => {
    void sendEdit({ sheet: sheet.name, range: columnName(input.column) + (input.row + 1), value });
  };
  if (input.kind === 'checkbox') {
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = text === 'TRUE';
    box.setAttribute('aria-label', label);
    box.addEventListener('change', () => send(box.checked));
    return box;
  }
  if (input.kind === 'date') {
    const date = document.createElement('input');
    date.type = 'date';
    date.value = input.date ?? '';
    date.setAttribute('aria-label', label);
    date.addEventListener('change', () => send(date.value));
    return date;
  }
  const select = document.createElement('select');
  select.setAttribute('aria-label', label);
  const options = [...(input.options ?? [])];
  // What a person typed that is not in the list still shows, as Sheets shows it.
  if (text !== '' && !options.includes(text)) options.unshift(text);
  select.append(new Option('', ''), ...options.map((o) => new Option(o, o, false, o === text)));
  if (text === '') select.value = '';
  select.addEventListener('change', () => send(select.value));
  return select;
}

/** Frozen columns stay beside the row numbers while the grid scrolls sideways. */
function frozenCell(cell: HTMLElement, column: number, widths: number[], last: boolean): void {
  cell.classList.add('frozen-col');
  cell.style.left = `${46 + widths.slice(0, column).reduce((a, b) => a + b, 0)}px`;
  if (last) cell.style.borderRight = '3px solid #c0c0c0';
}

/** Draws the current sheet; `scrollTop` starts at its top-left, otherwise the scroll position stays. */
export function renderSheet(scrollTop: boolean): void {
  const wrap = $('grid-wrap');
  const keep = scrollTop ? { top: 0, left: 0 } : { top: wrap.scrollTop, left: wrap.scrollLeft };
  renderTabs();
  const sheet = state.workbook?.sheets.find((s) => s.name === state.current);
  if (!sheet) {
    wrap.replaceChildren();
    return;
  }
  const values = sheet.values;
  const columns = values.reduce((widest, row) => Math.max(widest, row.length), 1);
  // A long sheet shows its frozen rows and its newest rows: that is where a save appends.
  const rows: number[] = [];
  const frozen = Math.min(sheet.frozenRows, values.length);
  for (let r = 0; r < frozen; r++) rows.push(r);
  for (let r = Math.max(frozen, values.length - (MAX_ROWS - frozen)); r < values.length; r++) rows.push(r);
  const skipped = values.length - rows.length;
  // Widths the add-on set, as Sheets shows them; others from the longest text in the column, as a
  // person would have sized them.
  const set = sheet.columnWidths ?? {};
  // Hidden columns are not drawn, as in Sheets.
  const hidden = new Set(sheet.hiddenColumns ?? []);
  const shown = Array.from({ length: columns }, (_, c) => c).filter((c) => !hidden.has(c + 1));
  const inputs = new Map((sheet.inputs ?? []).map((i) => [`${i.row},${i.column}`, i]));
  const wraps = new Set((sheet.wrapped ?? []).map(([r, c]) => `${r},${c}`));
  const widths: number[] = [];
  for (let c = 0; c < columns; c++) {
    if (set[c + 1]) {
      widths.push(set[c + 1]);
      continue;
    }
    let longest = 0;
    for (const r of rows) longest = Math.max(longest, String(values[r][c] ?? '').length);
    widths.push(Math.max(64, Math.min(260, 16 + longest * 7)));
  }
  const table = document.createElement('table');
  table.className = 'grid';
  table.setAttribute('role', 'grid');
  table.setAttribute('aria-readonly', 'false');
  table.setAttribute('aria-label', sheet.name);
  table.style.width = `${46 + shown.reduce((a, c) => a + widths[c], 0)}px`;
  const colgroup = document.createElement('colgroup');
  const corner = document.createElement('col');
  corner.style.width = '46px';
  colgroup.append(
    corner,
    ...shown.map((c) => {
      const col = document.createElement('col');
      col.style.width = `${widths[c]}px`;
      return col;
    }),
  );
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  const blank = document.createElement('th');
  blank.setAttribute('aria-hidden', 'true');
  headRow.append(blank);
  for (const c of shown) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = columnName(c);
    if (c < sheet.frozenColumns) frozenCell(th, c, widths, c === sheet.frozenColumns - 1);
    headRow.append(th);
  }
  head.append(headRow);
  // A merged range shows as one cell spanning its columns (and rows, when they are all shown).
  const spans = new Map<string, [number, number]>();
  const covered = new Set<string>();
  for (const [mr, mc, nr, nc] of sheet.merges ?? []) {
    const allRowsShown = rows.indexOf(mr) >= 0 && rows.indexOf(mr + nr - 1) - rows.indexOf(mr) === nr - 1;
    if (!allRowsShown || mc + nc > columns) continue;
    spans.set(`${mr},${mc}`, [nr, nc]);
    for (let r = mr; r < mr + nr; r++)
      for (let c = mc; c < mc + nc; c++) if (r !== mr || c !== mc) covered.add(`${r},${c}`);
  }
  const body = document.createElement('tbody');
  for (const r of rows) {
    const tr = document.createElement('tr');
    if (r < sheet.frozenRows) {
      tr.className = r === sheet.frozenRows - 1 ? 'frozen last-frozen' : 'frozen';
    }
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = String(r + 1);
    tr.append(th);
    for (const c of shown) {
      if (covered.has(`${r},${c}`)) continue;
      const td = document.createElement('td');
      const span = spans.get(`${r},${c}`);
      if (span) {
        td.rowSpan = span[0];
        td.colSpan = span[1];
      }
      const text = values[r][c] ?? '';
      td.dataset.row = String(r);
      td.dataset.column = String(c);
      const input = inputs.get(`${r},${c}`);
      const label = cellLabel(sheet, r, c);
      if (input) {
        td.classList.add('control');
        td.append(cellControl(sheet, input, text, label));
      } else {
        td.textContent = text;
        // A plain cell is typed into: double-click, Enter or a typed key (tap again on a phone).
        td.dataset.text = text;
        td.dataset.label = label;
        td.addEventListener('dblclick', () => startEditing(td, text));
      }
      if (text.length > 18 && !input) td.title = text;
      const background = sheet.backgrounds[r] && sheet.backgrounds[r][c];
      if (background) td.style.background = background;
      if (sheet.fontWeights && sheet.fontWeights[r] && sheet.fontWeights[r][c] === 'bold') td.classList.add('bold');
      if (wraps.has(`${r},${c}`)) td.classList.add('wrap');
      if (text !== '' && /^-?[\d,]*\.?\d+%?$/.test(text)) td.classList.add('num');
      const selected = state.selected
        ? state.selected.row === r && state.selected.column === c
        : r === rows[0] && c === 0;
      if (selected && state.selected) td.setAttribute('aria-selected', 'true');
      td.tabIndex = selected ? 0 : -1;
      if (c < sheet.frozenColumns) frozenCell(td, c, widths, c === sheet.frozenColumns - 1);
      td.addEventListener('click', (event) => {
        if ((event.target as HTMLElement).matches('input, select')) return;
        const again = td.getAttribute('aria-selected') === 'true';
        selectCell(td, r, c);
        if (again && !input && document.body.classList.contains('phone')) startEditing(td, text);
      });
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(colgroup, head, body);
  const parts: HTMLElement[] = [table];
  if (values.length === 0) {
    const empty = document.createElement('p');
    empty.className = 'empty';
    empty.textContent = 'This sheet is empty.';
    parts.push(empty);
  } else if (skipped > 0) {
    const note = document.createElement('p');
    note.className = 'grid-note';
    note.textContent = `Rows ${frozen + 1} to ${frozen + skipped} are not shown: the playground shows the newest ${MAX_ROWS - frozen} of ${values.length - frozen} rows.`;
    parts.unshift(note);
  }
  wrap.replaceChildren(...parts);
  // Frozen rows stay under the column letters while the grid scrolls, each below the one before
  // (measured: a row with wrapped text is taller than the others).
  let top = headRow.offsetHeight;
  for (const tr of body.querySelectorAll<HTMLTableRowElement>('tr.frozen')) {
    for (const cell of tr.children) (cell as HTMLElement).style.top = `${top}px`;
    top += tr.offsetHeight;
  }
  placeCharts(wrap, sheet, rows, widths, body);
  wrap.scrollTop = keep.top;
  wrap.scrollLeft = keep.left;
}

/** Each chart over the grid at its anchor cell, as Sheets floats it (left out when its row is not shown). */
function placeCharts(
  wrap: HTMLElement,
  sheet: SheetWire,
  rows: number[],
  widths: number[],
  body: HTMLTableSectionElement,
): void {
  (sheet.charts ?? []).forEach((chart, i) => {
    const at = rows.indexOf(chart.anchor.row - 1);
    const tr = at < 0 ? null : (body.children[at] as HTMLElement | undefined);
    if (!tr) return;
    const figure = chartFigure(chart, `chart-${i}`);
    figure.style.top = `${tr.offsetTop + chart.anchor.offsetY}px`;
    figure.style.left = `${46 + widths.slice(0, chart.anchor.column - 1).reduce((a, b) => a + b, 0) + chart.anchor.offsetX}px`;
    wrap.append(figure);
  });
}

/** Shows the sheet the user was on (or the active one) from a freshly fetched workbook. */
export function showWorkbook(before: SheetWire | undefined): void {
  const workbook = state.workbook;
  if (!workbook) return;
  const names = visibleSheets().map((s) => s.name);
  if (!state.current || !names.includes(state.current))
    state.current = names.includes(workbook.activeSheet) ? workbook.activeSheet : names[0];
  $('doc-name').textContent = workbook.name;
  document.title = `${workbook.name} - Cadence playground`;
  renderSheet(false);
  // Rows appended to the sheet on screen (a save to Attendance) scroll into view, as new rows would.
  const after = workbook.sheets.find((s) => s.name === state.current);
  if (before && after && before.name === after.name && after.values.length > before.values.length) {
    const wrap = $('grid-wrap');
    wrap.scrollTop = wrap.scrollHeight;
  }
}
