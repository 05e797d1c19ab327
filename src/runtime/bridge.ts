/**
 * google.script.run's copy rules, shared by env.run and the playground's HTTP API.
 * https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...): "Legal
 * parameters are JavaScript primitives like a Number, Boolean, String, or null, as well as
 * JavaScript objects and arrays that are composed of primitives, objects and arrays... Requests
 * fail if you attempt to pass a Date, Function, DOM element besides a form, or other prohibited
 * type, including prohibited types inside objects or arrays. Objects that create circular
 * references will also fail, and undefined fields within arrays become null."
 * Return values are held to the same rules: a result holding a Date is reported to reach the
 * client as null (https://gist.github.com/tanaikech/9927dc5c12ebca118ff8f3f4d539c95d measures
 * which values survive the trip). Here it fails instead — the stricter choice, since a silent
 * null would hide the bug.
 */

export type BridgeRole = 'argument' | 'result';

/** A plain object from any realm: its prototype is some realm's Object.prototype (or null). */
function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

function kind(v: unknown): string {
  if (typeof v === 'function') return 'Function';
  return Object.prototype.toString.call(v).slice(8, -1);
}

/**
 * Validates and deep-copies a value under the bridge's rules, returning a JSON-safe copy in Node's
 * realm: undefined object properties are dropped, undefined array items become null.
 */
export function bridgeCopy(
  value: unknown,
  role: BridgeRole,
  path = role === 'argument' ? 'argument' : 'result',
  seen: Set<object> = new Set(),
): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return value;
    case 'undefined':
      return undefined;
    case 'object':
      break;
    default:
      throw new Error(`google.script.run: illegal ${role} type ${kind(value)} at ${path}`);
  }
  if (value === null) return null;
  if (seen.has(value)) throw new Error(`google.script.run: circular reference at ${path}`);
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      return value.map((item, i) => {
        const c = bridgeCopy(item, role, `${path}[${i}]`, seen);
        return c === undefined ? null : c;
      });
    }
    if (!isPlainObject(value)) throw new Error(`google.script.run: illegal ${role} type ${kind(value)} at ${path}`);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const c = bridgeCopy((value as Record<string, unknown>)[key], role, `${path}.${key}`, seen);
      if (c !== undefined)
        Object.defineProperty(out, key, { value: c, enumerable: true, writable: true, configurable: true });
    }
    return out;
  } finally {
    seen.delete(value);
  }
}
