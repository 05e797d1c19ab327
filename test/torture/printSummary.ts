/**
 * jest globalTeardown for `npm run torture`: the figures of every suite, summed, as the last thing
 * the run prints (they are also in test-results/torture.json).
 */
import { collectFigures, formatFigures } from './figures';

export default function printSummary(): void {
  const { suites, total } = collectFigures();
  const lines = Object.entries(suites).map(([name, f]) => `  ${name.padEnd(14)} ${formatFigures(f)}`);
  console.log(
    [
      '',
      'Torture summary (test-results/torture.json)',
      ...lines,
      `  ${'total'.padEnd(14)} ${formatFigures(total)}`,
    ].join('\n'),
  );
}
