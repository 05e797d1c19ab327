/** Workbook ⇄ JSON: the playground's file and test fixtures (types.ts WorkbookJSON). */
import { parseA1, quoteSheetName, rectToA1, resolveA1, splitSheetName } from './a1';
import type { ValidationModel } from './dataValidation';
import {
  FORMAT_LAYERS,
  WorkbookModel,
  type ChartModel,
  type FormatLayer,
  type MetadataModel,
  type SheetModel,
} from './model';
import type { PropertyStores } from './properties';
import type { CellJSON, ChartJSON, ConditionalFormatJSON, SheetJSON, ValidationJSON, WorkbookJSON } from './types';
import { Formula, type CellValue } from './values';

function cellToJSON(v: CellValue): CellJSON {
  if (v instanceof Formula) return { formula: v.formula };
  if (v instanceof Date) return { date: v.toISOString() };
  return v;
}

function cellFromJSON(c: CellJSON | null | undefined): CellValue {
  if (c === null || c === undefined) return '';
  if (typeof c === 'object') {
    if ('formula' in c) return new Formula(c.formula);
    if ('date' in c) return new Date(c.date);
  }
  return c as CellValue;
}

/** Rows trimmed of trailing blanks, so a sparse sheet stays small on disk. */
function gridToJSON<T, U>(rows: (T[] | undefined)[], blank: T, map: (v: T) => U): U[][] {
  const out: U[][] = rows.map((r) => {
    if (!r) return [];
    let end = r.length;
    while (end > 0 && (r[end - 1] === blank || r[end - 1] === undefined)) end--;
    return r.slice(0, end).map((v) => map(v === undefined ? blank : v));
  });
  while (out.length > 0 && out[out.length - 1].length === 0) out.pop();
  return out;
}

/**
 * The longest row's length. A loop, not Math.max(...rows): spreading a 130,000-row tab into
 * arguments exceeds V8's stack ("Maximum call stack size exceeded").
 */
function widest(rows: readonly (readonly unknown[] | undefined)[]): number {
  let width = 0;
  for (const row of rows) if (row && row.length > width) width = row.length;
  return width;
}

function metadataToJSON(m: MetadataModel): SheetJSON['metadata'][number] {
  const base = {
    key: m.key,
    value: m.value,
    ...(m.visibility === 'PROJECT' ? { visibility: 'PROJECT' as const } : {}),
  };
  if (m.location.type === 'ROW' || m.location.type === 'COLUMN') {
    return { ...base, location: { type: m.location.type, start: m.location.start, length: m.location.length } };
  }
  return base;
}

function sheetToJSON(sheet: SheetModel): SheetJSON {
  const layer = (l: FormatLayer) => gridToJSON(sheet.formats[l].rows, null, (v) => v);
  const formats: Partial<Record<FormatLayer, (string | null)[][]>> = {};
  for (const l of FORMAT_LAYERS) {
    if (l === 'numberFormat' || l === 'fontWeight' || l === 'background') continue;
    const g = layer(l);
    if (g.length) formats[l] = g;
  }
  const conditionalFormats: ConditionalFormatJSON[] = sheet.rules.map((r) => ({
    ranges: r.ranges.map(rectToA1),
    criteria: r.criteria,
    values: r.values.map((v) => (typeof v === 'number' ? v : String(v))),
    background: r.format.background,
    fontColor: r.format.fontColor,
    bold: r.format.bold,
    strikethrough: r.format.strikethrough,
    italic: r.format.italic,
    underline: r.format.underline,
  }));
  return {
    sheetId: sheet.id,
    name: sheet.name,
    cells: gridToJSON(sheet.values.rows, '' as CellValue, cellToJSON),
    numberFormats: layer('numberFormat'),
    fontWeights: layer('fontWeight'),
    backgrounds: layer('background'),
    formats,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    hidden: sheet.hidden,
    merges: sheet.merges.map(rectToA1),
    filter: sheet.filter
      ? { range: rectToA1(sheet.filter.range), hiddenValues: Object.fromEntries(sheet.filter.hiddenValues) }
      : null,
    columnWidths: Object.fromEntries(sheet.columnWidths),
    conditionalFormats,
    validations: validationsToJSON(sheet),
    metadata: sheet.workbook.metadata
      .filter((m) => 'sheet' in m.location && m.location.sheet === sheet)
      .map(metadataToJSON),
    ...(sheet.charts.length ? { charts: sheet.charts.map((c) => chartToJSON(c, sheet)) } : {}),
  };
}

