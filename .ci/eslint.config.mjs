// Lint rules for src/ and test/ (kept under .ci/ so the repository's top level stays small).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-dev/**', 'node_modules/**', '.playground/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-namespace': 'off',
      'no-eval': 'error',
      'no-implied-eval': 'error',
    },
  },
  {
    // The add-on itself: no network, no DOM on the server, no Intl (dates go through Utilities).
    files: ['src/server/**/*.ts', 'src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'UrlFetchApp', 'fetch', 'XMLHttpRequest', 'Intl', 'setTimeout', 'window', 'document'],
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
      'no-restricted-globals': ['error', 'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource'],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'SpreadsheetApp', 'HtmlService', 'LockService', 'PropertiesService',
        'CacheService', 'Session', 'Utilities', 'Logger', 'UrlFetchApp', 'fetch', 'Intl', 'setTimeout', 'window', 'document'],
    },
  },
);
