/**
 * The runtime's own test project (fixture/Code.js and fixture/Sidebar.html), which is no add-on in
 * particular: the runtime's tests run it, never Cadence's build.
 */
import { join } from 'node:path';
import { createEnvironment, type EnvironmentOptions, type OfflineEnvironment } from '../../src/runtime';

export const FIXTURE_DIST = join(__dirname, 'fixture');

/**
 * The fixture project in a spreadsheet in New York (the tests' dates are written for it); a
 * workbook passed in keeps its own zone.
 */
export function fixtureEnvironment(options: Partial<EnvironmentOptions> = {}): OfflineEnvironment {
  return createEnvironment({
    distDir: FIXTURE_DIST,
    ...(options.workbook ? {} : { timeZone: 'America/New_York' }),
    ...options,
  });
}
