/** The "Needs attention" list at the top: flagged clients, their badges and the reason in words. */
import type { ClientView, TalkAt } from '../core/types';
import { trendBadges } from './badge';
import { button, h } from './dom';
import { needsAttention } from './triage';

/** The list stays short so the session form is in view; the rest is one click away. */
const SHOWN = 5;

/** Null when nobody needs attention, so the list takes no room. */
export function attentionSection(clients: readonly ClientView[], talkAt: TalkAt = 'watch'): HTMLElement | null {
  const flagged = needsAttention(clients, talkAt);
  if (flagged.length === 0) return null;
  const items = flagged.map((client, i) => {
    const item = h('li', {}, [
      h('div', { className: 'client-head' }, [
        h('span', { className: 'name', text: client.name }),
        ...trendBadges(client.trend),
      ]),
      client.trend.explanation ? h('div', { className: 'secondary', text: client.trend.explanation }) : null,
    ]);
    item.hidden = i >= SHOWN;
    return item;
  });
  const more =
    flagged.length > SHOWN
      ? button(
          `Show all ${flagged.length}`,
          () => {
            for (const item of items) item.hidden = false;
            more?.remove();
          },
          { className: 'link', attrs: { 'aria-label': `Show all ${flagged.length} clients needing attention` } },
        )
      : null;
  return h('section', { className: 'block attention', attrs: { 'aria-label': 'Needs attention' } }, [
    h('h2', { text: 'Needs attention' }),
    h('ul', { className: 'attention-list' }, items),
    more,
  ]);
}
