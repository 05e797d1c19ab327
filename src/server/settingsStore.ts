/** Settings live in document properties, so every user of the spreadsheet shares them. */
import { SETTINGS_KEY, readStoredSettings } from '../core/settings';
import type { Settings } from '../core/types';
import { documentProperty, setDocumentProperty } from './documentProperties';

export function loadSettings(): Settings {
  return readStoredSettings(documentProperty(SETTINGS_KEY));
}

export function storeSettings(settings: Settings): void {
  setDocumentProperty(SETTINGS_KEY, JSON.stringify(settings));
}
