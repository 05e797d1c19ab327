/** A client's open follow-ups from earlier absences, each with a Done button (completeFollowUp). */
import type { FollowUp } from '../core/types';
import { call } from './api';
import { button, h, message, replace } from './dom';
import { followUpText, shortDate } from './format';

export function followUpList(
  followUps: readonly FollowUp[],
  who: string,
  today: string,
  onDone: (followUp: FollowUp) => void,
): HTMLElement | null {
  if (followUps.length === 0) return null;
  const list = h('ul', { className: 'followups', attrs: { 'aria-label': `Open follow-ups for ${who}` } });
  for (const followUp of followUps) {
    const item = h('li', {}, [h('span', { text: followUpText(followUp, today) })]);
    if (followUp.note) item.appendChild(h('div', { className: 'secondary note-text', text: followUp.note }));
    const done = button(
      'Done',
      () => {
        done.disabled = true;
        call('completeFollowUp', followUp.entryId).then(
          () => {
            replace(item, [message('ok', `Follow-up from ${shortDate(followUp.date, today)} marked done.`)]);
            onDone(followUp);
          },
          (error: Error) => {
            done.disabled = false;
            item.appendChild(message('error', error.message));
          },
        );
      },
      {
        className: 'small',
        attrs: { 'aria-label': `Done: follow-up for ${who} from ${shortDate(followUp.date, today)}` },
      },
    );
    item.appendChild(done);
    list.appendChild(item);
  }
  return list;
}
