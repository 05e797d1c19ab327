/** `npm run bench`: runs every benchmark in turn; each prints its own lines. `npm run bench -- budget` runs only those named. */
import { bench as budget } from './budget';
import { bench as playground } from './playground';
import { bench as patterns } from './patterns';
import { bench as record } from './record';
import { bench as reports } from './reports';
import { bench as runtime } from './runtime';
import { bench as trendQuality } from './trendQuality';

const benches: [string, () => void | Promise<void>][] = [
  ['budget', budget],
  ['runtime', runtime],
  ['record', record],
  ['reports', reports],
  ['trendQuality', trendQuality],
  ['patterns', patterns],
  ['playground', playground],
];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const [name, run] of benches) {
    if (only.length && !only.includes(name)) continue;
    const started = Date.now();
    await run();
    console.log(`(${name}: ${Date.now() - started} ms)\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
