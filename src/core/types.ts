/**
 * The domain vocabulary, and the requests and results of the server API whose endpoints api.ts
 * declares (src/README.md, "Statuses"). Pure types and constants.
 */

/** Session statuses, in the order the sidebar offers them. */
export const STATUSES = ['present', 'late', 'excused', 'unexcused', 'refused', 'cancelled'] as const;
export type Status = (typeof STATUSES)[number];

/** A record row that withdraws an earlier entry carries this instead of a session status. */
export const WITHDRAWN = 'withdrawn';
export type RecordStatus = Status | typeof WITHDRAWN;

/** How each status reads to a person (the sidebar, the summary tab). */
export const STATUS_LABELS: Readonly<Record<RecordStatus, string>> = {
  present: 'Present',
  late: 'Late',
  excused: 'Excused',
  unexcused: 'Unexcused',
  refused: 'Refused',
  cancelled: 'Cancelled',
  withdrawn: 'Withdrawn',
};

/** Statuses that count as a missed session in the absence rate. */
export const ABSENT_STATUSES: readonly Status[] = ['excused', 'unexcused', 'refused'];

export const DEFAULT_REASONS: readonly string[] = [
  'illness',
  'medical appointment',
  'hospitalised',
  'transport',
  'schedule conflict',
  'declined',
  'asleep or unavailable',
  'facility event',
  'practice cancelled',
  'planned break',
  'unknown',
  'other',
  // Care homes (issue 17): the status each defaults to is in DEFAULT_REASON_STATUSES.
  'not available (hospital, asleep, with another professional)',
  'offered, declined',
];

/**
 * Reasons that set a status when picked on the form, unless the therapist changes it (Settings
 * edits the mapping). "Not available" in a care home is not the client's absence, so it is not
 * counted; "offered, declined" is a refusal.
 */
export const DEFAULT_REASON_STATUSES: Readonly<Record<string, Status>> = {
  illness: 'excused',
  'medical appointment': 'excused',
  hospitalised: 'excused',
  declined: 'refused',
  'facility event': 'cancelled',
  'practice cancelled': 'cancelled',
  'planned break': 'cancelled',
  'not available (hospital, asleep, with another professional)': 'cancelled',
  'offered, declined': 'refused',
};

/** The trend levels that flag a client for a conversation, most urgent first. */
export const FLAGGED_LEVELS = ['urgent', 'rising', 'watch'] as const;
export type FlaggedLevel = (typeof FLAGGED_LEVELS)[number];
export const FLAGGED_LEVEL_LABELS: Readonly<Record<FlaggedLevel, string>> = {
  urgent: 'Urgent',
  rising: 'Rising',
  watch: 'Watch',
};

/** A flagged level, or no flag ('none'), or too few sessions to say ('insufficient'). */
export type TrendLevel = FlaggedLevel | 'none' | 'insufficient';

export function isFlagged(level: TrendLevel): level is FlaggedLevel {
  return (FLAGGED_LEVELS as readonly string[]).includes(level);
}

/** The absence trend of one client, as shown in the sidebar and the Patterns tab. */
export interface Trend {
  level: TrendLevel;
  /** Rate >= chronicRate over >= chronicMinSessions counted sessions before the recent window. */
  chronic: boolean;
  /** The reason in words, e.g. "missed 3 of the last 6 (50%); usually 12%; 2 without notice". */
  explanation: string;
  /** Counted sessions (all but cancelled) and absences among them, lifetime. */
  sessions: number;
  absences: number;
  /** Absence rate of the window the explanation names (0..1), null with not enough data. */
  recentRate: number | null;
  /** Observed absence rate before that window (0..1), null below `priorSessions` earlier sessions. */
  usualRate: number | null;
}

export interface TrendSettings {
  watchWindow: number; // 4
  watchMinAbsences: number; // 2
  risingWindow: number; // 6
  risingMinAbsences: number; // 3
  /** Points (0..1) the recent rate must stand above the usual rate: 0.25. */
  pointsAbove: number;
  /** The usual rate is shrunk toward priorRate with the weight of priorSessions sessions. */
  priorRate: number; // 0.15
  priorSessions: number; // 4
  urgentStreak: number; // 3
  urgentUnexcused: number; // 3 (in the last risingWindow)
  risingUnexcusedStreak: number; // 2
  chronicRate: number; // 0.2
  chronicMinSessions: number; // 10
}

