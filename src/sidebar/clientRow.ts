/**
 * One client in the session form: name, trend badges, last entry, open follow-ups, the status
 * radios and, for a missed session, the details. The row keeps its own elements and updates them
 * in place, so typing a note or moving through the radios never loses focus.
 */
import type { ClientView, FollowUp } from '../core/types';
import { absenceDetails, type DetailsContext } from './absenceDetails';
import { trendBadges } from './badge';
import { button, h } from './dom';
import { followUpList } from './followups';
import { lastEntryText } from './format';
import { pickStatus, type Marks } from './marks';
import { policyAndBalance, sessionExtras } from './sessionExtras';
import { statusRadios } from './statusRadios';

export interface RowContext extends DetailsContext {
  today: string;
  /** The first day of the weeks Patterns shows (minutes delivered are counted from it); none in a correction. */
  patternsSince?: string;
  followUps: readonly FollowUp[];
  onChange(clientId: string, marks: Marks): void;
  onHistory(client: ClientView): void;
  onFollowUpDone(followUp: FollowUp): void;
  /** The client's planned absence on the session's date, in words, if any. */
  plan?: string;
}

export interface ClientRow {
  el: HTMLElement;
  update(marks: Marks): void;
  focus(): void;
}

export function clientRow(client: ClientView, initial: Marks, ctx: RowContext): ClientRow {
  let marks = initial;
  const change = (next: (m: Marks) => Marks): void => {
    marks = next(marks);
    ctx.onChange(client.id, marks);
    update(marks);
  };
  const radios = statusRadios(`Status for ${client.name}`, marks.status, (status) =>
    change((m) => pickStatus(m, status)),
  );
  const details = absenceDetails(client.name, ctx, marks, change);
  // A correction changes the marks of an entry and keeps its make-up link and minutes as recorded.
  const extras = ctx.keepDetails ? null : sessionExtras(client, ctx.today, marks, change);
  const trendWhy =
    client.trend.level !== 'none' && client.trend.explanation
      ? h('div', { className: 'secondary', text: client.trend.explanation })
      : null;

  const unmarkedTag = h('span', { className: 'unmarked-tag', text: 'not marked' });
  const el = h('li', { className: 'client' }, [
    h('div', { className: 'client-head' }, [
      h('span', { className: 'name', text: client.name }),
      ...trendBadges(client.trend),
      unmarkedTag,
      button('History', () => ctx.onHistory(client), {
        className: 'link',
        attrs: { 'aria-label': `History for ${client.name}` },
      }),
    ]),
    trendWhy,
    policyAndBalance(client, ctx.patternsSince ?? '', ctx.today),
    client.lastEntry ? h('div', { className: 'secondary', text: lastEntryText(client.lastEntry, ctx.today) }) : null,
    ctx.plan ? h('div', { className: 'message info plan-note', text: ctx.plan }) : null,
    followUpList(ctx.followUps, client.name, ctx.today, ctx.onFollowUpDone),
    radios.el,
    extras?.el,
    details.el,
  ]);

  function update(m: Marks): void {
    marks = m;
    el.classList.toggle('unmarked', m.status === null);
    unmarkedTag.hidden = m.status !== null;
    radios.set(m.status);
    details.update(m);
    extras?.update(m);
  }
  update(marks);
  return { el, update, focus: () => radios.focus() };
}
