/**
 * The six statuses as one radio group: real radio inputs inside their labels, drawn as compact
 * segmented buttons. Native radios give arrow-key movement within the group and announce
 * "Excused, radio button, 3 of 6" in screen readers with no script of ours.
 */
import { STATUSES, type Status } from '../core/types';
import { h, uid } from './dom';
import { STATUS_LABELS } from './format';

const HINTS: Readonly<Record<Status, string>> = {
  present: 'Attended',
  late: 'Attended part of the session',
  excused: 'Missed, with notice or a valid reason',
  unexcused: 'Missed without notice: a no-show or late cancellation',
  refused: 'Came but declined to take part',
  cancelled: 'Not held for this client (does not count as an absence)',
};

export interface StatusRadios {
  el: HTMLFieldSetElement;
  set(status: Status | null): void;
  focus(): void;
}

/** `label` names the group for assistive technology, e.g. "Status for Ana Lima". */
export function statusRadios(label: string, current: Status | null, onPick: (status: Status) => void): StatusRadios {
  const name = uid('status');
  const inputs = new Map<Status, HTMLInputElement>();
  const el = h('fieldset', { className: 'statuses', attrs: { role: 'radiogroup', 'aria-label': label } });
  for (const status of STATUSES) {
    const input = h('input', { attrs: { type: 'radio', name, value: status } });
    input.checked = status === current;
    input.addEventListener('change', () => {
      if (input.checked) onPick(status);
    });
    inputs.set(status, input);
    el.appendChild(
      h('label', { className: `status status-${status}`, attrs: { title: HINTS[status] } }, [
        input,
        h('span', { text: STATUS_LABELS[status] }),
      ]),
    );
  }
  return {
    el,
    set(status) {
      for (const [s, input] of inputs) input.checked = s === status;
    },
    focus() {
      const target = [...inputs.values()].find((i) => i.checked) ?? inputs.get(STATUSES[0]);
      target?.focus();
    },
  };
}