/** Where the practice's roster lives and which columns mean what (all chosen or detected). */
export interface RosterSettings {
  /** Sheet id of the roster tab; null = detect. */
  sheetId: number | null;
  /** 1-based row of the headings; null = detect. */
  headerRow: number | null;
  /** Heading texts of the columns; null = detect, '' = the roster has no such column. */
  nameHeader: string | null;
  idHeader: string | null;
  groupHeader: string | null;
  activeHeader: string | null;
  /** What status values mean, by their folded text (statusKey): true = active. Others are read by the usual words. */
  statusMeanings: Record<string, boolean>;
}

/** Days of the week as schedules name them, Monday first (weeks start on Monday). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export const WEEKDAY_LABELS: Readonly<Record<Weekday, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

/** A span of days, both ends included, as YYYY-MM-DD in the spreadsheet's time zone. */
export interface DaySpan {
  from: string;
  to: string;
}

/**
 * When a group (or one client, for individual sessions) meets: these weekdays, from `from` to `to`
 * when given, except during the breaks (holidays the practice planned: not sessions to record).
 */
export interface Schedule {
  group?: string;
  clientId?: string;
  weekdays: Weekday[];
  from?: string;
  to?: string;
  breaks?: DaySpan[];
}

/** The lowest trend level at which Cadence suggests a conversation (Needs attention, roster highlight). */
export const TALK_AT_LEVELS = ['watch', 'rising'] as const;
export type TalkAt = (typeof TALK_AT_LEVELS)[number];

/**
 * Whether Cadence suggests a conversation at this level: Needs attention and the roster highlight
 * follow `talkAt`; the Patterns tab shows every level whatever it is.
 */
export function suggestsTalk(level: TrendLevel, talkAt: TalkAt): boolean {
  return isFlagged(level) && FLAGGED_LEVELS.indexOf(level) <= FLAGGED_LEVELS.indexOf(talkAt);
}

/** The levels at which Cadence suggests a conversation, most urgent first. */
export function talkLevels(talkAt: TalkAt): FlaggedLevel[] {
  return FLAGGED_LEVELS.filter((level) => suggestsTalk(level, talkAt));
}

/**
 * The two choices of "Suggest a conversation at", with the trade-off measured by `npm run bench`
 * (test/bench/trendQuality.ts, "talk at" lines: seeded simulation of weekly sessions, 20,000 clients
 * per figure). Update the figures here when the rule or the bench changes.
 */
export const TALK_AT_CHOICES: Readonly<Record<TalkAt, { label: string; tradeOff: string }>> = {
  watch: {
    label: 'Watch (sooner, more often)',
    tradeOff:
      'Catches 84% of clients whose absences jump from 1 in 10 to 6 in 10 within 4 sessions (94% within 6), but over 16 sessions also flags 26% of clients who steadily miss 1 in 10, and 64% of those who miss 2 in 10.',
  },
  rising: {
    label: 'Rising (later, rarer)',
    tradeOff:
      'Catches 57% of such jumps within 4 sessions and 84% within 6, and over 16 sessions flags 8% of clients who steadily miss 1 in 10, and 36% of those who miss 2 in 10.',
  },
};

/** A scheduled session with no entry yet: a group's, or one client's (individual sessions). */
export interface ToRecord {
  date: string;
  group?: string;
  clientId?: string;
}

/**
 * When a make-up is owed (issue 17): a session the practice cancelled, told apart from a client's
 * planned absence (both `cancelled`, not counted) by its reason; and, if the practice's policy
 * says so, an absence with notice.
 */
export interface MakeUpSettings {
  /** Reasons that mean the practice cancelled (matched case- and space-insensitively). */
  practiceReasons: string[];
  /** An `excused` absence with notice given is owed a make-up too. */
  afterNotice: boolean;
}

/**
 * The practice's own attendance policy, each check off until switched on; the numbers are
 * examples ready to use. A check that is reached is a reason to talk, never an automatic action.
 */
