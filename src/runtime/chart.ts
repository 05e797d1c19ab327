/**
 * Embedded charts: Sheet.newChart() hands out an EmbeddedChartBuilder; build() makes an
 * EmbeddedChart that exists on no sheet until Sheet.insertChart; Sheet.getCharts, updateChart and
 * removeChart work on the sheet's charts by their chart ID.
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart-builder
 * ("Changes made to the chart are not saved until Sheet.updateChart(chart) is called on the rebuilt chart"),
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-chart (getChartId: "a stable
 * identifier for the chart that is unique across the spreadsheet containing the chart or null if
 * the chart is not in a spreadsheet"; getRanges, getOptions, getContainerInfo, modify),
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-column-chart-builder and
 * https://developers.google.com/apps-script/reference/spreadsheet/embedded-line-chart-builder (the typed builders),
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#insertChart(EmbeddedChart),
 * #updateChart(EmbeddedChart), #removeChart(EmbeddedChart), #getCharts(), #newChart().
 *
 * Where the reference is silent the runtime refuses (README "Where it is stricter than Sheets"):
 * inserting a chart with no range or one already on a sheet, updating or removing a chart that is
 * not on that sheet, a range of another spreadsheet.
 */
import { cellDisplay, rangeInfo, readCell } from './cells';
import { quoteSheetName, rectToA1 } from './a1';
import type { Execution } from './execution';
import type { ChartModel, SheetModel } from './model';
import { objects } from './objects';
import { makeEnum, serviceObject } from './service';
import type { ChartView } from './types';

/** Charts.ChartType's names for the types a builder can be cast to. */
export const CHART_TYPES = ['AREA', 'BAR', 'COLUMN', 'COMBO', 'HISTOGRAM', 'LINE', 'PIE', 'SCATTER', 'TABLE'] as const;
export type ChartTypeName = (typeof CHART_TYPES)[number];
const ChartType = makeEnum(CHART_TYPES);

/** The typed builder class each cast returns (asColumnChart() → EmbeddedColumnChartBuilder, ...). */
const BUILDER_CLASS: Record<ChartTypeName, string> = {
  AREA: 'EmbeddedAreaChartBuilder',
  BAR: 'EmbeddedBarChartBuilder',
  COLUMN: 'EmbeddedColumnChartBuilder',
  COMBO: 'EmbeddedComboChartBuilder',
  HISTOGRAM: 'EmbeddedHistogramChartBuilder',
  LINE: 'EmbeddedLineChartBuilder',
  PIE: 'EmbeddedPieChartBuilder',
  SCATTER: 'EmbeddedScatterChartBuilder',
  TABLE: 'EmbeddedTableChartBuilder',
};

/** What a builder or a built chart holds (ranges by sheet model, so they may name any sheet of the workbook). */
export type ChartDraft = Omit<ChartModel, 'id'> & {
  /** The chart this was made from with modify(), or null for a new chart. */
  id: number | null;
};

/** Built charts: the draft each EmbeddedChart object stands for. */
const drafts = new WeakMap<object, ChartDraft>();

function copyDraft(d: ChartDraft): ChartDraft {
  return {
    ...d,
    ranges: d.ranges.map((r) => ({ sheet: r.sheet, rect: { ...r.rect } })),
    options: JSON.parse(JSON.stringify(d.options)) as Record<string, unknown>,
    position: { ...d.position },
  };
}

/** An option value as JSON data: functions and host objects cannot be chart options. */
function optionValue(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

function rangeArgument(range: unknown, sheet: SheetModel): ChartModel['ranges'][number] {
  const info = rangeInfo.get(range as object);
  if (!info)
    throw new Error("The parameters (Object) don't match the method signature for EmbeddedChartBuilder.addRange.");
  if (info.sheet.workbook !== sheet.workbook)
    throw new Error('offline runtime: a chart range of another spreadsheet is not modelled');
  return { sheet: info.sheet, rect: { ...info.rect } };
}

function positiveInteger(n: unknown, what: string): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw new Error(`${what} must be a positive integer.`);
  return n;
}

/** A builder for a chart of `sheet`: new (Sheet.newChart) or from an existing chart (EmbeddedChart.modify). */
export function chartBuilder(exec: Execution, sheet: SheetModel, from: ChartDraft | null): object {
  const draft: ChartDraft = from
    ? copyDraft(from)
    : {
        id: null,
        type: 'LINE',
        ranges: [],
        options: {},
        position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
        numHeaders: -1,
      };
  return builderObject(exec, sheet, draft, false);
}

