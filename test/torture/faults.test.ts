/**
 * Faults (issue 6): the lock cannot be had; a service call fails half-way through a save, a
 * correction or a withdrawal (every method the write uses, at every position); the roster tab was
 * deleted; the Attendance tab has 5,000 blank rows at its end or merged cells in its header.
 *
 * What the server guarantees (and this suite holds it to): the rows of one request are written by
 * one setValues, so they land all together or not at all; an error says what happened in words;
 * pressing Save again with the same request id completes the request without storing anything
 * twice; after Refresh patterns the Patterns tab is what core computes from the record.
 */
import type { Entry, EntryChangeResult, SaveSessionRequest, SaveSessionResult } from '../../src/core/types';
import type { OfflineEnvironment } from '../../src/runtime';
import { attendanceSheet, failure, newRequestId, practice, recordEntries, session } from '../server/fixtures';
import { unclearReasons } from './clearMessage';
import { emptyFigures, reportFigures } from './figures';
import { patternsProblems } from './patternsCheck';
import { warmPractice } from './practiceStates';
import { SIZE_NAME, TORTURE } from './size';
import { workbookState } from './workbookChecks';

const figures = emptyFigures();
afterAll(() => reportFigures('faults', figures, SIZE_NAME));

/** Apps Script's own words for a failed service call end by saying what to do; they may reach the user. */
const SERVICE_FAILURE = /We're sorry, a server error occurred\. Please wait a bit and try again\.$/;

function unclear(message: string): string[] {
  return SERVICE_FAILURE.test(message) ? [] : unclearReasons(message);
}

/** Service methods that change the spreadsheet, the properties or the lock. */
const WRITING = /\.(set|insert|delete|add|append|merge|clear|remove|flush|releaseLock|tryLock)/;

type Write = {
  name: string;
  prepare: (env: OfflineEnvironment) => () => unknown;
  requestId: (env: OfflineEnvironment) => string;
};

let lastRequest: SaveSessionRequest | null = null;
const WRITES: Write[] = [
  {
    name: 'saveSession of a group',
    prepare: (env) => {
      const request = session(['C001', 'C002', 'C003'], {
        C003: { status: 'unexcused', note: 'no call', followUp: true },
      });
      lastRequest = request;
      return () => env.run<SaveSessionResult>('saveSession', request);
    },
    requestId: () => (lastRequest as SaveSessionRequest).requestId,
  },
  {
    name: 'correctEntry',
    prepare: (env) => {
      const entryId = String(recordEntries(env).find((r) => r['Client ID'] === 'C002')!['Entry ID']);
      const request = { requestId: newRequestId(), entryId, status: 'unexcused', reason: 'transport' };
      lastChange = request.requestId;
      return () => env.run<EntryChangeResult>('correctEntry', request);
    },
    requestId: () => lastChange,
  },
  {
    name: 'withdrawEntry',
    prepare: (env) => {
      const entryId = String(recordEntries(env).find((r) => r['Client ID'] === 'C003')!['Entry ID']);
      const request = { requestId: newRequestId(), entryId, note: 'entered twice' };
      lastChange = request.requestId;
      return () => env.run<EntryChangeResult>('withdrawEntry', request);
    },
    requestId: () => lastChange,
  },
];
let lastChange = '';

/** The service methods a write calls, in order, on a practice in this state. */
function callsOf(write: Write, start: () => OfflineEnvironment): string[] {
  const env = start();
  const call = write.prepare(env);
  const methods: string[] = [];
  env.beforeServiceCall = (method) => {
    methods.push(method);
  };
  call();
  env.beforeServiceCall = null;
  return methods;
}

/** Rows of the record per request id, and whether each request's rows are whole. */
function rowsOf(env: OfflineEnvironment, requestId: string): number {
  return recordEntries(env).filter((r) => r['Request ID'] === requestId).length;
}

