/**
 * A short digest of a JSON-able value, to notice cheaply that something changed (the Patterns
 * grid's shape) without keeping the thing itself: two 32-bit FNV-1a style hashes with different
 * multipliers, 64 bits together. Not a security measure.
 */
export function fingerprint(value: unknown): string {
  const text = JSON.stringify(value) ?? '';
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${hex(a)}${hex(b)}`;
}
