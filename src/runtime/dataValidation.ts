/**
 * Data validation: SpreadsheetApp.newDataValidation(), rules on cells, and their enforcement. A
 * rule that rejects invalid data (setAllowInvalid(false)) also refuses the script's own writes,
 * with Apps Script's message, so an add-on writing into a user's validated column finds out offline.
 */
import { rectToA1, type Rect } from './a1';
import { DataValidationCriteria } from './enums';
import type { Execution } from './execution';
import { formulaHolds } from './formula';
import type { SheetModel } from './model';
import { displayValue } from './numberFormat';
import { serviceObject } from './service';
import { Formula, isDate, numericValue, type CellValue } from './values';
import { objects } from './objects';
import { cellDisplay, rangeInfo } from './cells';
import { numberCriterionHolds, textCriterionHolds } from './criteria';

export interface ValidationModel {
  /** A DataValidationCriteria name. */
  criteria: string;
  values: unknown[];
  /** For VALUE_IN_RANGE: the cells whose values are allowed. */
  source: { sheet: SheetModel; rect: Rect } | null;
  allowInvalid: boolean;
  helpText: string;
}

type Builder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type Validation = GoogleAppsScript.Spreadsheet.DataValidation;

/** Built rules keep their model here, so Range.setDataValidation can read what the add-on built. */
const builtValidations = new WeakMap<object, ValidationModel>();

export function validationModelOf(rule: unknown): ValidationModel | null {
  if (rule === null) return null;
  const model = builtValidations.get(rule as object);
  if (!model)
    throw new Error(
      "The parameters (Object) don't match the method signature for SpreadsheetApp.Range.setDataValidation.",
    );
  return model;
}

type BuilderApi = Pick<
  Builder,
  | 'build'
  | 'copy'
  | 'getAllowInvalid'
  | 'getCriteriaType'
  | 'getCriteriaValues'
  | 'getHelpText'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'requireCheckbox'
  | 'requireDate'
  | 'requireFormulaSatisfied'
  | 'requireNumberBetween'
  | 'requireNumberEqualTo'
  | 'requireNumberGreaterThan'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireNumberLessThan'
  | 'requireNumberLessThanOrEqualTo'
  | 'requireNumberNotBetween'
  | 'requireNumberNotEqualTo'
  | 'requireTextContains'
  | 'requireTextDoesNotContain'
  | 'requireTextEqualTo'
  | 'requireTextIsEmail'
  | 'requireTextIsUrl'
  | 'requireValueInList'
  | 'requireValueInRange'
>;

export function validationBuilder(exec: Execution, start?: ValidationModel): Builder {
  const d: ValidationModel = start
    ? { ...start, values: [...start.values] }
    : { criteria: '', values: [], source: null, allowInvalid: true, helpText: '' };
  const require = (criteria: string, ...values: unknown[]) => {
    d.criteria = criteria;
    d.values = values;
    d.source = null;
    return self;
  };
  const impl: BuilderApi = {
    build() {
      if (d.criteria === '') throw new Error('A data validation rule must have a criteria.');
      return validationObject(exec, { ...d, values: [...d.values] });
    },
    copy: () => validationBuilder(exec, d),
    getAllowInvalid: () => d.allowInvalid,
    getCriteriaType: () =>
      DataValidationCriteria[
        d.criteria as keyof typeof DataValidationCriteria
      ] as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria,
    getCriteriaValues: () => criteriaValues(exec, d),
    getHelpText: () => d.helpText,
    setAllowInvalid(allowInvalidData) {
      d.allowInvalid = Boolean(allowInvalidData);
      return self;
    },
    setHelpText(helpText) {
      d.helpText = String(helpText);
      return self;
    },
    requireCheckbox: ((...values: unknown[]) => require('CHECKBOX', ...values)) as Builder['requireCheckbox'],
    // https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireDate()
    requireDate: () => require('DATE_IS_VALID_DATE'),
    requireFormulaSatisfied: (formula) => require('CUSTOM_FORMULA', String(formula)),
    requireNumberBetween: (a, b) => require('NUMBER_BETWEEN', a, b),
    requireNumberEqualTo: (n) => require('NUMBER_EQUAL_TO', n),
    requireNumberGreaterThan: (n) => require('NUMBER_GREATER_THAN', n),
    requireNumberGreaterThanOrEqualTo: (n) => require('NUMBER_GREATER_THAN_OR_EQUAL_TO', n),
    requireNumberLessThan: (n) => require('NUMBER_LESS_THAN', n),
    requireNumberLessThanOrEqualTo: (n) => require('NUMBER_LESS_THAN_OR_EQUAL_TO', n),
    requireNumberNotBetween: (a, b) => require('NUMBER_NOT_BETWEEN', a, b),
    requireNumberNotEqualTo: (n) => require('NUMBER_NOT_EQUAL_TO', n),
    requireTextContains: (t) => require('TEXT_CONTAINS', String(t)),
    requireTextDoesNotContain: (t) => require('TEXT_DOES_NOT_CONTAIN', String(t)),
    requireTextEqualTo: (t) => require('TEXT_EQUAL_TO', String(t)),
    requireTextIsEmail: () => require('TEXT_IS_VALID_EMAIL'),
    requireTextIsUrl: () => require('TEXT_IS_VALID_URL'),
    requireValueInList: ((values: unknown[], showDropdown = true) =>
      require('VALUE_IN_LIST', [...values].map(String), showDropdown)) as Builder['requireValueInList'],
    requireValueInRange: ((range: unknown, showDropdown = true) => {
      const info = rangeInfo.get(range as object);
      if (!info)
        throw new Error(
          "The parameters (Object) don't match the method signature for SpreadsheetApp.DataValidationBuilder.requireValueInRange.",
        );
      require('VALUE_IN_RANGE', showDropdown);
      d.source = { sheet: info.sheet, rect: { ...info.rect } };
      return self;
    }) as Builder['requireValueInRange'],
  };
  const self = serviceObject<Builder>(exec, 'DataValidationBuilder', impl);
  return self;
}

