/** Who belongs in the "Needs attention" list, most urgent first. */
import { FLAGGED_LEVELS, isFlagged, suggestsTalk, type ClientView, type TalkAt, type TrendLevel } from '../core/types';

/** Most urgent first; every level that is not a flag after the flags. */
const rank = (level: TrendLevel): number => (isFlagged(level) ? FLAGGED_LEVELS.indexOf(level) : FLAGGED_LEVELS.length);

/**
 * Active clients whose trend is at or above the level the practice talks at (Settings: Watch or
 * Rising), then those with only the chronic badge (a stable high rate is a different conversation,
 * but still one to have); by name within a level.
 */
export function needsAttention(clients: readonly ClientView[], talkAt: TalkAt = 'watch'): ClientView[] {
  return clients
    .filter((c) => c.active && (suggestsTalk(c.trend.level, talkAt) || c.trend.chronic))
    .sort(
      (a, b) => rank(a.trend.level) - rank(b.trend.level) || a.name.localeCompare(b.name, undefined, { numeric: true }),
    );
}
