/** The trend badge and the chronic badge next to a client's name (colours in style.css, as core/patterns.ts LEVEL_COLOURS). */
import type { Trend } from '../core/types';
import { h } from './dom';
import { trendLabel } from './format';

export function trendBadges(trend: Trend): HTMLElement[] {
  const badges: HTMLElement[] = [];
  const label = trendLabel(trend.level);
  if (label) {
    const attrs: Record<string, string> = { title: trend.explanation || label };
    badges.push(h('span', { className: `badge badge-${trend.level}`, text: label, attrs }));
  }
  if (trend.chronic) {
    badges.push(
      h('span', {
        className: 'badge badge-chronic',
        text: 'Chronic',
        attrs: { title: 'Lifetime absence rate is high' },
      }),
    );
  }
  return badges;
}
