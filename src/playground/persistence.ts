/** The playground's workbook file: read at start, written atomically after every change. */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { WorkbookJSON } from '../runtime/types';

/** The workbook in `path`, or null when there is no such file. A damaged file is an error, never silently replaced. */
export function readWorkbook(path: string): WorkbookJSON | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not a workbook file (${(error as Error).message}). Move it away or pass --fresh.`);
  }
  const workbook = parsed as Partial<WorkbookJSON> | null;
  if (!workbook || typeof workbook !== 'object' || !Array.isArray(workbook.sheets)) {
    throw new Error(`${path} is not a workbook file (no "sheets"). Move it away or pass --fresh.`);
  }
  return workbook as WorkbookJSON;
}

/**
 * Writes to a temporary file beside the target, then renames it over the target: rename within
 * one folder is atomic, so a crash mid-write leaves the previous workbook whole, never half a file.
 */
export function writeWorkbook(path: string, workbook: WorkbookJSON): void {
  writeText(path, JSON.stringify(workbook));
}

/** The prefix of the temporary files beside a workbook file. */
const temporaryPrefix = (path: string) => `.${basename(path)}.`;

/**
 * The temporary file is created exclusively ('wx': never a file or link someone placed there) with
 * a random name, readable by this user only, and synced to disk before the rename, so after a
 * power cut the workbook is the old one or the new one, whole.
 */
function writeText(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `${temporaryPrefix(path)}${randomBytes(8).toString('hex')}.tmp`);
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      /* already gone */
    }
    throw error;
  }
}

/** Removes temporary files an interrupted earlier run left beside the workbook file; answers how many. */
export function removeLeftovers(path: string): number {
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return 0;
  }
  const ours = (name: string) =>
    name.endsWith('.tmp') && (name.startsWith(temporaryPrefix(path)) || name.startsWith(`${basename(path)}.`));
  let removed = 0;
  for (const name of names.filter(ours)) {
    try {
      unlinkSync(join(dirname(path), name));
      removed += 1;
    } catch {
      /* removed meanwhile */
    }
  }
  return removed;
}

/** Copies the workbook file to a new backup beside it (never over an existing one); answers its path. */
export function backUp(path: string, now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  for (let n = 0; ; n += 1) {
    const backup = `${path}.backup-${stamp}${n ? `-${n}` : ''}.json`;
    try {
      copyFileSync(path, backup, constants.COPYFILE_EXCL);
      return backup;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/** Rows with content below the header of the tab tagged as Cadence's record, or of a tab headed "Entry ID". */
export function entriesIn(workbook: WorkbookJSON): number {
  let count = 0;
  for (const sheet of workbook.sheets) {
    const cells = sheet.cells ?? [];
    const tagged = (sheet.metadata ?? []).some((m) => m.key === 'cadence.attendance');
    if (!tagged && !(cells[0] ?? []).includes('Entry ID')) continue;
    count += cells.slice(1).filter((row) => row.some((cell) => cell !== '' && cell !== null)).length;
  }
  return count;
}

/**
 * A writer for one workbook file that skips a write when nothing changed since its last one:
 * most of the sidebar's calls only read, and a long record makes a file of megabytes.
 * Answers whether it wrote.
 */
export function workbookWriter(path: string): (workbook: WorkbookJSON) => boolean {
  let written: string | null = null;
  return (workbook) => {
    const text = JSON.stringify(workbook);
    if (text === written) return false;
    writeText(path, text);
    written = text;
    return true;
  };
}
