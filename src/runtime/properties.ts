/**
 * PropertiesService: document, user and script stores of string values, with Apps Script's
 * quotas (https://developers.google.com/apps-script/guides/services/quotas: "Properties value
 * size 9kB / val", "Properties total storage 500kB / property store").
 */
import type { Execution } from './execution';
import { serviceObject } from './service';

export const VALUE_LIMIT = 9 * 1024;
export const STORE_LIMIT = 500 * 1024;

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

export class PropertyStore {
  readonly values = new Map<string, string>();

  set(key: string, value: unknown): void {
    const k = String(key);
    const v = String(value);
    if (bytes(v) > VALUE_LIMIT) throw new Error('Argument too large: value');
    const before = this.values.get(k);
    this.values.set(k, v);
    if (this.size() > STORE_LIMIT) {
      if (before === undefined) this.values.delete(k);
      else this.values.set(k, before);
      throw new Error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
  }

  size(): number {
    let total = 0;
    for (const [k, v] of this.values) total += bytes(k) + bytes(v);
    return total;
  }

  toObject(): Record<string, string> {
    return Object.fromEntries(this.values);
  }
}

type PropertiesApi = Pick<
  GoogleAppsScript.Properties.Properties,
  | 'getProperty'
  | 'setProperty'
  | 'setProperties'
  | 'getProperties'
  | 'getKeys'
  | 'deleteProperty'
  | 'deleteAllProperties'
>;

export function propertiesObject(exec: Execution, store: PropertyStore): GoogleAppsScript.Properties.Properties {
  const impl: PropertiesApi = {
    getProperty: (key) => store.values.get(String(key)) ?? null,
    setProperty(key, value) {
      store.set(key, value);
      return self;
    },
    setProperties(properties: Record<string, string>, deleteAllOthers?: boolean) {
      const before = new Map(store.values);
      try {
        if (deleteAllOthers) store.values.clear();
        for (const [k, v] of Object.entries(properties)) store.set(k, v);
      } catch (e) {
        store.values.clear();
        before.forEach((v, k) => store.values.set(k, v));
        throw e;
      }
      return self;
    },
    getProperties: () => exec.realm.object(store.toObject()) as Record<string, string>,
    getKeys: () => exec.realm.array([...store.values.keys()]),
    deleteProperty(key) {
      store.values.delete(String(key));
      return self;
    },
    deleteAllProperties() {
      store.values.clear();
      return self;
    },
  };
  const self = serviceObject<GoogleAppsScript.Properties.Properties>(exec, 'Properties', impl);
  return self;
}

export interface PropertyStores {
  document: PropertyStore;
  user: PropertyStore;
  script: PropertyStore;
}

export function propertiesService(
  exec: Execution,
  stores: PropertyStores,
): GoogleAppsScript.Properties.PropertiesService {
  const impl: Pick<
    GoogleAppsScript.Properties.PropertiesService,
    'getDocumentProperties' | 'getUserProperties' | 'getScriptProperties'
  > = {
    getDocumentProperties: () => propertiesObject(exec, stores.document),
    getUserProperties: () => propertiesObject(exec, stores.user),
    getScriptProperties: () => propertiesObject(exec, stores.script),
  };
  return serviceObject(exec, 'PropertiesService', impl);
}
