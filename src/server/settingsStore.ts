/** Settings live in document properties, so every user of the spreadsheet shares them. */
import { SETTINGS_KEY, readStoredSettings } from '../core/settings';
import type { Settings } from '../core/types';

export function loadSettings(): Settings {
  return readStoredSettings(PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY));
}

export function storeSettings(settings: Settings): void {
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, JSON.stringify(settings));
}
