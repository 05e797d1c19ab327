/**
 * The workbook the playground serves: the one in the workbook file, or a new one (the demo
 * practice with its history, or only a roster for --fresh and --import), run in the offline
 * Apps Script runtime with the built add-on.
 */
import { createEnvironment, type OfflineEnvironment } from '../runtime';
import type { WorkbookJSON } from '../runtime/types';
import type { PlaygroundOptions } from './args';
import { demoHistory } from './demoHistory';
import { ROSTER_HEADERS } from '../core/rosterHeadings';
import { DEMO_CLIENTS, DEMO_TIME_ZONE, demoRoster } from './demoPractice';
import { todayIn } from './dates';
import { importRoster } from './importRoster';
import { UsageError } from './args';
import { backUp, entriesIn, readWorkbook } from './persistence';
import { practiceWorkbook, rosterWorkbook } from './rosterWorkbook';

/** The services' clock: real time, or pinned while the demo history is recorded. */
export interface Clock {
  pinned: Date | null;
}

export interface OpenedWorkbook {
  env: OfflineEnvironment;
  /** Where the workbook came from, for the start-up message. */
  origin: 'file' | 'demo' | 'fresh' | 'import';
  /** Whether it is new, so the caller writes it to the file before serving. */
  created: boolean;
  /** The backup made of the workbook file it replaces (--fresh or --import with --force), else null. */
  backup?: string | null;
}

/**
 * --fresh and --import start a new workbook in the file: refused when the file holds attendance
 * entries (the playground may hold a practice's real record) unless --force, which keeps a backup.
 * A file that cannot be read as a workbook is kept the same way.
 */
function makeRoomForNew(options: PlaygroundOptions): string | null {
  let entries: number;
  try {
    const saved = readWorkbook(options.workbookPath);
    if (!saved) return null;
    entries = entriesIn(saved);
  } catch {
    entries = -1;
  }
  if (entries === 0) return null;
  const what =
    entries < 0
      ? 'is not a workbook this playground can read'
      : `holds ${entries} attendance entr${entries === 1 ? 'y' : 'ies'}`;
  if (!options.force) {
    throw new UsageError(
      `${options.workbookPath} ${what}; ${options.importPath ? '--import' : '--fresh'} would replace it. Add --force to replace it (a backup copy is kept beside it), or choose another file with --workbook.`,
    );
  }
  return backUp(options.workbookPath);
}

/** Who the playground's user is signed in as (Session.getActiveUser, "Recorded by"). */
const PLAYGROUND_USER = 'therapist@example.org';

function environment(workbook: WorkbookJSON, distDir: string, clock: Clock): OfflineEnvironment {
  return createEnvironment({
    distDir,
    addOnName: 'Cadence',
    user: PLAYGROUND_USER,
    timeZone: workbook.timeZone,
    workbook,
    now: () => clock.pinned ?? new Date(),
  });
}

/** The machine's time zone: an imported roster says nothing about the practice's. */
function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || DEMO_TIME_ZONE;
}

/**
 * Records the demo's history through the add-on's own saveSession, each save at the hour it was
 * made, so the Attendance tab is exactly what the add-on writes; then marks the discharged
 * clients as the practice would and refreshes the Patterns tab at today's clock.
 */
export function recordDemoHistory(env: OfflineEnvironment, clock: Clock, today: string): void {
  for (const session of demoHistory(today)) {
    clock.pinned = new Date(session.recordedAt);
    env.run('saveSession', session.request);
  }
  clock.pinned = null;
  const roster = env.spreadsheet.getSheets()[0];
  const activeColumn = ROSTER_HEADERS.indexOf('Active') + 1;
  DEMO_CLIENTS.forEach((client, i) => {
    if (client.dischargedWeeksAgo !== null) roster.getRange(i + 2, activeColumn).setValue('No');
  });
  env.run('refreshPatterns');
}

export async function openWorkbook(options: PlaygroundOptions, distDir: string): Promise<OpenedWorkbook> {
  const clock: Clock = { pinned: null };
  if (options.importPath) {
    const backup = makeRoomForNew(options);
    const practice = await importRoster(options.importPath);
    return {
      env: environment(practiceWorkbook(practice, localTimeZone()), distDir, clock),
      origin: 'import',
      created: true,
      backup,
    };
  }
  if (options.fresh) {
    const backup = makeRoomForNew(options);
    return {
      env: environment(rosterWorkbook(demoRoster(), DEMO_TIME_ZONE), distDir, clock),
      origin: 'fresh',
      created: true,
      backup,
    };
  }
  const saved = readWorkbook(options.workbookPath);
  if (saved) return { env: environment(saved, distDir, clock), origin: 'file', created: false };
  const env = environment(rosterWorkbook(demoRoster({ allActive: true }), DEMO_TIME_ZONE), distDir, clock);
  recordDemoHistory(env, clock, todayIn(DEMO_TIME_ZONE));
  return { env, origin: 'demo', created: true };
}
