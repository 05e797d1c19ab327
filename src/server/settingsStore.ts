/**
 * Settings live in document properties, so every user of the spreadsheet shares them. They are
 * read with the remembered tab IDs, roster and metadata layout in one getProperties, once per
 * endpoint (documentProperties.ts).
 */
import { SETTINGS_KEY, readStoredSettings } from '../core/settings';
import { storedSettingsText } from '../core/settingsRules';
import { ROSTER_MEMORY_KEY, readRosterMemory } from '../core/rosterMemory';
import type { RosterMemory } from '../core/rosterMemory';
import type { Settings } from '../core/types';
import { deleteDocumentProperty, documentProperty, setDocumentProperty } from './documentProperties';
import { TAB_IDS_PROPERTY, readTabIds } from './cadenceTabs';
import type { TabIds } from './cadenceTabs';
import { LAYOUT_PROPERTY, readLayoutMemory } from './layoutMemory';
import type { LayoutMemory } from './layoutMemory';

export interface DocumentState {
  settings: Settings;
  /** Sheet IDs of Cadence's tabs, by tag key (cadenceTabs.ts). */
  tabIds: TabIds;
  /** Where Cadence last found the roster (rosterTab.ts), or null. */
  rosterMemory: RosterMemory | null;
  /** What Cadence last found through developer metadata (layoutMemory.ts), or null. */
  layoutMemory: LayoutMemory | null;
}

export function loadDocumentState(): DocumentState {
  return {
    settings: loadSettings(),
    tabIds: readTabIds(documentProperty(TAB_IDS_PROPERTY)),
    rosterMemory: readRosterMemory(documentProperty(ROSTER_MEMORY_KEY)),
    layoutMemory: readLayoutMemory(documentProperty(LAYOUT_PROPERTY)),
  };
}

export function loadSettings(): Settings {
  return readStoredSettings(documentProperty(SETTINGS_KEY));
}

export function storeSettings(settings: Settings): void {
  // applySettingsPatch has refused settings that would not fit the property (settingsSizeProblem).
  setDocumentProperty(SETTINGS_KEY, storedSettingsText(settings));
}

/** null forgets the roster, so the next call detects it again. */
export function storeRosterMemory(memory: RosterMemory | null): void {
  if (memory) setDocumentProperty(ROSTER_MEMORY_KEY, JSON.stringify(memory));
  else deleteDocumentProperty(ROSTER_MEMORY_KEY);
}
