import { newRequestId } from '../../src/sidebar/requestId';

it('is 128 bits of the random source in hex', () => {
  expect(newRequestId((b) => b.fill(0xab))).toBe(`r-${'ab'.repeat(16)}`);
  expect(
    newRequestId((b) => {
      for (let i = 0; i < b.length; i++) b[i] = i;
    }),
  ).toBe('r-000102030405060708090a0b0c0d0e0f');
});

it('differs between calls with the real crypto source', () => {
  const ids = new Set(Array.from({ length: 1000 }, () => newRequestId()));
  expect(ids.size).toBe(1000);
  for (const id of ids) expect(id).toMatch(/^r-[0-9a-f]{32}$/);
});
