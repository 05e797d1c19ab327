/** Turning the form into the one saveSession call (core/api.ts). */
import type { AttendanceInput, SaveSessionRequest } from '../core/types';
import { asksForDetails, asksForMinutes, type Marks } from './marks';
import type { FormRow } from './validate';

/**
 * One client's line. Reason, notice, note and follow-up belong to a missed or cancelled session;
 * for present/late they stay in the form (so toggling back loses nothing) but are not sent.
 */
export function attendanceInput(clientId: string, marks: Marks): AttendanceInput {
  if (marks.status === null) throw new Error('A client is not marked yet.');
  const input: AttendanceInput = { clientId, status: marks.status };
  if (marks.makesUpFor) input.makesUpFor = marks.makesUpFor;
  if (asksForMinutes(marks.status) && marks.minutes.trim() !== '') input.minutes = Number(marks.minutes.trim());
  if (!asksForDetails(marks.status)) return input;
  input.notice = marks.notice;
  input.followUp = marks.followUp;
  if (marks.reason) input.reason = marks.reason;
  const note = marks.note.trim();
  if (note) input.note = note;
  return input;
}

export function saveRequest(
  requestId: string,
  date: string,
  group: string | null,
  rows: readonly FormRow[],
): SaveSessionRequest {
  const request: SaveSessionRequest = {
    requestId,
    date,
    attendance: rows.map((r) => attendanceInput(r.clientId, r.marks)),
  };
  if (group) request.group = group;
  return request;
}