function criteriaValues(exec: Execution, d: ValidationModel): unknown[] {
  const values =
    d.criteria === 'VALUE_IN_RANGE' && d.source
      ? [objects.range(exec, d.source.sheet, d.source.rect), ...d.values]
      : d.values;
  return exec.realm.array(values.map((v) => (Array.isArray(v) ? exec.realm.array(v) : v)));
}

export function validationObject(exec: Execution, model: ValidationModel): Validation {
  const impl: Pick<Validation, 'copy' | 'getAllowInvalid' | 'getCriteriaType' | 'getCriteriaValues' | 'getHelpText'> = {
    copy: () => validationBuilder(exec, model),
    getAllowInvalid: () => model.allowInvalid,
    getCriteriaType: () =>
      DataValidationCriteria[
        model.criteria as keyof typeof DataValidationCriteria
      ] as unknown as GoogleAppsScript.Spreadsheet.DataValidationCriteria,
    getCriteriaValues: () => criteriaValues(exec, model),
    getHelpText: () => model.helpText,
  };
  const rule = serviceObject<Validation>(exec, 'DataValidation', impl);
  builtValidations.set(rule, model);
  return rule;
}

/** Whether a value satisfies a rule; blanks always do, and formulas are not checked. */
export function satisfies(
  sheet: SheetModel,
  rule: ValidationModel,
  row: number,
  column: number,
  value: CellValue,
): boolean {
  if (value === '' || value instanceof Formula) return true;
  const n = numericValue(value, sheet.workbook.timeZone);
  const text = () => displayValue(value, sheet.formats.numberFormat.get(row - 1, column - 1), sheet.workbook.timeZone);
  const byNumber = numberCriterionHolds(rule.criteria, n, rule.values);
  if (byNumber !== undefined) return byNumber;
  const byText = textCriterionHolds(rule.criteria, text(), String(rule.values[0]));
  if (byText !== undefined) return byText;
  switch (rule.criteria) {
    case 'DATE_IS_VALID_DATE':
      return isDate(value);
    case 'CHECKBOX':
      return typeof value === 'boolean' || (rule.values.length > 0 && rule.values.map(String).includes(String(value)));
    case 'VALUE_IN_LIST':
      return (rule.values[0] as string[]).includes(text());
    case 'VALUE_IN_RANGE': {
      const src = rule.source;
      if (!src) return false;
      for (let r = src.rect.row; r < src.rect.row + src.rect.numRows; r++) {
        for (let c = src.rect.column; c < src.rect.column + src.rect.numColumns; c++) {
          if (cellDisplay(src.sheet, r, c) === text()) return true;
        }
      }
      return false;
    }
    case 'TEXT_IS_VALID_EMAIL':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text());
    case 'TEXT_IS_VALID_URL':
      return /^(https?|ftp):\/\/\S+$/i.test(text());
    case 'CUSTOM_FORMULA': {
      // The rule's formula sees the new value: evaluate with it in place, then restore.
      const before = sheet.values.get(row - 1, column - 1);
      sheet.values.set(row - 1, column - 1, value);
      try {
        return formulaHolds(String(rule.values[0]), {
          sheet,
          row,
          column,
          rowShift: 0,
          columnShift: 0,
          now: sheet.workbook.clock,
          directSheetRefs: false,
          depth: 0,
        });
      } finally {
        sheet.values.set(row - 1, column - 1, before);
      }
    }
    default:
      return true; // date criteria are not modelled: nothing is refused
  }
}

/**
 * Refuses a write that breaks a rejecting rule, before anything is stored. Apps Script's wording
 * (as seen in its execution log): "The data you entered in cell A1 violates the data validation
 * rules set on this cell."
 */
export function checkValidations(sheet: SheetModel, rect: Rect, entered: CellValue[][]): void {
  const grid = sheet.validations;
  if (grid.rows.length === 0) return;
  for (let i = 0; i < rect.numRows; i++) {
    for (let j = 0; j < rect.numColumns; j++) {
      const rule = grid.get(rect.row - 1 + i, rect.column - 1 + j);
      if (rule && !rule.allowInvalid && !satisfies(sheet, rule, rect.row + i, rect.column + j, entered[i][j])) {
        const cell = rectToA1({ row: rect.row + i, column: rect.column + j, numRows: 1, numColumns: 1 });
        throw new Error(`The data you entered in cell ${cell} violates the data validation rules set on this cell.`);
      }
    }
  }
}
