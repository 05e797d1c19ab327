/**
 * Document properties, read once per execution: the settings, the tabs Cadence remembers and the
 * Patterns tab's shape come back from one getProperties call instead of a getProperty each (a
 * properties round trip costs 20–84 ms: https://ziritione.org/post/apps_script_performance).
 * Apps Script starts every execution with fresh globals, so the copy never outlives the execution
 * that read it; a value that must be current under the lock is asked again with `fresh`.
 * https://developers.google.com/apps-script/reference/properties/properties#getProperties()
 */
import { holdsDocumentLock } from './documentLock';

let store: GoogleAppsScript.Properties.Properties | null = null;
let values: Record<string, string> | null = null;
/** Whether `values` was read holding the document lock: then no other writer changed them since. */
let readUnderLock = false;

function documentStore(): GoogleAppsScript.Properties.Properties {
  if (!store) store = PropertiesService.getDocumentProperties();
  return store;
}

/** The property as this execution first read it (null when unset). */
export function documentProperty(key: string): string | null {
  // Read before the lock was taken: read again under it, once, for what writers may have changed.
  if (!values || (!readUnderLock && holdsDocumentLock())) reloadDocumentProperties();
  const all = values as Record<string, string>;
  return Object.prototype.hasOwnProperty.call(all, key) ? all[key] : null;
}

/** Reads every property again (one call): under the lock, what no other writer can change meanwhile. */
export function reloadDocumentProperties(): void {
  values = documentStore().getProperties();
  readUnderLock = holdsDocumentLock();
}

/**
 * The property as stored now: for what another execution may have changed since the first read.
 * Properties read under the document lock are current already (every writer of what is asked
 * this way holds the lock), so they are not asked again.
 */
export function freshDocumentProperty(key: string): string | null {
  if (holdsDocumentLock()) return documentProperty(key);
  const value = documentStore().getProperty(key);
  if (values) {
    if (value === null) delete values[key];
    else values[key] = value;
  }
  return value;
}

export function setDocumentProperty(key: string, value: string): void {
  documentStore().setProperty(key, value);
  if (values) values[key] = value;
}

export function deleteDocumentProperty(key: string): void {
  documentStore().deleteProperty(key);
  if (values) delete values[key];
}
