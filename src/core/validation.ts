/**
 * Checks what the sidebar sends before anything is stored. Every refusal says what to fix, in the
 * therapist's words, and names the client concerned; all problems are reported at once.
 */
import { isIsoDate } from './dates';
import { MINUTES_ATTENDED, numberSettingProblem } from './settingsRules';
import { STATUSES } from './types';
import type { Client, Status, WithdrawalRequest } from './types';

export interface ValidationContext {
  /** Roster clients by id. */
  clients: ReadonlyMap<string, Client>;
  /** YYYY-MM-DD in the spreadsheet's time zone. */
  today: string;
  maxNoteLength: number;
}

/** Longest reason, group or request id accepted: long enough for any real one. */
const MAX_SHORT_TEXT = 200;

/** The earliest session date accepted. */
const EARLIEST_DAY = '1900-01-01';

/** Length of the problems listed in one message: every problem of a real form, short enough to read. */
const MAX_PROBLEMS_LENGTH = 480;

/**
 * The request refused, with its reasons; nothing was stored. The same problem is said once, and a
 * long list is cut: a malformed request with 2,000 marks must not answer with a 200 kB message.
 */
function refuse(problems: string[]): never {
  const distinct = [...new Set(problems)];
  const shown: string[] = [];
  let length = 0;
  for (const problem of distinct) {
    if (shown.length > 0 && length + problem.length > MAX_PROBLEMS_LENGTH) break;
    shown.push(problem);
    length += problem.length + 1;
  }
  const more = distinct.length - shown.length;
  throw new Error(
    `Nothing was saved. ${shown.join(' ')}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}`,
  );
}

/** Longest piece of the sender's text quoted back in a message. */
const MAX_QUOTED = 40;

/** Text the sender sent, quoted in a message: cut short, so a megabyte of input stays one line. */
function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value ?? '') ?? '');
  return JSON.stringify(text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text);
}

/** The same day one year later (29 Feb → 1 Mar), as YYYY-MM-DD. */
function oneYearAfter(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y + 1, m - 1, d)).toISOString().slice(0, 10);
}

/** A JSON object as google.script.run delivers one (not null, not an array). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Request ids are compared trimmed and exactly, as the record's cells are read. */
function checkRequestId(value: unknown, problems: string[]): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_SHORT_TEXT) {
    problems.push('The request had no valid request id; reload the sidebar and try again.');
    return '';
  }
  return value.trim();
}

/**
 * The request id of a request otherwise refused, when it has a valid one: a retry of a stored save
 * is answered as a duplicate even if the roster changed since (the check needs the record).
 */
export function requestIdOf(request: unknown): string {
  if (!isPlainObject(request)) return '';
  return checkRequestId(request.requestId, []);
}

/** The session date: a real calendar day, not more than a year ahead. */
export function checkSessionDate(value: unknown, today: string, problems: string[]): string {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    problems.push(`The session date ${quote(value)} is not a date; pick the date again (YYYY-MM-DD).`);
    return '';
  }
  // A year like 0025 is a typing slip, and Sheets cannot show a date before its 1899-12-30 epoch as a date.
  if (value < EARLIEST_DAY) {
    problems.push(`The session date ${value} is before ${EARLIEST_DAY.slice(0, 4)}; check the year.`);
  }
  if (value > oneYearAfter(today)) {
    problems.push(`The session date ${value} is more than a year in the future; check the year.`);
  }
  return value;
}

/** One client's mark, checked and with defaults filled. */
export interface MarkFields {
  status: Status;
  reason: string;
  notice: boolean | null;
  note: string;
  followUp: boolean;
}

