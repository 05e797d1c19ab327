/**
 * Settings live in document properties, so every user of the spreadsheet shares them. They are
 * read with the remembered tab IDs in one getProperties, once per endpoint.
 */
import { SETTINGS_KEY, readStoredSettings } from '../core/settings';
import { storedSettingsText } from '../core/settingsRules';
import type { Settings } from '../core/types';
import { documentProperty, setDocumentProperty } from './documentProperties';
import { TAB_IDS_PROPERTY, readTabIds } from './cadenceTabs';
import type { TabIds } from './cadenceTabs';

export interface DocumentState {
  settings: Settings;
  /** Sheet IDs of Cadence's tabs, by tag key (cadenceTabs.ts). */
  tabIds: TabIds;
}

export function loadDocumentState(): DocumentState {
  return { settings: loadSettings(), tabIds: readTabIds(documentProperty(TAB_IDS_PROPERTY)) };
}

export function loadSettings(): Settings {
  return readStoredSettings(documentProperty(SETTINGS_KEY));
}

export function storeSettings(settings: Settings): void {
  // applySettingsPatch has refused settings that would not fit the property (settingsSizeProblem).
  setDocumentProperty(SETTINGS_KEY, storedSettingsText(settings));
}
