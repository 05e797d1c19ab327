/**
 * Client identity without an ID column: names matched trimmed and case-folded, a rename linked to
 * the earlier sessions on the user's choice, and the "Cadence ID" column added only when asked —
 * each recorded in the Attendance tab as new rows, never by rewriting one.
 */
import type { SaveSessionResult, SidebarData } from '../../src/core/types';
import { failure, newRequestId, practice, readRecordBack, recordEntries, session, sidebar } from './fixtures';

const NO_IDS = [
  { name: 'Jose Nunez', group: 'Monday group', active: 'yes' },
  { name: 'Amy Adams', group: 'Monday group', active: 'yes' },
  { name: 'Ben Brown', group: 'Tuesday group', active: 'yes' },
];

function withHistory() {
  const env = practice(NO_IDS, { headers: ['Client', 'Group', 'Active'], sheetName: 'Clients' });
  const data = sidebar(env);
  expect(data.clients.map((c) => c.id)).toEqual(['name:jose nunez', 'name:amy adams', 'name:ben brown']);
  for (const date of ['2025-02-24', '2025-03-03', '2025-03-10']) {
    env.run<SaveSessionResult>(
      'saveSession',
      session(['name:jose nunez', 'name:amy adams'], { 'name:jose nunez': { status: 'unexcused' } }, { date }),
    );
  }
  return env;
}

test('a name typed with other spaces or capitals is the same client', () => {
  const env = withHistory();
  env.spreadsheet.getSheetByName('Clients')!.getRange('A2').setValue('  jose   NUNEZ ');
  const data = sidebar(env);
  const jose = data.clients.find((c) => c.id === 'name:jose nunez')!;
  expect(jose.name).toBe('jose   NUNEZ');
  expect(jose.trend.level).toBe('urgent');
  expect(data.unlinked).toEqual([]);
});

test('a corrected spelling is offered for linking, and linking appends new rows that carry the history over', () => {
  const env = withHistory();
  const before = readRecordBack(env);
  env.spreadsheet.getSheetByName('Clients')!.getRange('A2').setValue('José Núñez');
  const renamed = sidebar(env);
  const jose = renamed.clients.find((c) => c.name === 'José Núñez')!;
  expect(jose.trend.level).toBe('insufficient');
  expect(renamed.unlinked).toEqual([
    { clientId: 'name:jose nunez', name: 'Jose Nunez', sessions: 3, lastDate: '2025-03-10' },
  ]);

  const requestId = newRequestId();
  const linked = env.run<SidebarData>('linkClientHistory', {
    requestId,
    fromClientId: 'name:jose nunez',
    toClientId: jose.id,
  });
  expect(linked.unlinked).toEqual([]);
  expect(linked.clients.find((c) => c.id === jose.id)!.trend.level).toBe('urgent');
  // The rows already there are unchanged; three new rows name the entries they carry over.
  const after = readRecordBack(env);
  expect(after.slice(0, before.length)).toEqual(before);
  const added = after.slice(before.length);
  expect(added.map((r) => [r['Client ID'], r.Client, r.Status, r['Session date']])).toEqual([
    [jose.id, 'José Núñez', 'unexcused', '2025-02-24'],
    [jose.id, 'José Núñez', 'unexcused', '2025-03-03'],
    [jose.id, 'José Núñez', 'unexcused', '2025-03-10'],
  ]);
  expect(
    added.every((r) => before.some((b) => b['Entry ID'] === r.Replaces && b['Client ID'] === 'name:jose nunez')),
  ).toBe(true);
  // A retry of the same request links nothing twice.
  env.run('linkClientHistory', { requestId, fromClientId: 'name:jose nunez', toClientId: jose.id });
  expect(readRecordBack(env)).toHaveLength(after.length);
  expect(
    failure(() =>
      env.run('linkClientHistory', { requestId: newRequestId(), fromClientId: 'name:amy adams', toClientId: jose.id }),
    ),
  ).toMatch(/is on the roster/);
  expect(
    failure(() =>
      env.run('linkClientHistory', { requestId: newRequestId(), fromClientId: 'name:nobody', toClientId: jose.id }),
    ),
  ).toMatch(/No sessions are recorded under that name/);
});

test("the Cadence ID column is added only when asked, after the roster's data, and the history follows the new IDs", () => {
  const env = withHistory();
  const roster = env.spreadsheet.getSheetByName('Clients')!;
  roster.getRange('E1').setValue('Key worker'); // a column of the practice's own, past the roster's
  const before = readRecordBack(env);
  const asked = sidebar(env);
  expect(asked.roster.canAddIds).toBe(true);
  // Reading, saving and Settings never add it.
  expect(roster.getRange(1, 6).getValue()).toBe('');

  const data = env.run<SidebarData>('addCadenceIds', { requestId: newRequestId() });
  expect(roster.getRange(1, 1, 4, 6).getValues()).toEqual([
    ['Client', 'Group', 'Active', '', 'Key worker', 'Cadence ID'],
    ['Jose Nunez', 'Monday group', 'yes', '', '', 'CAD-0001'],
    ['Amy Adams', 'Monday group', 'yes', '', '', 'CAD-0002'],
    ['Ben Brown', 'Tuesday group', 'yes', '', '', 'CAD-0003'],
  ]);
  expect(data.roster).toMatchObject({ idHeader: 'Cadence ID', canAddIds: false });
  expect(data.clients.map((c) => [c.id, c.name])).toEqual([
    ['CAD-0001', 'Jose Nunez'],
    ['CAD-0002', 'Amy Adams'],
    ['CAD-0003', 'Ben Brown'],
  ]);
  expect(data.clients[0].trend.level).toBe('urgent');
  expect(data.unlinked).toEqual([]);
  const after = readRecordBack(env);
  expect(after.slice(0, before.length)).toEqual(before);
  expect(
    after
      .slice(before.length)
      .map((r) => r['Client ID'])
      .sort(),
  ).toEqual(['CAD-0001', 'CAD-0001', 'CAD-0001', 'CAD-0002', 'CAD-0002', 'CAD-0002']);
  // Now a rename keeps the history: the ID is the client.
  roster.getRange('A2').setValue('José Núñez');
  expect(sidebar(env).clients[0]).toMatchObject({ id: 'CAD-0001', name: 'José Núñez', trend: { level: 'urgent' } });
  expect(failure(() => env.run('addCadenceIds', { requestId: newRequestId() }))).toMatch(
    /already has an ID column \("Cadence ID"\)/,
  );
  expect(recordEntries(env).length).toBe(after.filter((r) => r['Entry ID']).length);
});

test('a roster with its own IDs is never offered a Cadence ID column', () => {
  const env = practice();
  expect(sidebar(env).roster.canAddIds).toBe(false);
  expect(failure(() => env.run('addCadenceIds', { requestId: newRequestId() }))).toMatch(
    /already has an ID column \("Client ID"\)/,
  );
});