function chartToJSON(c: ChartModel, on: SheetModel): ChartJSON {
  return {
    chartId: c.id,
    type: c.type,
    ranges: c.ranges.map((r) =>
      r.sheet === on ? rectToA1(r.rect) : `${quoteSheetName(r.sheet.name)}!${rectToA1(r.rect)}`,
    ),
    options: c.options,
    position: { ...c.position },
    numHeaders: c.numHeaders,
  };
}

/** Validation rules as runs down each column: one entry per rule, listing its ranges. */
function validationsToJSON(sheet: SheetModel): ValidationJSON[] {
  const runs = new Map<ValidationModel, string[]>();
  const rows = sheet.validations.rows;
  const width = widest(rows);
  for (let c = 0; c < width; c++) {
    let start = -1;
    for (let r = 0; r <= rows.length; r++) {
      const here = r < rows.length ? sheet.validations.get(r, c) : null;
      const prev = start >= 0 ? sheet.validations.get(start, c) : null;
      if (start >= 0 && here !== prev) {
        const list = runs.get(prev!) ?? [];
        list.push(rectToA1({ row: start + 1, column: c + 1, numRows: r - start, numColumns: 1 }));
        runs.set(prev!, list);
        start = -1;
      }
      if (here && start < 0) start = r;
    }
  }
  return [...runs].map(([rule, ranges]) => ({
    ranges,
    criteria: rule.criteria,
    values: rule.values,
    ...(rule.source ? { source: `${quoteSheetName(rule.source.sheet.name)}!${rectToA1(rule.source.rect)}` } : {}),
    allowInvalid: rule.allowInvalid,
    helpText: rule.helpText,
  }));
}

export function workbookToJSON(wb: WorkbookModel, properties: PropertyStores): WorkbookJSON {
  return {
    name: wb.name,
    timeZone: wb.timeZone,
    sheets: wb.sheets.map(sheetToJSON),
    metadata: wb.metadata.filter((m) => m.location.type === 'SPREADSHEET').map(metadataToJSON),
    documentProperties: properties.document.toObject(),
    userProperties: properties.user.toObject(),
    scriptProperties: properties.script.toObject(),
    activeSheet: wb.activeSheet?.name,
  };
}

function rectOf(sheet: SheetModel, a1: string) {
  const ref = parseA1(a1);
  if (!ref) throw new Error(`Bad range in workbook JSON: ${quoteSheetName(sheet.name)}!${a1}`);
  return resolveA1(ref, sheet.maxRows, sheet.maxColumns);
}

