import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readWorkbook, workbookWriter, writeWorkbook } from '../../src/playground/persistence';
import { rosterWorkbook } from '../../src/playground/rosterWorkbook';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cadence-persist-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const workbook = rosterWorkbook(
  { spreadsheetName: 'Practice', sheetName: 'Roster', rows: [['Client'], ['Ana']] },
  'Europe/London',
);

describe('the workbook file', () => {
  it('round-trips, creating missing folders, and leaves no temporary file behind', () => {
    const path = join(dir, 'nested', 'folder', 'workbook.json');
    expect(readWorkbook(path)).toBeNull();
    writeWorkbook(path, workbook);
    expect(readWorkbook(path)).toEqual(workbook);
    const changed = { ...workbook, name: 'Renamed' };
    writeWorkbook(path, changed);
    expect(readWorkbook(path)?.name).toBe('Renamed');
    expect(readdirSync(join(dir, 'nested', 'folder'))).toEqual(['workbook.json']);
  });

  it('writes again only when the workbook changed', () => {
    const path = join(dir, 'workbook.json');
    const write = workbookWriter(path);
    expect(write(workbook)).toBe(true);
    expect(write(JSON.parse(JSON.stringify(workbook)))).toBe(false);
    expect(write({ ...workbook, name: 'Renamed' })).toBe(true);
    expect(readWorkbook(path)?.name).toBe('Renamed');
  });

  it('refuses a damaged file rather than starting over on top of it', () => {
    const path = join(dir, 'workbook.json');
    writeFileSync(path, '{"name": "half a wri');
    expect(() => readWorkbook(path)).toThrow(/is not a workbook file .*--fresh/);
    writeFileSync(path, '{"name": "no sheets"}');
    expect(() => readWorkbook(path)).toThrow(/no "sheets"/);
  });
});
