/** The "Needs attention" list at the top: flagged clients, their badges and the reason in words. */
import type { ClientView } from '../core/types';
import { trendBadges } from './badge';
import { h } from './dom';
import { needsAttention } from './triage';

/** Null when nobody needs attention, so the list takes no room. */
export function attentionSection(clients: readonly ClientView[]): HTMLElement | null {
  const flagged = needsAttention(clients);
  if (flagged.length === 0) return null;
  const list = h('ul', { className: 'attention-list' });
  for (const client of flagged) {
    list.appendChild(h('li', {}, [
      h('div', { className: 'client-head' }, [h('span', { className: 'name', text: client.name }), ...trendBadges(client.trend)]),
      client.trend.explanation ? h('div', { className: 'secondary', text: client.trend.explanation }) : null,
    ]));
  }
  return h('section', { className: 'block attention', attrs: { 'aria-label': 'Needs attention' } }, [
    h('h2', { text: 'Needs attention' }),
    list,
  ]);
}
