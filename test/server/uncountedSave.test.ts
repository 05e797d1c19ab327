/**
 * A steady save takes the tabs and the record's columns as the last counted open found them,
 * without counting the metadata (layoutMemory.ts trustedLayout; issue 13: 2 calls of a save). These
 * are the people around it: each edit lands between the sidebar's load and the save, and the save
 * must still write where a person expects, never into their columns or a copy.
 */
import type { Environment } from '../../src/runtime';
import { attendanceSheet, failure, newRequestId, practice, recordEntries, session, sidebar } from './fixtures';

const MONDAY = ['C001', 'C002', 'C003'];

/** A practice whose record exists and whose memory the sidebar's load has just confirmed. */
function settled(): Environment {
  const env = practice();
  env.run('saveSession', session(MONDAY, {}, { date: '2025-03-03' }));
  sidebar(env);
  return env;
}

/** Counts of the metadata in the last run (a finder query with no filter is the count). */
const metadataQueries = (env: Environment) => env.lastCalls.byMethod['DeveloperMetadataFinder.find'] ?? 0;

const save = (env: Environment, date: string, marks = {}) =>
  env.run('saveSession', session(MONDAY, marks, { date, requestId: newRequestId() }));

describe('a save that does not count the metadata', () => {
  test('makes no metadata query when nothing changed since the sidebar loaded', () => {
    const env = settled();
    save(env, '2025-03-10');
    expect(metadataQueries(env)).toBe(0);
    expect(recordEntries(env).filter((r) => r['Session date'] === '2025-03-10')).toHaveLength(3);
  });

  test('a person inserts a column headed "Status" before Cadence\'s: the save reads the tags and writes past it', () => {
    const env = settled();
    const sheet = attendanceSheet(env)!;
    sheet.insertColumnBefore(2);
    sheet.getRange(1, 2).setValue('Status');
    save(env, '2025-03-10', { C002: { status: 'unexcused', reason: 'unknown' } });
    const rows = sheet.getDataRange().getValues();
    const own = rows.map((row) => row[1]);
    // The person's column stays theirs: blank on every row, Cadence's own rows included.
    expect(own.slice(1).every((cell) => cell === '')).toBe(true);
    const ben = recordEntries(env).find((r) => r['Session date'] === '2025-03-10' && r['Client ID'] === 'C002');
    expect(ben).toMatchObject({ Status: 'unexcused', Reason: 'unknown' });
  });

  test('a person renames and moves Cadence columns: entries land under their tags', () => {
    const env = settled();
    const sheet = attendanceSheet(env)!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const note = headers.indexOf('Note') + 1;
    sheet.getRange(1, note).setValue('Session note');
    sheet.moveColumns(sheet.getRange(1, note, 1, 1), 1);
    save(env, '2025-03-10', { C001: { note: 'Left early: bus' } });
    const amy = recordEntries(env).find((r) => r['Session date'] === '2025-03-10' && r['Client ID'] === 'C001');
    expect(amy?.Note).toBe('Left early: bus');
    expect(sheet.getRange(1, 1).getValue()).toBe('Session note');
  });

  test('a person duplicates the record: the save writes the original only, and the next load names a tagged copy', () => {
    const env = settled();
    const original = attendanceSheet(env)!;
    const copy = original.copyTo(env.spreadsheet).setName('Copy of Attendance');
    const copied = copy.getDataRange().getValues();
    save(env, '2025-03-10');
    expect(copy.getDataRange().getValues()).toEqual(copied);
    expect(recordEntries(env).filter((r) => r['Session date'] === '2025-03-10')).toHaveLength(3);
    // Named when the copy carries the record's tag (a copy without it is not the record at all:
    // runtime switch copyCarriesMetadata).
    const tagged = copy.getDeveloperMetadata().some((m) => m.getKey() === 'cadence.attendance');
    const warned = sidebar(env).tabWarnings.some((w) =>
      w.includes('"Copy of Attendance" is a copy of the Attendance record'),
    );
    expect(warned).toBe(tagged);
  });

  test('a person deletes Patterns: the save makes it again, and the save after counts once', () => {
    const env = settled();
    env.spreadsheet.deleteSheet(env.spreadsheet.getSheetByName('Patterns')!);
    save(env, '2025-03-10');
    expect(env.spreadsheet.getSheetByName('Patterns')).not.toBeNull();
    // The new tab's tag changed the count and its ID the memory: this save counts, and finds it.
    save(env, '2025-03-11');
    expect(metadataQueries(env)).toBeGreaterThan(0);
    sidebar(env);
    save(env, '2025-03-12');
    expect(metadataQueries(env)).toBe(0);
  });

  test('a person deletes the Note column and types a new one in its place: the next sidebar load says so', () => {
    const env = settled();
    const sheet = attendanceSheet(env)!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
    const note = headers.indexOf('Note') + 1;
    sheet.deleteColumn(note);
    sheet.insertColumnBefore(note);
    sheet.getRange(1, note).setValue('Note');
    // Row 1 reads as before, so this save takes its remembered columns (the count alone would have
    // told): the notes written before are gone with the person's deletion, not by Cadence.
    save(env, '2025-03-10');
    expect(failure(() => sidebar(env))).toMatch(/"Note" column was deleted/);
  });
});
