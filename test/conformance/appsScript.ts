/**
 * The conformance project's entry (bundled by conformance.ts like build.mjs bundles Code.js): the
 * top-level functions a maintainer runs in the scratch spreadsheet, or clasp run calls.
 */
import { runProbes } from './probes';
import { replay } from './replay';

export function runConformance(): string {
  const answers = JSON.stringify(runProbes());
  Logger.log(answers);
  return answers;
}

export function cadenceReplay(): string {
  const dump = replay();
  Logger.log(dump);
  return dump;
}
