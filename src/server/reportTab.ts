/**
 * Writes a report tab (the Client summary, the Practice report) from its layout (core/reportLayout.ts)
 * in a fixed number of service calls whatever the size of the record: the tab found by its
 * remembered ID or its tag, sized to the layout, then one call per layer for the whole grid
 * (values, number formats, weights, backgrounds, wrap, alignment), one merge for the title lines,
 * one width per column, and one insert or update per chart.
 */
import type { Block, ChartSpec, ReportLayout } from '../core/reportLayout';
import { adoptTab, freeSheetName, taggedSheets } from './cadenceTabs';
import { fitSheet } from './patternsTab';
import type { Workbook } from './workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * The tab tagged `key`: by the ID Cadence remembered (a renamed tab is still it), else by its tag
 * (a copy made with Duplicate is "Copy of …" and loses), else a new tab named `name` (or "name 2"
 * when a person's tab has the name). Call under the document lock; rememberTabs stores the ID.
 */
export function reportSheet(workbook: Workbook, key: string, name: string): Sheet {
  const { ss, tabs } = workbook;
  const known = tabs.get(key);
  if (known) return known;
  const id = tabs.ids[key];
  const remembered = id === undefined ? null : ss.getSheetById(id);
  if (remembered) {
    tabs.set(key, remembered);
    return remembered;
  }
  const tagged = taggedSheets(ss, key);
  // A remembered tab that was deleted stays deleted: a copy of it is not adopted in its place.
  const original = id === undefined ? tagged.find((s) => !/^copy of /i.test(s.getName())) : undefined;
  if (original) {
    adoptTab(tabs, key, original);
    return original;
  }
  const sheet = ss.insertSheet(freeSheetName(ss, name));
  sheet.addDeveloperMetadata(key);
  adoptTab(tabs, key, sheet);
  return sheet;
}

/** Rewrites every cell, format and chart of `sheet` from the layout. */
export function writeReport(sheet: Sheet, layout: ReportLayout): void {
  const width = layout.columnWidths.length;
  // A tab keeps at least one row below the frozen ones: Sheets refuses to freeze every row.
  const rows = Math.max(layout.values.length, layout.frozenRows + 1);
  const pad = <T>(grid: T[][], blank: T) => {
    const out = grid.slice();
    while (out.length < rows) out.push(new Array<T>(width).fill(blank));
    return out;
  };
  fitSheet(sheet, rows, width);
  const range = sheet.getRange(1, 1, rows, width);
  // Merges a person or an earlier summary left would swallow cells of the new layout.
  range.breakApart();
  range.setNumberFormats(pad(layout.numberFormats, 'General'));
  range.setValues(pad(layout.values, ''));
  range.setFontWeights(pad(layout.fontWeights, 'normal'));
  range.setBackgrounds(pad(layout.backgrounds, null));
  // Printed whole: long words wrap inside their column rather than run past the page's edge.
  range.setWrap(true);
  range.setVerticalAlignment('top');
  if (layout.mergedRows > 0) sheet.getRange(1, 1, layout.mergedRows, width).mergeAcross();
  sheet.setFrozenRows(layout.frozenRows);
  sheet.setFrozenColumns(0);
  layout.columnWidths.forEach((px, i) => sheet.setColumnWidth(i + 1, px));
  writeCharts(sheet, layout.charts);
}

/**
 * The tab's charts become the layout's: the first ones are modified in place (updateChart keeps
 * their IDs), missing ones inserted, extra ones removed. Every chart of a report tab is Cadence's.
 */
function writeCharts(sheet: Sheet, specs: readonly ChartSpec[]): void {
  const existing = sheet.getCharts();
  const block = (b: Block) => sheet.getRange(b.row, b.column, b.numRows, b.numColumns);
  specs.forEach((spec, i) => {
    const old = existing[i];
    const base = old ? old.modify().clearRanges() : sheet.newChart();
    const typed = spec.type === 'line' ? base.asLineChart() : base.asColumnChart();
    let builder: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder = typed;
    for (const b of spec.ranges) builder = builder.addRange(block(b));
    const chart = builder
      .setNumHeaders(1)
      .setPosition(spec.anchorRow, spec.anchorColumn, 0, 0)
      .setOption('title', spec.title)
      .setOption('isStacked', spec.stacked)
      .setOption('colors', spec.colors)
      .setOption('width', spec.width)
      .setOption('height', spec.height)
      .setOption('legend', { position: 'bottom' })
      .setOption('vAxis', { format: 'percent', viewWindow: { min: 0, max: 1 } })
      .build();
    if (old) sheet.updateChart(chart);
    else sheet.insertChart(chart);
  });
  for (let i = specs.length; i < existing.length; i++) sheet.removeChart(existing[i]);
}
