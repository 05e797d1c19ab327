/** Cadence's offline Apps Script runtime: see types.ts for the contract. */
import type { Environment, EnvironmentOptions } from './types';
export type * from './types';

export function createEnvironment(_options: EnvironmentOptions = {}): Environment {
  throw new Error('offline runtime: not built yet');
}
