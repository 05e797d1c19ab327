/**
 * What the browser tests stand on: the built playground started as `npm start` starts it (a child
 * process running dist-dev/playground.js), and headless Chromium from @sparticuz/chromium.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

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
  if (!existsSync(entry))
    return Promise.reject(new Error(`${entry} is missing: run \`node build.mjs\` first (npm test does).`));
  const spawnedAt = performance.now();
  const child: ChildProcess = spawn(process.execPath, [entry, ...args, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '' },
  });
  let output = '';
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        resolve();
        return;
      }
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`The playground did not get ready in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
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
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--headless=new',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The Chromium inside @sparticuz/chromium, unpacked once per machine into a folder of our own.
 * The package unpacks into os.tmpdir()/chromium and takes an existing file there as finished, so
 * two test processes starting together (this suite and another browser suite) could launch a
 * half-written binary. Here one process unpacks under a lock while the others wait for the
 * `.complete` mark, and the folder is named by the package's version so an upgrade unpacks anew.
 */
async function unpackedChromium(): Promise<string> {
  const entry = require.resolve('@sparticuz/chromium');
  const pkg = JSON.parse(readFileSync(join(dirname(entry), '..', '..', 'package.json'), 'utf8')) as { version: string };
  const home = join(tmpdir(), `cadence-chromium-${pkg.version}`);
  const binary = join(home, 'chromium');
  const complete = join(home, '.complete');
  const lock = `${home}.lock`;
  const deadline = Date.now() + 180000;
  const unpacked = (): boolean => existsSync(complete) && existsSync(binary);
  for (;;) {
    if (unpacked()) return binary;
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // A lock older than the deadline is left by a process that died while unpacking.
    const age = (() => {
      try {
        return Date.now() - statSync(lock).mtimeMs;
      } catch {
        return 0;
      }
    })();
    if (age > 180000) rmSync(lock, { recursive: true, force: true });
    if (Date.now() > deadline)
      throw new Error(`another process has been unpacking Chromium into ${home} for 3 minutes`);
    await sleep(200);
  }
  try {
    if (unpacked()) return binary;
    rmSync(home, { recursive: true, force: true }); // half an unpack from a process that died
    mkdirSync(home, { recursive: true });
    // The package unpacks into os.tmpdir(): a child process with TMPDIR set makes that `home`.
    await new Promise<void>((resolve, reject) => {
      execFile(
        process.execPath,
        ['-e', "require('@sparticuz/chromium').executablePath().then((p) => console.log(p))"],
        { cwd: ROOT, env: { ...process.env, TMPDIR: home }, timeout: 120000 },
        (error, _stdout, stderr) =>
          error ? reject(new Error(`unpacking failed: ${stderr || error.message}`)) : resolve(),
      );
    });
    if (!existsSync(binary)) throw new Error(`unpacking left no ${binary}`);
    writeFileSync(complete, pkg.version);
    return binary;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Headless Chromium; if it cannot start, the error says why (a browser test never skips silently). */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  let executablePath = process.env.CHROMIUM_PATH ?? '';
  try {
    if (!executablePath) executablePath = await unpackedChromium();
    return await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: 30000 });
  } catch (error) {
    throw new Error(
      `Chromium could not start (${executablePath || '@sparticuz/chromium'}): ${(error as Error).message}. ` +
        'Set CHROMIUM_PATH to a Chromium binary to use another.',
    );
  }
}

/**
 * Takes one of the README's pictures (test/playground/screenshots) when it is missing or
 * UPDATE_SCREENSHOTS is set, so a test run does not rewrite committed images.
 */
export async function readmeScreenshot(page: Page, name: string): Promise<void> {
  const path = join(ROOT, 'test', 'playground', 'screenshots', name);
  if (existsSync(path) && !process.env.UPDATE_SCREENSHOTS) return;
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path });
}
