/**
 * The number and text conditions shared by conditional-format rules and data validation
 * (`BooleanCriteria` in the reference: developers.google.com/apps-script/reference/spreadsheet/boolean-criteria).
 * Each caller decides what a cell's number and text are (case folding, display format); the
 * comparison itself lives only here.
 */

/** Whether `n` meets a NUMBER_* criterion with arguments `args`; undefined for any other criterion. */
export function numberCriterionHolds(
  criteria: string,
  n: number | null,
  args: readonly unknown[],
): boolean | undefined {
  const v = (i: number) => Number(args[i]);
  switch (criteria) {
    case 'NUMBER_EQUAL_TO':
      return n !== null && n === v(0);
    case 'NUMBER_NOT_EQUAL_TO':
      return n !== null && n !== v(0);
    case 'NUMBER_GREATER_THAN':
      return n !== null && n > v(0);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n !== null && n >= v(0);
    case 'NUMBER_LESS_THAN':
      return n !== null && n < v(0);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n !== null && n <= v(0);
    case 'NUMBER_BETWEEN':
      return n !== null && n >= Math.min(v(0), v(1)) && n <= Math.max(v(0), v(1));
    case 'NUMBER_NOT_BETWEEN':
      return n !== null && (n < Math.min(v(0), v(1)) || n > Math.max(v(0), v(1)));
    default:
      return undefined;
  }
}

/** Whether `text` meets a TEXT_* comparison with `arg`; undefined for any other criterion. */
export function textCriterionHolds(criteria: string, text: string, arg: string): boolean | undefined {
  switch (criteria) {
    case 'TEXT_EQUAL_TO':
      return text === arg;
    case 'TEXT_CONTAINS':
      return text.includes(arg);
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(arg);
    case 'TEXT_STARTS_WITH':
      return text.startsWith(arg);
    case 'TEXT_ENDS_WITH':
      return text.endsWith(arg);
    default:
      return undefined;
  }
}
