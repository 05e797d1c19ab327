/**
 * The public face of the offline Apps Script runtime: what tests, benchmarks and the
 * playground use. The implementation (environment.ts and the service files beside it) runs the
 * built dist/Code.js in a fresh V8 context per execution, as Apps Script does.
 */

/** A JSON-serialisable snapshot of a workbook, for the playground's file and for fixtures. */
export interface WorkbookJSON {
  name: string;
  timeZone: string;
  sheets: SheetJSON[];
  /** Document-level developer metadata and document properties. */
  metadata: MetadataJSON[];
  documentProperties: Record<string, string>;
  userProperties?: Record<string, string>;
  scriptProperties?: Record<string, string>;
  /** Name of the sheet the user is looking at. */
  activeSheet?: string;
}

export interface MetadataJSON {
  key: string;
  value: string | null;
  visibility?: 'DOCUMENT' | 'PROJECT';
  /** Whole rows or columns of the sheet (absent: the sheet, or the spreadsheet at top level). */
  location?: { type: 'ROW' | 'COLUMN'; start: number; length: number };
}

export interface SheetJSON {
  sheetId: number;
  name: string;
  /** Cell contents: string, number, boolean, or { date: ISO } / { formula: '=...' }; '' for blank. */
  cells: CellJSON[][];
  numberFormats?: (string | null)[][];
  fontWeights?: (string | null)[][];
  backgrounds?: (string | null)[][];
  /** Other format layers (fontStyle, fontColor, horizontalAlignment, wrap, note, ...) by name. */
  formats?: Record<string, (string | null)[][]>;
  frozenRows: number;
  frozenColumns: number;
  maxRows?: number;
  maxColumns?: number;
  hidden?: boolean;
  /** Merged ranges in A1 notation. */
  merges?: string[];
  filter?: { range: string; hiddenValues?: Record<string, string[]> } | null;
  columnWidths?: Record<string, number>;
  conditionalFormats: ConditionalFormatJSON[];
  validations?: ValidationJSON[];
  metadata: MetadataJSON[];
  /** Embedded charts (chart.ts). */
  charts?: ChartJSON[];
}

