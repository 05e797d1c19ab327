import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImportError, importRoster } from '../../src/playground/importRoster';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cadence-import-'));
});
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
  it('brings every tab, with values as Sheets holds them, dates with their formats and numbers as numbers', async () => {
    const path = await xlsx('Practice roster.xlsx', [
      { name: 'Read me', rows: [['This workbook lists our clients'], ['Updated monthly']] },
      {
        name: 'Clients',
        rows: [
          ['Client ID', 'Client name', 'Group', 'Discharged'],
          ['C-1', { richText: [{ text: 'Ana ' }, { font: { bold: true }, text: 'Lima' }] }, 'Tuesday drumming', null],
          [
            7,
            'Ben Ode',
            { formula: 'CONCAT("Friday ","choir")', result: 'Friday choir' },
            new Date(Date.UTC(2026, 2, 1)),
          ],
          ['C-3', '<img src=x onerror=alert(1)>', 'Friday choir', false],
          [null, null, null, null],
        ],
      },
    ]);
    const practice = await importRoster(path);
    expect(practice.spreadsheetName).toBe('Practice roster');
    expect(practice.tabs.map((t) => t.sheetName)).toEqual(['Read me', 'Clients']);
    expect(practice.tabs[0].rows).toEqual([['This workbook lists our clients'], ['Updated monthly']]);
    const clients = practice.tabs[1];
    expect(clients.rows).toEqual([
      ['Client ID', 'Client name', 'Group', 'Discharged'],
      ['C-1', 'Ana Lima', 'Tuesday drumming', ''],
      // A date-only cell keeps its calendar day in any spreadsheet time zone.
      [7, 'Ben Ode', 'Friday choir', { date: '2026-03-01T12:00:00.000Z' }],
      ['C-3', '<img src=x onerror=alert(1)>', 'Friday choir', false],
    ]);
    // The date cell shows as a day, not as "2026-03-01 12:00:00".
    expect(clients.numberFormats?.[2][3]).toMatch(/^[ymd/-]+$/i);
  });

  it('keeps a merged title merged, with its value once, and keeps formats of dates and numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('Caseload');
    ws.addRow(['Riverbend Music Therapy — Caseload 2026', null, null]);
    ws.mergeCells('A1:C1');
    ws.addRow(['Client', 'Start date', 'Fee']);
    ws.getRow(2).font = { bold: true };
    ws.addRow(['Ana Lima', new Date(Date.UTC(2012, 2, 14)), 42.5]);
    ws.getCell('B3').numFmt = 'd mmm yyyy';
    ws.getCell('C3').numFmt = '0.00';
    workbook.addWorksheet('Notes').addRow(['Date', 'Client', 'Note']);
    const path = join(dir, 'merged.xlsx');
    await workbook.xlsx.writeFile(path);
    const practice = await importRoster(path);
    const [caseload, notes] = practice.tabs;
    expect(caseload.rows[0]).toEqual(['Riverbend Music Therapy — Caseload 2026', '', '']);
    expect(caseload.merges).toEqual(['A1:C1']);
    expect(caseload.rows[2]).toEqual(['Ana Lima', { date: '2012-03-14T12:00:00.000Z' }, 42.5]);
    expect(caseload.numberFormats?.[2]).toEqual([null, 'd mmm yyyy', '0.00']);
    expect(caseload.boldRows).toEqual([2]);
    expect(notes.rows).toEqual([['Date', 'Client', 'Note']]);
  });

  it('says clearly when the file is missing, is not an .xlsx, or holds nothing', async () => {
    await expect(importRoster(join(dir, 'nope.xlsx'))).rejects.toThrow(
      new ImportError(`Cannot import ${join(dir, 'nope.xlsx')}: there is no such file.`),
    );
    const text = join(dir, 'roster.xlsx');
    writeFileSync(text, 'Client,Group\nAna,Tue\n');
    await expect(importRoster(text)).rejects.toThrow(/is not an \.xlsx workbook .*File › Download › Microsoft Excel/);
    await expect(importRoster(text)).rejects.toBeInstanceOf(ImportError);
    const empty = await xlsx('empty.xlsx', [{ name: 'Sheet1', rows: [] }]);
    await expect(importRoster(empty)).rejects.toThrow(/its sheets are empty/);
  });
});
