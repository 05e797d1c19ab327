/** `npm run bench`: runs every benchmark in turn; each prints its own lines. */
import { bench as record } from './record';

const benches: [string, () => void][] = [['record', record]];

for (const [name, run] of benches) {
  const started = Date.now();
  run();
  console.log(`(${name}: ${Date.now() - started} ms)\n`);
}