/** `typed`: cast with as…Chart(), so the type's own setters (setTitle, setStacked, ...) exist. */
function builderObject(exec: Execution, sheet: SheetModel, draft: ChartDraft, typed: boolean): object {
  const cast = (type: ChartTypeName) => () => {
    draft.type = type;
    return builderObject(exec, sheet, draft, true);
  };
  const option = (key: string) => (value: unknown) => {
    draft.options[key] = optionValue(value);
    return self;
  };
  const axis = (key: 'hAxis' | 'vAxis', field: string) => (value: unknown) => {
    const current = (draft.options[key] as Record<string, unknown> | undefined) ?? {};
    draft.options[key] = { ...current, [field]: optionValue(value) };
    return self;
  };
  const impl: Record<string, (...args: never[]) => unknown> = {
    addRange(range: unknown) {
      draft.ranges.push(rangeArgument(range, sheet));
      return self;
    },
    removeRange(range: unknown) {
      const r = rangeArgument(range, sheet);
      draft.ranges = draft.ranges.filter(
        (x) =>
          !(
            x.sheet === r.sheet &&
            x.rect.row === r.rect.row &&
            x.rect.column === r.rect.column &&
            x.rect.numRows === r.rect.numRows &&
            x.rect.numColumns === r.rect.numColumns
          ),
      );
      return self;
    },
    clearRanges() {
      draft.ranges = [];
      return self;
    },
    getRanges: () => exec.realm.array(draft.ranges.map((r) => objects.range(exec, r.sheet, r.rect))),
    getChartType: () => ChartType[draft.type],
    setOption(key: string, value: unknown) {
      draft.options[String(key)] = optionValue(value);
      return self;
    },
    setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number) {
      draft.position = {
        row: positiveInteger(anchorRowPos, 'The anchor row'),
        column: positiveInteger(anchorColPos, 'The anchor column'),
        offsetX: Number(offsetX) || 0,
        offsetY: Number(offsetY) || 0,
      };
      return self;
    },
    setNumHeaders(headers: number) {
      if (!Number.isInteger(headers) || headers < -1) throw new Error('The number of headers must be -1 or more.');
      draft.numHeaders = headers;
      return self;
    },
    asAreaChart: cast('AREA'),
    asBarChart: cast('BAR'),
    asColumnChart: cast('COLUMN'),
    asComboChart: cast('COMBO'),
    asHistogramChart: cast('HISTOGRAM'),
    asLineChart: cast('LINE'),
    asPieChart: cast('PIE'),
    asScatterChart: cast('SCATTER'),
    asTableChart: cast('TABLE'),
    build: () => chartObject(exec, sheet, copyDraft(draft)),
  };
  // The typed builders' own setters are shorthands for options (Gviz names).
  if (typed && draft.type !== 'TABLE') {
    Object.assign(impl, {
      setTitle: option('title'),
      setColors: option('colors'),
      setBackgroundColor: option('backgroundColor'),
      setXAxisTitle: axis('hAxis', 'title'),
      setYAxisTitle: axis('vAxis', 'title'),
      setStacked() {
        draft.options.isStacked = true;
        return self;
      },
      setDimensions(width: number, height: number) {
        draft.options.width = width;
        draft.options.height = height;
        return self;
      },
    });
  }
  // newChart() and modify() give an EmbeddedChartBuilder; a cast gives the type's own builder.
  const self: object = serviceObject<object>(exec, typed ? BUILDER_CLASS[draft.type] : 'EmbeddedChartBuilder', impl);
  return self;
}

/** An EmbeddedChart: a snapshot of a builder, or a chart on `sheet`. */
export function chartObject(exec: Execution, sheet: SheetModel, draft: ChartDraft): object {
  const impl = {
    getChartId: () => draft.id,
    getRanges: () => exec.realm.array(draft.ranges.map((r) => objects.range(exec, r.sheet, r.rect))),
    getNumHeaders: () => draft.numHeaders,
    getOptions: () =>
      serviceObject<object>(exec, 'ChartOptions', {
        get: (key: string) => {
          const value = draft.options[String(key)];
          return value === undefined ? null : exec.realm.parse(JSON.stringify(value));
        },
      }),
    getContainerInfo: () =>
      serviceObject<object>(exec, 'ContainerInfo', {
        getAnchorRow: () => draft.position.row,
        getAnchorColumn: () => draft.position.column,
        getOffsetX: () => draft.position.offsetX,
        getOffsetY: () => draft.position.offsetY,
      }),
    modify: () => chartBuilder(exec, sheet, draft),
  };
  const self = serviceObject<object>(exec, 'EmbeddedChart', impl);
  drafts.set(self, draft);
  return self;
}

