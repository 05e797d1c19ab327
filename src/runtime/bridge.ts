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

/** Thrown by a copy made without paths: the copy is made again with them, for the message. */
const REFUSED = new Error('google.script.run: refused');

/**
 * Validates and deep-copies a value under the bridge's rules, returning a JSON-safe copy in Node's
 * realm: undefined object properties are dropped, undefined array items become null. The copy is
 * made without building a path per value (a sidebar answer holds thousands); a refusal is copied
 * again with paths, so its message says where the illegal value is.
 */
export function bridgeCopy(value: unknown, role: BridgeRole): unknown {
  try {
    return copy(value, role, null, new Set());
  } catch (error) {
    if (error !== REFUSED) throw error;
    return copy(value, role, role === 'argument' ? 'argument' : 'result', new Set());
  }
}

function refuse(path: string | null, message: string): never {
  throw path === null ? REFUSED : new Error(`google.script.run: ${message} at ${path}`);
}

/** `path`: where `value` is, for the message; null to throw REFUSED instead. */
function copy(value: unknown, role: BridgeRole, path: string | null, seen: Set<object>): unknown {
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
      return refuse(path, `illegal ${role} type ${kind(value)}`);
  }
  if (value === null) return null;
  if (seen.has(value)) return refuse(path, 'circular reference');
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      return value.map((item, i) => {
        const c = copy(item, role, path === null ? null : `${path}[${i}]`, seen);
        return c === undefined ? null : c;
      });
    }
    if (!isPlainObject(value)) return refuse(path, `illegal ${role} type ${kind(value)}`);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const c = copy((value as Record<string, unknown>)[key], role, path === null ? null : `${path}.${key}`, seen);
      if (c === undefined) continue;
      // A key named __proto__ would set the copy's prototype by assignment: defined, as data.
      if (key === '__proto__')
        Object.defineProperty(out, key, { value: c, enumerable: true, writable: true, configurable: true });
      else out[key] = c;
    }
    return out;
  } finally {
    seen.delete(value);
  }
}
