/**
 * Conditional formatting: SpreadsheetApp.newConditionalFormatRule(), the built rules and their
 * boolean conditions, and evaluation for the rendered view. In Sheets, when several rules match a
 * cell the one earlier in the list wins (https://support.google.com/docs/answer/78413: "rules are
 * applied in order... the first rule that is true is applied"); a rule's custom formula is written
 * for the top-left cell of its first range and moves relative to each cell like a copied formula.
 */
import { rectContains, type Rect } from './a1';
import { BooleanCriteria } from './enums';
import type { Execution } from './execution';
import { formulaHolds } from './formula';
import type { RuleFormat, RuleModel, SheetModel } from './model';
import { normalizeColor } from './colors';
import { serviceObject } from './service';
import { numericValue } from './values';
import { objects } from './objects';
import { cellDisplay, rangeInfo, readCell } from './cells';
import { numberCriterionHolds, textCriterionHolds } from './criteria';

type Builder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

interface Draft {
  sheet: SheetModel | null;
  ranges: Rect[];
  criteria: string | null;
  values: unknown[];
  format: RuleFormat;
}

const emptyFormat = (): RuleFormat => ({
  background: null,
  fontColor: null,
  bold: null,
  italic: null,
  strikethrough: null,
  underline: null,
});

/** Built rules keep their model here, so setConditionalFormatRules can read what the add-on built. */
const builtRules = new WeakMap<object, { sheet: SheetModel | null; model: RuleModel }>();

export function ruleModelOf(rule: unknown, sheet: SheetModel): RuleModel {
  const built = builtRules.get(rule as object);
  if (!built)
    throw new Error(
      "The parameters (Object) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.",
    );
  if (built.sheet !== null && built.sheet !== sheet && built.model.ranges.length > 0) {
    // Stricter than guessing: a rule's ranges must be on the sheet that holds it.
    throw new Error('The conditional format rule cannot reference a different sheet.');
  }
  return {
    ...built.model,
    ranges: built.model.ranges.map((r) => ({ ...r })),
    values: [...built.model.values],
    format: { ...built.model.format },
  };
}

type BuilderApi = Pick<
  Builder,
  | 'build'
  | 'copy'
  | 'getRanges'
  | 'getBooleanCondition'
  | 'setRanges'
  | 'setBackground'
  | 'setFontColor'
  | 'setBold'
  | 'setItalic'
  | 'setStrikethrough'
  | 'setUnderline'
  | 'whenCellEmpty'
  | 'whenCellNotEmpty'
  | 'whenFormulaSatisfied'
  | 'whenNumberBetween'
  | 'whenNumberNotBetween'
  | 'whenNumberEqualTo'
  | 'whenNumberNotEqualTo'
  | 'whenNumberGreaterThan'
  | 'whenNumberGreaterThanOrEqualTo'
  | 'whenNumberLessThan'
  | 'whenNumberLessThanOrEqualTo'
  | 'whenTextContains'
  | 'whenTextDoesNotContain'
  | 'whenTextEqualTo'
  | 'whenTextStartsWith'
  | 'whenTextEndsWith'
  | 'withCriteria'
>;

