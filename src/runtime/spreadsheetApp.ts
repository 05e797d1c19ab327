/** The SpreadsheetApp and ScriptApp globals: entry to the active spreadsheet, the UI, builders and enums. */
import { ruleBuilder } from './conditionalFormat';
import { validationBuilder } from './dataValidation';
import * as enums from './enums';
import type { Execution } from './execution';
import { criteriaBuilder } from './filter';
import { rangeObject } from './range';
import { serviceObject } from './service';
import { modelOfSheet, sheetObject } from './sheet';
import { spreadsheetObject } from './spreadsheet';
import { uiObject } from './ui';

type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

export function spreadsheetApp(exec: Execution): SpreadsheetApp {
  const wb = exec.world.workbook;
  const activeModel = () => wb.activeSheet ?? wb.sheets[0];
  const impl: Pick<
    SpreadsheetApp,
    | 'getActiveSpreadsheet'
    | 'getActive'
    | 'getActiveSheet'
    | 'getActiveRange'
    | 'getUi'
    | 'flush'
    | 'newConditionalFormatRule'
    | 'newFilterCriteria'
    | 'newDataValidation'
    | 'openById'
    | 'setActiveSheet'
  > &
    Record<string, unknown> = {
    getActiveSpreadsheet: () => spreadsheetObject(exec, wb),
    getActive: () => spreadsheetObject(exec, wb),
    getActiveSheet: () => sheetObject(exec, activeModel()),
    // The cursor is not modelled: the active range is the active sheet's A1.
    getActiveRange: () => rangeObject(exec, activeModel(), { row: 1, column: 1, numRows: 1, numColumns: 1 }),
    setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet) {
      const model = modelOfSheet(sheet);
      wb.activate(model);
      return sheetObject(exec, model);
    },
    getUi: () => uiObject(exec),
    // Writes apply at once here; flush is a counted no-op.
    flush: () => undefined,
    newConditionalFormatRule: () => ruleBuilder(exec),
    newFilterCriteria: () => criteriaBuilder(exec),
    newDataValidation: () => validationBuilder(exec),
    openById(id: string) {
      // Only the current document is reachable under the spreadsheets.currentonly scope.
      if (id === wb.id)
        throw new Error(
          'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
        );
      throw new Error('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    },
    BooleanCriteria: enums.BooleanCriteria,
    DataValidationCriteria: enums.DataValidationCriteria,
    DeveloperMetadataLocationType: enums.DeveloperMetadataLocationType,
    DeveloperMetadataVisibility: enums.DeveloperMetadataVisibility,
    Dimension: enums.Dimension,
    ProtectionType: enums.ProtectionType,
    WrapStrategy: enums.WrapStrategy,
  };
  return serviceObject(exec, 'SpreadsheetApp', impl);
}

export function scriptApp(exec: Execution): object {
  return serviceObject(exec, 'ScriptApp', { AuthMode: enums.AuthMode, TriggerSource: enums.TriggerSource });
}
