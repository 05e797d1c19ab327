/**
 * Document properties, read once per execution: the settings, the tabs Cadence remembers and the
 * Patterns tab's shape come back from one getProperties call instead of a getProperty each (a
 * properties round trip costs 20–84 ms: https://ziritione.org/post/apps_script_performance).
 * Apps Script starts every execution with fresh globals, so the copy never outlives the execution
 * that read it; a value that must be current under the lock is asked again with `fresh`.
 * https://developers.google.com/apps-script/reference/properties/properties#getProperties()
 */
let store: GoogleAppsScript.Properties.Properties | null = null;
let values: Record<string, string> | null = null;

function documentStore(): GoogleAppsScript.Properties.Properties {
  if (!store) store = PropertiesService.getDocumentProperties();
  return store;
}

/** The property as this execution first read it (null when unset). */
export function documentProperty(key: string): string | null {
  if (!values) values = documentStore().getProperties();
  return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : null;
}

/** The property as stored now: for what another execution may have changed since the first read. */
export function freshDocumentProperty(key: string): string | null {
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
