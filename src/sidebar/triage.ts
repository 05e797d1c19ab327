/** Who belongs in the "Needs attention" list, most urgent first. */
import type { ClientView, TrendLevel } from '../core/types';

const RANK: Readonly<Record<TrendLevel, number>> = { urgent: 0, rising: 1, watch: 2, none: 3, insufficient: 3 };

/**
 * Active clients with an urgent, rising or watch trend, then those with only the chronic badge
 * (a stable high rate is a different conversation, but still one to have); by name within a level.
 */
export function needsAttention(clients: readonly ClientView[]): ClientView[] {
  return clients
    .filter((c) => c.active && (RANK[c.trend.level] < 3 || c.trend.chronic))
    .sort((a, b) => RANK[a.trend.level] - RANK[b.trend.level] || a.name.localeCompare(b.name, undefined, { numeric: true }));
}
