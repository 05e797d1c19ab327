/**
 * The google.script.run wrapper against a recording stand-in of the bridge: at most 10 calls in
 * flight, answers in any order, failures as Errors carrying the server's message.
 */
import { call, errorMessage } from '../../src/sidebar/api';

interface Pending {
  name: string;
  args: unknown[];
  succeed(value: unknown): void;
  fail(error: unknown): void;
}

const pending: Pending[] = [];

function runner(
  succeed: (v: unknown) => void = () => undefined,
  fail: (e: unknown) => void = () => undefined,
): unknown {
  return new Proxy(
    {},
    {
      get(_t, name: string) {
        if (name === 'withSuccessHandler') return (f: (v: unknown) => void) => runner(f, fail);
        if (name === 'withFailureHandler') return (f: (e: unknown) => void) => runner(succeed, f);
        if (name === 'then') return undefined;
        return (...args: unknown[]) => {
          pending.push({ name, args, succeed, fail });
        };
      },
    },
  );
}

beforeAll(() => {
  (globalThis as unknown as { window: unknown }).window = { google: { script: { run: runner() } } };
});

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

it('keeps at most 10 calls in flight and starts the next as one completes, in any order', async () => {
  const results = Array.from({ length: 14 }, (_, i) => call('getClientHistory', `C${i}`, 0, 12));
  await flush();
  expect(pending.map((p) => p.args[0])).toEqual(Array.from({ length: 10 }, (_, i) => `C${i}`));
  pending[7].succeed([{ entryId: 'seven' }]);
  pending[2].fail(new Error('Unknown client: C2'));
  await flush();
  expect(pending).toHaveLength(12);
  expect(pending.slice(10).map((p) => p.args[0])).toEqual(['C10', 'C11']);
  await expect(results[7]).resolves.toEqual([{ entryId: 'seven' }]);
  await expect(results[2]).rejects.toThrow('Unknown client: C2');
  for (const p of pending) if (p.args[0] !== 'C7' && p.args[0] !== 'C2') p.succeed([]);
  await flush();
  expect(pending.map((p) => p.args[0]).sort()).toEqual(Array.from({ length: 14 }, (_, i) => `C${i}`).sort());
  for (const p of pending.slice(12)) p.succeed([]);
  await expect(Promise.all(results.filter((_, i) => i !== 2))).resolves.toHaveLength(13);
});

it('reads the message of whatever the bridge hands to the failure handler', () => {
  expect(errorMessage(new Error('Another save is in progress'))).toBe('Another save is in progress');
  expect(errorMessage({ message: 'ScriptError: nope' })).toBe('ScriptError: nope');
  expect(errorMessage('plain text')).toBe('plain text');
  expect(errorMessage(undefined)).toContain('did not answer');
});
