/**
 * The roster corpus (rosterCorpus/shapes.ts) through the built add-on in the offline runtime: on
 * first open, with no Settings change, Cadence reads the expected tab, heading row and columns,
 * and offers the expected clients. Then the service calls of detection: one getValues per tab the
 * first time, whatever the number of tabs, and only the roster's once it is remembered.
 */
import type { Environment } from '../../src/runtime';
import type { SaveSessionResult, SidebarData } from '../../src/core/types';
import { NOW, TIME_ZONE, session } from './fixtures';
import { cadenceEnvironment } from '../cadence';
import { SHAPES, names } from './rosterCorpus/shapes';
import type { CorpusTab } from './rosterCorpus/shapes';

function workbookOf(tabs: CorpusTab[]): Environment {
  const env = cadenceEnvironment({ timeZone: TIME_ZONE, now: () => new Date(NOW) });
  tabs.forEach((tab, i) => {
    const sheet = i === 0 ? env.spreadsheet.getSheets()[0].setName(tab.name) : env.spreadsheet.insertSheet(tab.name);
    const width = Math.max(...tab.values.map((r) => r.length));
    const rows = tab.values.map((r) => [...r, ...Array(width - r.length).fill('')]);
    if (rows.length > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), rows.length - sheet.getMaxRows());
    if (width > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
    sheet.getRange(1, 1, rows.length, width).setValues(rows);
    for (const a1 of tab.merges ?? []) sheet.getRange(a1).merge();
  });
  return env;
}

/** Reads of cell values: a range's getValues, or a sheet's getSheetValues (one call each). */
const getValues = (env: Environment) =>
  (env.lastCalls.byMethod['Range.getValues'] ?? 0) + (env.lastCalls.byMethod['Sheet.getSheetValues'] ?? 0);

describe.each(SHAPES.map((s) => [s.title, s] as const))('roster shape: %s', (_title, shape) => {
  it('is found on first open with its columns and clients, and a session can be recorded', () => {
    const env = workbookOf(shape.tabs);
    const data = env.run<SidebarData>('getSidebarData');
    const { expected } = shape;
    expect(data.roster).toMatchObject({
      sheetName: expected.sheetName,
      headerRow: expected.headerRow,
      nameHeader: expected.nameHeader,
      idHeader: expected.idHeader,
      groupHeader: expected.groupHeader,
      activeHeader: expected.activeHeader,
      groupsFromSections: expected.groupsFromSections ?? false,
      clientCount: expected.clientCount,
      activeCount: expected.activeCount,
      groupCount: expected.groupCount,
    });
    expect(data.clients).toHaveLength(expected.clientCount);
    expect(data.clients.filter((c) => c.active)).toHaveLength(expected.activeCount);
    for (const [id, name, group, active] of expected.samples ?? []) {
      expect(data.clients.find((c) => c.id === id)).toMatchObject({ name, group, active });
    }
    // The first active client of the first group can be recorded at once.
    const first = data.clients.find((c) => c.active && (data.groups.length === 0 || c.group === data.groups[0]))!;
    const saved = env.run<SaveSessionResult>(
      'saveSession',
      session([first.id], {}, { group: data.groups[0] ?? undefined }),
    );
    expect(saved.saved).toBe(1);
  });
});

describe('detection service calls', () => {
  function withTabs(count: number): Environment {
    const clients = names(25);
    const tabs: CorpusTab[] = [];
    for (let i = 0; i < count - 1; i += 1)
      tabs.push({
        name: `Notes ${i + 1}`,
        values: [['Date', 'Client', 'Note'], ...clients.slice(0, 3).map((n) => [new Date(2026, 0, 5), n, 'ok'])],
      });
    tabs.push({
      name: 'Caseload',
      values: [['Riverbend Music Therapy'], ['Client', 'Group'], ...clients.map((n, i) => [n, i % 2 ? 'A' : 'B'])],
    });
    return workbookOf(tabs);
  }

  it.each([3, 12])('reads each of %i tabs once the first time, then only the roster', (count) => {
    const env = withTabs(count);
    const first = env.run<SidebarData>('getSidebarData');
    expect(first.roster).toMatchObject({ sheetName: 'Caseload', headerRow: 2, clientCount: 25 });
    expect(getValues(env)).toBe(count);
    expect(env.lastCalls.byMethod['Properties.getProperties']).toBe(1);
    expect(env.lastCalls.byMethod['Properties.getProperty'] ?? 0).toBe(0);
    expect(JSON.parse(env.documentProperties()['cadence.roster'])).toMatchObject({
      headerRow: 2,
      name: 'Client',
      group: 'Group',
      id: '',
    });

    const later = env.run<SidebarData>('getSidebarData');
    expect(later.roster).toEqual(first.roster);
    expect(getValues(env)).toBe(1);
    expect(env.lastCalls.byMethod['Spreadsheet.getSheets'] ?? 0).toBe(0);
    expect(env.lastCalls.byMethod['Properties.setProperty'] ?? 0).toBe(0);
    const loadCalls = env.lastCalls.expensive;
    // A save reads only the roster's tab too: as many reads as in a workbook of one tab.
    env.run('saveSession', session([later.clients[0].id], {}, { group: 'A' }));
    const saveReads = getValues(env);
    const single = withTabs(1);
    const singleLater = (single.run('getSidebarData'), single.run<SidebarData>('getSidebarData'));
    expect(single.lastCalls.expensive).toBe(loadCalls);
    single.run('saveSession', session([singleLater.clients[0].id], {}, { group: 'A' }));
    expect(getValues(single)).toBe(saveReads);
  });

  it('a remembered tab that no longer holds the roster is detected afresh; a renamed heading is read again in the same tab', () => {
    const env = withTabs(3);
    env.run('getSidebarData');
    const caseload = env.spreadsheet.getSheetByName('Caseload')!;
    caseload.getRange('B2').setValue('Program/Group');
    const renamed = env.run<SidebarData>('getSidebarData');
    expect(renamed.roster).toMatchObject({ sheetName: 'Caseload', groupHeader: 'Program/Group', groupCount: 2 });
    expect(getValues(env)).toBe(1);
    // The practice moves its clients to a new tab and clears the old one.
    const moved = env.spreadsheet.insertSheet('Clients 2027');
    moved.getRange(1, 1, 3, 2).setValues([
      ['Name', 'Group'],
      ['Zoe Zane', 'North'],
      ['Yan Yu', 'South'],
    ]);
    caseload.clear();
    const fresh = env.run<SidebarData>('getSidebarData');
    expect(fresh.roster).toMatchObject({ sheetName: 'Clients 2027', clientCount: 2 });
    expect(JSON.parse(env.documentProperties()['cadence.roster']).sheetId).toBe(moved.getSheetId());
  });
});