export function ruleBuilder(exec: Execution, start?: Draft): Builder {
  const d: Draft = start ?? { sheet: null, ranges: [], criteria: null, values: [], format: emptyFormat() };
  const when = (criteria: string, ...values: unknown[]) => {
    d.criteria = criteria;
    d.values = values;
    return self;
  };
  const num = (v: unknown) => {
    if (typeof v !== 'number' || Number.isNaN(v)) throw new Error('Invalid argument: number');
    return v;
  };
  const style = <K extends keyof RuleFormat>(key: K, value: RuleFormat[K]) => {
    d.format[key] = value;
    return self;
  };
  const impl: BuilderApi = {
    build() {
      if (d.criteria === null) throw new Error('A conditional format rule must have a condition.');
      const model: RuleModel = {
        ranges: d.ranges.map((r) => ({ ...r })),
        criteria: d.criteria,
        values: [...d.values],
        format: { ...d.format },
      };
      return ruleObject(exec, d.sheet, model);
    },
    copy: () => ruleBuilder(exec, cloneDraft(d)),
    getRanges: () => exec.realm.array(d.sheet ? d.ranges.map((r) => objects.range(exec, d.sheet!, r)) : []),
    getBooleanCondition: () =>
      (d.criteria
        ? conditionObject(exec, d.criteria, d.values, d.format)
        : null) as GoogleAppsScript.Spreadsheet.BooleanCondition,
    setRanges(ranges) {
      const infos = ranges.map((r) => {
        const info = rangeInfo.get(r as object);
        if (!info)
          throw new Error(
            "The parameters (Object) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges.",
          );
        return info;
      });
      if (infos.some((i) => i.sheet !== infos[0].sheet))
        throw new Error('All ranges of a conditional format rule must be on the same sheet.');
      d.sheet = infos[0]?.sheet ?? null;
      d.ranges = infos.map((i) => ({ ...i.rect }));
      return self;
    },
    setBackground: (color) => style('background', normalizeColor(color)),
    setFontColor: (color) => style('fontColor', normalizeColor(color)),
    setBold: (b) => style('bold', b === null ? null : Boolean(b)),
    setItalic: (b) => style('italic', b === null ? null : Boolean(b)),
    setStrikethrough: (b) => style('strikethrough', b === null ? null : Boolean(b)),
    setUnderline: (b) => style('underline', b === null ? null : Boolean(b)),
    whenCellEmpty: () => when('CELL_EMPTY'),
    whenCellNotEmpty: () => when('CELL_NOT_EMPTY'),
    whenFormulaSatisfied: (formula) => when('CUSTOM_FORMULA', String(formula)),
    whenNumberBetween: (a, b) => when('NUMBER_BETWEEN', num(a), num(b)),
    whenNumberNotBetween: (a, b) => when('NUMBER_NOT_BETWEEN', num(a), num(b)),
    whenNumberEqualTo: (n) => when('NUMBER_EQUAL_TO', num(n)),
    whenNumberNotEqualTo: (n) => when('NUMBER_NOT_EQUAL_TO', num(n)),
    whenNumberGreaterThan: (n) => when('NUMBER_GREATER_THAN', num(n)),
    whenNumberGreaterThanOrEqualTo: (n) => when('NUMBER_GREATER_THAN_OR_EQUAL_TO', num(n)),
    whenNumberLessThan: (n) => when('NUMBER_LESS_THAN', num(n)),
    whenNumberLessThanOrEqualTo: (n) => when('NUMBER_LESS_THAN_OR_EQUAL_TO', num(n)),
    whenTextContains: (t) => when('TEXT_CONTAINS', String(t)),
    whenTextDoesNotContain: (t) => when('TEXT_DOES_NOT_CONTAIN', String(t)),
    whenTextEqualTo: (t) => when('TEXT_EQUAL_TO', String(t)),
    whenTextStartsWith: (t) => when('TEXT_STARTS_WITH', String(t)),
    whenTextEndsWith: (t) => when('TEXT_ENDS_WITH', String(t)),
    withCriteria(criteria, args) {
      const name = String(criteria);
      if (!(name in BooleanCriteria)) throw new Error('Invalid argument: criteria');
      return when(name, ...args);
    },
  };
  const self = serviceObject<Builder>(exec, 'ConditionalFormatRuleBuilder', impl);
  return self;
}

function cloneDraft(d: Draft): Draft {
  return {
    sheet: d.sheet,
    ranges: d.ranges.map((r) => ({ ...r })),
    criteria: d.criteria,
    values: [...d.values],
    format: { ...d.format },
  };
}

