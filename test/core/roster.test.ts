import { layoutAt, nameKey, readClients, rosterGroups } from '../../src/core/roster';
import { detectInTab, detectRoster } from '../../src/core/rosterDetect';
import { headingRole, isActiveValue } from '../../src/core/rosterHeadings';
import { DEFAULT_ROSTER_SETTINGS } from '../../src/core/settings';

const layout = (row: unknown[]) => layoutAt(row, 1, null).layout;

test('headings are matched generously: case, punctuation, parentheses, alternatives, other languages', () => {
  expect(
    [
      'Program/Group',
      'Group / Class',
      'Client Name',
      'Participant',
      'Resident',
      'MRN',
      'Status (Active/Discharged)',
      ' Nombre ',
      'Grupo',
      'Estado',
      'Nº',
      'Active?',
      'Discharge date',
      'Surname',
    ].map(headingRole),
  ).toEqual([
    'group',
    'group',
    'name',
    'name',
    'name',
    'id',
    'active',
    'name',
    'group',
    'active',
    null,
    'active',
    'discharged',
    'last',
  ]);
  expect(layout(['MRN', ' Resident ', 'Unit', 'Status', 'Phone'])).toMatchObject({
    name: 1,
    id: 0,
    group: 2,
    active: 3,
    activeKind: 'active',
  });
  expect(layout(['Client name', 'Record number', 'Discharge date'])).toMatchObject({
    name: 0,
    id: 1,
    group: null,
    active: 2,
    activeKind: 'discharged',
  });
  // "Client ID" is an ID, never the name.
  expect(layout(['Client ID', 'Client'])).toMatchObject({ name: 1, id: 0 });
  expect(layout(['First name', 'Last name', 'Group'])).toMatchObject({ name: 0, surname: 1, group: 2 });
  expect(layout(['Phone', 'Email'])).toBeNull();
});

test("active values: the usual words both ways, blank is active, Settings' meanings win", () => {
  const active = ['Active', 'current', 'OPEN', 'Yes', '', true, 'Pending intake review'];
  const inactive = ['Discharged', 'Inactive', 'Closed', 'On hold', 'Waitlist', 'No', false, 'Discharged 2024-03'];
  expect(active.map((v) => isActiveValue(v, 'active'))).toEqual(active.map(() => true));
  expect(inactive.map((v) => isActiveValue(v, 'active'))).toEqual(inactive.map(() => false));
  expect(['', 'no', false].map((v) => isActiveValue(v, 'discharged'))).toEqual([true, true, true]);
  expect(['yes', true, new Date(2025, 0, 1), 'x'].map((v) => isActiveValue(v, 'discharged'))).toEqual([
    false,
    false,
    false,
    false,
  ]);
  expect(isActiveValue('On hold', 'active', { 'on hold': true })).toBe(true);
  expect(isActiveValue('Pending', 'active', { pending: false })).toBe(false);
});

test('clients without an ID are keyed by the name trimmed, spaces collapsed and case-folded', () => {
  expect(nameKey('  José   Núñez ')).toBe(nameKey('josé núñez'));
  const columns = layout(['Name', 'Group'])!;
  const { clients, problem } = readClients(
    [
      ['Amy ', 'A'],
      ['', ''],
      ['amy', 'B'],
      ['Ben', ''],
    ],
    columns,
  );
  expect(clients.map((c) => c.id)).toEqual(['name:amy', 'name:amy#2', 'name:ben']);
  expect(problem).toMatch(/share a name and have no ID \(amy\)/);
  expect(rosterGroups(clients)).toEqual(['A', 'B']);
});

test('a repeated ID keeps the first client and says so', () => {
  const { clients, problem } = readClients(
    [
      ['7', 'Amy'],
      ['7', 'Ann'],
      ['8', 'Amy'],
    ],
    layout(['ID', 'Name'])!,
  );
  expect(clients.map((c) => [c.id, c.name])).toEqual([
    ['7', 'Amy'],
    ['8', 'Amy'],
  ]);
  expect(problem).toMatch(/same ID on more than one row \(7\)/);
});

test('a notes log repeating a few names loses to the caseload; a title row is skipped', () => {
  const day = (d: number) => new Date(2026, 0, d);
  const notes = {
    sheetId: 1,
    name: 'Log',
    values: [
      ['Date', 'Client', 'Note'],
      ...Array.from({ length: 40 }, (_, i) => [day(i + 1), i % 2 ? 'Ana Lima' : 'Ben Ode', 'ok']),
    ],
  };
  const caseload = {
    sheetId: 2,
    name: 'Sheet2',
    values: [
      ['Riverbend Music Therapy — Caseload 2026', '', ''],
      ['Client', 'Program/Group', 'Status (Active/Discharged)'],
      ['Ana Lima', 'Drums', 'Active'],
      ['Ben Ode', 'Drums', 'Discharged'],
      ['Cy Roe', 'Choir', 'Active'],
    ],
  };
  const found = detectRoster([notes, caseload]);
  expect(found?.tab.name).toBe('Sheet2');
  expect(found?.detected.layout).toMatchObject({ headerRow: 2, name: 0, group: 1, active: 2 });
  expect(
    readClients(caseload.values.slice(2), found!.detected.layout)
      .clients.filter((c) => c.active)
      .map((c) => c.name),
  ).toEqual(['Ana Lima', 'Cy Roe']);
});

test('label rows above each section are the groups of the clients under them', () => {
  const tab = {
    sheetId: 1,
    name: 'Clients',
    values: [
      ['Name', 'ID', 'Phone'],
      ['Monday drums', '', ''],
      ['Ana', '001', '555'],
      ['Ben', '002', '556'],
      ['', '', ''],
      ['Friday choir', '', ''],
      ['Cy', '003', '557'],
    ],
  };
  const { layout: found } = detectInTab(tab)!;
  expect(found.sections).toBe(true);
  expect(readClients(tab.values.slice(1), found).clients.map((c) => [c.name, c.group])).toEqual([
    ['Ana', 'Monday drums'],
    ['Ben', 'Monday drums'],
    ['Cy', 'Friday choir'],
  ]);
  // A names-only roster has no labels.
  const names = { sheetId: 2, name: 'Clients', values: [['Name'], ['Ana'], [''], ['Ben'], ['Cy']] };
  expect(detectInTab(names)!.layout.sections).toBe(false);
});

test('Settings\' heading row and columns win; "" means the roster has no such column; a vanished choice is reported', () => {
  const tab = {
    sheetId: 2,
    name: 'Caseload',
    values: [
      ['Who', 'Team', 'Group'],
      ['Zoe', 'North', 'G1'],
    ],
  };
  const chosen = { ...DEFAULT_ROSTER_SETTINGS, sheetId: 2, nameHeader: 'who', groupHeader: 'Team' };
  expect(detectInTab(tab, chosen)).toMatchObject({ layout: { name: 0, group: 1 }, missing: [] });
  expect(detectInTab(tab, { ...chosen, groupHeader: '' })!.layout.group).toBeNull();
  expect(detectInTab(tab, { ...chosen, groupHeader: 'Area' })).toMatchObject({
    layout: { group: 1 },
    missing: ['Area'],
  });
  expect(detectInTab(tab, { ...chosen, headerRow: 2 })).toBeNull();
});
