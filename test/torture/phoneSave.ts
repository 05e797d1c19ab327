/**
 * A session recorded on the Quick entry tab, as a person does it on a phone: pick the date, pick
 * the group, mark every listed client (typing statuses in any case, reasons, notes, ticks), tick
 * Save. What the model expects is worked out from the cells the person filled, independently of
 * the add-on: the status line must say what happened, and the record must hold exactly that.
 */
import { addDays } from '../../src/core/dates';
import type { AttendanceInput, Status } from '../../src/core/types';
import type { OfflineEnvironment } from '../../src/runtime';
import { readRecordBack } from '../server/fixtures';
import { LOCK_IN_SIMPLE_TRIGGERS, quickEntrySheet, readQuickEntry } from '../server/quickEntryHelpers';
import type { MarkSpec, SaveSpec } from './commands';
import type { RecordModel } from './recordModel';
import { TODAY_IN_ZONE } from './recordModel';

export type PhoneOutcome = 'saved' | 'already recorded' | 'lock refused' | 'lock busy' | 'no clients';

/** Whether the Quick entry tab is there (set up, and not deleted by a person since). */
export function hasQuickEntry(env: OfflineEnvironment): boolean {
  try {
    quickEntrySheet(env);
    return true;
  } catch {
    return false;
  }
}

function edit(env: OfflineEnvironment, a1: string, value: string | boolean): void {
  const { error } = env.edit(quickEntrySheet(env).getName(), a1, value);
  if (error) throw new Error(`onEdit failed: ${error}`);
}

/** The text a cell holds as the person left it: a formula's text, else its value. */
function typedText(env: OfflineEnvironment, a1: string): string {
  const range = quickEntrySheet(env).getRange(a1);
  return range.getFormula() || String(range.getValue());
}

/** Status typed as a person might: any case. */
function typedStatus(status: Status, k: number): string {
  return k % 3 === 0 ? status.toUpperCase() : k % 3 === 1 ? status : status[0].toUpperCase() + status.slice(1);
}

export interface PhoneForm {
  date: string;
  group: string;
  attendance: AttendanceInput[];
}

/** Steps 1-3: the tab set up if needed, date and group chosen, every listed client marked. */
export function fillPhoneForm(env: OfflineEnvironment, model: RecordModel, spec: SaveSpec): PhoneForm | null {
  if (!hasQuickEntry(env)) env.run('setUpQuickEntry');
  const date = addDays(TODAY_IN_ZONE, spec.day);
  const group = spec.group.trim();
  edit(env, readQuickEntry(env).date, date);
  edit(env, readQuickEntry(env).group, group);
  const listed = readQuickEntry(env).clients;
  if (listed.length === 0) return null;
  const attendance: AttendanceInput[] = [];
  listed.forEach((client, k) => {
    const mark: MarkSpec = spec.marks[k % spec.marks.length];
    const view = readQuickEntry(env);
    edit(env, view.cell(client.name, 'Status'), typedStatus(mark.status, k));
    edit(env, view.cell(client.name, 'Reason'), mark.reason);
    edit(env, view.cell(client.name, 'Notice'), mark.notice === true);
    edit(env, view.cell(client.name, 'Note'), mark.note);
    edit(env, view.cell(client.name, 'Follow-up'), mark.followUp);
    const rosterRow = model.roster.find((r) => r.name.trim() === client.name && r.group.trim() === group);
    if (!rosterRow) throw new Error(`the tab lists ${client.name}, who is not in ${group} on the roster`);
    const reason = typedText(env, view.cell(client.name, 'Reason')).trim();
    const note = typedText(env, view.cell(client.name, 'Note')).trim();
    const input: AttendanceInput = { clientId: rosterRow.id, status: mark.status, followUp: mark.followUp };
    if (mark.status !== 'present' && mark.status !== 'late') input.notice = mark.notice === true;
    if (reason) input.reason = reason;
    if (note) input.note = note;
    attendance.push(input);
  });
  return { date, group, attendance };
}

/** What the status line says happened after Save was ticked. */
export function phoneOutcome(status: string): PhoneOutcome | null {
  if (/^Saved \d+ (entry|entries) — /.test(status)) return 'saved';
  if (/is already recorded \(\d+ entr(y|ies)\); nothing was saved/.test(status)) return 'already recorded';
  if (/^Not saved: Google did not let the phone take the spreadsheet’s lock/.test(status)) return 'lock refused';
  if (/^Another save is in progress.*nothing was saved/i.test(status)) return 'lock busy';
  return null;
}

/** Whether the model holds current entries of that session (the phone must refuse to save it again). */
export function recordedInModel(model: RecordModel, date: string, group: string): boolean {
  return model.current().some((r) => r['Session date'] === date && r.Group === group);
}

/**
 * After a "Saved" status: the rows the save appended (those the model does not know yet, all of
 * one request), acknowledged in the model in the order of the marks, with a blank Recorded by.
 */
export function acknowledgePhoneSave(env: OfflineEnvironment, model: RecordModel, form: PhoneForm): void {
  const fresh = readRecordBack(env).filter((r) => r['Entry ID'] !== '' && !model.rows.has(String(r['Entry ID'])));
  const requests = new Set(fresh.map((r) => String(r['Request ID'])));
  if (requests.size !== 1) throw new Error(`a phone save appended rows of ${requests.size} requests`);
  const [requestId] = requests;
  const ids = form.attendance.map((mark) => {
    const row = fresh.find((r) => r['Client ID'] === mark.clientId);
    if (!row) throw new Error(`the phone save stored no row for ${mark.clientId}`);
    return String(row['Entry ID']);
  });
  model.acknowledgeSave({ requestId, date: form.date, group: form.group, attendance: form.attendance }, ids, '');
  model.patterns = 'fresh';
}

/** The outcome that must follow a tick of Save on a form the model says is (or is not) recorded. */
export function expectedOutcome(recorded: boolean): PhoneOutcome {
  if (!LOCK_IN_SIMPLE_TRIGGERS) return 'lock refused';
  return recorded ? 'already recorded' : 'saved';
}

export function tickSave(env: OfflineEnvironment): void {
  edit(env, readQuickEntry(env).save, true);
}