function conditionObject(
  exec: Execution,
  criteria: string,
  values: unknown[],
  format: RuleFormat,
): GoogleAppsScript.Spreadsheet.BooleanCondition {
  const impl: Pick<
    GoogleAppsScript.Spreadsheet.BooleanCondition,
    | 'getCriteriaType'
    | 'getCriteriaValues'
    | 'getBackground'
    | 'getFontColor'
    | 'getBold'
    | 'getItalic'
    | 'getStrikethrough'
    | 'getUnderline'
  > = {
    getCriteriaType: () =>
      BooleanCriteria[
        criteria as keyof typeof BooleanCriteria
      ] as unknown as GoogleAppsScript.Spreadsheet.BooleanCriteria,
    getCriteriaValues: () => exec.realm.array(values),
    getBackground: () => format.background,
    getFontColor: () => format.fontColor,
    getBold: () => format.bold,
    getItalic: () => format.italic,
    getStrikethrough: () => format.strikethrough,
    getUnderline: () => format.underline,
  };
  return serviceObject(exec, 'BooleanCondition', impl);
}

/** A rule as read back from a sheet or built; sheet is null until it has ranges. */
export function ruleObject(exec: Execution, sheet: SheetModel | null, model: RuleModel): Rule {
  const impl: Pick<Rule, 'copy' | 'getBooleanCondition' | 'getGradientCondition' | 'getRanges'> = {
    copy: () =>
      ruleBuilder(exec, {
        sheet,
        ranges: model.ranges.map((r) => ({ ...r })),
        criteria: model.criteria,
        values: [...model.values],
        format: { ...model.format },
      }),
    getBooleanCondition: () => conditionObject(exec, model.criteria, model.values, model.format),
    getGradientCondition: () => null as unknown as GoogleAppsScript.Spreadsheet.GradientCondition,
    getRanges: () => exec.realm.array(sheet ? model.ranges.map((r) => objects.range(exec, sheet, r)) : []),
  };
  const rule = serviceObject<Rule>(exec, 'ConditionalFormatRule', impl);
  builtRules.set(rule, { sheet, model });
  return rule;
}

/**
 * Whether a rule's condition holds for a cell. Text conditions compare the displayed text without
 * regard to case, as Sheets' text comparisons in formulas do (its documentation does not say for
 * the text conditions; write codes that differ by more than case). Number conditions hold for
 * numbers and dates (a date is a number of days in Sheets).
 */
export function ruleMatches(sheet: SheetModel, rule: RuleModel, row: number, column: number): boolean {
  const value = readCell(sheet, row, column);
  const text = () => cellDisplay(sheet, row, column).toLowerCase();
  const arg = (i: number) => String(rule.values[i] ?? '').toLowerCase();
  const byNumber = numberCriterionHolds(rule.criteria, numericValue(value, sheet.workbook.timeZone), rule.values);
  if (byNumber !== undefined) return byNumber;
  const byText = textCriterionHolds(rule.criteria, text(), arg(0));
  if (byText !== undefined) return byText;
  switch (rule.criteria) {
    case 'CELL_EMPTY':
      return value === '';
    case 'CELL_NOT_EMPTY':
      return value !== '';
    case 'CUSTOM_FORMULA': {
      // Switch multiRangeRuleAnchor: relative references move from the first range, or from the bounding box of all.
      const anchor =
        sheet.workbook.switches.multiRangeRuleAnchor === 'boundingBox'
          ? { row: Math.min(...rule.ranges.map((r) => r.row)), column: Math.min(...rule.ranges.map((r) => r.column)) }
          : rule.ranges[0];
      return formulaHolds(String(rule.values[0]), {
        sheet,
        row,
        column,
        rowShift: row - anchor.row,
        columnShift: column - anchor.column,
        now: sheet.workbook.clock,
        directSheetRefs: false,
        depth: 0,
      });
    }
    default:
      return false; // date criteria are not modelled: the rule does not match
  }
}

/** The format of the first rule (in order) whose ranges hold the cell and whose condition is true. */
export function effectiveRuleFormat(sheet: SheetModel, row: number, column: number): RuleFormat | null {
  for (const rule of sheet.rules) {
    if (!rule.ranges.some((r) => rectContains(r, row, column))) continue;
    if (ruleMatches(sheet, rule, row, column)) return rule.format;
  }
  return null;
}
