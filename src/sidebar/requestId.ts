/**
 * Request ids make a save idempotent: the server stores a request id once, so a double click or
 * a retry of the same form sends the same id and is stored once (src/README.md, "Reliability").
 */

/** Fills a byte array with random values: `crypto.getRandomValues` in the browser and in Node 20. */
export type RandomFill = (bytes: Uint8Array) => void;

const defaultFill: RandomFill = (bytes) => {
  crypto.getRandomValues(bytes);
};

/** 128 random bits as 32 hex digits, prefixed so a request id is recognisable in the record. */
export function newRequestId(fill: RandomFill = defaultFill): string {
  const bytes = new Uint8Array(16);
  fill(bytes);
  let hex = '';
  for (let i = 0; i < bytes.length; i++) hex += (bytes[i] + 0x100).toString(16).slice(1);
  return `r-${hex}`;
}