/** Status, reason, notice, note and follow-up of one client's mark; `who` names the client. */
function checkMark(input: Record<string, unknown>, who: string, maxNoteLength: number, problems: string[]): MarkFields {
  const status = input.status;
  if (typeof status !== 'string' || !(STATUSES as readonly string[]).includes(status)) {
    const got = typeof status === 'string' && status ? quote(status) : 'no status';
    problems.push(`${who} has ${got}; mark one of ${STATUSES.join(', ')}.`);
  }
  const reason = input.reason ?? '';
  if (typeof reason !== 'string') problems.push(`The reason for ${who} is not text; choose it again.`);
  else if (reason.length > MAX_SHORT_TEXT)
    problems.push(
      `The reason for ${who} is longer than ${MAX_SHORT_TEXT} characters; shorten it or put the detail in the note.`,
    );
  const notice = input.notice ?? null;
  if (notice !== null && typeof notice !== 'boolean') problems.push(`"Notice given" for ${who} must be yes or no.`);
  const note = input.note ?? '';
  if (typeof note !== 'string') problems.push(`The note for ${who} is not text.`);
  else if (note.length > maxNoteLength) {
    problems.push(`The note for ${who} has ${note.length} characters; the limit is ${maxNoteLength}. Shorten it.`);
  }
  const followUp = input.followUp ?? false;
  if (typeof followUp !== 'boolean') problems.push(`"Follow up" for ${who} must be on or off.`);
  return {
    status: status as Status,
    reason: typeof reason === 'string' ? reason.trim() : '',
    notice: typeof notice === 'boolean' ? notice : null,
    note: typeof note === 'string' ? note : '',
    followUp: followUp === true,
  };
}

/** A valid SaveSessionRequest, normalised (trimmed reason, defaults filled), or an Error. */
export interface CheckedSession {
  requestId: string;
  /** The request id of an earlier attempt of this form that failed or whose answer was lost ('' if none). */
  retryOf: string;
  date: string;
  group: string;
  attendance: (MarkFields & SessionExtras & { clientId: string })[];
}

/** What a session's mark may carry beyond a correction's fields (issue 17). */
export interface SessionExtras {
  /** Minutes attended, null when not said. */
  minutes: number | null;
  /** Entry ID of the owed session this one makes up for ('' if none); checked against the record under the lock. */
  makesUpFor: string;
}

/** Minutes attended and the make-up link of one mark. */
function checkExtras(input: Record<string, unknown>, who: string, problems: string[]): SessionExtras {
  const minutes = input.minutes ?? null;
  if (minutes !== null) {
    const problem = numberSettingProblem(MINUTES_ATTENDED, minutes);
    if (problem) problems.push(`${problem.replace(/\.$/, '')} (${who}).`);
  }
  const makesUpFor = input.makesUpFor ?? '';
  if (typeof makesUpFor !== 'string' || makesUpFor.length > MAX_SHORT_TEXT)
    problems.push(`The session ${who}'s make-up is for is not valid; choose it again.`);
  return {
    minutes: typeof minutes === 'number' && Number.isInteger(minutes) && minutes >= 0 ? minutes : null,
    makesUpFor: typeof makesUpFor === 'string' ? makesUpFor.trim() : '',
  };
}

export interface CheckedCorrection extends MarkFields {
  requestId: string;
  entryId: string;
}

