/**
 * A person's edits in the grid, as in Sheets: typing into a cell, picking from a data-validation
 * dropdown, ticking a checkbox, choosing a date. Each is one POST /api/edit, which goes through
 * the runtime's Environment.edit and fires the add-on's onEdit(e); the page then repaints.
 */
import type { EditRequest } from '../wire';
import { toast } from './dom';

let afterEdit: () => Promise<void> = () => Promise.resolve();

/** What to do once an edit is stored (main.ts: fetch the grid and the messages again). */
export function onEdited(refresh: () => Promise<void>): void {
  afterEdit = refresh;
}

/** Edits are sent one at a time, in order, as a person makes them. */
let queue: Promise<void> = Promise.resolve();

export function sendEdit(edit: EditRequest): Promise<void> {
  queue = queue.then(async () => {
    try {
      const response = await fetch('/api/edit', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(edit),
      });
      const answer = (await response.json()) as { ok?: boolean; error?: string };
      if (!response.ok || !answer.ok) toast(answer.error || `The edit of ${edit.range} was refused.`);
    } catch (error) {
      toast(`The playground did not answer: ${(error as Error).message}`);
    }
    await afterEdit();
  });
  return queue;
}

/**
 * Opens a text editor over a cell, as typing into it or double-clicking does; Enter keeps the
 * text, Escape leaves the cell as it was.
 */
export function editText(td: HTMLTableCellElement, label: string, start: string, commit: (text: string) => void): void {
  if (td.querySelector('input.cell-editor')) return;
  const input = document.createElement('input');
  input.type = 'text';
  input.className = 'cell-editor';
  input.value = start;
  input.setAttribute('aria-label', `Edit ${label}`);
  let done = false;
  const finish = (keep: boolean): void => {
    if (done) return;
    done = true;
    input.remove();
    td.focus();
    if (keep && input.value !== start) commit(input.value);
  };
  input.addEventListener('keydown', (event) => {
    event.stopPropagation();
    if (event.key === 'Enter') {
      event.preventDefault();
      finish(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(false);
    }
  });
  input.addEventListener('blur', () => finish(true));
  td.append(input);
  input.focus();
  input.setSelectionRange(input.value.length, input.value.length);
}
