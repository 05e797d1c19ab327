/**
 * What the browser tests stand on: the built playground started as `npm start` starts it (a child
 * process running dist-dev/playground.js), and headless Chromium from @sparticuz/chromium.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

export const ROOT = join(__dirname, '..', '..');

export interface PlaygroundProcess {
  url: string;
  /** performance.now() when the process was spawned. */
  spawnedAt: number;
  /** Everything it printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `node dist-dev/playground.js ...args --port 0` and resolves when it prints "ready". */
export function startPlaygroundProcess(args: string[], timeoutMs = 30000): Promise<PlaygroundProcess> {
  const entry = join(ROOT, 'dist-dev', 'playground.js');
  if (!existsSync(entry)) return Promise.reject(new Error(`${entry} is missing: run \`node build.mjs\` first (npm test does).`));
  const spawnedAt = performance.now();
  const child: ChildProcess = spawn(process.execPath, [entry, ...args, '--port', '0'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '' },
  });
  let output = '';
  const stop = (): Promise<void> => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) { resolve(); return; }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { void stop(); reject(new Error(`The playground did not get ready in ${timeoutMs} ms:\n${output}`)); }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const url = /Cadence playground: (http:\/\/\S+)/.exec(output)?.[1];
      if (url && /^ready\b/m.test(output)) {
        clearTimeout(timer);
        resolve({ url, spawnedAt, output: () => output, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The playground exited (code ${code}) before it was ready:\n${output}`));
    });
  });
}

/** The flags the Chromium inside @sparticuz/chromium needs here: no sandbox as root, no network of its own. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--headless=new', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];

/** Headless Chromium; if it cannot start, the error says why (a browser test never skips silently). */
export async function launchChromium(): Promise<Browser> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sparticuz = require('@sparticuz/chromium') as { executablePath(): Promise<string> };
  const { chromium } = await import('playwright-core');
  let executablePath = process.env.CHROMIUM_PATH ?? '';
  try {
    if (!executablePath) executablePath = await sparticuz.executablePath();
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30000 });
  } catch (error) {
    throw new Error(`Chromium could not start (${executablePath || '@sparticuz/chromium'}): ${(error as Error).message}. `
      + 'Set CHROMIUM_PATH to a Chromium binary to use another.');
  }
}
