/**
 * Service objects as the add-on sees them: every method call goes through the execution
 * (counting, the beforeServiceCall hook, injected faults, AuthMode.NONE), errors come out as the
 * add-on realm's Error, and a method this runtime lacks fails loudly instead of being undefined.
 */
import type { Execution } from './execution';

// Names shaped like Apps Script methods; others (then, toJSON, Symbol.*) stay undefined so
// Promise checks, JSON and jest's printers keep working on service objects.
const API_NAME =
  /^(get|set|is|has|add|remove|insert|delete|create|new|with|when|copy|clear|find|show|sort|hide|unhide|move|merge|break|append|activate|auto|protect|try|wait|release|put|flush|check|apply|offset|trim|build|format|parse|compute|base64|sleep|log|toast|alert|prompt|update|open|duplicate|rename|on|as|modify|uncheck|collapse|expand|group|randomize|evaluate)[A-Z]?/;

/**
 * Wraps an implementation object as the service object of class `cls` for one execution.
 * `guard` runs before every method (after counting), e.g. to refuse a deleted sheet's ranges or a
 * protected range's changes; it is told the method's name and arguments.
 */
export function serviceObject<T>(
  exec: Execution,
  cls: string,
  impl: object,
  guard?: (method: string, args: unknown[]) => void,
): T {
  const proxy: object = new Proxy(impl, {
    get(target, prop) {
      const value = Reflect.get(target, prop);
      if (typeof prop !== 'string') return value;
      if (typeof value === 'function') {
        const method = `${cls}.${prop}`;
        return function serviceCall(...args: unknown[]) {
          exec.enter(method);
          try {
            guard?.(prop, args);
            return (value as (...a: unknown[]) => unknown).apply(proxy, args);
          } catch (e) {
            throw exec.toRealmError(e);
          }
        };
      }
      if (value === undefined && API_NAME.test(prop)) {
        return () => {
          throw exec.toRealmError(new Error(`offline runtime: ${cls}.${prop} is not implemented`));
        };
      }
      return value;
    },
  });
  return proxy as T;
}

/** An Apps Script enum value: compares by identity, prints as its name. */
export interface EnumValue {
  name(): string;
  toString(): string;
  toJSON(): string;
  ordinal(): number;
}

export function makeEnum<K extends string>(names: readonly K[]): Record<K, EnumValue> {
  const out = {} as Record<K, EnumValue>;
  names.forEach((n, i) => {
    out[n] = Object.freeze({ name: () => n, toString: () => n, toJSON: () => n, ordinal: () => i });
  });
  return Object.freeze(out);
}