export interface PolicySettings {
  /** N no-shows (unexcused, no notice) in a row. */
  noShowsInRow: { on: boolean; count: number };
  /** N late cancellations (unexcused, notice given too late) within D days. */
  lateCancellations: { on: boolean; count: number; days: number };
  /** Attendance below X% of counted sessions over the last M months. */
  attendanceBelow: { on: boolean; rate: number; months: number };
  /** More than N absences per year, the year starting on `yearStarts` (MM-DD: a funding period). */
  absencesPerYear: { on: boolean; count: number; yearStarts: string };
}
export type PolicyKind = keyof PolicySettings;

/** Planned minutes of a session of one group, or of one client (individual sessions; wins over the group). */
export interface PlannedMinutes {
  group?: string;
  clientId?: string;
  minutes: number;
}

export interface Settings {
  roster: RosterSettings;
  reasons: string[];
  trend: TrendSettings;
  makeUps: MakeUpSettings;
  policies: PolicySettings;
  plannedMinutes: PlannedMinutes[];
  /** Weeks shown in the Patterns tab. */
  patternWeeks: number; // 26
  /** Longest note accepted, in characters. */
  maxNoteLength: number; // 500
  /** When sessions are expected: what "To record" and the Patterns tab's unrecorded weeks come from. */
  schedules: Schedule[];
  /** The level from which a client is listed in Needs attention and highlighted on the roster. */
  talkAt: TalkAt;
  /** Reason (as listed) → the status it sets by default on the form. */
  reasonStatuses: Record<string, Status>;
}

/** One client of the roster, as Cadence reads it. `id` is the roster's ID, or a name-derived key. */
export interface Client {
  id: string;
  name: string;
  group: string;
  active: boolean;
}

/** One row of the Attendance record, as read back (dates as YYYY-MM-DD in the spreadsheet's zone). */
export interface Entry {
  entryId: string;
  sessionDate: string;
  group: string;
  clientId: string;
  client: string;
  status: RecordStatus;
  reason: string;
  /** true / false / null when not said. */
  notice: boolean | null;
  note: string;
  followUp: boolean;
  /** YYYY-MM-DD when the follow-up was marked done, '' while open. */
  followUpDone: string;
  /** ISO timestamp. */
  recordedAt: string;
  recordedBy: string;
  /** Entry ID this row supersedes ('' for an original entry). */
  replaces: string;
  /** Entry ID of the row that superseded this one ('' while current). */
  supersededBy: string;
  requestId: string;
  /** Only on a planned absence's row (plannedAbsences.ts): its last day; entries leave it unset. */
  plannedUntil?: string;
  /** Minutes the client attended (a late arrival, leaving early); null when not said. Absent in older rows. */
  minutes?: number | null;
  /** Entry ID of the session this one makes up for ('' when it is not a make-up). */
  makesUpFor?: string;
}

/**
 * A client's absence announced ahead (issue 17): from–to, with its reason. When a session on one of
 * its days is recorded, the form marks the client not counted (cancelled) with the reason
 * "planned: <reason>", so the absence never raises a flag.
 */
export interface PlannedAbsence {
  planId: string;
  clientId: string;
  client: string;
  from: string;
  to: string;
  reason: string;
  note: string;
  recordedAt: string;
  recordedBy: string;
}

/** What a session recorded on a planned day carries as its reason: "planned: holiday" (plannedAbsences.ts). */
export const PLANNED_PREFIX = 'planned: ';

export function plannedReason(reason: string): string {
  return `${PLANNED_PREFIX}${reason.trim() || 'absence'}`;
}

/** planAbsence(): enter a planned absence (or replace one, naming it in `replaces`). */
export interface PlanAbsenceRequest {
  requestId: string;
  clientId: string;
  from: string;
  to: string;
  reason: string;
  note?: string;
  replaces?: string;
}

/** cancelPlannedAbsence(): the absence will not happen after all. */
export interface CancelPlanRequest {
  requestId: string;
  planId: string;
}

// ---- Requests and results of the server API (core/api.ts) ----

export interface AttendanceInput {
  clientId: string;
  status: Status;
  reason?: string;
  notice?: boolean;
  note?: string;
  followUp?: boolean;
  /** Minutes attended, when not the whole session (a late arrival, leaving early). */
  minutes?: number;
  /** Entry ID of an owed session this one makes up for (ClientView.makeUps.owed). */
  makesUpFor?: string;
}

