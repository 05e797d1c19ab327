/**
 * How hard the suites try: a CI size that keeps every suite well under a minute on two cores,
 * and a larger one under `npm run torture` (TORTURE=1).
 */
export const TORTURE = process.env.TORTURE === '1';

export const SIZE_NAME = TORTURE ? 'torture' : 'ci';

/** `ci` normally, `torture` under TORTURE=1. */
export function sized(ci: number, torture: number): number {
  return TORTURE ? torture : ci;
}

/**
 * A fixed seed in CI (a failure reproduces), a fresh one under torture, printed with the figures;
 * TORTURE_SEED=<seed> npm run torture replays a run.
 */
export const SEED = TORTURE ? Number(process.env.TORTURE_SEED ?? Date.now() % 2147483647) : 20251112;
