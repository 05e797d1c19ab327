/** The absence-trend rule (DESIGN.md "The absence trend"). */
import type { Entry, Status, Trend, TrendSettings } from './types';

export const DEFAULT_TREND_SETTINGS: TrendSettings = {
  watchWindow: 4,
  watchMinAbsences: 2,
  risingWindow: 6,
  risingMinAbsences: 3,
  pointsAbove: 0.25,
  priorRate: 0.15,
  priorSessions: 4,
  urgentStreak: 3,
  urgentUnexcused: 3,
  risingUnexcusedStreak: 2,
  chronicRate: 0.2,
  chronicMinSessions: 10,
};

export interface TrendSession {
  date: string;
  status: Status;
}

/** The trend of one client from its sessions (any order). */
export function computeTrend(_sessions: readonly TrendSession[], _settings: TrendSettings = DEFAULT_TREND_SETTINGS): Trend {
  throw new Error('not implemented yet');
}

/** Trends of every client in one pass over current entries (withdrawn/superseded already removed). */
export function trendsByClient(_entries: readonly Entry[], _settings: TrendSettings = DEFAULT_TREND_SETTINGS): Map<string, Trend> {
  throw new Error('not implemented yet');
}