export interface SaveSessionRequest {
  requestId: string;
  /**
   * The request id of an earlier attempt of this session that failed or went unanswered, sent when
   * the form was changed since (and so got a new request id): if that attempt was stored after
   * all, this one is refused saying what was stored, rather than stored a second time.
   */
  retryOf?: string;
  /** YYYY-MM-DD in the spreadsheet's time zone. */
  date: string;
  group?: string;
  attendance: AttendanceInput[];
}

export interface TrendChange {
  clientId: string;
  name: string;
  before: TrendLevel;
  after: TrendLevel;
  trend: Trend;
}

export interface SaveSessionResult {
  saved: number;
  duplicate: boolean;
  entryIds: string[];
  trends: TrendChange[];
  /** Fresh getSidebarData() content, so the sidebar never calls back after a save. */
  sidebar: SidebarData;
}

/** One client's entry of a recorded session, as the session-level correction prefills it. */
export interface RecordedEntry {
  entryId: string;
  clientId: string;
  status: Status;
  reason: string;
  notice: boolean | null;
  note: string;
  followUp: boolean;
}

/**
 * A session already in the record (current entries only), for the weeks Patterns shows: entries
 * saved by one request, corrections included (they belong to the session of the entry they replace).
 */
export interface RecordedSession {
  date: string;
  /** '' for individual clients. */
  group: string;
  /** Client ids, in the order of `entries`. */
  clients: string[];
  entries: RecordedEntry[];
  recordedBy: string;
  /** ISO timestamp of the first save of the session. */
  recordedAt: string;
}

/** Entries getClientHistory answers by default, and a page of the sidebar's history. */
export const HISTORY_LENGTH = 12;

/** correctSession(): change any marks of a recorded session in one request. */
export interface SessionCorrectionRequest {
  requestId: string;
  /** The session's current entries to change; an unchanged line stores nothing. */
  corrections: Omit<CorrectionRequest, 'requestId'>[];
}

/** The last entry of a client, short, for the sidebar. */
export interface LastEntry {
  entryId: string;
  date: string;
  status: RecordStatus;
  reason: string;
}

/** A session owed a make-up: what the sidebar offers to link a make-up session to. */
export interface OwedSession {
  entryId: string;
  date: string;
  status: Status;
  reason: string;
}

/** A client's make-ups: sessions owed and not yet made up, oldest first, and those made up. */
export interface MakeUpBalance {
  owed: OwedSession[];
  madeUp: number;
  /** "2 make-ups owed (1 made up)"; '' when nothing was ever owed. */
  text: string;
}

/** One policy check of one client: its count beside its limit, in words. */
export interface PolicyCheck {
  kind: PolicyKind;
  /** What the check counts now (no-shows in a row, absences this year...; a rate as 0..1). */
  count: number;
  /** The practice's limit in the same unit. */
  limit: number;
  /** The policy's line is reached: a reason to talk, never an automatic action. */
  reached: boolean;
  /** "3 of 4 allowed absences used this year". */
  text: string;
}

/** Minutes delivered against planned over a period (planned 0 when none is set). */
export interface MinutesTally {
  delivered: number;
  planned: number;
  /** Sessions whose minutes are counted as planned. */
  sessions: number;
  /** "270 of 300 planned minutes (90%)"; '' with nothing planned or delivered. */
  text: string;
}

export interface ClientView {
  id: string;
  name: string;
  group: string;
  active: boolean;
  trend: Trend;
  lastEntry: LastEntry | null;
  // Issue 17; getSidebarData always fills them (optional for views made elsewhere, e.g. a client
  // no longer on the roster in a session's correction).
  makeUps?: MakeUpBalance;
  /** The policy checks switched on, in the order of PolicySettings. */
  policy?: PolicyCheck[];
  /** Over the weeks Patterns shows; null when no planned minutes apply to the client. */
  minutes?: MinutesTally | null;
}

/** An open follow-up from an earlier absence. */
export interface FollowUp {
  entryId: string;
  clientId: string;
  date: string;
  status: RecordStatus;
  reason: string;
  note: string;
}

