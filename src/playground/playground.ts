/** Starts the playground: opens the workbook, runs onOpen, persists, and listens. */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import type { OfflineEnvironment } from '../runtime';
import type { PlaygroundOptions } from './args';
import { createPlaygroundApp } from './httpApp';
import { openWorkbook, type OpenedWorkbook } from './openWorkbook';
import { workbookWriter } from './persistence';

export interface RunningPlayground {
  url: string;
  env: OfflineEnvironment;
  origin: OpenedWorkbook['origin'];
  server: Server;
  close(): Promise<void>;
}

/**
 * The page sits beside this file in src/playground; the bundle runs from dist-dev/, so look
 * upward for the repository's copy.
 */
function readPage(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'page.html'), join(dir, 'src', 'playground', 'page.html')]) {
      if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
    }
    if (dirname(dir) === dir) throw new Error('playground: src/playground/page.html not found');
  }
}

export async function startPlayground(options: PlaygroundOptions, distDir?: string): Promise<RunningPlayground> {
  const opened = await openWorkbook(options, distDir);
  const { env } = opened;
  env.trigger('onOpen');
  const write = workbookWriter(options.workbookPath);
  const save = (): void => { write(env.toJSON()); };
  if (opened.created) save();

  const app = createPlaygroundApp({ env, page: readPage(), save, host: options.host });
  const server = createServer((request, response) => app.handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE'
        ? new Error(`Port ${options.port} is in use on ${options.host}: pass --port N (or PORT=N) to pick another.`)
        : error);
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}/`,
    env,
    origin: opened.origin,
    server,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
