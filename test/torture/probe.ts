/**
 * One hostile call and the promise it must keep: refused with a clear message and the workbook
 * untouched, or accepted with nothing in the workbook turned into a formula. Problems are collected
 * (not thrown) so one run of the corpus reports every defect at once.
 */
import type { Environment } from '../../src/runtime';
import { unclearReasons } from './clearMessage';
import type { Figures } from './figures';
import { formulaCells, workbookState } from './workbookChecks';

export interface ProbeLog {
  problems: string[];
  figures: Figures;
}

export type Outcome<T> = { accepted: true; result: T } | { accepted: false; message: string };

/**
 * Runs `call` (one endpoint through env.run) as bad input number figures.badInputs + 1.
 * `mustRefuse`: input that no endpoint may accept. `echoed`: texts the message may quote.
 */
export function probe<T>(
  env: Environment,
  label: string,
  call: () => T,
  log: ProbeLog,
  options: { mustRefuse?: boolean; echoed?: readonly string[] } = {},
): Outcome<T> {
  log.figures.badInputs += 1;
  const before = workbookState(env);
  let outcome: Outcome<T>;
  try {
    outcome = { accepted: true, result: call() };
  } catch (error) {
    outcome = { accepted: false, message: (error as Error).message };
  }
  if (outcome.accepted) {
    if (options.mustRefuse) log.problems.push(`${label}: accepted, should be refused`);
    const formulas = formulaCells(env);
    if (formulas.length) {
      log.figures.altered += formulas.length;
      log.problems.push(`${label}: stored as a formula: ${JSON.stringify(formulas.slice(0, 3))}`);
    }
  } else {
    const unclear = unclearReasons(outcome.message, options.echoed ?? []);
    if (unclear.length)
      log.problems.push(`${label}: unclear message (${unclear.join(', ')}): ${outcome.message.slice(0, 300)}`);
    if (workbookState(env) !== before) {
      log.figures.altered += 1;
      log.problems.push(`${label}: refused, but the workbook changed`);
    }
  }
  return outcome;
}
