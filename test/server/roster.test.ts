/** Rosters in the shapes practices keep them; Settings to choose another; creating one. */
import { defaultSettings } from '../../src/core/settings';
import type { SaveSessionResult, SidebarData } from '../../src/core/types';
import { cadenceEnvironment } from '../cadence';
import { failure, practice, recordEntries, session, sidebar } from './fixtures';

test('extra columns, blank rows and a Discharged column', () => {
  const env = practice(
    [
      { name: 'Amy Adams', group: 'Art', active: '' },
      { name: 'Ben Brown', group: 'Art', active: '2025-01-31' },
      { name: 'Cleo Clark', group: 'Music', active: 'no' },
    ],
    {
      headers: ['Full name', 'Session', 'Discharged'],
      extraColumns: ['Phone', 'Key worker'],
      blankEvery: 1,
      sheetName: 'Residents',
    },
  );
  const data = sidebar(env);
  expect(data.roster).toMatchObject({
    sheetName: 'Residents',
    nameHeader: 'Full name',
    idHeader: null,
    groupHeader: 'Session',
    activeHeader: 'Discharged',
    clientCount: 3,
    problem: null,
  });
  expect(data.clients.map((c) => [c.id, c.name, c.group, c.active])).toEqual([
    ['name:amy adams', 'Amy Adams', 'Art', true],
    ['name:ben brown', 'Ben Brown', 'Art', false],
    ['name:cleo clark', 'Cleo Clark', 'Music', true],
  ]);
  expect(env.run<SaveSessionResult>('saveSession', session(['name:amy adams'], {}, { group: 'Art' })).saved).toBe(1);
  expect(recordEntries(env)[0]).toMatchObject({ 'Client ID': 'name:amy adams', Client: 'Amy Adams' });
});

test('duplicate names with different IDs are two clients', () => {
  const env = practice([
    { id: 'A1', name: 'Sam Lee', group: 'G', active: 'yes' },
    { id: 'A2', name: 'Sam Lee', group: 'G', active: 'yes' },
  ]);
  const data = sidebar(env);
  expect(data.clients.map((c) => c.id)).toEqual(['A1', 'A2']);
  expect(data.roster.problem).toBeNull();
  env.run('saveSession', session(['A1', 'A2'], { A2: { status: 'unexcused' } }));
  expect(recordEntries(env).map((r) => [r['Client ID'], r.Status])).toEqual([
    ['A1', 'present'],
    ['A2', 'unexcused'],
  ]);
});

test('duplicate names without IDs stay usable and the problem is explained', () => {
  const env = practice(
    [
      { name: 'Sam Lee', group: 'G' },
      { name: 'Sam Lee', group: 'G' },
    ],
    { headers: ['Name', 'Group'] },
  );
  const data = sidebar(env);
  expect(data.clients.map((c) => c.id)).toEqual(['name:sam lee', 'name:sam lee#2']);
  expect(data.roster.problem).toMatch(/share a name and have no ID \(Sam Lee\).*Add a Client ID column/);
});

test('headings below a title and a blank row are found, and the sidebar says where', () => {
  const env = practice([{ id: '1', name: 'Amy Adams', group: 'Monday group', active: 'yes' }], {
    rowsAbove: 2,
    sheetName: 'Clients',
  });
  const data = sidebar(env);
  expect(data.roster).toMatchObject({
    sheetName: 'Clients',
    headerRow: 3,
    nameHeader: 'Client',
    idHeader: 'Client ID',
    problem: null,
  });
  expect(data.roster.summary).toBe('1 active client in 1 group from Clients, headings in row 3');
  expect(env.run<SaveSessionResult>('saveSession', session(['1'])).saved).toBe(1);
});

