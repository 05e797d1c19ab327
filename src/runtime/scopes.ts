/**
 * The OAuth scopes each modelled service method needs, from the "Authorization" section of its
 * reference page ("Scripts that use this method require authorization with one or more of the
 * following scopes"). Any one scope of a method's list suffices. A manifest with explicit
 * `oauthScopes` grants only those (https://developers.google.com/apps-script/concepts/scopes#setting_explicit_scopes),
 * and a call without one is refused with "You do not have permission to call X. Required
 * permissions: ...". The table is per class, with per-method exceptions; a class missing here is
 * refused loudly by the runtime, so a newly modelled service must be added with its page.
 */

export const SPREADSHEETS_CURRENT = 'https://www.googleapis.com/auth/spreadsheets.currentonly';
export const SPREADSHEETS = 'https://www.googleapis.com/auth/spreadsheets';
export const CONTAINER_UI = 'https://www.googleapis.com/auth/script.container.ui';
export const USER_EMAIL = 'https://www.googleapis.com/auth/userinfo.email';

const SHEETS = [SPREADSHEETS_CURRENT, SPREADSHEETS] as const;
const NONE: readonly string[] = [];

interface ClassScopes {
  /** The reference page the scopes come from. */
  page: string;
  /** Scopes of every method of the class, unless listed in `methods`. */
  all: readonly string[];
  methods?: Record<string, readonly string[]>;
}

const spreadsheetPage = (cls: string) => `https://developers.google.com/apps-script/reference/spreadsheet/${cls}`;

/**
 * Spreadsheet service: every method of these classes lists spreadsheets.currentonly or
 * spreadsheets (e.g. Range.setValues, Sheet.getRange, DeveloperMetadataFinder.find). Builders are
 * held to the same scopes: the stricter reading where a page is unclear.
 */
const SPREADSHEET_CLASSES: Record<string, string> = {
  SpreadsheetApp: 'spreadsheet-app',
  Spreadsheet: 'spreadsheet',
  Sheet: 'sheet',
  Range: 'range',
  RangeList: 'range-list',
  DeveloperMetadata: 'developer-metadata',
  DeveloperMetadataFinder: 'developer-metadata-finder',
  DeveloperMetadataLocation: 'developer-metadata-location',
  ConditionalFormatRule: 'conditional-format-rule',
  ConditionalFormatRuleBuilder: 'conditional-format-rule-builder',
  BooleanCondition: 'boolean-condition',
  Filter: 'filter',
  FilterCriteria: 'filter-criteria',
  FilterCriteriaBuilder: 'filter-criteria-builder',
  DataValidation: 'data-validation',
  DataValidationBuilder: 'data-validation-builder',
  Protection: 'protection',
  // Embedded charts (chart.ts): the builder pages list no scope of their own; held to the sheet's.
  EmbeddedChart: 'embedded-chart',
  EmbeddedChartBuilder: 'embedded-chart-builder',
  EmbeddedAreaChartBuilder: 'embedded-area-chart-builder',
  EmbeddedBarChartBuilder: 'embedded-bar-chart-builder',
  EmbeddedColumnChartBuilder: 'embedded-column-chart-builder',
  EmbeddedComboChartBuilder: 'embedded-combo-chart-builder',
  EmbeddedHistogramChartBuilder: 'embedded-histogram-chart-builder',
  EmbeddedLineChartBuilder: 'embedded-line-chart-builder',
  EmbeddedPieChartBuilder: 'embedded-pie-chart-builder',
  EmbeddedScatterChartBuilder: 'embedded-scatter-chart-builder',
  EmbeddedTableChartBuilder: 'embedded-table-chart-builder',
  ContainerInfo: 'container-info',
};

export const SCOPE_TABLE: Record<string, ClassScopes> = {
  ...Object.fromEntries(
    Object.entries(SPREADSHEET_CLASSES).map(([cls, page]) => [cls, { page: spreadsheetPage(page), all: SHEETS }]),
  ),
  // SpreadsheetApp.getUi lists no scope: the Ui object is the container's; showing anything needs script.container.ui.
  SpreadsheetApp: { page: spreadsheetPage('spreadsheet-app'), all: SHEETS, methods: { getUi: NONE } },
  // Ui.showSidebar, alert, prompt, showModalDialog, showModelessDialog list script.container.ui; menus list none.
  Ui: {
    page: 'https://developers.google.com/apps-script/reference/base/ui',
    all: [CONTAINER_UI],
    methods: { createAddonMenu: NONE, createMenu: NONE },
  },
  Menu: { page: 'https://developers.google.com/apps-script/reference/base/menu', all: NONE },
  // Session.getActiveUser / getEffectiveUser and User.getEmail list userinfo.email.
  Session: {
    page: 'https://developers.google.com/apps-script/reference/base/session',
    all: NONE,
    methods: { getActiveUser: [USER_EMAIL], getEffectiveUser: [USER_EMAIL] },
  },
  User: { page: 'https://developers.google.com/apps-script/reference/base/user', all: [USER_EMAIL] },
  HtmlService: { page: 'https://developers.google.com/apps-script/reference/html/html-service', all: NONE },
  HtmlOutput: { page: 'https://developers.google.com/apps-script/reference/html/html-output', all: NONE },
  LockService: { page: 'https://developers.google.com/apps-script/reference/lock/lock-service', all: NONE },
  Lock: { page: 'https://developers.google.com/apps-script/reference/lock/lock', all: NONE },
  PropertiesService: {
    page: 'https://developers.google.com/apps-script/reference/properties/properties-service',
    all: NONE,
  },
  Properties: { page: 'https://developers.google.com/apps-script/reference/properties/properties', all: NONE },
  CacheService: { page: 'https://developers.google.com/apps-script/reference/cache/cache-service', all: NONE },
  Cache: { page: 'https://developers.google.com/apps-script/reference/cache/cache', all: NONE },
  Utilities: { page: 'https://developers.google.com/apps-script/reference/utilities/utilities', all: NONE },
  Logger: { page: 'https://developers.google.com/apps-script/reference/base/logger', all: NONE },
  // Chart options are Gviz's: https://developers.google.com/apps-script/reference/charts/chart-options lists no scope.
  ChartOptions: { page: 'https://developers.google.com/apps-script/reference/charts/chart-options', all: NONE },
  ScriptApp: { page: 'https://developers.google.com/apps-script/reference/script/script-app', all: NONE },
};

/** Scopes of 'Class.method' (any one suffices; empty: none needed), or null for a class not in the table. */
export function scopesFor(method: string): readonly string[] | null {
  const dot = method.indexOf('.');
  const entry = SCOPE_TABLE[method.slice(0, dot)];
  if (!entry) return null;
  return entry.methods?.[method.slice(dot + 1)] ?? entry.all;
}

/** Apps Script's refusal of a call whose scope the manifest lacks. */
export function permissionMessage(method: string, scopes: readonly string[]): string {
  const required = scopes.length === 1 ? scopes[0] : `(${scopes.join(' || ')})`;
  return `You do not have permission to call ${method}. Required permissions: ${required}`;
}
