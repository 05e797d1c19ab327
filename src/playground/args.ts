/** The playground's command line: `npm start -- [--port N] [--workbook FILE] [--fresh] [--import roster.xlsx]`. */

export interface PlaygroundOptions {
  port: number;
  host: string;
  workbookPath: string;
  /** Start a new workbook holding only a roster (the demo's or the imported one), no history. */
  fresh: boolean;
  /** An .xlsx roster to put in as the roster tab; null for the demo practice's roster. */
  importPath: string | null;
  /** `npm run dev`: follow rebuilds of dist/, reloading the sidebar and the page when they change. */
  dev: boolean;
  /** Let --fresh or --import replace a workbook file that holds attendance entries (after a backup). */
  force?: boolean;
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_WORKBOOK = '.playground/workbook.json';

export const USAGE = `Usage: npm start -- [options]
  --port N             listen on port N (default: PORT or ${DEFAULT_PORT}; 0 picks a free port)
  --host ADDRESS       listen on ADDRESS (default 127.0.0.1: only this machine can reach it); any
                       other address needs the access token printed at start
  --workbook FILE      keep the workbook in FILE (default ${DEFAULT_WORKBOOK}; created when missing)
  --fresh              start a new workbook holding only the demo roster and no history
                       (replaces what the workbook file held)
  --import FILE.xlsx   start a new workbook with every tab of an .xlsx; Cadence finds the roster among them
                       file (File › Download › Microsoft Excel in Google Sheets); implies --fresh
  --force              let --fresh or --import replace a workbook file that holds attendance
                       entries (a backup copy is kept beside it)
  --dev                follow rebuilds (npm run dev): the open sidebar and the page reload
  --help               show this text`;

/** A mistake on the command line: the message says what to type instead. */
export class UsageError extends Error {}

function parsePort(text: string | undefined, source: string): number {
  const port = Number(text);
  if (text === undefined || text.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535) {
    throw new UsageError(`${source} must be a port number from 0 to 65535, not "${text ?? ''}".`);
  }
  return port;
}

/**
 * Reads the arguments after `node playground.js`. `--name value` and `--name=value` both work.
 * Returns null for --help. Importing a roster starts fresh: a practice's own roster with the
 * demo's history would be a record of sessions that never happened.
 */
export function parseArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): PlaygroundOptions | null {
  const options: PlaygroundOptions = {
    port: env.PORT !== undefined && env.PORT !== '' ? parsePort(env.PORT, 'PORT') : DEFAULT_PORT,
    host: '127.0.0.1',
    workbookPath: DEFAULT_WORKBOOK,
    fresh: false,
    importPath: null,
    dev: false,
    force: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const value = (): string => {
      const v = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '' || (eq < 0 && v.startsWith('--')))
        throw new UsageError(`${name} needs a value.\n${USAGE}`);
      return v;
    };
    switch (name) {
      case '--help':
      case '-h':
        return null;
      case '--port':
        options.port = parsePort(value(), '--port');
        break;
      case '--host':
        options.host = value();
        break;
      case '--workbook':
        options.workbookPath = value();
        break;
      case '--fresh':
        if (eq > 0) throw new UsageError('--fresh takes no value.');
        options.fresh = true;
        break;
      case '--force':
        if (eq > 0) throw new UsageError('--force takes no value.');
        options.force = true;
        break;
      case '--dev':
        if (eq > 0) throw new UsageError('--dev takes no value.');
        options.dev = true;
        break;
      case '--import':
        options.importPath = value();
        options.fresh = true;
        break;
      default:
        throw new UsageError(`Unknown option "${arg}".\n${USAGE}`);
    }
  }
  return options;
}
