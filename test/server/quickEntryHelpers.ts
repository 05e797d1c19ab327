/**
 * A person using the Quick entry tab, as on a phone: every action is one edit through
 * env.edit (typing, picking from a dropdown, ticking), which fires onEdit as Sheets does. Cells are
 * found by the contract's labels (column A "Session date", "Group", "Save"; the header row
 * "Client", "Status", ...), never by fixed positions.
 */
import { QUICK_ENTRY_KEY } from '../../src/core/quickEntry';
import type { Environment } from '../../src/runtime';
import { switchesFrom } from '../../src/runtime/switches';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Whether this run's runtime lets a simple trigger take the document lock (switch lockInSimpleTriggers). */
export const LOCK_IN_SIMPLE_TRIGGERS =
  switchesFrom(process.env.CADENCE_RUNTIME_SWITCHES).lockInSimpleTriggers === 'available';

/** The Quick entry tab, by the sheet ID Cadence remembered. */
export function quickEntrySheet(env: Environment): Sheet {
  const ids = JSON.parse(env.documentProperties()['cadence.tabIds'] ?? '{}') as Record<string, number>;
  const sheet = ids[QUICK_ENTRY_KEY] === undefined ? null : env.spreadsheet.getSheetById(ids[QUICK_ENTRY_KEY]);
  if (!sheet) throw new Error('no Quick entry tab is remembered');
  return sheet;
}

function rowOf(values: unknown[][], label: string): number {
  const r = values.findIndex((row) => String(row[0]).trim() === label);
  if (r < 0) throw new Error(`no "${label}" label in column A`);
  return r;
}

export interface QuickEntryView {
  sheetName: string;
  /** A1 of the inputs beside the labels. */
  date: string;
  group: string;
  save: string;
  saveTicked: boolean;
  status: string;
  /** Client rows below the header: name and marks as shown, and each cell's A1 by heading. */
  clients: { name: string; status: string; reason: string; notice: boolean; note: string; followUp: boolean }[];
  cell(client: string, heading: string): string;
}

export function readQuickEntry(env: Environment): QuickEntryView {
  const sheet = quickEntrySheet(env);
  const values = sheet.getDataRange().getValues();
  const date = rowOf(values, 'Session date');
  const group = rowOf(values, 'Group');
  const save = rowOf(values, 'Save');
  const header = values.findIndex((row, r) => r > save && row[0] === 'Client' && row[1] === 'Status');
  const headings = values[header].map(String);
  const col = (h: string) => headings.indexOf(h);
  const rows = values.slice(header + 1).filter((row) => String(row[0]).trim() !== '');
  const letter = (c: number) => String.fromCharCode(65 + c);
  return {
    sheetName: sheet.getName(),
    date: `B${date + 1}`,
    group: `B${group + 1}`,
    save: `B${save + 1}`,
    saveTicked: values[save][1] === true,
    status: String(values[save + 1][0]),
    clients: rows.map((row) => ({
      name: String(row[col('Client')]),
      status: String(row[col('Status')]),
      reason: String(row[col('Reason')]),
      notice: row[col('Notice')] === true,
      note: String(row[col('Note')]),
      followUp: row[col('Follow-up')] === true,
    })),
    cell(client, heading) {
      const r = values.findIndex((row, i) => i > header && String(row[0]) === client);
      if (r < 0) throw new Error(`${client} is not listed`);
      return `${letter(col(heading))}${r + 1}`;
    },
  };
}

export interface PhoneMark {
  status: string;
  reason?: string;
  notice?: boolean;
  note?: string;
  followUp?: boolean;
}

/** Each action is a person's edit; returns the trigger's error, which should be none. */
export const phone = {
  chooseDate(env: Environment, day: string): void {
    edit(env, readQuickEntry(env).date, day);
  },
  chooseGroup(env: Environment, group: string): void {
    edit(env, readQuickEntry(env).group, group);
  },
  mark(env: Environment, client: string, mark: PhoneMark): void {
    const view = readQuickEntry(env);
    edit(env, view.cell(client, 'Status'), mark.status);
    if (mark.reason !== undefined) edit(env, view.cell(client, 'Reason'), mark.reason);
    if (mark.notice !== undefined) edit(env, view.cell(client, 'Notice'), mark.notice);
    if (mark.note !== undefined) edit(env, view.cell(client, 'Note'), mark.note);
    if (mark.followUp !== undefined) edit(env, view.cell(client, 'Follow-up'), mark.followUp);
  },
  tickSave(env: Environment): void {
    edit(env, readQuickEntry(env).save, true);
  },
};

function edit(env: Environment, a1: string, value: string | boolean): void {
  const result = env.edit(quickEntrySheet(env).getName(), a1, value);
  if (result.error) throw new Error(`onEdit failed: ${result.error}`);
}
