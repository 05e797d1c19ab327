/**
 * The simple model the model-based suite checks the real spreadsheet against: every row Cadence
 * acknowledged, with the content it was sent; the cells users wrote by hand; and the tabs that are
 * not Cadence's. `compareRecord` counts what the real workbook lost, duplicated or altered.
 */
import type { AttendanceInput, Status } from '../../src/core/types';
import type { Environment } from '../../src/runtime';
import { NOW, TIME_ZONE, readRecordBack } from '../server/fixtures';
import type { RecordRowView } from '../server/fixtures';

/** Cadence's columns, as the record shows them (header → text, dates as YYYY-MM-DD). */
export type ExpectedRow = Record<string, string>;

export const RECORDED_BY = 'therapist@example.org';

/** NOW as the record shows "Recorded at" (minutes, spreadsheet zone). */
export const RECORDED_AT = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  dateStyle: 'short',
  timeStyle: 'short',
}).format(NOW);
export const TODAY_IN_ZONE = RECORDED_AT.slice(0, 10);

export interface RosterRow {
  id: string;
  name: string;
  group: string;
  active: string;
}

/** A request the add-on acknowledged, kept so it can be sent again. */
export interface SentRequest {
  endpoint: 'saveSession' | 'correctEntry' | 'withdrawEntry';
  payload: unknown;
  entryIds: string[];
}

export interface Discrepancy {
  lost: number;
  duplicated: number;
  altered: number;
  /** The user's own cells (their columns, roster, other tabs) changed. */
  collided: number;
  problems: string[];
}

export class RecordModel {
  /** Every acknowledged row, by Entry ID. */
  readonly rows = new Map<string, ExpectedRow>();
  /** Entries a later acknowledged row replaced (a correction, withdrawal or follow-up done). */
  readonly superseded = new Set<string>();
  readonly requests = new Map<string, SentRequest>();
  /** Columns users added with data: header → value by Entry ID of the row it was typed on. */
  readonly userColumns = new Map<string, Map<string, string>>();
  roster: RosterRow[];
  /** The roster tab's cells as the user left them; Cadence may never change one. */
  rosterCells: unknown[][] = [];
  /** Other tabs' cells (not Cadence's, not the roster), by name. */
  readonly otherSheets = new Map<string, unknown[][]>();
  /** Rows a person typed into the Attendance tab (below or between entries): each text must stay, once. */
  readonly typedRows: string[] = [];
  /**
   * The Patterns tab: absent before the first write and after a user deletes it; fresh after every
   * write or refresh; stale once the roster changed by hand (until the next write or refresh).
   */
  patterns: 'absent' | 'fresh' | 'stale' = 'absent';

  constructor(roster: RosterRow[]) {
    this.roster = roster.map((r) => ({ ...r }));
  }

  /** Current entries: neither superseded nor withdrawing rows. */
  current(): ExpectedRow[] {
    return [...this.rows.values()].filter((r) => !this.superseded.has(r['Entry ID']) && r.Status !== 'withdrawn');
  }

  clientName(clientId: string): string {
    return this.roster.find((r) => r.id === clientId)?.name.trim() ?? '';
  }

  /**
   * The rows a saveSession acknowledged with these entry IDs. `recordedBy` is blank for a save from
   * the Quick entry tab: a simple trigger cannot know the user's email.
   */
  acknowledgeSave(
    request: { requestId: string; date: string; group?: string; attendance: AttendanceInput[] },
    entryIds: string[],
    recordedBy = RECORDED_BY,
  ): void {
    this.requests.set(request.requestId, { endpoint: 'saveSession', payload: request, entryIds });
    request.attendance.forEach((mark, i) => {
      this.rows.set(entryIds[i], {
        'Entry ID': entryIds[i],
        'Session date': request.date,
        Group: (request.group ?? '').trim(),
        'Client ID': mark.clientId,
        Client: this.clientName(mark.clientId),
        ...markCells(mark.status, mark),
        'Follow-up done': '',
        'Recorded at': RECORDED_AT,
        'Recorded by': recordedBy,
        Replaces: '',
        'Request ID': request.requestId,
      });
    });
  }

  /** A correction or withdrawal row appended for `oldId`, which it supersedes. */
  acknowledgeChange(
    endpoint: 'correctEntry' | 'withdrawEntry',
    request: {
      requestId: string;
      entryId: string;
      status?: Status;
      reason?: string;
      notice?: boolean;
      note?: string;
      followUp?: boolean;
    },
    newId: string,
  ): void {
    const old = this.rows.get(request.entryId) as ExpectedRow;
    this.requests.set(request.requestId, { endpoint, payload: request, entryIds: [newId] });
    const cells =
      endpoint === 'withdrawEntry'
        ? { Status: 'withdrawn', Reason: '', 'Notice given': '', Note: request.note ?? '', 'Follow up': '' }
        : markCells(request.status as Status, request);
    this.rows.set(newId, {
      ...old,
      'Entry ID': newId,
      ...cells,
      // A follow-up already done stays done while the correction still asks for one.
      'Follow-up done': cells['Follow up'] === 'yes' ? old['Follow-up done'] : '',
      'Recorded at': RECORDED_AT,
      // The change is recorded by whoever made it (a phone's entry may be corrected at the desk).
      'Recorded by': RECORDED_BY,
      Replaces: request.entryId,
      'Request ID': request.requestId,
    });
    this.superseded.add(request.entryId);
  }

