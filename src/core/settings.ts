/** Settings: their defaults, reading what is stored, and checking a change the user makes. */
import {
  MAX_PLANNED_MINUTES,
  numberSettingProblem,
  PLANNED_MINUTES,
  POLICY_SETTINGS,
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
import type {
  MakeUpSettings,
  PlannedMinutes,
  PolicySettings,
  RosterSettings,
  Settings,
  Status,
  TrendSettings,
} from './types';

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

/** Reasons that say the practice cancelled, so a make-up is owed (issue 17). */
export const DEFAULT_MAKE_UPS: MakeUpSettings = {
  practiceReasons: ['facility event', 'practice cancelled'],
  afterNotice: false,
};

/** Every check off, with example numbers from practices' written policies, ready to switch on. */
export const DEFAULT_POLICIES: PolicySettings = {
  noShowsInRow: { on: false, count: 2 },
  lateCancellations: { on: false, count: 3, days: 90 },
  attendanceBelow: { on: false, rate: 0.8, months: 3 },
  absencesPerYear: { on: false, count: 4, yearStarts: '01-01' },
};

function copyPolicies(p: PolicySettings): PolicySettings {
  return {
    noShowsInRow: { ...p.noShowsInRow },
    lateCancellations: { ...p.lateCancellations },
    attendanceBelow: { ...p.attendanceBelow },
    absencesPerYear: { ...p.absencesPerYear },
  };
}

export function defaultSettings(): Settings {
  return {
    roster: { ...DEFAULT_ROSTER_SETTINGS, statusMeanings: {} },
    reasons: [...DEFAULT_REASONS],
    trend: { ...DEFAULT_TREND_SETTINGS },
    makeUps: { ...DEFAULT_MAKE_UPS, practiceReasons: [...DEFAULT_MAKE_UPS.practiceReasons] },
    policies: copyPolicies(DEFAULT_POLICIES),
    plannedMinutes: [],
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

/** A list of reasons as typed: trimmed, blanks and repeats dropped; null when not a list of texts. */
function cleanReasons(value: unknown): string[] | null {
  const reasons = Array.isArray(value) ? value : null;
  return reasons?.every((r) => typeof r === 'string')
    ? [...new Set((reasons as string[]).map((r) => r.trim()).filter(Boolean))]
    : null;
}

function reasonsTooLong(reasons: readonly string[]): boolean {
  return reasons.some((r) => r.length > REASON_LIMITS.maxLength) || reasons.length > REASON_LIMITS.maxCount;
}

/** MM-DD of a real day of a leap year (29 Feb allowed: the year then starts on 1 Mar in other years). */
function isMonthDay(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{2}-\d{2}$/.test(value)) return false;
  const [m, d] = value.split('-').map(Number);
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(2024, m, 0)).getUTCDate();
}

function applyMakeUps(next: MakeUpSettings, patch: unknown, problems: string[]): void {
  if (!isPlainObject(patch)) {
    problems.push('The make-up settings are not valid.');
    return;
  }
  if (patch.practiceReasons !== undefined) {
    const cleaned = cleanReasons(patch.practiceReasons);
    if (!cleaned || reasonsTooLong(cleaned))
      problems.push(
        `The reasons that mean the practice cancelled must be a list of reasons, each under ${REASON_LIMITS.maxLength} characters.`,
      );
    else next.practiceReasons = cleaned;
  }
  if (patch.afterNotice !== undefined) {
    if (typeof patch.afterNotice === 'boolean') next.afterNotice = patch.afterNotice;
    else problems.push('"A make-up after an absence with notice" must be on or off.');
  }
}

function applyPolicies(next: PolicySettings, patch: unknown, problems: string[]): void {
  if (!isPlainObject(patch)) {
    problems.push('The policy checks are not valid.');
    return;
  }
  for (const kind of Object.keys(POLICY_SETTINGS) as (keyof PolicySettings)[]) {
    const given = patch[kind];
    if (given === undefined) continue;
    if (!isPlainObject(given)) {
      problems.push('The policy checks are not valid.');
      continue;
    }
    const check = next[kind] as unknown as Record<string, unknown>;
    if (given.on !== undefined) {
      if (typeof given.on === 'boolean') check.on = given.on;
      else problems.push('A policy check must be on or off.');
    }
    const rules = POLICY_SETTINGS[kind] as Readonly<Record<string, Parameters<typeof numberSettingProblem>[0]>>;
    for (const [field, rule] of Object.entries(rules)) {
      if (given[field] === undefined) continue;
      const problem = numberSettingProblem(rule, given[field]);
      if (problem) problems.push(problem);
      else check[field] = given[field];
    }
    if (kind === 'absencesPerYear' && given.yearStarts !== undefined) {
      if (isMonthDay(given.yearStarts)) check.yearStarts = given.yearStarts;
      else problems.push('The day the year (or funding period) starts must be a month and day, like 09-01.');
    }
  }
}

/** The planned minutes list, replaced whole: each line a group or a client, with its minutes. */
function checkPlannedMinutes(value: unknown, problems: string[]): PlannedMinutes[] | null {
  if (!Array.isArray(value) || value.length > MAX_PLANNED_MINUTES) {
    problems.push(`Planned minutes must be a list of at most ${MAX_PLANNED_MINUTES} groups or clients.`);
    return null;
  }
  const out: PlannedMinutes[] = [];
  const seen = new Set<string>();
  for (const line of value) {
    if (!isPlainObject(line)) {
      problems.push('A line of planned minutes is empty.');
      continue;
    }
    const group = typeof line.group === 'string' ? line.group.trim() : '';
    const clientId = typeof line.clientId === 'string' ? line.clientId.trim() : '';
    if ((group === '') === (clientId === '') || group.length > 200 || clientId.length > 200) {
      problems.push('Each line of planned minutes names one group or one client.');
      continue;
    }
    const problem = numberSettingProblem(PLANNED_MINUTES, line.minutes);
    if (problem) {
      problems.push(problem);
      continue;
    }
    const key = group ? `g:${group}` : `c:${clientId}`;
    if (seen.has(key)) {
      problems.push(`Planned minutes are set twice for ${group || 'the same client'}; keep one line.`);
      continue;
    }
    seen.add(key);
    out.push(group ? { group, minutes: line.minutes as number } : { clientId, minutes: line.minutes as number });
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
    makeUps: { ...current.makeUps, practiceReasons: [...current.makeUps.practiceReasons] },
    policies: copyPolicies(current.policies),
    plannedMinutes: current.plannedMinutes.map((line) => ({ ...line })),
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
    const cleaned = cleanReasons(patch.reasons);
    if (!cleaned || cleaned.length === 0) problems.push('The reasons list needs at least one reason.');
    else if (reasonsTooLong(cleaned)) {
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
  if (patch.makeUps !== undefined) applyMakeUps(next.makeUps, patch.makeUps, problems);
  if (patch.policies !== undefined) applyPolicies(next.policies, patch.policies, problems);
  if (patch.plannedMinutes !== undefined) {
    const planned = checkPlannedMinutes(patch.plannedMinutes, problems);
    if (planned) next.plannedMinutes = planned;
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
    'makeUps',
    'policies',
    'plannedMinutes',
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