/** What Cadence found of the roster, to show and to let the user change it. */
export interface RosterView {
  /** null when no roster could be found; `problem` then says why. */
  sheetName: string | null;
  sheetId: number | null;
  headerRow: number | null;
  nameHeader: string | null;
  idHeader: string | null;
  groupHeader: string | null;
  activeHeader: string | null;
  /** Groups come from label rows above each section rather than a column. */
  groupsFromSections: boolean;
  clientCount: number;
  activeCount: number;
  groupCount: number;
  /** What Cadence reads, in words: "27 active clients in 4 groups from Caseload, headings in row 2". */
  summary: string;
  problem: string | null;
  /** The status column's values and how each is read. */
  statusValues: { value: string; active: boolean; count: number }[];
  /** The roster has no ID column, so Cadence can offer to add a "Cadence ID" column. */
  canAddIds: boolean;
}

/** A tab as Settings offers it: its first rows, to choose the heading row and the columns. */
export interface RosterTabChoice {
  sheetId: number;
  name: string;
  /** The first rows (up to HEADING_ROWS) as text. */
  rows: string[][];
  /** The heading row Cadence would use in this tab, or null. */
  headerRow: number | null;
  /** For each row taken as the headings, the columns Cadence would read there (null: no name column). */
  guesses: (Pick<RosterView, 'nameHeader' | 'idHeader' | 'groupHeader' | 'activeHeader'> | null)[];
}

/** Sessions recorded under a name no longer on the roster (a renamed client without an ID). */
export interface UnlinkedHistory {
  /** The name key the sessions were recorded under ("name:jose nunez"). */
  clientId: string;
  /** The name as last recorded. */
  name: string;
  sessions: number;
  /** YYYY-MM-DD of the latest session. */
  lastDate: string;
}

/** linkClientHistory(): the sessions of `fromClientId` become `toClientId`'s (new rows, append-only). */
export interface LinkHistoryRequest {
  requestId: string;
  fromClientId: string;
  toClientId: string;
}

/** addCadenceIds(): the user asked for a "Cadence ID" column in the roster. */
export interface CadenceIdsRequest {
  requestId: string;
}

export interface SidebarData {
  today: string;
  timeZone: string;
  clients: ClientView[];
  groups: string[];
  reasons: string[];
  followUps: FollowUp[];
  settings: Settings;
  roster: RosterView;
  recordedSessions: RecordedSession[];
  /**
   * Sentences about Cadence's tabs the user should know of, e.g. a copy of the Attendance tab
   * (made with Duplicate) that Cadence never writes to, named. Shown as text.
   */
  tabWarnings: string[];
  /** Sessions under names no longer on the roster, for the user to link (renames without IDs). */
  unlinked: UnlinkedHistory[];
  /**
   * Scheduled sessions with no entry yet: today's first, then back over the last 3 weeks, newest
   * first. Breaks and clients' planned absences are not listed as missing.
   */
  toRecord: ToRecord[];
  /** Schedules that list nothing because their group or client is gone from the roster, in words. */
  scheduleWarnings: string[];
  /** Planned absences not yet over (ending today or later, or in the last 3 weeks), by first day. */
  plannedAbsences: PlannedAbsence[];
}

/** correctEntry(): replace an entry with new content (a superseding row). */
export interface CorrectionRequest {
  requestId: string;
  entryId: string;
  status: Status;
  reason?: string;
  notice?: boolean;
  note?: string;
  followUp?: boolean;
}

/** withdrawEntry(): the entry should not have been recorded (a withdrawing row). */
export interface WithdrawalRequest {
  requestId: string;
  entryId: string;
  /** Why it is withdrawn, kept in the withdrawing row's Note. */
  note?: string;
}

export interface EntryChangeResult {
  entryId: string;
  duplicate: boolean;
}

/** Months a summary or report covers when no period is asked for (ending today). */
export const DEFAULT_PERIOD_MONTHS = 6;

/** buildClientSummary(): one client's summary tab for a period (default: the last six months to today). */
export interface ClientSummaryRequest {
  clientId: string;
  /** YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
}

/** buildPracticeReport(): the practice report tab for a period, every group or one. */
export interface PracticeReportRequest {
  from: string;
  to: string;
  group?: string;
}

/** The tab a summary or report was written to (its name as the user sees it now). */
export interface ReportResult {
  sheetName: string;
}
