// Lint rules for src/ and test/ (kept under .ci/ so the repository's top level stays small).
// The rooms of src/ and what each may import are described in src/README.md; the rules below
// enforce them, and test/static/rooms.test.ts checks that a leak across a wall fails.
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';

/** The Apps Script services: only src/server may name them. */
const APPS_SCRIPT_GLOBALS = ['SpreadsheetApp', 'HtmlService', 'LockService', 'PropertiesService', 'CacheService',
  'ScriptApp', 'Session', 'Utilities', 'Logger', 'UrlFetchApp', 'DriveApp', 'Browser'];
/** Node's and the browser's globals: core runs in both Apps Script and the page, so neither. */
const HOST_GLOBALS = ['process', 'require', 'Buffer', '__dirname', '__filename', 'global', 'window', 'document',
  'localStorage', 'sessionStorage', 'navigator', 'location', 'fetch', 'XMLHttpRequest', 'WebSocket', 'Intl',
  'setTimeout', 'setInterval'];

/**
 * The modules of core that the page may import: the API contract, the vocabulary and the shared
 * rules it shows (src/README.md, "Rooms"). The rest of core runs on the server only.
 */
const CORE_CONTRACT = ['types.ts', 'api.ts', 'settingsRules.ts', 'dates.ts'];

const ROOMS = ['core', 'server', 'sidebar', 'runtime', 'playground'];
const others = (...allowed) => ROOMS.filter((room) => !allowed.includes(room)).map((room) => `./src/${room}`);

export default tseslint.config(
  { ignores: ['dist/**', 'dist-dev/**', 'node_modules/**', '.playground/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.mjs', '.json'] })],
      // no-cycle follows imports by parsing each imported file: tell it how to read TypeScript.
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-namespace': 'off',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', {
        basePath: new URL('..', import.meta.url).pathname,
        zones: [
          { target: './src/core', from: others('core'), message: 'core imports no other room (src/README.md).' },
          { target: './src/server', from: others('core', 'server'), message: 'server imports only core (src/README.md).' },
          { target: './src/sidebar', from: others('core', 'sidebar'), message: 'the sidebar imports only core\'s contract (src/README.md).' },
          {
            target: './src/sidebar', from: './src/core', except: CORE_CONTRACT.map((file) => `./${file}`),
            message: `the sidebar imports only core's contract modules: ${CORE_CONTRACT.join(', ')} (src/README.md).`,
          },
          { target: './src/runtime', from: others('runtime'), message: 'the runtime imports no Cadence code (src/README.md).' },
          { target: './src/playground', from: others('playground', 'runtime', 'core'), message: 'the playground runs the built add-on; it imports only runtime and core (src/README.md).' },
          {
            target: './src/playground/page', from: [...others('playground'), './src/playground'], except: ['./page', './wire.ts'],
            message: 'the playground page runs in the browser: it shares only wire.ts with the server (src/README.md).',
          },
          { target: './src', from: './test', message: 'src never imports tests.' },
          { target: './test/runtime', from: others('runtime'), message: 'the runtime\'s tests import no Cadence code (src/runtime/README.md).' },
        ],
      }],
    },
  },
  {
    // The add-on itself: no network, no DOM on the server, no Intl (dates go through Utilities).
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...HOST_GLOBALS],
    },
  },
  {
    // The sidebar renders names, reasons and notes as text only (DESIGN.md "Security model").
    files: ['src/sidebar/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Use textContent or the builders in src/sidebar/dom.ts.' },
        { property: 'outerHTML', message: 'Use textContent or the builders in src/sidebar/dom.ts.' },
        { property: 'insertAdjacentHTML', message: 'Use the builders in src/sidebar/dom.ts.' },
        { object: 'document', property: 'write', message: 'Use the builders in src/sidebar/dom.ts.' }],
      'no-restricted-globals': ['error', 'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'process', 'require',
        ...APPS_SCRIPT_GLOBALS],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', ...APPS_SCRIPT_GLOBALS, ...HOST_GLOBALS],
    },
  },
);