export function validateSaveSession(request: unknown, context: ValidationContext): CheckedSession {
  if (!isPlainObject(request)) refuse(['The sidebar sent no session; reload it and try again.']);
  const problems: string[] = [];
  const requestId = checkRequestId(request.requestId, problems);
  const retryOf =
    request.retryOf === undefined || request.retryOf === '' ? '' : checkRequestId(request.retryOf, problems);
  const date = checkSessionDate(request.date, context.today, problems);
  const group = request.group ?? '';
  // A group named in the roster is the practice's own, whatever its length; other text is bounded.
  const rosterGroup = typeof group === 'string' && [...context.clients.values()].some((c) => c.group === group);
  if (typeof group !== 'string' || (group.length > MAX_SHORT_TEXT && !rosterGroup))
    problems.push('The group name is not valid; choose the group again.');
  const attendance: CheckedSession['attendance'] = [];
  if (!Array.isArray(request.attendance) || request.attendance.length === 0) {
    problems.push('No client is marked; mark at least one client before saving.');
  } else {
    const seen = new Set<string>();
    request.attendance.forEach((item: unknown, i: number) => {
      if (!isPlainObject(item)) {
        problems.push(`Line ${i + 1} of the session is empty; reload the sidebar.`);
        return;
      }
      const clientId = typeof item.clientId === 'string' ? item.clientId : '';
      const client = context.clients.get(clientId);
      if (!client) {
        problems.push(
          `Client ${clientId ? quote(clientId) : '(none)'} is not on the roster (removed or renamed?); reload the sidebar and mark again.`,
        );
        return;
      }
      if (seen.has(clientId)) problems.push(`${client.name} is marked twice in this session; keep one mark.`);
      seen.add(clientId);
      attendance.push({
        clientId,
        ...checkMark(item, client.name, context.maxNoteLength, problems),
        ...checkExtras(item, client.name, problems),
      });
    });
  }
  if (problems.length) refuse(problems);
  return { requestId, retryOf, date, group: typeof group === 'string' ? group.trim() : '', attendance };
}

/** A valid CorrectionRequest (the entry's existence is checked under the lock), or an Error. */
export function validateCorrection(request: unknown, maxNoteLength: number): CheckedCorrection {
  if (!isPlainObject(request)) refuse(['The sidebar sent no correction; reload it and try again.']);
  const problems: string[] = [];
  const requestId = checkRequestId(request.requestId, problems);
  const entryId = checkEntryId(request.entryId, problems);
  const mark = checkMark(request, 'the corrected entry', maxNoteLength, problems);
  if (problems.length) refuse(problems);
  return { requestId, entryId, ...mark };
}

/** A valid SessionCorrectionRequest: each line a correction of one current entry, or an Error. */
export function validateSessionCorrection(
  request: unknown,
  maxNoteLength: number,
): { requestId: string; corrections: CheckedCorrection[] } {
  if (!isPlainObject(request)) refuse(['The sidebar sent no correction; reload it and try again.']);
  const problems: string[] = [];
  const requestId = checkRequestId(request.requestId, problems);
  const corrections: CheckedCorrection[] = [];
  if (!Array.isArray(request.corrections) || request.corrections.length === 0) {
    problems.push('No change was sent; change a mark before saving the correction.');
  } else {
    const seen = new Set<string>();
    request.corrections.forEach((item: unknown, i: number) => {
      if (!isPlainObject(item)) {
        problems.push(`Line ${i + 1} of the correction is empty; reload the sidebar.`);
        return;
      }
      const entryId = checkEntryId(item.entryId, problems);
      if (entryId && seen.has(entryId))
        problems.push('The same entry is corrected twice in one request; keep one change.');
      seen.add(entryId);
      corrections.push({
        requestId,
        entryId,
        ...checkMark(item, `line ${i + 1} of the correction`, maxNoteLength, problems),
      });
    });
  }
  if (problems.length) refuse(problems);
  return { requestId, corrections };
}

/** A valid WithdrawalRequest, or an Error. */
export function validateWithdrawal(request: unknown, maxNoteLength: number): Required<WithdrawalRequest> {
  if (!isPlainObject(request)) refuse(['The sidebar sent no withdrawal; reload it and try again.']);
  const problems: string[] = [];
  const requestId = checkRequestId(request.requestId, problems);
  const entryId = checkEntryId(request.entryId, problems);
  const note = request.note ?? '';
  if (typeof note !== 'string') problems.push('The reason for withdrawing is not text.');
  else if (note.length > maxNoteLength)
    problems.push(`The reason for withdrawing has ${note.length} characters; the limit is ${maxNoteLength}.`);
  if (problems.length) refuse(problems);
  return { requestId, entryId, note: typeof note === 'string' ? note : '' };
}

export function checkEntryId(value: unknown, problems: string[]): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_SHORT_TEXT) {
    problems.push('No entry was chosen; pick the entry again from the history.');
    return '';
  }
  return value.trim();
}
