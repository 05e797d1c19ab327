/** Who belongs in the "Needs attention" list, most urgent first. */
import { FLAGGED_LEVELS, isFlagged, type ClientView, type TrendLevel } from '../core/types';

/** Most urgent first; every level that is not a flag after the flags. */
const rank = (level: TrendLevel): number => (isFlagged(level) ? FLAGGED_LEVELS.indexOf(level) : FLAGGED_LEVELS.length);

/**
 * Active clients with an urgent, rising or watch trend, then those with only the chronic badge
 * (a stable high rate is a different conversation, but still one to have); by name within a level.
 */
export function needsAttention(clients: readonly ClientView[]): ClientView[] {
  return clients
    .filter((c) => c.active && (isFlagged(c.trend.level) || c.trend.chronic))
    .sort(
      (a, b) => rank(a.trend.level) - rank(b.trend.level) || a.name.localeCompare(b.name, undefined, { numeric: true }),
    );
}
