/**
 * Developer metadata: key/value pairs attached to the spreadsheet, a sheet, or whole rows/columns.
 * Locations hold the sheet itself, so metadata follows a sheet that is renamed or moved, and
 * row/column metadata shifts with insertions and deletions (model.ts).
 * https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata
 */
import type { Rect } from './a1';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility } from './enums';
import type { Execution } from './execution';
import type { MetadataLocation, MetadataModel, SheetModel, WorkbookModel } from './model';
import { serviceObject } from './service';
import { objects } from './objects';

const KEY_LIMIT = 256;

export function addMetadata(
  wb: WorkbookModel,
  location: MetadataLocation,
  key: unknown,
  value?: unknown,
  visibility?: unknown,
): MetadataModel {
  const k = String(key);
  if (k === '' || k.length > KEY_LIMIT) throw new Error(`Invalid argument: key`);
  const m: MetadataModel = {
    id: wb.newMetadataId(),
    key: k,
    value: value === undefined || value === null ? null : String(value),
    visibility: String(visibility ?? 'DOCUMENT') === 'PROJECT' ? 'PROJECT' : 'DOCUMENT',
    location,
  };
  wb.metadata.push(m);
  return m;
}

/** Rows or columns only: "Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column." */
export function rangeMetadataLocation(sheet: SheetModel, rect: Rect): MetadataLocation {
  if (rect.column === 1 && rect.numColumns === sheet.maxColumns)
    return { type: 'ROW', sheet, start: rect.row, length: rect.numRows };
  if (rect.row === 1 && rect.numRows === sheet.maxRows)
    return { type: 'COLUMN', sheet, start: rect.column, length: rect.numColumns };
  throw new Error(
    'Adding developer metadata to arbitrary ranges is not currently supported. Developer metadata may only be added to the top-level spreadsheet, an individual sheet, or an entire row or column.',
  );
}

type LocationApi = Pick<
  GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation,
  'getLocationType' | 'getSheet' | 'getSpreadsheet' | 'getRow' | 'getColumn'
>;

function locationObject(exec: Execution, m: MetadataModel): GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation {
  const loc = m.location;
  const types = DeveloperMetadataLocationType;
  const impl: LocationApi = {
    getLocationType: () => types[loc.type] as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataLocationType,
    getSheet: () => ('sheet' in loc ? objects.sheet(exec, loc.sheet) : null) as GoogleAppsScript.Spreadsheet.Sheet,
    getSpreadsheet: () =>
      (loc.type === 'SPREADSHEET'
        ? objects.spreadsheet(exec, exec.world.workbook)
        : null) as GoogleAppsScript.Spreadsheet.Spreadsheet,
    getRow: () =>
      (loc.type === 'ROW'
        ? objects.range(exec, loc.sheet, {
            row: loc.start,
            column: 1,
            numRows: loc.length,
            numColumns: loc.sheet.maxColumns,
          })
        : null) as GoogleAppsScript.Spreadsheet.Range,
    getColumn: () =>
      (loc.type === 'COLUMN'
        ? objects.range(exec, loc.sheet, {
            row: 1,
            column: loc.start,
            numRows: loc.sheet.maxRows,
            numColumns: loc.length,
          })
        : null) as GoogleAppsScript.Spreadsheet.Range,
  };
  return serviceObject(exec, 'DeveloperMetadataLocation', impl);
}

type MetadataApi = Pick<
  GoogleAppsScript.Spreadsheet.DeveloperMetadata,
  'getId' | 'getKey' | 'getValue' | 'getVisibility' | 'getLocation' | 'setKey' | 'setValue' | 'setVisibility' | 'remove'
>;

export function metadataObject(exec: Execution, m: MetadataModel): GoogleAppsScript.Spreadsheet.DeveloperMetadata {
  const wb = exec.world.workbook;
  const impl: MetadataApi = {
    getId: () => m.id,
    getKey: () => m.key,
    getValue: () => m.value as string,
    getVisibility: () =>
      DeveloperMetadataVisibility[m.visibility] as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility,
    getLocation: () => locationObject(exec, m),
    setKey(key) {
      m.key = String(key);
      return self;
    },
    setValue(value) {
      m.value = value === null ? null : String(value);
      return self;
    },
    setVisibility(v) {
      m.visibility = String(v) === 'PROJECT' ? 'PROJECT' : 'DOCUMENT';
      return self;
    },
    remove() {
      wb.metadata = wb.metadata.filter((x) => x !== m);
    },
  };
  const self = serviceObject<GoogleAppsScript.Spreadsheet.DeveloperMetadata>(exec, 'DeveloperMetadata', impl);
  return self;
}

export function metadataObjects(
  exec: Execution,
  list: MetadataModel[],
): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
  return list.map((m) => metadataObject(exec, m));
}

type FinderApi = Pick<
  GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder,
  'withKey' | 'withValue' | 'withId' | 'withLocationType' | 'withVisibility' | 'find'
>;

/** A finder over the whole spreadsheet, or over one sheet (the sheet and its rows and columns). */
export function finderObject(
  exec: Execution,
  wb: WorkbookModel,
  scope: SheetModel | null,
): GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder {
  const filters: ((m: MetadataModel) => boolean)[] = [];
  const impl: FinderApi = {
    withKey(key) {
      filters.push((m) => m.key === key);
      return self;
    },
    withValue(value) {
      filters.push((m) => m.value === value);
      return self;
    },
    withId(id) {
      filters.push((m) => m.id === id);
      return self;
    },
    withLocationType(t) {
      filters.push((m) => m.location.type === String(t));
      return self;
    },
    withVisibility(v) {
      filters.push((m) => m.visibility === String(v));
      return self;
    },
    find: () => {
      const found = wb.metadata.filter(
        (m) => (scope === null || ('sheet' in m.location && m.location.sheet === scope)) && filters.every((f) => f(m)),
      );
      // Switch metadataFinderOrder: the reference documents no order.
      if (wb.switches.metadataFinderOrder === 'reverse') found.reverse();
      return exec.realm.array(metadataObjects(exec, found));
    },
  };
  const self = serviceObject<GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder>(
    exec,
    'DeveloperMetadataFinder',
    impl,
  );
  return self;
}
