// Builds what Apps Script loads (dist/: Code.js, Sidebar.html, appsscript.json) and the Node
// tools that run it offline (dist-dev/: the playground server and the benchmarks).
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync, copyFileSync, existsSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const distDev = join(root, 'dist-dev');
mkdirSync(dist, { recursive: true });
mkdirSync(distDev, { recursive: true });

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
 * never maintained by hand.
 */
async function buildCode() {
  const entry = join(root, 'src/server/main.ts');
  const probe = await esbuild.build({
    entryPoints: [entry], bundle: true, write: false, format: 'esm', metafile: true,
    target: APPS_SCRIPT_TARGET, outfile: 'probe.js', logLevel: 'silent',
  });
  const exports = Object.values(probe.metafile.outputs)[0].exports.filter((n) => n !== 'default');
  const bundle = await esbuild.build({
    entryPoints: [entry], bundle: true, write: false, format: 'iife', globalName: GLOBAL,
    target: APPS_SCRIPT_TARGET, platform: 'neutral', charset: 'utf8', legalComments: 'none',
  });
  const stubs = exports
    .map((name) => `function ${name}() { return ${GLOBAL}.${name}.apply(this, arguments); }`)
    .join('\n');
  const code = `${bundle.outputFiles[0].text}\n${stubs}\n`;
  writeAtomically(join(dist, 'Code.js'), code);
  return exports;
}

/** Sidebar.html: the page, its TypeScript and CSS inlined, so it loads nothing from the network. */
async function buildSidebar() {
  const script = await esbuild.build({
    entryPoints: [join(root, 'src/sidebar/main.ts')], bundle: true, write: false, format: 'iife',
    target: 'es2019', minify: true, charset: 'utf8', legalComments: 'none',
  });
  const css = await esbuild.build({
    entryPoints: [join(root, 'src/sidebar/style.css')], bundle: true, write: false, minify: true,
    charset: 'utf8', loader: { '.css': 'css' },
  });
  const page = readFileSync(join(root, 'src/sidebar/index.html'), 'utf8');
  // Escape "</" so inlined code can never close its own <script> or <style> element.
  const safe = (text) => text.replace(/<\//g, '<\\/');
  const html = page
    .replace('<!-- STYLE -->', () => `<style>${css.outputFiles[0].text.replace(/<\//g, '<\\/')}</style>`)
    .replace('<!-- SCRIPT -->', () => `<script>${safe(script.outputFiles[0].text)}</script>`);
  writeAtomically(join(dist, 'Sidebar.html'), html);
}

/** Node-side tools that run the built add-on offline. */
async function buildTools() {
  const tools = { playground: 'src/playground/server.ts', bench: 'test/bench/main.ts' };
  for (const [name, file] of Object.entries(tools)) {
    if (!existsSync(join(root, file))) continue;
    await esbuild.build({
      entryPoints: [join(root, file)], bundle: true, platform: 'node', target: 'node20',
      format: 'cjs', outfile: join(distDev, `${name}.js`), packages: 'external', sourcemap: 'inline',
      logLevel: 'warning',
    });
  }
}

const exports = await buildCode();
await buildSidebar();
copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
await buildTools();
if (!process.env.CI_QUIET) console.log(`built dist/ (${exports.length} entry points: ${exports.join(', ')})`);
