import { readFileSync } from 'node:fs';
import { join } from 'node:path';

test('the built Code.js declares onOpen as a real top-level function', () => {
  const code = readFileSync(join(__dirname, '../../dist/Code.js'), 'utf8');
  expect(code).toMatch(/^function onOpen\(\)/m);
});
