/** `npm run bench`: runs every benchmark in turn; each prints its own lines. */
import { bench as playground } from './playground';
import { bench as patterns } from './patterns';
import { bench as record } from './record';
import { bench as runtime } from './runtime';
import { bench as trendQuality } from './trendQuality';

const benches: [string, () => void][] = [['runtime', runtime], ['record', record], ['trendQuality', trendQuality], ['patterns', patterns], ['playground', playground]];

for (const [name, run] of benches) {
  const started = Date.now();
  run();
  console.log(`(${name}: ${Date.now() - started} ms)\n`);
}