describe.each([
  ['a first save (no record yet)', () => practice() as OfflineEnvironment, [WRITES[0]]],
  ['a practice with a record', warmPractice, WRITES],
] as const)('a service call fails half-way: %s', (_state, start, writes) => {
  test.each(writes.map((w) => [w.name, w] as const))(
    '%s: at every call of every method, all or nothing, and a retry completes it once',
    (_name, write) => {
      const methods = callsOf(write, start);
      const all = methods.map((method, i) => ({
        method,
        nth: methods.slice(0, i + 1).filter((m) => m === method).length,
      }));
      // CI: every call that writes, and every fourth of the rest; torture: every call.
      const positions = TORTURE ? all : all.filter(({ method }, i) => WRITING.test(method) || i % 4 === 0);
      const problems: string[] = [];
      const expectedRows = write.name.startsWith('saveSession') ? 3 : 1;
      for (const { method, nth } of positions) {
        const env = start();
        const call = write.prepare(env);
        const label = `${write.name}, ${method} #${nth} fails`;
        const before = workbookState(env);
        env.injectFault({ method, nth });
        figures.faults += 1;
        const error = failure(call);
        const stored = rowsOf(env, write.requestId(env));
        if (error === null) problems.push(`${label}: the fault went unnoticed`);
        else if (unclear(error).length) problems.push(`${label}: unclear message: ${error}`);
        if (stored !== 0 && stored !== expectedRows) {
          figures.lost += expectedRows - stored;
          problems.push(`${label}: a partial request is in the record (${stored} of ${expectedRows} rows)`);
        }
        if (
          stored === 0 &&
          error !== null &&
          /nothing was (saved|changed)/i.test(error) &&
          workbookState(env) !== before
        ) {
          problems.push(`${label}: says nothing was saved, but the workbook changed`);
        }
        // Save pressed again: the request completes, once.
        const retry = failure(call);
        if (retry !== null) problems.push(`${label}: the retry failed: ${retry}`);
        const after = rowsOf(env, write.requestId(env));
        if (after !== expectedRows) {
          if (after > expectedRows) figures.duplicated += after - expectedRows;
          else figures.lost += expectedRows - after;
          problems.push(`${label}: after the retry the request has ${after} rows, expected ${expectedRows}`);
        }
        const rows = recordEntries(env);
        const ids = rows.map((r) => r['Entry ID']);
        // The request's rows are complete as the user sees them: dates shown as dates, a correction naming its entry.
        for (const row of rows.filter((r) => r['Request ID'] === write.requestId(env))) {
          if (!/^\d{4}-\d{2}-\d{2}$/.test(String(row['Session date'])))
            problems.push(`${label}: the new row's session date shows as ${row['Session date']}`);
          const replaced = rows.find((r) => r['Entry ID'] === row.Replaces);
          if (row.Replaces && !replaced)
            problems.push(`${label}: the correction names ${JSON.stringify(row.Replaces)}, which is not in the record`);
        }
        if (new Set(ids).size !== ids.length) {
          figures.duplicated += ids.length - new Set(ids).size;
          problems.push(`${label}: an Entry ID is in the record twice`);
        }
        // The retry itself brought Patterns up to date (no Refresh patterns needed).
        problems.push(...patternsProblems(env).map((p) => `${label}: ${p}`));
      }
      expect(problems).toEqual([]);
      expect(positions.length).toBeGreaterThan(3);
    },
  );
});

describe('the lock cannot be had in time', () => {
  const ENDPOINTS: [string, (env: OfflineEnvironment) => unknown][] = [
    ['saveSession', (env) => env.run('saveSession', session(['C004']))],
    [
      'correctEntry',
      (env) =>
        env.run('correctEntry', {
          requestId: newRequestId(),
          entryId: recordEntries(env)[2]['Entry ID'],
          status: 'excused',
        }),
    ],
    [
      'withdrawEntry',
      (env) => env.run('withdrawEntry', { requestId: newRequestId(), entryId: recordEntries(env)[1]['Entry ID'] }),
    ],
    [
      'completeFollowUp',
      (env) => env.run('completeFollowUp', recordEntries(env).find((r) => r['Follow up'] === 'yes')!['Entry ID']),
    ],
    ['refreshPatterns', (env) => env.run('refreshPatterns')],
  ];
  test.each(ENDPOINTS)('%s says so in words and changes nothing', (_name, call) => {
    const env = warmPractice();
    const before = workbookState(env);
    env.lockUnavailable = true;
    figures.faults += 1;
    const error = failure(() => call(env));
    expect(error).not.toBeNull();
    expect(unclearReasons(error)).toEqual([]);
    expect(error).toMatch(/another save is in progress|try again|press save again/i);
    expect(workbookState(env)).toBe(before);
    env.lockUnavailable = false;
    expect(failure(() => call(env))).toBeNull();
  });
});

