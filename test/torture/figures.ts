/**
 * The figures each torture suite reports: printed at the end of the suite and written to
 * test-results/torture/<suite>.json, from which test-results/torture.json (every suite) is rebuilt.
 * One file per suite, because jest runs suites in parallel workers.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED } from './size';

export interface Figures {
  sequences: number;
  commands: number;
  interleavings: number;
  badInputs: number;
  faults: number;
  /** Acknowledged entries missing from the record. */
  lost: number;
  /** Entries present more than once (same Entry ID, or one request's marks stored twice). */
  duplicated: number;
  /** Entries whose content differs from what was sent. */
  altered: number;
  /** Person edits (typing, sorting, inserting or deleting rows and columns, renaming headings) interleaved with Cadence's writes. */
  personEdits: number;
  /** Collisions with a person's edit: a cell they typed overwritten or lost, or Cadence's write misplaced because of their edit. */
  collided: number;
  /**
   * Of the collisions, those whose edit landed in the instant between a write's last check and the
   * write itself (Apps Script has no atomic check-and-write); they are counted in `collided` too.
   */
  atWriteInstant: number;
}

export const RESULTS_DIR = join(__dirname, '../../test-results');
const PARTS_DIR = join(RESULTS_DIR, 'torture');
export const SUMMARY_FILE = join(RESULTS_DIR, 'torture.json');

export function emptyFigures(): Figures {
  return {
    sequences: 0,
    commands: 0,
    interleavings: 0,
    badInputs: 0,
    faults: 0,
    lost: 0,
    duplicated: 0,
    altered: 0,
    personEdits: 0,
    collided: 0,
    atWriteInstant: 0,
  };
}

function writeAtomically(file: string, data: unknown): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(data, null, 2)}\n`);
  renameSync(temp, file);
}

/** Every suite's figures written so far, and their sum. */
export function collectFigures(): { suites: Record<string, Figures & { size: string }>; total: Figures } {
  const suites: Record<string, Figures & { size: string }> = {};
  let names: string[] = [];
  try {
    names = readdirSync(PARTS_DIR).filter((f) => f.endsWith('.json'));
  } catch {
    // no suite has run yet
  }
  for (const name of names.sort())
    suites[name.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(PARTS_DIR, name), 'utf8'));
  const total = emptyFigures();
  for (const figures of Object.values(suites)) {
    for (const key of Object.keys(total) as (keyof Figures)[]) total[key] += figures[key] ?? 0;
  }
  return { suites, total };
}

/** Prints one suite's figures and records them for the summary, with the seed that reproduces the run. */
export function reportFigures(suite: string, figures: Figures, size: string): void {
  console.log(`torture ${suite} (${size}, seed ${SEED}): ${formatFigures(figures)}`);
  mkdirSync(PARTS_DIR, { recursive: true });
  writeAtomically(join(PARTS_DIR, `${suite}.json`), { ...figures, size, seed: SEED });
  writeAtomically(SUMMARY_FILE, collectFigures());
}

export function formatFigures(f: Figures): string {
  return [
    `${f.sequences} sequences, ${f.commands} commands`,
    `${f.interleavings} interleavings`,
    `${f.badInputs} bad inputs`,
    `${f.faults} faults injected`,
    `${f.personEdits} person edits interleaved`,
    `records lost ${f.lost} / duplicated ${f.duplicated} / altered ${f.altered} / collided with a person's edit ${f.collided}${f.atWriteInstant ? ` (${f.atWriteInstant} in the instant between a write's last check and the write)` : ''}`,
  ].join('; ');
}
