/**
 * The trend rule's parameters as Settings shows them: whole numbers of sessions, and rates as
 * percentages (the record keeps them as fractions 0..1, DESIGN.md "The absence trend").
 */
import type { TrendSettings } from '../core/types';

export interface TrendField {
  key: keyof TrendSettings;
  label: string;
  kind: 'count' | 'percent';
}

export const TREND_FIELDS: readonly TrendField[] = [
  { key: 'watchWindow', label: 'Watch: last sessions looked at', kind: 'count' },
  { key: 'watchMinAbsences', label: 'Watch: absences among them', kind: 'count' },
  { key: 'risingWindow', label: 'Rising: last sessions looked at', kind: 'count' },
  { key: 'risingMinAbsences', label: 'Rising: absences among them', kind: 'count' },
  { key: 'pointsAbove', label: 'Points above the usual rate (%)', kind: 'percent' },
  { key: 'risingUnexcusedStreak', label: 'Rising: unexcused in a row', kind: 'count' },
  { key: 'urgentStreak', label: 'Urgent: absences in a row', kind: 'count' },
  { key: 'urgentUnexcused', label: 'Urgent: unexcused in the rising window', kind: 'count' },
  { key: 'priorRate', label: 'Usual rate assumed for new clients (%)', kind: 'percent' },
  { key: 'priorSessions', label: 'Weight of that assumption (sessions)', kind: 'count' },
  { key: 'chronicRate', label: 'Chronic: lifetime rate at least (%)', kind: 'percent' },
  { key: 'chronicMinSessions', label: 'Chronic: after at least (sessions)', kind: 'count' },
];

/** The text an input shows for a parameter (25 for 0.25; rounding away float noise). */
export function fieldText(trend: TrendSettings, field: TrendField): string {
  const value = trend[field.key];
  return field.kind === 'percent' ? String(Math.round(value * 1000) / 10) : String(value);
}

export type ParsedTrend = { trend: TrendSettings; problem: null } | { trend: null; problem: string };

/** Reads the inputs' texts back into settings, or says which one is not acceptable. */
export function parseTrendFields(texts: Readonly<Partial<Record<keyof TrendSettings, string>>>, base: TrendSettings): ParsedTrend {
  const trend: TrendSettings = { ...base };
  for (const field of TREND_FIELDS) {
    const text = (texts[field.key] ?? fieldText(base, field)).trim();
    const n = Number(text);
    if (field.kind === 'count') {
      if (text === '' || !Number.isInteger(n) || n < 1 || n > 100) {
        return { trend: null, problem: `"${field.label}" must be a whole number from 1 to 100.` };
      }
      trend[field.key] = n;
    } else {
      if (text === '' || !Number.isFinite(n) || n < 0 || n > 100) {
        return { trend: null, problem: `"${field.label}" must be a percentage from 0 to 100.` };
      }
      trend[field.key] = n / 100;
    }
  }
  if (trend.watchMinAbsences > trend.watchWindow) {
    return { trend: null, problem: 'Watch cannot ask for more absences than the sessions it looks at.' };
  }
  if (trend.risingMinAbsences > trend.risingWindow) {
    return { trend: null, problem: 'Rising cannot ask for more absences than the sessions it looks at.' };
  }
  return { trend, problem: null };
}
