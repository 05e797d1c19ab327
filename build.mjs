// Builds what Apps Script loads (dist/: Code.js, Sidebar.html, appsscript.json) and the Node
// tools that run it offline (dist-dev/: the playground server, its page and the benchmarks).
import * as esbuild from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, existsSync, renameSync, watch } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const distDev = join(root, 'dist-dev');

/**
 * Writes through a temporary file and a rename, so a test or the playground loading dist/ while a
 * build runs (several people share one working tree) reads the old file or the new one, never half.
 */
function writeAtomically(file, text) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
}

// Apps Script V8 rejects class fields and static properties (DESIGN.md), so target es2019.
const APPS_SCRIPT_TARGET = 'es2019';
const GLOBAL = 'Cadence';

/**
 * Code.js: the server entry bundled as an IIFE under one global name, then one real top-level
 * `function` per export, because Apps Script finds triggers and google.script.run endpoints only
 * by reading top-level declarations. The export list comes from esbuild's metafile, so it is
 * never maintained by hand. `sourceRoot` is the checkout whose src/server/main.ts is bundled (the
 * bench builds an earlier commit's the same way); returns the code and the entry points.
 */
export async function buildCode(sourceRoot = root) {
  const entry = join(sourceRoot, 'src/server/main.ts');
  const probe = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    metafile: true,
    target: APPS_SCRIPT_TARGET,
    outfile: 'probe.js',
    logLevel: 'silent',
  });
  const exports = Object.values(probe.metafile.outputs)[0].exports.filter((n) => n !== 'default');
  const bundle = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: GLOBAL,
    target: APPS_SCRIPT_TARGET,
    platform: 'neutral',
    charset: 'utf8',
    legalComments: 'none',
  });
  const stubs = exports
    .map((name) => `function ${name}() { return ${GLOBAL}.${name}.apply(this, arguments); }`)
    .join('\n');
  return { code: `${bundle.outputFiles[0].text}\n${stubs}\n`, exports };
}

/** The page script, bundled and minified for the browser. */
async function pageScript(entry) {
  const script = await esbuild.build({
    entryPoints: [join(root, entry)],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2019',
    minify: true,
    charset: 'utf8',
    legalComments: 'none',
  });
  return script.outputFiles[0].text;
}

/** Escapes "</" so inlined code can never close its own <script> or <style> element. */
const inlineSafe = (text) => text.replace(/<\//g, '<\\/');

/** Sidebar.html: the page, its TypeScript and CSS inlined, so it loads nothing from the network. */
async function buildSidebar() {
  const script = await pageScript('src/sidebar/main.ts');
  const css = await esbuild.build({
    entryPoints: [join(root, 'src/sidebar/style.css')],
    bundle: true,
    write: false,
    minify: true,
    charset: 'utf8',
    loader: { '.css': 'css' },
  });
  const page = readFileSync(join(root, 'src/sidebar/index.html'), 'utf8');
  const html = page
    .replace('<!-- STYLE -->', () => `<style>${inlineSafe(css.outputFiles[0].text)}</style>`)
    .replace('<!-- SCRIPT -->', () => `<script>${inlineSafe(script)}</script>`);
  writeAtomically(join(dist, 'Sidebar.html'), html);
}

/** dist-dev/page.html: the playground's spreadsheet page, its TypeScript inlined like the sidebar's. */
async function buildPlaygroundPage() {
  const script = await pageScript('src/playground/page/main.ts');
  const page = readFileSync(join(root, 'src/playground/page/index.html'), 'utf8');
  writeAtomically(
    join(distDev, 'page.html'),
    page.replace('<!-- SCRIPT -->', () => `<script>${inlineSafe(script)}</script>`),
  );
}

/** Node-side tools that run the built add-on offline. */
async function buildTools() {
  const tools = {
    playground: 'src/playground/server.ts',
    bench: 'test/bench/main.ts',
    conformance: 'test/conformance/main.ts',
  };
  for (const [name, file] of Object.entries(tools)) {
    if (!existsSync(join(root, file))) continue;
    await esbuild.build({
      entryPoints: [join(root, file)],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      outfile: join(distDev, `${name}.js`),
      packages: 'external',
      sourcemap: 'inline',
      logLevel: 'warning',
    });
  }
}

async function buildAll() {
  mkdirSync(dist, { recursive: true });
  mkdirSync(distDev, { recursive: true });
  const { code, exports: entryPoints } = await buildCode();
  writeAtomically(join(dist, 'Code.js'), code);
  await buildSidebar();
  await buildPlaygroundPage();
  copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
  await buildTools();
  return entryPoints;
}

/** The playground's arguments without those that start a new workbook (--fresh, --import FILE). */
function withoutFreshStart(args) {
  const kept = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--fresh' || args[i].startsWith('--fresh=') || args[i].startsWith('--import=')) continue;
    if (args[i] === '--import') {
      i++;
      continue;
    }
    kept.push(args[i]);
  }
  return kept;
}

/**
 * `npm run dev` (`node build.mjs --watch [playground options]`): builds, starts the playground
 * with --dev, and rebuilds on every change under src/. The playground reloads the open sidebar
 * and the page from the new build itself; when its own code changed, it is restarted (the
 * workbook is kept in its file, so nothing is lost).
 */
async function watchAndServe(playgroundArgs) {
  const server = join(distDev, 'playground.js');
  const read = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : '');
  let child = null;
  const start = () => {
    // A restart reopens the saved workbook: --fresh or --import again would replace it.
    const args = child ? withoutFreshStart(playgroundArgs) : playgroundArgs;
    child = spawn(process.execPath, [server, '--dev', ...args], { stdio: 'inherit' });
  };
  const rebuild = async () => {
    const before = read(server);
    try {
      const entryPoints = await buildAll();
      console.log(`rebuilt (${entryPoints.length} entry points)`);
    } catch (error) {
      console.error(`The build failed; fix it and save again.\n${error.message}`);
      return;
    }
    if (child && read(server) !== before) {
      console.log('the playground itself changed: restarting it');
      child.kill();
      start();
    }
  };
  await rebuild().catch(() => undefined);
  if (!child) start();
  let timer;
  let running = Promise.resolve();
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(rebuild);
    }, 100);
  };
  watch(join(root, 'src'), { recursive: true }, changed);
  watch(join(root, 'appsscript.json'), changed);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      child?.kill(signal);
      process.exit(0);
    });
  }
}

/** Run as `node build.mjs`, not imported (the bench imports buildCode). */
const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);

if (!isMain) {
  // imported: build nothing
} else if (process.argv.includes('--watch')) {
  await watchAndServe(process.argv.slice(2).filter((arg) => arg !== '--watch'));
} else {
  const exports = await buildAll();
  if (!process.env.CI_QUIET) console.log(`built dist/ (${exports.length} entry points: ${exports.join(', ')})`);
}
