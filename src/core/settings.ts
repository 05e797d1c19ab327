/** Settings: their defaults, reading what is stored, and checking a change the user makes. */
import {
  numberSettingProblem,
  REASON_LIMITS,
  settingsSizeProblem,
  TOP_SETTINGS,
  TREND_SETTINGS,
  trendConsistencyProblems,
} from './settingsRules';
import { DEFAULT_TREND_SETTINGS } from './trend';
import { readSchedules } from './schedule';
import { DEFAULT_REASON_STATUSES, DEFAULT_REASONS, STATUSES, TALK_AT_LEVELS } from './types';
import { isPlainObject } from './validation';
import { HEADING_ROWS } from './roster';
import type { RosterSettings, Settings, Status, TrendSettings } from './types';

export const SETTINGS_KEY = 'cadence.settings';

export const DEFAULT_ROSTER_SETTINGS: RosterSettings = {
  sheetId: null,
  headerRow: null,
  nameHeader: null,
  idHeader: null,
  groupHeader: null,
  activeHeader: null,
  statusMeanings: {},
};

export function defaultSettings(): Settings {
  return {
    roster: { ...DEFAULT_ROSTER_SETTINGS, statusMeanings: {} },
    reasons: [...DEFAULT_REASONS],
    trend: { ...DEFAULT_TREND_SETTINGS },
    patternWeeks: 26,
    maxNoteLength: 500,
    schedules: [],
    talkAt: 'watch',
    reasonStatuses: { ...DEFAULT_REASON_STATUSES },
  };
}

/** The reason → status mapping as sent (own keys, known statuses), or null when it is not one. */
function readReasonStatuses(value: unknown): Record<string, Status> | null {
  if (!isPlainObject(value) || Object.keys(value).length > REASON_LIMITS.maxCount) return null;
  const out = Object.create(null) as Record<string, Status>;
  for (const [reason, status] of Object.entries(value)) {
    if (reason.trim() === '' || reason.length > REASON_LIMITS.maxLength) return null;
    if (!(STATUSES as readonly unknown[]).includes(status)) return null;
    out[reason.trim()] = status as Status;
  }
  return out;
}

/** null = detect; '' = no such column (not for the name, which every roster has). */
function checkHeader(value: unknown, allowNone: boolean): boolean {
  return value === null || (typeof value === 'string' && (allowNone || value.trim() !== '') && value.length <= 200);
}

function checkMeanings(value: unknown): value is Record<string, boolean> {
  return (
    isPlainObject(value) &&
    Object.keys(value).length <= 200 &&
    Object.entries(value).every(([k, v]) => k.length <= 200 && typeof v === 'boolean')
  );
}

/**
 * `current` with `patch` applied, or an Error listing what to fix. The patch may carry any subset
 * of the settings, nested objects included ({ trend: { watchWindow: 5 } }).
 */
