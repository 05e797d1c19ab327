/**
 * What the therapist has marked for one client in a form (the record view's rows and the
 * correction editor), and the small rules that tie status, reason and notice together.
 *
 * The rule, kept predictable on purpose: a reason (or ticking "notice given") may set the status
 * until the therapist picks a status themselves after a reason is chosen; from then on only the
 * therapist changes it. Picking a status before any reason does not count, because that click
 * is how the reason field appears in the first place.
 */
import { DEFAULT_REASON_STATUSES, PLANNED_PREFIX, WITHDRAWN } from '../core/types';
import type { Status } from '../core/types';

export interface Marks {
  /** null = not marked yet (a state of the form, never of the record). */
  status: Status | null;
  reason: string;
  notice: boolean;
  note: string;
  followUp: boolean;
  /** The therapist picked the status after a reason was chosen: reasons no longer change it. */
  statusLocked: boolean;
  /** The therapist set "follow up" themselves: status changes no longer change it. */
  followUpTouched: boolean;
  /** Minutes attended as typed ('' = the whole session); sent for a late arrival only. */
  minutes: string;
  /** Entry ID of the owed session this one makes up for ('' = not a make-up). */
  makesUpFor: string;
}

/** Statuses that ask for a reason, notice, note and follow-up (missed, or not held). */
const DETAIL_STATUSES: readonly Status[] = ['excused', 'unexcused', 'refused', 'cancelled'];

/**
 * Reasons that, by themselves, say which status fits (matched case-insensitively): the practice's
 * mapping from Settings (DEFAULT_REASON_STATUSES until it changes it), set when data arrives.
 */
let reasonStatus = new Map<string, Status>();
useReasonStatuses(DEFAULT_REASON_STATUSES);

export function useReasonStatuses(mapping: Readonly<Record<string, Status>>): void {
  reasonStatus = new Map(Object.keys(mapping).map((reason) => [reason.trim().toLowerCase(), mapping[reason]]));
}

export function emptyMarks(): Marks {
  return {
    status: null,
    reason: '',
    notice: false,
    note: '',
    followUp: false,
    statusLocked: false,
    followUpTouched: false,
    minutes: '',
    makesUpFor: '',
  };
}

export function asksForDetails(status: Status | null): boolean {
  return status !== null && DETAIL_STATUSES.indexOf(status) >= 0;
}

/** The status a reason implies, or null when the reason leaves it open (transport, other...). */
export function impliedStatus(reason: string): Status | null {
  const key = reason.trim().toLowerCase();
  // A planned absence is never counted, whatever its reason (core/plannedAbsences.ts).
  if (key.startsWith(PLANNED_PREFIX)) return 'cancelled';
  return reasonStatus.get(key) ?? null;
}

function withStatus(marks: Marks, status: Status | null): Marks {
  const followUp = marks.followUpTouched ? marks.followUp : status === 'unexcused';
  return { ...marks, status, followUp };
}

/** The therapist tapped a status. */
export function pickStatus(marks: Marks, status: Status): Marks {
  return { ...withStatus(marks, status), statusLocked: marks.statusLocked || marks.reason !== '' };
}

/** The therapist chose a reason ('' = none). */
export function pickReason(marks: Marks, reason: string): Marks {
  const next = { ...marks, reason };
  const implied = impliedStatus(reason);
  if (next.statusLocked || implied === null || implied === marks.status) return next;
  return withStatus(next, implied);
}

/** Notice given or not: a no-show with notice is excused; excused without notice or a valid reason is a no-show. */
export function setNotice(marks: Marks, notice: boolean): Marks {
  const next = { ...marks, notice };
  if (next.statusLocked) return next;
  if (notice && marks.status === 'unexcused') return withStatus(next, 'excused');
  if (!notice && marks.status === 'excused' && impliedStatus(marks.reason) !== 'excused')
    return withStatus(next, 'unexcused');
  return next;
}

export function setFollowUp(marks: Marks, followUp: boolean): Marks {
  return { ...marks, followUp, followUpTouched: true };
}

export function setNote(marks: Marks, note: string): Marks {
  return { ...marks, note };
}

export function setMinutes(marks: Marks, minutes: string): Marks {
  return { ...marks, minutes };
}

/** This session makes up for the owed session `entryId` ('' = it does not). */
export function setMakeUp(marks: Marks, entryId: string): Marks {
  return { ...marks, makesUpFor: entryId };
}

/** Statuses whose minutes attended may differ from the session's: a late arrival, leaving early. */
export function asksForMinutes(status: Status | null): boolean {
  return status === 'late';
}

/** What an entry records, as far as a correction can change it (Entry and RecordedEntry both fit). */
export interface RecordedMarks {
  status: string;
  reason: string;
  notice: boolean | null;
  note: string;
  followUp: boolean;
}

/** A correction starts from the entry as recorded: every field prefilled, the status fixed. */
export function marksFromEntry(entry: RecordedMarks): Marks {
  return {
    ...emptyMarks(),
    status: entry.status === WITHDRAWN ? null : (entry.status as Status),
    reason: entry.reason,
    notice: entry.notice === true,
    note: entry.note,
    followUp: entry.followUp,
    statusLocked: true, // the recorded status stands until the therapist picks another
    followUpTouched: true, // the entry's own follow-up choice stands unless the therapist changes it
  };
}

/** Whether any detail is filled in (a correction keeps them, and so shows them, whatever the status). */
export function hasDetails(marks: Marks): boolean {
  return marks.reason !== '' || marks.note.trim() !== '' || marks.notice || marks.followUp;
}

/**
 * The content a correction sends: everything the entry records, changed only where the therapist
 * changed it (a note is never dropped because the status became "late"). Notice keeps the
 * record's "not said" while the box was left alone.
 */
export function correctionContent(entry: RecordedMarks, marks: Marks): CorrectionContent {
  if (marks.status === null) throw new Error('A client is not marked yet.');
  const notice = marks.notice === (entry.notice === true) ? entry.notice : marks.notice;
  const note = marks.note.trim() === entry.note.trim() ? entry.note : marks.note.trim();
  const content: CorrectionContent = { status: marks.status, reason: marks.reason, note, followUp: marks.followUp };
  // Left out when not said: google.script.run would turn an undefined field into null anyway.
  if (notice !== null) content.notice = notice;
  return content;
}

/** A correction's fields as the server API takes them (notice left out: not said). */
export interface CorrectionContent {
  status: Status;
  reason: string;
  notice?: boolean;
  note: string;
  followUp: boolean;
}

/** Whether the content says what the entry already records. */
export function sameContent(entry: RecordedMarks, content: CorrectionContent): boolean {
  return (
    entry.status === content.status &&
    entry.reason === content.reason &&
    entry.notice === (content.notice ?? null) &&
    entry.note === content.note &&
    entry.followUp === content.followUp
  );
}
