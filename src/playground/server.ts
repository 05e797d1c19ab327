/**
 * `npm start`: the local playground. Serves a small spreadsheet page with the real built sidebar,
 * running the built Code.js in the offline Apps Script runtime. Opens no browser, reads no stdin.
 */
import { USAGE, UsageError, parseArgs } from './args';
import { ImportError } from './importRoster';
import { startPlayground } from './playground';

const ORIGINS = {
  file: 'the saved workbook',
  demo: 'a new demo practice with six months of history',
  fresh: 'a new workbook holding only the demo roster',
  import: 'a new workbook holding the imported roster',
};

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2), process.env);
  if (!options) {
    console.log(USAGE);
    return;
  }
  const playground = await startPlayground(options);
  console.log(`Cadence playground: ${playground.url}`);
  console.log(`Workbook: ${options.workbookPath} (${ORIGINS[playground.origin]})`);
  if (playground.backup) console.log(`The workbook it replaced is kept in ${playground.backup}`);
  if (playground.url.includes('?token='))
    console.log('It listens beyond this machine: only that address (with its access token) opens it.');
  console.log(`ready in ${Math.round(process.uptime() * 1000)} ms`);
  const stop = (): void => {
    playground.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: Error) => {
  const known = error instanceof UsageError || error instanceof ImportError;
  console.error(known ? error.message : `The playground could not start: ${error.message}`);
  process.exit(1);
});
