/**
 * What a client's line shows and asks beyond the status (issue 17): the make-up balance and the
 * practice's policy checks beside the trend, "this is a make-up" when a make-up is owed, and the
 * minutes attended for a late arrival. Text only (textContent), like every line of the page.
 */
import { MINUTES_ATTENDED } from '../core/settingsRules';
import type { ClientView, PolicyCheck } from '../core/types';
import { h, uid } from './dom';
import { shortDate, statusAndReason } from './format';
import { asksForMinutes, setMakeUp, setMinutes, type Marks } from './marks';

/**
 * The balance, minutes delivered against planned (over the weeks Patterns shows, from `since`)
 * and the policy checks switched on, as lines under the trend.
 */
export function policyAndBalance(client: ClientView, since: string, today: string): HTMLElement | null {
  const lines: HTMLElement[] = [];
  const balance = client.makeUps?.text ?? '';
  if (balance) lines.push(h('li', { className: 'make-ups', text: balance }));
  if (client.minutes?.text && since)
    lines.push(
      h('li', { className: 'minutes-tally', text: `Since ${shortDate(since, today)}: ${client.minutes.text}` }),
    );
  for (const check of client.policy ?? []) lines.push(policyLine(check));
  return lines.length
    ? h('ul', { className: 'policy', attrs: { 'aria-label': `Make-ups and policy for ${client.name}` } }, lines)
    : null;
}

function policyLine(check: PolicyCheck): HTMLElement {
  return h('li', { className: check.reached ? 'policy-reached' : 'secondary', text: check.text });
}

export interface SessionExtras {
  el: HTMLElement;
  update(marks: Marks): void;
}

/** "This is a make-up for 12 Nov (cancelled, practice cancelled)" and "Minutes attended". */
export function sessionExtras(
  client: ClientView,
  today: string,
  marks: Marks,
  change: (next: (m: Marks) => Marks) => void,
): SessionExtras {
  const oldest = client.makeUps?.owed[0];
  let makeUp: HTMLInputElement | null = null;
  let makeUpLine: HTMLElement | null = null;
  if (oldest) {
    makeUp = h('input', { attrs: { type: 'checkbox' } });
    const box = makeUp;
    box.addEventListener('change', () => change((m) => setMakeUp(m, box.checked ? oldest.entryId : '')));
    makeUpLine = h('label', { className: 'make-up' }, [
      box,
      ` Make-up for ${shortDate(oldest.date, today)} (${statusAndReason(oldest.status, oldest.reason)})`,
    ]);
  }
  const minutesId = uid('minutes');
  const minutes = h('input', {
    attrs: {
      id: minutesId,
      type: 'number',
      inputmode: 'numeric',
      min: String(MINUTES_ATTENDED.min),
      max: String(MINUTES_ATTENDED.max),
      step: '1',
      'aria-label': `Minutes attended for ${client.name}`,
    },
  });
  minutes.addEventListener('input', () => change((m) => setMinutes(m, minutes.value)));
  const minutesField = h('div', { className: 'field minutes' }, [
    h('label', { text: 'Minutes attended (optional)', attrs: { for: minutesId } }),
    minutes,
  ]);
  const el = h('div', { className: 'extras' }, [makeUpLine, minutesField]);
  const update = (m: Marks): void => {
    if (makeUp) makeUp.checked = m.makesUpFor !== '';
    minutesField.hidden = !asksForMinutes(m.status);
    if (minutes.value !== m.minutes) minutes.value = m.minutes;
  };
  update(marks);
  return { el, update };
}
