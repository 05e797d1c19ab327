/**
 * The offline runtime (src/runtime) set up as Cadence's tests and benchmarks run the add-on: the
 * build in dist/, under Cadence's name, in a practice in New York with a therapist signed in. The
 * runtime itself knows none of this; these are Cadence's values, passed as options.
 */
import { join } from 'node:path';
import { createEnvironment, type EnvironmentOptions, type OfflineEnvironment } from '../src/runtime';

export const CADENCE_DIST = join(__dirname, '../dist');

export function cadenceEnvironment(options: Partial<EnvironmentOptions> = {}): OfflineEnvironment {
  return createEnvironment({
    distDir: CADENCE_DIST,
    addOnName: 'Cadence',
    user: 'therapist@example.org',
    ...(options.workbook ? {} : { timeZone: 'America/New_York' }), // a workbook keeps its own zone
    ...options,
  });
}