describe('damaged tabs', () => {
  test('the roster tab was deleted: a clear message, and the record is untouched', () => {
    const env = warmPractice();
    const recordBefore = JSON.stringify(attendanceSheet(env)!.getDataRange().getValues());
    env.spreadsheet.insertSheet('Scratch');
    env.spreadsheet.deleteSheet(env.spreadsheet.getSheetByName('Clients')!);
    figures.faults += 1;
    const data = env.run<{ roster: { problem: string | null }; clients: unknown[] }>('getSidebarData');
    expect(data.clients).toEqual([]);
    expect(unclearReasons(data.roster.problem)).toEqual([]);
    const error = failure(() => env.run('saveSession', session(['C001'])));
    expect(unclearReasons(error)).toEqual([]);
    expect(error).toMatch(/not on the roster/);
    expect(failure(() => env.run('refreshPatterns'))).toBeNull();
    expect(JSON.stringify(attendanceSheet(env)!.getDataRange().getValues())).toBe(recordBefore);
  });

  test('5,000 blank rows at the end of the record: new rows follow the last entry, the blank rows stay blank', () => {
    const env = warmPractice();
    const sheet = attendanceSheet(env)!;
    const lastEntryRow = sheet.getLastRow();
    sheet.insertRowsAfter(sheet.getMaxRows(), 5000);
    const maxRows = sheet.getMaxRows();
    figures.faults += 1;
    const request = session(['C001', 'C004']);
    const saved = env.run<SaveSessionResult>('saveSession', request);
    expect(saved.saved).toBe(2);
    const idColumn = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf('Entry ID') + 1;
    const ids = sheet
      .getRange(lastEntryRow + 1, idColumn, 2, 1)
      .getValues()
      .map((r) => r[0]);
    expect(ids).toEqual(saved.entryIds);
    // The entries went into two rows inserted right under the last entry (a person's cursor below
    // moves down with them); the 5,000 blank rows are still there, blank.
    expect(sheet.getMaxRows()).toBe(maxRows + 2);
    expect(sheet.getLastRow()).toBe(lastEntryRow + 2);
    const below = sheet.getRange(lastEntryRow + 3, 1, maxRows - lastEntryRow, sheet.getMaxColumns()).getValues();
    expect(below.every((row) => row.every((cell) => cell === ''))).toBe(true);
    expect(patternsProblems(env)).toEqual([]);
  });

  /** A save after the header row was merged; the rows already there keep every cell. */
  function saveAfterMerge(merge: (sheet: GoogleAppsScript.Spreadsheet.Sheet, width: number) => void) {
    const env = warmPractice();
    const sheet = attendanceSheet(env)!;
    merge(sheet, sheet.getLastColumn());
    const rows = sheet.getLastRow();
    const before = sheet.getRange(2, 1, rows - 1, sheet.getLastColumn()).getValues();
    figures.faults += 1;
    const request = session(['C004'], { C004: { status: 'excused', note: 'merged header' } });
    const error = failure(() => env.run('saveSession', request));
    const after = sheet.getRange(2, 1, rows - 1, before[0].length).getValues();
    expect(after).toEqual(before);
    return { env, sheet, request, error };
  }

  test('a header merged over an empty cell beside it: the save lands in the right columns', () => {
    const { env, sheet, request, error } = saveAfterMerge((s, width) => s.getRange(1, width, 1, 2).merge());
    expect(error).toBeNull();
    const row = recordEntries(env).find((r) => r['Request ID'] === request.requestId);
    expect(row).toMatchObject({ 'Client ID': 'C004', Note: 'merged header', Status: 'excused' });
    expect(sheet.getRange(1, 1, 1, sheet.getLastColumn()).getMergedRanges()).toHaveLength(1);
    expect(env.run<SaveSessionResult>('saveSession', request).duplicate).toBe(true);
  });

  test('two Cadence headers merged into one (the second is erased): the columns are known by tag, so the save lands right, once', () => {
    const { env, request, error } = saveAfterMerge((s, width) => s.getRange(1, width - 1, 1, 2).merge());
    expect(error).toBeNull();
    const stored = env.run<Entry[]>('getClientHistory', 'C004')[0];
    expect(stored).toMatchObject({
      clientId: 'C004',
      status: 'excused',
      note: 'merged header',
      requestId: request.requestId,
    });
    expect(env.run<SaveSessionResult>('saveSession', request).duplicate).toBe(true);
  });

  test.each(['Entry ID', 'Session date', 'Client ID', 'Status', 'Replaces', 'Request ID', 'Note', 'Follow up'])(
    'the "%s" heading renamed: every endpoint reads and writes as before (headings are labels)',
    (header) => {
      const env = warmPractice();
      const sheet = attendanceSheet(env)!;
      const read = () =>
        JSON.stringify([
          env.run('getSidebarData'),
          ...['C001', 'C002', 'C003', 'C004'].map((c) => env.run('getClientHistory', c)),
        ]);
      const before = read();
      const column = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf(header) + 1;
      sheet.getRange(1, column).setValue(`${header} (old)`);
      figures.faults += 1;
      expect(read()).toBe(before);
      const request = session(['C004'], { C004: { status: 'excused', note: 'renamed' } });
      const saved = env.run<SaveSessionResult>('saveSession', request);
      expect(saved.saved).toBe(1);
      expect(env.run<SaveSessionResult>('saveSession', request).duplicate).toBe(true);
      expect(env.run<Entry[]>('getClientHistory', 'C004')[0]).toMatchObject({
        status: 'excused',
        note: 'renamed',
        requestId: request.requestId,
      });
      expect(
        failure(() =>
          env.run('correctEntry', { requestId: newRequestId(), entryId: saved.entryIds[0], status: 'late' }),
        ),
      ).toBeNull();
      expect(sheet.getRange(1, column).getValue()).toBe(`${header} (old)`);
      expect(
        env
          .run<Entry[]>('getClientHistory', 'C004')
          .slice(0, 2)
          .map((e) => [e.status, e.replaces, e.supersededBy !== '']),
      ).toEqual([
        ['late', saved.entryIds[0], false],
        ['excused', '', true],
      ]);
      expect(patternsProblems(env)).toEqual([]);
    },
  );
});
