/**
 * Embedded charts (src/runtime/chart.ts): the builder, its casts and options, position and
 * ranges; getCharts, updateChart and removeChart by chart ID; charts following their cells,
 * copied with a duplicated sheet, kept in a snapshot, and drawn from their cells in the view.
 */
import { fixtureEnvironment } from './fixture';

function sheetWithTable() {
  const env = fixtureEnvironment();
  const sheet = env.spreadsheet.getSheets()[0];
  sheet.getRange('A1:C4').setValues([
    ['Month', 'Excused', 'Unexcused'],
    ['Jan', 0.25, 0],
    ['Feb', 0, 0.5],
    ['Mar', 0.1, 0.2],
  ]);
  return { env, sheet };
}

function columnChart(sheet: GoogleAppsScript.Spreadsheet.Sheet, range = 'A1:C4') {
  return sheet
    .newChart()
    .asColumnChart()
    .setStacked()
    .setTitle('Absences')
    .addRange(sheet.getRange(range))
    .setOption('width', 400)
    .setPosition(6, 2, 5, 0)
    .build();
}

test('a built chart is on no sheet until inserted; then it has an ID, its ranges, options and position', () => {
  const { sheet } = sheetWithTable();
  const chart = columnChart(sheet);
  expect(chart.getChartId()).toBeNull();
  expect(sheet.getCharts()).toHaveLength(0);
  sheet.insertChart(chart);
  const [found] = sheet.getCharts();
  expect(found.getChartId()).toEqual(expect.any(Number));
  expect(found.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:C4']);
  expect(found.getOptions().get('title')).toBe('Absences');
  expect(found.getOptions().get('isStacked')).toBe(true);
  expect(found.getOptions().get('width')).toBe(400);
  const where = found.getContainerInfo();
  expect([where.getAnchorRow(), where.getAnchorColumn(), where.getOffsetX(), where.getOffsetY()]).toEqual([6, 2, 5, 0]);
});

test('modify() and updateChart change the chart in place, keeping its ID; removeChart removes it', () => {
  const { sheet } = sheetWithTable();
  sheet.insertChart(columnChart(sheet));
  const [chart] = sheet.getCharts();
  const id = chart.getChartId();
  const changed = chart.modify().clearRanges().addRange(sheet.getRange('A1:B4')).setOption('title', 'Excused').build();
  // Not saved until updateChart (the reference: "Changes made to the chart are not saved until Sheet.updateChart").
  expect(sheet.getCharts()[0].getOptions().get('title')).toBe('Absences');
  sheet.updateChart(changed);
  const [after, ...none] = sheet.getCharts();
  expect(none).toEqual([]);
  expect(after.getChartId()).toBe(id);
  expect(after.getRanges().map((r) => r.getA1Notation())).toEqual(['A1:B4']);
  expect(after.getOptions().get('title')).toBe('Excused');
  sheet.removeChart(after);
  expect(sheet.getCharts()).toEqual([]);
  expect(() => sheet.removeChart(after)).toThrow('The chart to remove is not on this sheet.');
  expect(() => sheet.updateChart(changed)).toThrow('The chart to update is not on this sheet.');
});

test('refuses, where the reference is silent, a chart without data or inserted twice', () => {
  const { sheet } = sheetWithTable();
  expect(() => sheet.insertChart(sheet.newChart().asLineChart().build())).toThrow('The chart has no data');
  sheet.insertChart(columnChart(sheet));
  expect(() => sheet.insertChart(sheet.getCharts()[0].modify().build())).toThrow('already in the spreadsheet');
  // An untyped builder has no typed setters: newChart() is an EmbeddedChartBuilder until cast.
  expect(() => (sheet.newChart() as unknown as { setTitle(t: string): void }).setTitle('x')).toThrow(
    'EmbeddedChartBuilder.setTitle is not implemented',
  );
});

test('a chart follows its cells when rows are inserted above, and is copied with a duplicated sheet', () => {
  const { env, sheet } = sheetWithTable();
  sheet.insertChart(columnChart(sheet));
  sheet.insertRowsBefore(1, 2);
  const [chart] = sheet.getCharts();
  expect(chart.getRanges().map((r) => r.getA1Notation())).toEqual(['A3:C6']);
  expect(chart.getContainerInfo().getAnchorRow()).toBe(8);
  const copy = sheet.copyTo(env.spreadsheet);
  const [copied] = copy.getCharts();
  expect(copied.getChartId()).not.toBe(chart.getChartId());
  expect(copied.getRanges()[0].getSheet().getName()).toBe(copy.getName());
});

test('the view draws a chart from its cells, and a snapshot keeps it', () => {
  const { env, sheet } = sheetWithTable();
  sheet.insertChart(
    sheet
      .newChart()
      .asColumnChart()
      .addRange(sheet.getRange('A1:A4'))
      .addRange(sheet.getRange('C1:C4'))
      .setNumHeaders(1)
      .build(),
  );
  const [view] = env.view().sheets[0].charts;
  expect(view).toMatchObject({
    type: 'column',
    ranges: ['A1:A4', 'C1:C4'],
    categories: ['Jan', 'Feb', 'Mar'],
    series: [{ name: 'Unexcused', values: [0, 0.5, 0.2] }],
  });
  const again = fixtureEnvironment({ workbook: env.toJSON() });
  expect(again.view().sheets[0].charts).toEqual([view]);
  const [chart] = again.spreadsheet.getSheets()[0].getCharts();
  expect(chart.getChartId()).toBe(view.chartId);
});