  /** The new version a follow-up completion appended for `oldId`: the same content, done today. */
  acknowledgeFollowUpDone(oldId: string, newId: string, today: string): void {
    const old = this.rows.get(oldId) as ExpectedRow;
    this.rows.set(newId, {
      ...old,
      'Entry ID': newId,
      'Follow-up done': today,
      'Recorded at': RECORDED_AT,
      'Recorded by': RECORDED_BY,
      Replaces: oldId,
      'Request ID': '',
    });
    this.superseded.add(oldId);
  }
}

function markCells(
  status: Status,
  mark: { reason?: string; notice?: boolean; note?: string; followUp?: boolean },
): ExpectedRow {
  return {
    Status: status,
    Reason: (mark.reason ?? '').trim(),
    'Notice given': mark.notice === undefined ? '' : mark.notice ? 'yes' : 'no',
    Note: mark.note ?? '',
    'Follow up': mark.followUp ? 'yes' : '',
  };
}

function text(value: RecordRowView[string] | undefined): string {
  return value === undefined ? '(no such column)' : String(value);
}

/** Compares the real workbook with the model; every difference is counted and described. */
export function compareRecord(env: Environment, model: RecordModel): Discrepancy {
  const found: Discrepancy = { lost: 0, duplicated: 0, altered: 0, collided: 0, problems: [] };
  const rows = model.rows.size || model.userColumns.size ? readRecordBack(env) : [];
  const byId = new Map<string, RecordRowView[]>();
  for (const row of rows) {
    const id = text(row['Entry ID']);
    if (id === '') continue;
    byId.set(id, [...(byId.get(id) ?? []), row]);
  }
  for (const [id, expected] of model.rows) {
    const real = byId.get(id) ?? [];
    if (real.length === 0) {
      found.lost += 1;
      found.problems.push(`entry ${id} (${expected.Client}, ${expected['Session date']}) is missing`);
      continue;
    }
    if (real.length > 1) {
      found.duplicated += real.length - 1;
      found.problems.push(`entry ${id} is in the record ${real.length} times`);
    }
    for (const [header, value] of Object.entries(expected)) {
      if (text(real[0][header]) !== value) {
        found.altered += 1;
        found.problems.push(
          `entry ${id} ${header}: ${JSON.stringify(text(real[0][header]))}, expected ${JSON.stringify(value)}`,
        );
      }
    }
    for (const [header, values] of model.userColumns) {
      if (values.has(id) && text(real[0][header]) !== values.get(id)) {
        found.collided += 1;
        found.problems.push(
          `the user's ${header} cell of entry ${id} is ${JSON.stringify(text(real[0][header]))}, was ${JSON.stringify(values.get(id))}`,
        );
      }
    }
  }
  for (const [id, real] of byId) {
    if (model.rows.has(id)) continue;
    const request = text(real[0]['Request ID']);
    if (model.requests.has(request)) found.duplicated += real.length;
    else found.altered += real.length;
    found.problems.push(`entry ${id} (request ${request}) was never acknowledged`);
  }
  const perRequest = new Map<string, Set<string>>();
  for (const [id, real] of byId) {
    const request = text(real[0]['Request ID']);
    perRequest.set(request, (perRequest.get(request) ?? new Set()).add(`${text(real[0]['Client ID'])}|${id}`));
  }
  for (const [requestId, sent] of model.requests) {
    const stored = perRequest.get(requestId)?.size ?? 0;
    if (stored > sent.entryIds.length) {
      found.duplicated += stored - sent.entryIds.length;
      found.problems.push(`request ${requestId} stored ${stored} rows, acknowledged ${sent.entryIds.length}`);
    }
  }
  compareSheets(env, model, found);
  return found;
}

function compareSheets(env: Environment, model: RecordModel, found: Discrepancy): void {
  if (model.typedRows.length) {
    const cells = readRecordBack(env).flatMap((row) => Object.values(row).map(String));
    for (const typed of model.typedRows) {
      const times = cells.filter((c) => c === typed).length;
      if (times !== 1) {
        found.collided += 1;
        found.problems.push(`the row a person typed (${JSON.stringify(typed)}) is in the tab ${times} times`);
      }
    }
  }
  const sheets = new Map(env.spreadsheet.getSheets().map((s) => [s.getName(), s]));
  const roster = sheets.get('Clients');
  const rosterNow = roster ? roster.getDataRange().getValues() : null;
  if (JSON.stringify(rosterNow) !== JSON.stringify(model.rosterCells)) {
    found.collided += 1;
    found.problems.push('the roster tab changed');
  }
  for (const [name, cells] of model.otherSheets) {
    const sheet = sheets.get(name);
    if (!sheet || JSON.stringify(sheet.getDataRange().getValues()) !== JSON.stringify(cells)) {
      found.collided += 1;
      found.problems.push(`the user's tab ${name} changed or vanished`);
    }
  }
}
