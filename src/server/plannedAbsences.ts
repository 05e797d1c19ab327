/**
 * planAbsence and cancelPlannedAbsence: a client's absence announced ahead, stored as a row of the
 * Attendance record (core/plannedAbsences.ts says why), under the same lock and request-id check as
 * every write. A plan changes no trend and no Patterns cell, so nothing else is rewritten.
 */
import { PLAN_CALLED_OFF, PLAN_STATUS, checkPlanRequest, planRow } from '../core/plannedAbsences';
import type { PlannedAbsence, SidebarData } from '../core/types';
import { isPlainObject } from '../core/validation';
import { appendEntries, earlierSave } from './attendanceTab';
import type { AttendanceRecord } from './attendanceTab';
import { provenanceFor, writeRecord } from './recordWrite';
import { sidebarDataFrom } from './sidebarData';
import { openWorkbook, rememberRoster } from './workbook';
import type { Workbook } from './workbook';

const GONE =
  'That planned absence was changed or called off meanwhile (by you in another window, or a colleague). The sidebar now shows it as it stands; nothing was saved.';

/**
 * The answer after a plan changed: fresh sidebar data; Patterns is redrawn only where the practice
 * keeps schedules (a planned day is then not an unrecorded week), otherwise nothing there changes.
 */
function answer(workbook: Workbook, record: AttendanceRecord, plans: PlannedAbsence[], changed = false) {
  return {
    result: sidebarDataFrom(workbook, record.table, plans),
    appended: [],
    changed: changed && workbook.settings.schedules.length > 0,
    plans,
  };
}

export function planAbsence(request: unknown): SidebarData {
  const workbook = openWorkbook();
  const clients = new Map(workbook.roster.clients.map((c) => [c.id, c]));
  const checked = checkPlanRequest(request, clients, workbook.settings.maxNoteLength);
  if (Array.isArray(checked)) throw new Error(`Nothing was saved. ${checked.join(' ')}`);
  const data = writeRecord(workbook, (record) => {
    if (earlierSave(record, checked.requestId)) return answer(workbook, record, record.plans);
    if (checked.replaces && !record.plans.some((p) => p.planId === checked.replaces)) throw new Error(GONE);
    const row = planRow(
      { ...checked, client: clients.get(checked.clientId)!.name },
      PLAN_STATUS,
      provenanceFor(checked.requestId)(),
      checked.replaces,
    );
    appendEntries(record, [row]);
    const plan: PlannedAbsence = {
      planId: row.entryId,
      clientId: row.clientId,
      client: row.client,
      from: checked.from,
      to: checked.to,
      reason: checked.reason,
      note: checked.note,
      recordedAt: row.recordedAt,
      recordedBy: row.recordedBy,
    };
    const plans = record.plans.filter((p) => p.planId !== checked.replaces).concat(plan);
    return answer(workbook, record, plans, true);
  });
  rememberRoster(workbook);
  return data;
}

export function cancelPlannedAbsence(request: unknown): SidebarData {
  const workbook = openWorkbook();
  const requestId = isPlainObject(request) && typeof request.requestId === 'string' ? request.requestId.trim() : '';
  const planId = isPlainObject(request) && typeof request.planId === 'string' ? request.planId.trim() : '';
  if (!requestId || !planId) throw new Error('Nothing was changed: choose the planned absence again.');
  return writeRecord(
    workbook,
    (record) => {
      if (earlierSave(record, requestId)) return answer(workbook, record, record.plans);
      const plan = record.plans.find((p) => p.planId === planId);
      if (!plan) throw new Error(GONE);
      appendEntries(record, [planRow(plan, PLAN_CALLED_OFF, provenanceFor(requestId)(), planId)]);
      return answer(
        workbook,
        record,
        record.plans.filter((p) => p !== plan),
        true,
      );
    },
    GONE,
  );
}
