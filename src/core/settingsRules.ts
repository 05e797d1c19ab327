/**
 * The number settings as the user meets them: each one's label in Settings and the bounds it is
 * held to. The sidebar's form and the server's check (settings.ts) both read them from here, so
 * the form refuses exactly what the server would, in the same words, naming the label the user
 * sees rather than an internal key.
 */
import type { PolicyKind, Settings, TrendSettings } from './types';

export interface NumberSetting {
  /** The label of its field in Settings. */
  label: string;
  /** Bounds in stored units (a fraction 0..1 for a percentage). */
  min: number;
  max: number;
  integer: boolean;
  /** Stored as a fraction 0..1, shown and typed as a percentage. */
  percent: boolean;
}

const count = (label: string, min: number, max: number): NumberSetting => ({
  label,
  min,
  max,
  integer: true,
  percent: false,
});
const percent = (label: string): NumberSetting => ({ label, min: 0, max: 1, integer: false, percent: true });

/** The trend rule's parameters, in the order Settings shows them. */
export const TREND_SETTINGS: Readonly<Record<keyof TrendSettings, NumberSetting>> = {
  watchWindow: count('Watch: last sessions looked at', 2, 52),
  watchMinAbsences: count('Watch: absences among them', 1, 52),
  risingWindow: count('Rising: last sessions looked at', 2, 52),
  risingMinAbsences: count('Rising: absences among them', 1, 52),
  pointsAbove: percent('Points above the usual rate (%)'),
  risingUnexcusedStreak: count('Rising: unexcused in a row', 1, 52),
  urgentStreak: count('Urgent: absences in a row', 1, 52),
  urgentUnexcused: count('Urgent: unexcused in the rising window', 1, 52),
  priorRate: percent('Usual rate assumed for new clients (%)'),
  // A weight, not a count of real sessions: a fraction is meaningful, and 0 turns the shrinking off.
  priorSessions: { label: 'Weight of that assumption (sessions)', min: 0, max: 100, integer: false, percent: false },
  chronicRate: percent('Chronic: lifetime rate at least (%)'),
  chronicMinSessions: count('Chronic: after at least (sessions)', 1, 1000),
};

export type TopNumberKey = 'patternWeeks' | 'maxNoteLength';

/** The number settings outside the trend rule. */
export const TOP_SETTINGS: Readonly<Record<TopNumberKey, NumberSetting>> = {
  patternWeeks: count('Weeks in Patterns', 4, 104),
  maxNoteLength: count('Longest note (characters)', 20, 5000),
};

/**
 * The policy checks' numbers (issue 17), by check: each field's label and bounds. The checks'
 * own words (titles, and their counts in sentences) are in core/policies.ts.
 */
export const POLICY_SETTINGS = {
  noShowsInRow: { count: count('No-shows in a row', 1, 52) },
  lateCancellations: { count: count('Late cancellations', 1, 52), days: count('Within days', 1, 366) },
  attendanceBelow: { rate: percent('Attendance below (%)'), months: count('Over the last months', 1, 24) },
  absencesPerYear: { count: count('Absences allowed per year', 0, 366) },
} as const satisfies Record<PolicyKind, Record<string, NumberSetting>>;

/** The title of each policy check in Settings, in the order Settings shows them. */
export const POLICY_TITLES: Readonly<Record<PolicyKind, string>> = {
  noShowsInRow: 'No-shows in a row',
  lateCancellations: 'Late cancellations within a number of days',
  attendanceBelow: 'Attendance below a rate over recent months',
  absencesPerYear: 'Absences allowed per year (or funding period)',
};

/** Planned minutes of a session, as Settings takes them, and minutes attended, as the form takes them. */
export const PLANNED_MINUTES = count('Planned minutes', 1, 600);
export const MINUTES_ATTENDED = count('Minutes attended', 0, 600);
/** Longest list of planned minutes (one per group or individual client). */
export const MAX_PLANNED_MINUTES = 300;

/** A stored value as its field shows it (25 for 0.25, rounding away float noise). */
export function shownValue(setting: NumberSetting, stored: number): number {
  return setting.percent ? Math.round(stored * 1000) / 10 : stored;
}

/** What the user typed in a field, in stored units; NaN for a blank or a non-number. */
export function storedValue(setting: NumberSetting, typed: string): number {
  const text = typed.trim();
  const shown = text === '' ? NaN : Number(text);
  return setting.percent ? shown / 100 : shown;
}

/** Why `value` (in stored units) cannot be kept, in the words of the field; null when it can. */
export function numberSettingProblem(setting: NumberSetting, value: unknown): string | null {
  const { label, min, max, integer } = setting;
  if (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= min &&
    value <= max &&
    (!integer || Number.isInteger(value))
  ) {
    return null;
  }
  if (setting.percent)
    return `“${label}” must be a percentage from ${shownValue(setting, min)} to ${shownValue(setting, max)}.`;
  return `“${label}” must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}.`;
}

/** Rules that tie two trend parameters together. */
export function trendConsistencyProblems(trend: TrendSettings): string[] {
  const problems: string[] = [];
  if (trend.watchMinAbsences > trend.watchWindow)
    problems.push('Watch cannot ask for more absences than the sessions it looks at.');
  if (trend.risingMinAbsences > trend.risingWindow)
    problems.push('Rising cannot ask for more absences than the sessions it looks at.');
  return problems;
}

/** The settings' limits on the reasons list. */
export const REASON_LIMITS = { maxLength: 200, maxCount: 100 } as const;

/**
 * The largest settings text stored: a document property holds at most 9 kB per value
 * (https://developers.google.com/apps-script/guides/services/quotas, "Properties value size").
 */
export const MAX_SETTINGS_BYTES = 9 * 1024;

/** UTF-8 length of a text, as the property quota counts it (no TextEncoder in Apps Script). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } // a surrogate pair: one 4-byte character
    else bytes += 3;
  }
  return bytes;
}

/** Lists of the settings as a message names them. */
const LIST_NAMES: Readonly<Record<string, string>> = { reasons: 'reasons', plannedMinutes: 'planned minutes' };

/** The settings as stored in their document property. */
export function storedSettingsText(settings: Settings): string {
  return JSON.stringify(settings);
}

/**
 * Null when the settings fit their document property, else what to shorten: the longest list
 * (the reasons, or any list a later setting adds) is named, with how much must go.
 */
export function settingsSizeProblem(settings: Settings): string | null {
  const size = utf8Length(storedSettingsText(settings));
  if (size <= MAX_SETTINGS_BYTES) return null;
  const lists = Object.entries(settings)
    .filter(([, value]) => Array.isArray(value))
    .map(([key, value]) => ({ key, size: utf8Length(JSON.stringify(value)) }))
    .sort((a, b) => b.size - a.size);
  const over = size - MAX_SETTINGS_BYTES;
  const longest = lists[0] ? `The ${LIST_NAMES[lists[0].key] ?? lists[0].key} list` : 'The settings';
  return `${longest} is too long to store: Google keeps at most ${MAX_SETTINGS_BYTES} characters of settings per spreadsheet, and these need ${size}. Remove or shorten entries worth about ${over} characters.`;
}
