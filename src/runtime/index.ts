/** Cadence's offline Apps Script runtime: see types.ts for the contract. */
export type * from './types';
export { createEnvironment, type OfflineEnvironment } from './environment';
export { bridgeCopy, type BridgeRole } from './bridge';
