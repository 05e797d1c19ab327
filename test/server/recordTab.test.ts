/**
 * One record (issue 9): Cadence finds the Attendance tab by the sheet ID it remembered, the tag
 * only as a fallback. A duplicated tab carrying the tag (Duplicate in the tab menu copies it here,
 * the stricter choice) is never written, never read as the record or a roster, and the sidebar
 * names it — whatever order the metadata finder answers in.
 */
import type { SidebarData } from '../../src/core/types';
import { cadenceEnvironment } from '../cadence';
import { NOW, PRACTICE, TIME_ZONE, recordEntries, session, sidebar, writeRoster } from './fixtures';

const practiceIn = (order: 'creation' | 'reverse', copyCarriesMetadata: 'yes' | 'no' = 'yes') => {
  const env = cadenceEnvironment({
    timeZone: TIME_ZONE,
    now: () => new Date(NOW),
    switches: { metadataFinderOrder: order, copyCarriesMetadata },
  });
  writeRoster(env, PRACTICE);
  return env;
};
const tabIds = (env: ReturnType<typeof practiceIn>) =>
  JSON.parse(env.documentProperties()['cadence.tabIds'] ?? '{}') as Record<string, number>;
const rowsOf = (env: ReturnType<typeof practiceIn>, name: string) => env.spreadsheet.getSheetByName(name)!.getLastRow();

describe.each(['creation', 'reverse'] as const)('the record is one tab (metadata finder order: %s)', (order) => {
  test("the first save remembers the Attendance and Patterns tabs' sheet IDs", () => {
    const env = practiceIn(order);
    env.run('saveSession', session(['C001']));
    const ids = tabIds(env);
    expect(env.spreadsheet.getSheetById(ids['cadence.attendance'])?.getName()).toBe('Attendance');
    expect(env.spreadsheet.getSheetById(ids['cadence.patterns'])?.getName()).toBe('Patterns');
  });

  test('a duplicated Attendance tab is never written; the sidebar names it; it is not a roster', () => {
    const env = practiceIn(order);
    env.run('saveSession', session(['C001', 'C002']));
    env.spreadsheet.setActiveSheet(env.spreadsheet.getSheetByName('Attendance')!);
    const copy = env.spreadsheet.duplicateActiveSheet();
    expect(copy.getName()).toBe('Copy of Attendance');
    expect(copy.getDeveloperMetadata().map((m) => m.getKey())).toContain('cadence.attendance');
    env.run('saveSession', session(['C003'], {}, { date: '2025-03-11' }));
    expect(rowsOf(env, 'Attendance')).toBe(4);
    expect(rowsOf(env, 'Copy of Attendance')).toBe(3);
    expect(recordEntries(env)).toHaveLength(3);
    const data = sidebar(env);
    expect(data.tabWarnings).toEqual([
      expect.stringContaining('"Copy of Attendance" is a copy of the Attendance record ("Attendance")'),
    ]);
    expect(data.roster.sheetName).toBe('Clients');
    expect(env.run<{ name: string }[]>('getRosterTabs').map((t) => t.name)).not.toContain('Copy of Attendance');
  });

  test('renaming the tabs round (the copy called "Attendance") does not move the record', () => {
    const env = practiceIn(order);
    env.run('saveSession', session(['C001']));
    const original = env.spreadsheet.getSheetByName('Attendance')!;
    const copy = original.copyTo(env.spreadsheet);
    original.setName('Attendance 2025');
    copy.setName('Attendance');
    env.run('saveSession', session(['C002'], {}, { date: '2025-03-11' }));
    expect(rowsOf(env, 'Attendance 2025')).toBe(3);
    expect(rowsOf(env, 'Attendance')).toBe(2);
    expect(sidebar(env).tabWarnings).toEqual([
      expect.stringContaining('"Attendance" is a copy of the Attendance record ("Attendance 2025")'),
    ]);
  });

  test('without remembered IDs (an older version\'s record), the tab that is not "Copy of …" is taken, then remembered', () => {
    const env = practiceIn(order);
    env.run('saveSession', session(['C001']));
    env.spreadsheet.getSheetByName('Attendance')!.copyTo(env.spreadsheet);
    const props = env.world.properties.document;
    props.values.delete('cadence.tabIds');
    env.run('saveSession', session(['C002'], {}, { date: '2025-03-11' }));
    expect(rowsOf(env, 'Attendance')).toBe(3);
    expect(rowsOf(env, 'Copy of Attendance')).toBe(2);
    expect(env.spreadsheet.getSheetById(tabIds(env)['cadence.attendance'])?.getName()).toBe('Attendance');
  });

  test('when the remembered record is deleted, a new one is made rather than writing into the copy', () => {
    const env = practiceIn(order);
    env.run('saveSession', session(['C001']));
    const original = env.spreadsheet.getSheetByName('Attendance')!;
    original.copyTo(env.spreadsheet);
    env.spreadsheet.deleteSheet(original);
    env.run('saveSession', session(['C002'], {}, { date: '2025-03-11' }));
    expect(rowsOf(env, 'Copy of Attendance')).toBe(2);
    expect(rowsOf(env, 'Attendance')).toBe(2);
    const data: SidebarData = sidebar(env);
    expect(data.tabWarnings).toEqual([
      expect.stringContaining('"Copy of Attendance" is a copy of the Attendance record ("Attendance")'),
    ]);
  });
});

test('a copy made without the tag (switch copyCarriesMetadata=no) is not the record, not a roster, and needs no warning', () => {
  const env = practiceIn('creation', 'no');
  env.run('saveSession', session(['C001', 'C002']));
  env.spreadsheet.setActiveSheet(env.spreadsheet.getSheetByName('Attendance')!);
  env.spreadsheet.duplicateActiveSheet();
  env.run('saveSession', session(['C003'], {}, { date: '2025-03-11' }));
  expect(rowsOf(env, 'Attendance')).toBe(4);
  expect(rowsOf(env, 'Copy of Attendance')).toBe(3);
  const data = sidebar(env);
  expect(data.tabWarnings).toEqual([]);
  expect(data.roster.sheetName).toBe('Clients');
});
