/**
 * Absences planned ahead (issue 17), and how a not-counted session says whose side it was on.
 *
 * Where they live: rows of the Attendance record, so the health information stays in the
 * spreadsheet, scales with the record, is read with it (no extra service call) and is as auditable
 * as every entry. A plan's row carries the status words PLAN_STATUS (its Session date is the first
 * day, its "Planned until" the last); calling it off or changing it appends a row naming it in
 * Replaces. These status words are not session statuses, so every reader of entries
 * (readRecord) skips such rows: a plan is never a session and never counted.
 *
 * When a session on a planned day is recorded, the form marks the client `cancelled` (not counted)
 * with the reason "planned: <reason>" (plannedReason). `cancelledFor` tells that, and a reason
 * Settings maps to not counted ("not available (hospital, asleep, …)"), apart from a session the
 * practice cancelled, which is the one that owes a make-up.
 */
import { isIsoDate } from './dates';
import type { ColumnMap, DateReader, RowContent } from './record';
import { cellText } from './text';
import { PLANNED_PREFIX, plannedReason } from './types';
import type { Client, Entry, PlanAbsenceRequest, PlannedAbsence } from './types';
import { isPlainObject } from './validation';

/** The Status cell of a planned absence's row, and of the row that calls one off. */
export const PLAN_STATUS = 'planned absence';
export const PLAN_CALLED_OFF = 'planned absence called off';

export { PLANNED_PREFIX, plannedReason };

/** A session not held for this client because they said ahead they would be away. */
export function isPlannedAbsence(entry: Pick<Entry, 'status' | 'reason'>): boolean {
  return entry.status === 'cancelled' && entry.reason.toLowerCase().startsWith(PLANNED_PREFIX);
}

/** Reasons that say the client was not available (care homes): not counted, and not the practice's doing. */
export const CLIENT_UNAVAILABLE_REASONS: readonly string[] = [
  'not available (hospital, asleep, with another professional)',
  'asleep or unavailable',
  'hospitalised',
];

/**
 * Whose side a not-counted (cancelled) session was on, null for any other status: 'client' for a
 * planned absence or a reason saying the client was not available, else 'practice' (the therapist
 * or the facility cancelled: the session a make-up may be owed for).
 */
export function cancelledFor(entry: Pick<Entry, 'status' | 'reason'>): 'client' | 'practice' | null {
  if (entry.status !== 'cancelled') return null;
  if (isPlannedAbsence(entry)) return 'client';
  return CLIENT_UNAVAILABLE_REASONS.includes(entry.reason.trim().toLowerCase()) ? 'client' : 'practice';
}

/** Longest planned absence accepted: a long hospital stay, not a discharge. */
export const MAX_PLAN_DAYS = 366;

const text = (value: unknown) => cellText(value).trim();

/** The planned absences still standing among the record's rows (called-off and replaced ones dropped). */
export function readPlans(rows: readonly unknown[][], columns: ColumnMap, dates: DateReader): PlannedAbsence[] {
  const plans: PlannedAbsence[] = [];
  const replaced = new Set<string>();
  for (let r = 0; r < rows.length; r += 1) {
    const row = rows[r];
    const cell = row[columns.status];
    // Most rows are entries, their status one short word as Cadence wrote it: no new string for them.
    if (typeof cell === 'string' && cell.length < PLAN_STATUS.length) continue;
    const status = text(cell).toLowerCase();
    if (status !== PLAN_STATUS && status !== PLAN_CALLED_OFF) continue;
    const planId = text(row[columns.entryId]);
    if (!planId) continue;
    const replaces = text(row[columns.replaces]);
    if (replaces) replaced.add(replaces);
    if (status !== PLAN_STATUS) continue;
    const from = dates.day(row[columns.sessionDate]);
    const to = columns.plannedUntil === undefined ? '' : dates.day(row[columns.plannedUntil]);
    // A plan whose days a person blanked or mistyped cannot be placed: it is not applied.
    if (!isIsoDate(from) || !isIsoDate(to) || to < from) continue;
    plans.push({
      planId,
      clientId: text(row[columns.clientId]),
      client: text(row[columns.client]),
      from,
      to,
      reason: text(row[columns.reason]),
      note: cellText(row[columns.note]),
      recordedAt: dates.instant(row[columns.recordedAt]),
      recordedBy: text(row[columns.recordedBy]),
    });
  }
  return plans
    .filter((p) => !replaced.has(p.planId))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.client < b.client ? -1 : 1));
}

/** A plan request checked against the roster, or the problems in the user's words. */
export function checkPlanRequest(
  request: unknown,
  clients: ReadonlyMap<string, Client>,
  maxNoteLength: number,
): Required<PlanAbsenceRequest> | string[] {
  if (!isPlainObject(request)) return ['The sidebar sent no planned absence; reload it and try again.'];
  const problems: string[] = [];
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const requestId = str(request.requestId);
  if (!requestId || requestId.length > 200) problems.push('The request had no valid request id; reload the sidebar.');
  const clientId = str(request.clientId);
  if (!clients.has(clientId)) problems.push('Choose the client from the roster.');
  const { from, to } = request;
  if (!isIsoDate(from) || !isIsoDate(to)) problems.push('Give the first and the last day of the absence.');
  else if (to < from) problems.push('The last day of the absence is before the first.');
  else if ((Date.parse(to) - Date.parse(from)) / 86400000 >= MAX_PLAN_DAYS)
    problems.push(`A planned absence can last at most ${MAX_PLAN_DAYS} days; enter a longer one in parts.`);
  const reason = str(request.reason);
  if (!reason) problems.push('Give the reason for the absence (holiday, hospital stay…).');
  else if (reason.length > 200) problems.push('Keep the reason under 200 characters; put detail in the note.');
  const note = request.note ?? '';
  if (typeof note !== 'string') problems.push('The note is not text.');
  else if (note.length > maxNoteLength)
    problems.push(`The note has ${note.length} characters; the limit is ${maxNoteLength}.`);
  const replaces = str(request.replaces);
  if (problems.length) return problems;
  return {
    requestId,
    clientId,
    from: from as string,
    to: to as string,
    reason,
    note: note as string,
    replaces,
  };
}

/** The row a plan (or the calling off of one, with `status` PLAN_CALLED_OFF) is stored as. */
export function planRow(
  plan: Pick<PlannedAbsence, 'clientId' | 'client' | 'from' | 'to' | 'reason' | 'note'>,
  status: typeof PLAN_STATUS | typeof PLAN_CALLED_OFF,
  provenance: Pick<Entry, 'entryId' | 'recordedAt' | 'recordedBy' | 'requestId'>,
  replaces: string,
): RowContent {
  return {
    ...provenance,
    sessionDate: plan.from,
    plannedUntil: plan.to,
    group: '',
    clientId: plan.clientId,
    client: plan.client,
    status,
    reason: plan.reason,
    notice: true,
    note: plan.note,
    followUp: false,
    followUpDone: '',
    replaces,
  };
}
