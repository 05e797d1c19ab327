/**
 * CacheService. A cache is not storage: entries may be evicted before they expire, so a test can
 * drop them all at any time (env.dropCaches). Limits from https://developers.google.com/apps-script/reference/cache/cache:
 * keys up to 250 characters, values up to 100KB, expiration at most 21600 s (6 h); default 600 s.
 */
import type { Execution } from './execution';
import { serviceObject } from './service';

interface Entry {
  value: string;
  expiresAt: number;
}

export class CacheStore {
  readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number) {}

  get(key: string): string | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.expiresAt <= this.now()) {
      this.entries.delete(key);
      return null;
    }
    return e.value;
  }

  put(key: string, value: string, seconds = 600): void {
    if (key.length > 250) throw new Error('Argument too large: key');
    if (Buffer.byteLength(value, 'utf8') > 100 * 1024) throw new Error('Argument too large: value');
    const s = Math.min(Math.max(Number(seconds), 1), 21600);
    this.entries.set(key, { value, expiresAt: this.now() + s * 1000 });
  }
}

type CacheApi = Pick<GoogleAppsScript.Cache.Cache, 'get' | 'put' | 'remove' | 'getAll' | 'putAll' | 'removeAll'>;

export function cacheObject(exec: Execution, store: CacheStore): GoogleAppsScript.Cache.Cache {
  const impl: CacheApi = {
    get: (key) => store.get(String(key)),
    put: (key, value, seconds?: number) => store.put(String(key), String(value), seconds),
    remove: (key) => {
      store.entries.delete(String(key));
    },
    getAll: (keys) => {
      const out: Record<string, string> = {};
      for (const k of keys) {
        const v = store.get(String(k));
        if (v !== null) out[k] = v;
      }
      return exec.realm.object(out) as Record<string, string>;
    },
    putAll: (values: Record<string, string>, seconds?: number) => {
      for (const [k, v] of Object.entries(values)) store.put(k, String(v), seconds);
    },
    removeAll: (keys) => {
      for (const k of keys) store.entries.delete(String(k));
    },
  };
  return serviceObject(exec, 'Cache', impl);
}

export interface CacheStores {
  document: CacheStore;
  user: CacheStore;
  script: CacheStore;
}

export function cacheService(exec: Execution, stores: CacheStores): GoogleAppsScript.Cache.CacheService {
  const impl: Pick<GoogleAppsScript.Cache.CacheService, 'getDocumentCache' | 'getUserCache' | 'getScriptCache'> = {
    getDocumentCache: () => cacheObject(exec, stores.document),
    getUserCache: () => cacheObject(exec, stores.user),
    getScriptCache: () => cacheObject(exec, stores.script),
  };
  return serviceObject(exec, 'CacheService', impl);
}
