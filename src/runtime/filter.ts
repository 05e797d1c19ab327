/**
 * A sheet's basic filter: its range, per-column hidden values, and sorting within it. Rows hidden
 * by a filter still come back from getValues, as in Sheets; isRowHiddenByFilter reports them.
 */
import type { Execution } from './execution';
import type { SheetModel } from './model';
import { serviceObject } from './service';
import { objects } from './objects';
import { sortRows } from './cells';

type FilterApi = Pick<
  GoogleAppsScript.Spreadsheet.Filter,
  'getRange' | 'remove' | 'sort' | 'setColumnFilterCriteria' | 'getColumnFilterCriteria' | 'removeColumnFilterCriteria'
>;

/** The part of FilterCriteria this runtime models: values hidden in a column. */
export interface CriteriaModel {
  hiddenValues: string[];
}

const criteriaModels = new WeakMap<object, CriteriaModel>();

export function filterObject(exec: Execution, sheet: SheetModel): GoogleAppsScript.Spreadsheet.Filter {
  const current = () => {
    if (!sheet.filter) throw new Error('This filter has been removed.');
    return sheet.filter;
  };
  const checkColumn = (column: number) => {
    const r = current().range;
    if (column < r.column || column >= r.column + r.numColumns)
      throw new Error('The column position is outside the filter range.');
  };
  const impl: FilterApi = {
    getRange: () => objects.range(exec, sheet, current().range),
    remove() {
      sheet.filter = null;
    },
    sort(columnPosition, ascending) {
      const r = current().range;
      checkColumn(columnPosition);
      // The filter's first row is its header and stays put.
      if (r.numRows > 1)
        sortRows(sheet, { ...r, row: r.row + 1, numRows: r.numRows - 1 }, { column: columnPosition, ascending });
      return self;
    },
    setColumnFilterCriteria(columnPosition, criteria) {
      checkColumn(columnPosition);
      if (criteria === null) current().hiddenValues.delete(columnPosition);
      else {
        const model = criteriaModels.get(criteria as object);
        if (!model) throw new Error('offline runtime: only FilterCriteria built with setHiddenValues are supported');
        current().hiddenValues.set(columnPosition, [...model.hiddenValues]);
      }
      return self;
    },
    getColumnFilterCriteria(columnPosition) {
      const hidden = current().hiddenValues.get(columnPosition);
      return hidden
        ? criteriaObject(exec, { hiddenValues: hidden })
        : (null as unknown as GoogleAppsScript.Spreadsheet.FilterCriteria);
    },
    removeColumnFilterCriteria(columnPosition) {
      current().hiddenValues.delete(columnPosition);
      return self;
    },
  };
  const self = serviceObject<GoogleAppsScript.Spreadsheet.Filter>(exec, 'Filter', impl);
  return self;
}

function criteriaObject(exec: Execution, model: CriteriaModel): GoogleAppsScript.Spreadsheet.FilterCriteria {
  const impl: Pick<GoogleAppsScript.Spreadsheet.FilterCriteria, 'getHiddenValues' | 'copy'> = {
    getHiddenValues: () => exec.realm.array(model.hiddenValues),
    copy: () => criteriaBuilder(exec, { hiddenValues: [...model.hiddenValues] }),
  };
  const obj = serviceObject<GoogleAppsScript.Spreadsheet.FilterCriteria>(exec, 'FilterCriteria', impl);
  criteriaModels.set(obj, model);
  return obj;
}

export function criteriaBuilder(
  exec: Execution,
  model: CriteriaModel = { hiddenValues: [] },
): GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder {
  const impl: Pick<
    GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder,
    'setHiddenValues' | 'getHiddenValues' | 'build'
  > = {
    setHiddenValues(values) {
      model.hiddenValues = values.map(String);
      return self;
    },
    getHiddenValues: () => exec.realm.array(model.hiddenValues),
    build: () => criteriaObject(exec, { hiddenValues: [...model.hiddenValues] }),
  };
  const self = serviceObject<GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder>(exec, 'FilterCriteriaBuilder', impl);
  return self;
}
