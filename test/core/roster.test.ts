import { chooseRoster, readClients, rosterColumns, rosterGroups } from '../../src/core/roster';
import { DEFAULT_ROSTER_SETTINGS } from '../../src/core/settings';

const detect = DEFAULT_ROSTER_SETTINGS;

test('name, id, group and active columns are recognised in many spellings', () => {
  expect(rosterColumns(['MRN', ' Resident ', 'Unit', 'Status', 'Phone'], null).columns).toMatchObject({ name: 1, id: 0, group: 2, active: 3, activeKind: 'active' });
  expect(rosterColumns(['Client name', 'Record number', 'Discharge date'], null).columns).toMatchObject({ name: 0, id: 1, group: null, active: 2, activeKind: 'discharged' });
  // "Client ID" is an ID, never the name.
  expect(rosterColumns(['Client ID', 'Client'], null).columns).toMatchObject({ name: 1, id: 0 });
  expect(rosterColumns(['Phone', 'Email'], null).columns).toBeNull();
});

test('active and discharged columns are read by their kind', () => {
  const active = rosterColumns(['Name', 'Active'], null).columns!;
  const discharged = rosterColumns(['Name', 'Discharged'], null).columns!;
  const rows = (values: unknown[]) => values.map((v, i) => [`P${i}`, v]);
  const values = ['yes', 'no', '', 'Inactive', false, true, 'discharged', new Date(2025, 0, 1)];
  expect(readClients(rows(values), active).clients.map((c) => c.active)).toEqual([true, false, true, false, false, true, false, true]);
  expect(readClients(rows(values), discharged).clients.map((c) => c.active)).toEqual([false, true, true, false, true, false, false, false]);
});

test('clients without an ID are keyed by name; same names get row-order keys and a problem', () => {
  const columns = rosterColumns(['Name', 'Group'], null).columns!;
  const { clients, problem } = readClients([['Amy ', 'A'], ['', ''], ['amy', 'B'], ['Ben', '']], columns);
  expect(clients.map((c) => c.id)).toEqual(['name:amy', 'name:amy#2', 'name:ben']);
  expect(problem).toMatch(/share a name and have no ID \(amy\)/);
  expect(rosterGroups(clients)).toEqual(['A', 'B']);
});

test('a repeated ID keeps the first client and says so', () => {
  const columns = rosterColumns(['ID', 'Name'], null).columns!;
  const { clients, problem } = readClients([['7', 'Amy'], ['7', 'Ann'], ['8', 'Amy']], columns);
  expect(clients.map((c) => [c.id, c.name])).toEqual([['7', 'Amy'], ['8', 'Amy']]);
  expect(problem).toMatch(/same ID on more than one row \(7\)/);
});

test('the first tab with a name header in row 1 is the roster; a lower header row is refused', () => {
  const tabs = [
    { sheetId: 1, name: 'Budget', topRows: [['Item', 'Cost']] },
    { sheetId: 2, name: 'People', topRows: [['Title'], ['Name', 'Group']] },
    { sheetId: 3, name: 'Clients', topRows: [['Client', 'Group']] },
  ];
  expect(chooseRoster(tabs, detect)).toMatchObject({ sheetId: 3, sheetName: 'Clients', problem: null });
  expect(chooseRoster(tabs.slice(0, 2), detect).problem).toMatch(/"People" looks like a roster, but its headers are in row 2/);
  expect(chooseRoster(tabs.slice(0, 1), detect).problem).toMatch(/No roster found/);
});

test('the tab and columns chosen in Settings win; a vanished choice is reported', () => {
  const tabs = [
    { sheetId: 1, name: 'Clients', topRows: [['Client', 'Group']] },
    { sheetId: 2, name: 'Caseload', topRows: [['Who', 'Team']] },
  ];
  const chosen = { sheetId: 2, nameHeader: 'who', idHeader: null, groupHeader: 'Team', activeHeader: null };
  expect(chooseRoster(tabs, chosen)).toMatchObject({ sheetId: 2, columns: { name: 0, group: 1 }, problem: null });
  expect(chooseRoster(tabs, { ...chosen, groupHeader: 'Area' }).problem).toMatch(/"Area" chosen in Settings is no longer in "Caseload"/);
  expect(chooseRoster(tabs, { ...chosen, sheetId: 9 })).toMatchObject({ sheetId: 1, problem: expect.stringMatching(/chosen in Settings is gone/) });
});
