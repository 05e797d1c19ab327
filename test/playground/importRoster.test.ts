import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportError, importRoster } from '../../src/playground/importRoster';

let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'cadence-import-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function xlsx(name: string, sheets: { name: string; rows: ExcelJS.CellValue[][] }[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row) => ws.addRow(row));
  }
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

describe('importRoster', () => {
  it('takes the sheet whose header names the clients, with its values as Sheets holds them', async () => {
    const path = await xlsx('Practice roster.xlsx', [
      { name: 'Read me', rows: [['This workbook lists our clients'], ['Updated monthly']] },
      {
        name: 'Clients',
        rows: [
          ['Client ID', 'Client name', 'Group', 'Discharged'],
          ['C-1', { richText: [{ text: 'Ana ' }, { font: { bold: true }, text: 'Lima' }] }, 'Tuesday drumming', null],
          [7, 'Ben Ode', { formula: 'CONCAT("Friday ","choir")', result: 'Friday choir' }, new Date(Date.UTC(2026, 2, 1))],
          ['C-3', '<img src=x onerror=alert(1)>', 'Friday choir', false],
          [null, null, null, null],
        ],
      },
    ]);
    const roster = await importRoster(path);
    expect(roster.spreadsheetName).toBe('Practice roster');
    expect(roster.sheetName).toBe('Clients');
    expect(roster.rows).toEqual([
      ['Client ID', 'Client name', 'Group', 'Discharged'],
      ['C-1', 'Ana Lima', 'Tuesday drumming', ''],
      // A date-only cell keeps its calendar day in any spreadsheet time zone.
      [7, 'Ben Ode', 'Friday choir', { date: '2026-03-01T12:00:00.000Z' }],
      ['C-3', '<img src=x onerror=alert(1)>', 'Friday choir', false],
    ]);
  });

  it('falls back to the first sheet with rows when no header looks like a name, for Settings to sort out', async () => {
    const path = await xlsx('odd.xlsx', [
      { name: 'Empty', rows: [] },
      { name: 'People', rows: [['Who', 'When'], ['Ana', 'Tue']] },
    ]);
    const roster = await importRoster(path);
    expect(roster.sheetName).toBe('People');
    expect(roster.rows).toEqual([['Who', 'When'], ['Ana', 'Tue']]);
  });

  it('says clearly when the file is missing, is not an .xlsx, or holds nothing', async () => {
    await expect(importRoster(join(dir, 'nope.xlsx'))).rejects.toThrow(new ImportError(`Cannot import ${join(dir, 'nope.xlsx')}: there is no such file.`));
    const text = join(dir, 'roster.xlsx');
    writeFileSync(text, 'Client,Group\nAna,Tue\n');
    await expect(importRoster(text)).rejects.toThrow(/is not an \.xlsx workbook .*File › Download › Microsoft Excel/);
    await expect(importRoster(text)).rejects.toBeInstanceOf(ImportError);
    const empty = await xlsx('empty.xlsx', [{ name: 'Sheet1', rows: [] }]);
    await expect(importRoster(empty)).rejects.toThrow(/its sheets are empty/);
  });
});
