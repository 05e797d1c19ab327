/** The playground's workbook file: read at start, written atomically after every change. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
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

function writeText(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
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