/** An embedded chart: its ranges in A1 notation ('Other sheet'!A1:B9 when on another sheet). */
export interface ChartJSON {
  chartId: number;
  type: string;
  ranges: string[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  numHeaders: number;
}

/** A data validation rule and the ranges (A1) it is set on. */
export interface ValidationJSON {
  ranges: string[];
  /** A DataValidationCriteria name: VALUE_IN_LIST, CHECKBOX, NUMBER_BETWEEN, ... */
  criteria: string;
  values: unknown[];
  /** For VALUE_IN_RANGE: the allowed values' range, 'Sheet'!A1:A9. */
  source?: string;
  allowInvalid: boolean;
  helpText?: string;
}

export type CellJSON = string | number | boolean | { date: string } | { formula: string };

export interface ConditionalFormatJSON {
  ranges: string[]; // A1 notation
  /** e.g. TEXT_EQ, TEXT_CONTAINS, CUSTOM_FORMULA, CELL_EMPTY ... (BooleanCriteria names) */
  criteria: string;
  values: (string | number)[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  strikethrough: boolean | null;
  italic?: boolean | null;
  underline?: boolean | null;
}

export interface EnvironmentOptions {
  /**
   * Folder holding the built project: Code.js, the HTML files HtmlService reads, and
   * appsscript.json (its timeZone is the script's time zone).
   */
  distDir: string;
  /** The add-on's name, the title of its menu under Extensions; default 'Untitled project', as Apps Script names a new project. */
  addOnName?: string;
  /** The spreadsheet's time zone (Spreadsheet.getSpreadsheetTimeZone), default 'Etc/UTC'. */
  timeZone?: string;
  /** The script's time zone; default the manifest's timeZone, else 'Etc/UTC'. */
  scriptTimeZone?: string;
  /** Session.getActiveUser().getEmail(), default 'user@example.com'. */
  user?: string;
  /** The clock the services see (new Date() inside the add-on too); default real time. */
  now?: () => Date;
  /** The granted scopes; default the built appsscript.json's oauthScopes (a test narrows them to see a call refused). */
  oauthScopes?: string[];
  /** The simple triggers' time limit, default 30 s ("They cannot run for longer than 30 seconds"); a test may shorten it. */
  simpleTriggerLimitMs?: number;
  /** Unverified behaviours (src/runtime/switches.ts); default from CADENCE_RUNTIME_SWITCHES, else each switch's first value. */
  switches?: Partial<import('./switches').RuntimeSwitches>;
  /** Start from this workbook; default an empty spreadsheet with one sheet "Sheet1". */
  workbook?: WorkbookJSON;
}

/** A service call, as counted: 'Range.getValues', 'SpreadsheetApp.getActiveSpreadsheet', ... */
export type ServiceMethod = string;

export interface CallCounts {
  /** Calls per method during the measured span. */
  byMethod: Record<ServiceMethod, number>;
  total: number;
  /** Calls per class ('Range', 'Sheet', 'ConditionalFormatRuleBuilder', ...). */
  byService: Record<string, number>;
  /**
   * Calls that cost a round trip to Google in Apps Script: SpreadsheetApp, Spreadsheet, Sheet,
   * Range, Filter, DeveloperMetadata(Finder), Ui, Lock(Service), Properties(Service), Cache(Service).
   * Builders (and SpreadsheetApp.new*), HtmlOutput, Utilities, Session and Logger are in-process and left out.
   */
  expensive: number;
}

export interface Fault {
  /** Method to fail, e.g. 'Range.setValues'. */
  method: ServiceMethod;
  /** Fail the nth call (1-based) of that method from now on; default 1. */
  nth?: number;
  message?: string;
}

export interface UiState {
  /** The add-on menu built by onOpen (createAddonMenu), null before. */
  menu: { title: string; items: { caption: string; functionName: string }[] } | null;
  /** The sidebar currently shown, null when none. */
  sidebar: { title: string; html: string } | null;
  /** ui.alert() texts shown so far. */
  alerts: string[];
  /** Spreadsheet.toast() texts shown so far. */
  toasts: string[];
}

/** The view the playground renders and GET /api/workbook answers. */
/** A chart as the playground draws it: categories and numeric series read from its ranges. */
export interface ChartView {
  chartId: number;
  /** The Charts.ChartType name, lower case: 'column', 'line', ... */
  type: string;
  /** A1 ranges (with the sheet's name when on another sheet). */
  ranges: string[];
  title: string;
  stacked: boolean;
  colors: string[];
  /** Anchor cell, 1-based, and the offset and size in pixels. */
  anchor: { row: number; column: number; offsetX: number; offsetY: number };
  width: number;
  height: number;
  categories: string[];
  series: { name: string; values: (number | null)[] }[];
}

export interface WorkbookView {
  sheets: {
    name: string;
    sheetId: number;
    /** Display values: dates as YYYY-MM-DD (or their number format), numbers formatted. */
    values: string[][];
    /** Effective background after conditional formatting, null where none. */
    backgrounds: (string | null)[][];
    fontWeights: (string | null)[][];
    frozenRows: number;
    frozenColumns: number;
    /** Hidden by hideSheet: the playground leaves it out of the tab bar. */
    hidden?: boolean;
    /** Widths in pixels the code set (setColumnWidth), by 1-based column; others are Sheets' default. */
    columnWidths: Record<number, number>;
    /** Cells whose text wraps (setWrap), as 0-based [row, column]. */
    wrapped: [number, number][];
    /** Columns hidden by hideColumns (1-based): Sheets does not show them. */
    hiddenColumns: number[];
    /** Cells a data-validation rule makes a dropdown, a checkbox or a date picker, as a person sees them. */
    inputs: CellInput[];
    /** Merged ranges as 0-based [row, column] of the top-left cell and their size in rows and columns. */
    merges: [number, number, number, number][];
    /** Embedded charts with the data they draw (chart.ts ChartView). */
    charts: ChartView[];
  }[];
  activeSheet: string;
}

/** A cell with a data-validation rule a person edits through a control (0-based row and column). */
export interface CellInput {
  row: number;
  column: number;
  kind: 'list' | 'checkbox' | 'date';
  /** The dropdown's choices (list only). */
  options?: string[];
  /** The date as YYYY-MM-DD (date only; '' when the cell is empty or holds no date). */
  date?: string;
}

/** What a person's edit did (Environment.edit). */
export interface EditResult {
  /** Whether Code.js has an onEdit(e) simple trigger, and so it ran. */
  fired: boolean;
  /** The trigger's error, if it threw (in Sheets it goes to the executions log; the edit stands). */
  error: string | null;
}

export interface TriggerOptions {
  authMode?: 'NONE' | 'LIMITED' | 'FULL';
  /** Extra event fields, e.g. { range: "'Quick entry'!B2", value: 'x', oldValue: '' }. */
  event?: Record<string, unknown>;
}

/** One shared Apps Script world: a spreadsheet, its properties and locks, and the add-on's code. */
export interface Environment {
  /**
   * The in-memory spreadsheet, for tests to set up and inspect data with the real API shape
   * (getSheetByName, getRange().setValues, ...). Calls made through this handle are not counted.
   */
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly ui: UiState;

  /**
   * Runs a top-level function of Code.js as google.script.run would: in a fresh execution
   * (a new V8 context), arguments and result copied with the bridge's rules (a Date, function
   * or other non-plain value in the arguments throws). Throws an Error with the add-on's message.
   */
  run<T = unknown>(name: string, ...args: unknown[]): T;
  /**
   * Runs a trigger function (onOpen, onInstall, onEdit...) with the given auth mode, or with
   * `{ authMode, event }`: `event`'s fields are added to the event object (plain data; `range` as
   * A1 notation with the sheet name becomes a Range). Default mode: FULL for onInstall, else LIMITED.
   */
  trigger(name: string, mode?: 'NONE' | 'LIMITED' | 'FULL' | TriggerOptions): unknown;

  /**
   * One person's edit, as typing into a cell, picking from a dropdown or ticking a checkbox does
   * it: `value` is entered as typed text (a boolean ticks or clears a checkbox) into `range` (A1) of
   * the tab `sheet`, refused as Sheets refuses input a rejecting data-validation rule forbids; then
   * the onEdit(e) simple trigger runs, if Code.js has one. Only a person's edit fires it: the
   * add-on's own writes never do (https://developers.google.com/apps-script/guides/triggers#restrictions).
   */
  edit(sheet: string, range: string, value: string | number | boolean): EditResult;

  /** Service calls made by the add-on during the last run()/trigger(). */
  readonly lastCalls: CallCounts;

  /**
   * Called before every service call the add-on makes (not the test's own calls): lets a test
   * interleave another run() at any point of an execution. `execution` numbers runs from 1.
   */
  beforeServiceCall: ((method: ServiceMethod, execution: number) => void) | null;

  /** The next matching call throws `message` (simulating a service failure half-way). */
  injectFault(fault: Fault): void;
  /** Every document lock's tryLock/waitLock times out while true. */
  lockUnavailable: boolean;

  /** Document properties as the add-on stored them. */
  documentProperties(): Record<string, string>;

  toJSON(): WorkbookJSON;
  view(): WorkbookView;
}