export function workbookFromJSON(json: WorkbookJSON, properties: PropertyStores): WorkbookModel {
  const wb = new WorkbookModel(json.name, json.timeZone);
  // Validations and charts may name a range on a later sheet: load them once every sheet exists.
  const pendingValidations: [SheetModel, ValidationJSON[]][] = [];
  const pendingCharts: [SheetModel, ChartJSON[]][] = [];
  for (const s of json.sheets) {
    wb.reserveSheetId(s.sheetId);
    const sheet = wb.addSheet(s.name, wb.sheets.length, s.sheetId);
    const cells = s.cells ?? [];
    sheet.maxRows = Math.max(s.maxRows ?? 1000, cells.length);
    sheet.maxColumns = Math.max(s.maxColumns ?? 26, widest(cells));
    sheet.values.rows = cells.map((r) => (r.length ? r.map(cellFromJSON) : undefined));
    const load = (l: FormatLayer, g: (string | null)[][] | undefined) => {
      if (g) sheet.formats[l].rows = g.map((r) => (r.length ? r.slice() : undefined));
    };
    load('numberFormat', s.numberFormats);
    load('fontWeight', s.fontWeights);
    load('background', s.backgrounds);
    for (const [l, g] of Object.entries(s.formats ?? {})) load(l as FormatLayer, g);
    sheet.frozenRows = s.frozenRows ?? 0;
    sheet.frozenColumns = s.frozenColumns ?? 0;
    sheet.hidden = s.hidden ?? false;
    sheet.merges = (s.merges ?? []).map((a1) => rectOf(sheet, a1));
    if (s.filter) {
      sheet.filter = {
        range: rectOf(sheet, s.filter.range),
        hiddenValues: new Map(Object.entries(s.filter.hiddenValues ?? {}).map(([c, v]) => [Number(c), v])),
      };
    }
    for (const [c, w] of Object.entries(s.columnWidths ?? {})) sheet.columnWidths.set(Number(c), w);
    sheet.rules = (s.conditionalFormats ?? []).map((r) => ({
      ranges: r.ranges.map((a1) => rectOf(sheet, a1)),
      criteria: r.criteria,
      values: [...r.values],
      format: {
        background: r.background ?? null,
        fontColor: r.fontColor ?? null,
        bold: r.bold ?? null,
        italic: r.italic ?? null,
        strikethrough: r.strikethrough ?? null,
        underline: r.underline ?? null,
      },
    }));
    pendingValidations.push([sheet, s.validations ?? []]);
    pendingCharts.push([sheet, s.charts ?? []]);
    for (const m of s.metadata ?? []) {
      wb.metadata.push({
        id: wb.newMetadataId(),
        key: m.key,
        value: m.value,
        visibility: m.visibility ?? 'DOCUMENT',
        location: m.location
          ? { type: m.location.type, sheet, start: m.location.start, length: m.location.length }
          : { type: 'SHEET', sheet },
      });
    }
  }
  for (const m of json.metadata ?? []) {
    wb.metadata.push({
      id: wb.newMetadataId(),
      key: m.key,
      value: m.value,
      visibility: m.visibility ?? 'DOCUMENT',
      location: { type: 'SPREADSHEET' },
    });
  }
  for (const [sheet, list] of pendingValidations) {
    for (const v of list) {
      let source: ValidationModel['source'] = null;
      if (v.source) {
        const { sheetName, cells } = splitSheetName(v.source);
        const from = sheetName === null ? sheet : wb.sheets.find((x) => x.name === sheetName);
        if (from) source = { sheet: from, rect: rectOf(from, cells) };
      }
      const rule: ValidationModel = {
        criteria: v.criteria,
        values: v.values,
        source,
        allowInvalid: v.allowInvalid,
        helpText: v.helpText ?? '',
      };
      for (const a1 of v.ranges) {
        const r = rectOf(sheet, a1);
        sheet.validations.writeBlock(r.row - 1, r.column - 1, r.numRows, r.numColumns, () => rule);
      }
    }
  }
  for (const [sheet, charts] of pendingCharts) {
    for (const c of charts) {
      wb.reserveChartId(c.chartId);
      const ranges = c.ranges.flatMap((a1) => {
        const { sheetName, cells } = splitSheetName(a1);
        const from = sheetName === null ? sheet : wb.sheets.find((x) => x.name === sheetName);
        return from ? [{ sheet: from, rect: rectOf(from, cells) }] : [];
      });
      sheet.charts.push({
        id: c.chartId,
        type: c.type as ChartModel['type'],
        ranges,
        options: { ...c.options },
        position: { ...c.position },
        numHeaders: c.numHeaders,
      });
    }
  }
  if (wb.sheets.length === 0) wb.addSheet('Sheet1');
  wb.activeSheet = (json.activeSheet ? wb.findSheet(json.activeSheet) : null) ?? wb.sheets[0];
  const fill = (store: PropertyStores['document'], values: Record<string, string> | undefined) => {
    store.values.clear();
    for (const [k, v] of Object.entries(values ?? {})) store.values.set(k, String(v));
  };
  fill(properties.document, json.documentProperties);
  fill(properties.user, json.userProperties);
  fill(properties.script, json.scriptProperties);
  return wb;
}