test('Settings choose another tab and columns; the choice is stored in document properties', () => {
  const env = practice();
  const other = env.spreadsheet.insertSheet('Caseload');
  other.getRange(1, 1, 3, 3).setValues([
    ['Who', 'Ref', 'Team'],
    ['Zoe Zane', "'Z9", 'North'],
    ['Yan Yu', "'Y8", 'South'],
  ]);
  const data = env.run<SidebarData>('saveSettings', {
    roster: { sheetId: other.getSheetId(), headerRow: 1, nameHeader: 'Who', idHeader: 'Ref', groupHeader: 'Team' },
  });
  expect(data.roster).toMatchObject({
    sheetName: 'Caseload',
    nameHeader: 'Who',
    idHeader: 'Ref',
    groupHeader: 'Team',
    problem: null,
  });
  expect(data.clients.map((c) => [c.id, c.name, c.group])).toEqual([
    ['Z9', 'Zoe Zane', 'North'],
    ['Y8', 'Yan Yu', 'South'],
  ]);
  expect(JSON.parse(env.documentProperties()['cadence.settings']).roster.sheetId).toBe(other.getSheetId());
  expect(
    env.run<{ name: string; headerRow: number | null }[]>('getRosterTabs').map((t) => [t.name, t.headerRow]),
  ).toEqual([
    ['Clients', 1],
    ['Caseload', null],
  ]);
  // A column chosen in Settings that the practice later renames is reported.
  other.getRange('C1').setValue('Area');
  expect(sidebar(env).roster.problem).toMatch(/"Team" chosen in Settings is no longer in "Caseload"/);
});

test('bad settings are refused with what to fix and change nothing', () => {
  const env = practice();
  expect(failure(() => env.run('saveSettings', { maxNoteLength: 3, reasons: [] }))).toMatch(
    /^Settings were not saved\..*at least one reason.*“Longest note \(characters\)” must be a whole number from 20/,
  );
  expect(env.documentProperties()['cadence.settings']).toBeUndefined();
  const data = env.run<SidebarData>('saveSettings', { maxNoteLength: 40, reasons: ['illness', ' other ', 'illness'] });
  expect(data.settings.maxNoteLength).toBe(40);
  expect(data.reasons).toEqual(['illness', 'other']);
  expect(
    failure(() => env.run('saveSession', session(['C001'], { C001: { status: 'excused', note: 'x'.repeat(41) } }))),
  ).toMatch(/limit is 40/);
});

test('a spreadsheet without a roster is told so and can create one', () => {
  const env = cadenceEnvironment({ timeZone: 'Europe/London' });
  env.spreadsheet.getSheets()[0].getRange('A1').setValue('budget');
  const empty = sidebar(env);
  expect(empty.roster.sheetName).toBeNull();
  expect(empty.roster.problem).toMatch(/No roster found/);
  const created = env.run<SidebarData>('createRoster');
  expect(created.roster).toMatchObject({
    sheetName: 'Roster',
    nameHeader: 'Client',
    idHeader: 'Client ID',
    groupHeader: 'Group',
    activeHeader: 'Active',
    clientCount: 0,
  });
  const sheet = env.spreadsheet.getSheetByName('Roster')!;
  expect(sheet.getFrozenRows()).toBe(1);
  expect(sheet.getDataRange().getValues()).toEqual([['Client ID', 'Client', 'Group', 'Active']]);
  expect(failure(() => env.run('createRoster'))).toMatch(/A roster already exists \("Roster"\)/);
  // The new roster is the first tab, so it stays the roster when another tab with names appears.
  env.spreadsheet
    .insertSheet('Contacts')
    .getRange(1, 1, 2, 1)
    .setValues([['Name'], ['A supplier']]);
  expect(sidebar(env).roster.sheetName).toBe('Roster');
});

test("Cadence's own tabs are never taken for the roster", () => {
  const env = cadenceEnvironment({ timeZone: 'Europe/London' });
  env.spreadsheet.getSheets()[0].setName('Patterns');
  env.spreadsheet
    .getSheets()[0]
    .getRange(1, 1, 2, 2)
    .setValues([
      ['Client', 'Trend'],
      ['Amy', 'watch'],
    ]);
  env.spreadsheet
    .insertSheet('Copy of Attendance')
    .getRange(1, 1, 1, 3)
    .setValues([['Entry ID', 'Session date', 'Client']]);
  expect(sidebar(env).roster.sheetName).toBeNull();
  env.spreadsheet
    .insertSheet('People')
    .getRange(1, 1, 2, 1)
    .setValues([['Client'], ['Bo']]);
  expect(sidebar(env).clients.map((c) => c.name)).toEqual(['Bo']);
});

test('settings too long for a document property are refused in words; the stored settings stay', () => {
  const env = practice();
  const reasons = Array.from({ length: 100 }, (_, i) => `reason ${i} ${'x'.repeat(190)}`);
  const error = failure(() => env.run('saveSettings', { reasons }));
  expect(error).toMatch(/^Settings were not saved\. The reasons list is too long to store/);
  expect(error).not.toMatch(/Argument too large/);
  expect(env.run<SidebarData>('getSidebarData').reasons).toEqual(defaultSettings().reasons);
});
