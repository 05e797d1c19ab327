/**
 * The number settings as the Settings form shows them: rates as percentages, counts as whole
 * numbers. Labels and bounds are core's (core/settingsRules.ts), so the form refuses exactly
 * what the server would refuse, and says so in the same words, before anything is sent.
 */
import {
  numberSettingProblem,
  shownValue,
  storedValue,
  TOP_SETTINGS,
  TREND_SETTINGS,
  trendConsistencyProblems,
  type NumberSetting,
  type TopNumberKey,
} from '../core/settingsRules';
import type { Settings, TrendSettings } from '../core/types';

export type NumberKey = keyof TrendSettings | TopNumberKey;

export interface NumberField<K extends NumberKey = NumberKey> {
  key: K;
  setting: NumberSetting;
}

/** The trend rule's fields, in the order Settings shows them. */
export const TREND_FIELDS: readonly NumberField<keyof TrendSettings>[] = (
  Object.keys(TREND_SETTINGS) as (keyof TrendSettings)[]
).map((key) => ({ key, setting: TREND_SETTINGS[key] }));

/** Weeks in Patterns and the longest note. */
export const TOP_FIELDS: readonly NumberField<TopNumberKey>[] = (Object.keys(TOP_SETTINGS) as TopNumberKey[]).map(
  (key) => ({ key, setting: TOP_SETTINGS[key] }),
);

/** The input's own limits, in the units it shows, so the browser's spinner stays inside them too. */
export function inputAttributes(setting: NumberSetting): Record<string, string> {
  return {
    type: 'number',
    min: String(shownValue(setting, setting.min)),
    max: String(shownValue(setting, setting.max)),
    step: setting.integer ? '1' : 'any',
  };
}

/** The text a field shows for a stored value (25 for 0.25). */
export function fieldText(setting: NumberSetting, stored: number): string {
  return String(shownValue(setting, stored));
}

export interface NumberValues {
  trend: TrendSettings;
  patternWeeks: number;
  maxNoteLength: number;
}

export type ParsedNumbers = { values: NumberValues; problem: null } | { values: null; problem: string };

/** Reads the fields' texts back (a field left out keeps its stored value), or says which one is not acceptable. */
export function parseNumberFields(
  texts: Readonly<Partial<Record<NumberKey, string>>>,
  settings: Settings,
): ParsedNumbers {
  const values: NumberValues = {
    trend: { ...settings.trend },
    patternWeeks: settings.patternWeeks,
    maxNoteLength: settings.maxNoteLength,
  };
  const read = (field: NumberField, stored: number): number | string => {
    const text = texts[field.key];
    const value = text === undefined ? stored : storedValue(field.setting, text);
    return numberSettingProblem(field.setting, value) ?? value;
  };
  for (const field of TREND_FIELDS) {
    const value = read(field, settings.trend[field.key]);
    if (typeof value === 'string') return { values: null, problem: value };
    values.trend[field.key] = value;
  }
  for (const field of TOP_FIELDS) {
    const value = read(field, settings[field.key]);
    if (typeof value === 'string') return { values: null, problem: value };
    values[field.key] = value;
  }
  const [inconsistent] = trendConsistencyProblems(values.trend);
  if (inconsistent) return { values: null, problem: inconsistent };
  return { values, problem: null };
}