function draftOf(chart: unknown, method: string): ChartDraft {
  const draft = drafts.get(chart as object);
  if (!draft)
    throw new Error(`The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.${method}.`);
  return draft;
}

function modelFrom(draft: ChartDraft, id: number): ChartModel {
  const d = copyDraft(draft);
  return { id, type: d.type, ranges: d.ranges, options: d.options, position: d.position, numHeaders: d.numHeaders };
}

/** Sheet.insertChart, updateChart, removeChart, getCharts and newChart, for sheet.ts. */
export function sheetChartMethods(exec: Execution, sheet: SheetModel) {
  return {
    newChart: () => chartBuilder(exec, sheet, null),
    getCharts: () => exec.realm.array(sheet.charts.map((c) => chartObject(exec, sheet, copyDraft(c)))),
    insertChart(chart: unknown) {
      const draft = draftOf(chart, 'insertChart');
      if (draft.id !== null && sheet.workbook.sheets.some((s) => s.charts.some((c) => c.id === draft.id)))
        throw new Error('This chart is already in the spreadsheet: use updateChart to change it.');
      if (draft.ranges.length === 0) throw new Error('The chart has no data: add a range before inserting it.');
      sheet.charts.push(modelFrom(draft, sheet.workbook.newChartId()));
    },
    updateChart(chart: unknown) {
      const draft = draftOf(chart, 'updateChart');
      const at = draft.id === null ? -1 : sheet.charts.findIndex((c) => c.id === draft.id);
      if (at < 0) throw new Error('The chart to update is not on this sheet.');
      if (draft.ranges.length === 0) throw new Error('The chart has no data: add a range before updating it.');
      sheet.charts[at] = modelFrom(draft, sheet.charts[at].id);
    },
    removeChart(chart: unknown) {
      const draft = draftOf(chart, 'removeChart');
      const at = draft.id === null ? -1 : sheet.charts.findIndex((c) => c.id === draft.id);
      if (at < 0) throw new Error('The chart to remove is not on this sheet.');
      sheet.charts.splice(at, 1);
    },
  };
}

/**
 * The ranges' columns side by side (Sheets' default merge of several ranges is by columns): the
 * first column gives the categories, each other column a series; with headers (numHeaders 1, or
 * -1 and a text first row) the first row names them.
 */
export function chartView(chart: ChartModel, on: SheetModel): ChartView {
  const columns: { sheet: SheetModel; column: number; row: number; numRows: number }[] = [];
  for (const r of chart.ranges)
    for (let c = 0; c < r.rect.numColumns; c++)
      columns.push({ sheet: r.sheet, column: r.rect.column + c, row: r.rect.row, numRows: r.rect.numRows });
  const read = (col: (typeof columns)[number], i: number) => readCell(col.sheet, col.row + i, col.column);
  const first = columns[0];
  const headers =
    chart.numHeaders >= 0
      ? chart.numHeaders
      : first && columns.slice(1).some((c) => typeof read(c, 0) === 'string')
        ? 1
        : 0;
  const length = first ? first.numRows - headers : 0;
  const toNumber = (v: unknown) => (typeof v === 'number' ? v : null);
  const option = <T>(key: string, fallback: T): T => (chart.options[key] as T | undefined) ?? fallback;
  return {
    chartId: chart.id,
    type: chart.type.toLowerCase(),
    ranges: chart.ranges.map((r) =>
      r.sheet === on ? rectToA1(r.rect) : `${quoteSheetName(r.sheet.name)}!${rectToA1(r.rect)}`,
    ),
    title: String(option('title', '')),
    stacked: chart.options.isStacked === true,
    colors: option<string[]>('colors', []),
    anchor: { ...chart.position },
    width: Number(option('width', 600)),
    height: Number(option('height', 371)),
    categories: first
      ? Array.from({ length }, (_, i) => cellDisplay(first.sheet, first.row + headers + i, first.column))
      : [],
    series: columns.slice(1).map((col, k) => ({
      name: headers ? cellDisplay(col.sheet, col.row, col.column) : `Series ${k + 1}`,
      values: Array.from({ length }, (_, i) => toNumber(read(col, headers + i))),
    })),
  };
}