export function applySettingsPatch(current: Settings, patch: unknown): Settings {
  if (!isPlainObject(patch)) throw new Error('Settings were not saved: the sidebar sent nothing to save.');
  const problems: string[] = [];
  const next: Settings = {
    roster: { ...current.roster, statusMeanings: { ...current.roster.statusMeanings } },
    reasons: [...current.reasons],
    trend: { ...current.trend },
    patternWeeks: current.patternWeeks,
    maxNoteLength: current.maxNoteLength,
    schedules: current.schedules.map((sc) => ({ ...sc })),
    talkAt: current.talkAt,
    reasonStatuses: { ...current.reasonStatuses },
  };
  if (patch.roster !== undefined) {
    if (!isPlainObject(patch.roster)) problems.push('The roster choice is not valid.');
    else {
      const roster = patch.roster;
      if (roster.sheetId !== undefined) {
        if (roster.sheetId === null || (typeof roster.sheetId === 'number' && Number.isInteger(roster.sheetId)))
          next.roster.sheetId = roster.sheetId;
        else problems.push('The roster tab is not valid; pick it again.');
      }
      if (roster.headerRow !== undefined) {
        if (
          roster.headerRow === null ||
          (typeof roster.headerRow === 'number' &&
            Number.isInteger(roster.headerRow) &&
            roster.headerRow >= 1 &&
            roster.headerRow <= HEADING_ROWS)
        )
          next.roster.headerRow = roster.headerRow;
        else problems.push(`The heading row must be one of rows 1 to ${HEADING_ROWS}.`);
      }
      for (const key of ['nameHeader', 'idHeader', 'groupHeader', 'activeHeader'] as const) {
        if (roster[key] === undefined) continue;
        if (checkHeader(roster[key], key !== 'nameHeader'))
          next.roster[key] = roster[key] === null ? null : (roster[key] as string).trim();
        else problems.push(`The ${key.replace('Header', '')} column is not valid; pick it again.`);
      }
      if (roster.statusMeanings !== undefined) {
        // Own keys only, built afresh: a key like "__proto__" must stay a plain value.
        if (checkMeanings(roster.statusMeanings))
          next.roster.statusMeanings = Object.assign(
            Object.create(null) as Record<string, boolean>,
            roster.statusMeanings,
          );
        else problems.push('The status values are not valid; choose them again.');
      }
    }
  }
  if (patch.reasons !== undefined) {
    const reasons = Array.isArray(patch.reasons) ? patch.reasons : null;
    const cleaned = reasons?.every((r) => typeof r === 'string')
      ? [...new Set((reasons as string[]).map((r) => r.trim()).filter(Boolean))]
      : null;
    if (!cleaned || cleaned.length === 0) problems.push('The reasons list needs at least one reason.');
    else if (cleaned.some((r) => r.length > REASON_LIMITS.maxLength) || cleaned.length > REASON_LIMITS.maxCount) {
      problems.push(
        `Keep reasons under ${REASON_LIMITS.maxLength} characters and at most ${REASON_LIMITS.maxCount} of them.`,
      );
    } else next.reasons = cleaned;
  }
  if (patch.trend !== undefined) {
    if (!isPlainObject(patch.trend)) problems.push('The trend settings are not valid.');
    else {
      for (const [key, value] of Object.entries(patch.trend)) {
        // Own keys only: "toString" or "constructor" would find Object.prototype's members.
        if (!Object.prototype.hasOwnProperty.call(TREND_SETTINGS, key)) continue;
        const problem = numberSettingProblem(TREND_SETTINGS[key as keyof TrendSettings], value);
        if (problem) problems.push(problem);
        else next.trend[key as keyof TrendSettings] = value as number;
      }
      problems.push(...trendConsistencyProblems(next.trend));
    }
  }
  for (const key of ['patternWeeks', 'maxNoteLength'] as const) {
    if (patch[key] === undefined) continue;
    const problem = numberSettingProblem(TOP_SETTINGS[key], patch[key]);
    if (problem) problems.push(problem);
    else next[key] = patch[key] as number;
  }
  if (patch.schedules !== undefined) {
    const schedules = readSchedules(patch.schedules);
    if (typeof schedules === 'string') problems.push(schedules);
    else next.schedules = schedules;
  }
  if (patch.talkAt !== undefined) {
    if ((TALK_AT_LEVELS as readonly unknown[]).includes(patch.talkAt)) next.talkAt = patch.talkAt as Settings['talkAt'];
    else problems.push('Choose when Cadence suggests a conversation: at Watch or at Rising.');
  }
  if (patch.reasonStatuses !== undefined) {
    const mapping = readReasonStatuses(patch.reasonStatuses);
    if (mapping) next.reasonStatuses = mapping;
    else problems.push('The statuses the reasons set are not valid; choose them again.');
  }
  if (problems.length === 0) {
    const tooLong = settingsSizeProblem(next);
    if (tooLong) problems.push(tooLong);
  }
  if (problems.length) throw new Error(`Settings were not saved. ${problems.join(' ')}`);
  return next;
}

/**
 * The settings stored in document properties, over the defaults. What cannot be read (hand-edited
 * or from an older version) falls back to the default rather than blocking the sidebar.
 */
export function readStoredSettings(json: string | null): Settings {
  const defaults = defaultSettings();
  if (!json) return defaults;
  let stored: unknown;
  try {
    stored = JSON.parse(json);
  } catch {
    return defaults;
  }
  if (!isPlainObject(stored)) return defaults;
  let settings = defaults;
  // Apply piece by piece so one bad value keeps the others.
  for (const key of [
    'roster',
    'reasons',
    'trend',
    'patternWeeks',
    'maxNoteLength',
    'schedules',
    'talkAt',
    'reasonStatuses',
  ] as const) {
    if (stored[key] === undefined) continue;
    try {
      settings = applySettingsPatch(settings, { [key]: stored[key] });
    } catch {
      // keep the default of this piece
    }
  }
  return settings;
}
