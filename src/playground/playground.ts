/** Starts the playground: opens the workbook, runs onOpen, persists, and listens. */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, watch, type FSWatcher } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type { OfflineEnvironment } from '../runtime';
import type { PlaygroundOptions } from './args';
import { createPlaygroundApp, type PlaygroundApp } from './httpApp';
import { openWorkbook, type OpenedWorkbook } from './openWorkbook';
import { removeLeftovers, workbookWriter } from './persistence';

export interface RunningPlayground {
  /** The address to open; beyond this machine it carries the access token (?token=…). */
  url: string;
  /** The backup made of a workbook file --fresh or --import --force replaced, else null. */
  backup: string | null;
  env: OfflineEnvironment;
  origin: OpenedWorkbook['origin'];
  server: Server;
  close(): Promise<void>;
}

/**
 * The page as build.mjs writes it (dist-dev/page.html, from page/). The bundle runs from dist-dev/
 * and tests run this file from src/playground, so look upward for it.
 */
function pagePath(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'page.html'), join(dir, 'dist-dev', 'page.html')]) {
      if (existsSync(candidate)) return candidate;
    }
    if (dirname(dir) === dir) throw new Error('playground: dist-dev/page.html not found; run `node build.mjs` first');
  }
}

/**
 * `npm run dev`: build.mjs rewrites dist/ and dist-dev/page.html on every change (by rename, so a
 * reader never sees half a file); after a burst of writes settles, the app serves the new page
 * and shows the open sidebar again from the new build.
 */
function followBuilds(app: PlaygroundApp, distDir: string, page: string, save: () => void): FSWatcher[] {
  let timer: NodeJS.Timeout | undefined;
  const changed = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      try {
        app.reload(readFileSync(page, 'utf8'));
        save();
      } catch (error) {
        console.error(`Reloading after the rebuild failed: ${(error as Error).message}`);
      }
    }, 150);
  };
  return [
    watch(distDir, changed),
    watch(dirname(page), (_event, file) => {
      if (file === 'page.html') changed();
    }),
  ];
}

/** `distDir`: the built add-on; by default the dist/ beside dist-dev/, where build.mjs writes both. */
/** Addresses only this machine can reach; any other --host needs the access token. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127\.\d+\.\d+\.\d+$/.test(bare);
}

export async function startPlayground(options: PlaygroundOptions, distDir?: string): Promise<RunningPlayground> {
  const page = pagePath();
  removeLeftovers(options.workbookPath);
  const opened = await openWorkbook(options, distDir ?? join(dirname(page), '..', 'dist'));
  const { env } = opened;
  env.trigger('onOpen');
  const write = workbookWriter(options.workbookPath);
  const save = (): void => {
    write(env.toJSON());
  };
  if (opened.created) save();

  const token = isLoopback(options.host) ? null : randomBytes(24).toString('hex');
  const app = createPlaygroundApp({
    env,
    page: readFileSync(page, 'utf8'),
    save,
    host: options.host,
    dev: options.dev,
    token,
  });
  const watchers = options.dev ? followBuilds(app, env.world.settings.distDir, page, save) : [];
  const server = createServer((request, response) => app.handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${options.port} is in use on ${options.host}: pass --port N (or PORT=N) to pick another.`)
          : error,
      );
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}/${token === null ? '' : `?token=${token}`}`,
    backup: opened.backup ?? null,
    env,
    origin: opened.origin,
    server,
    close: () =>
      new Promise((resolve) => {
        for (const watcher of watchers) watcher.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
