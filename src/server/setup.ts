/** saveSettings and createRoster: first-run choices, answered with fresh sidebar data. */
import { applySettingsPatch } from '../core/settings';
import type { SidebarData } from '../core/types';
import { createRosterTab } from './rosterTab';
import { loadSettings, storeSettings } from './settingsStore';
import { getSidebarData } from './sidebarData';
import { openWorkbook } from './workbook';

export function saveSettings(patch: unknown): SidebarData {
  const settings = applySettingsPatch(loadSettings(), patch);
  storeSettings(settings);
  return getSidebarData();
}

/** Only when no roster was found: a roster that exists is the practice's and is never replaced. */
export function createRoster(): SidebarData {
  const workbook = openWorkbook();
  createRosterTab(workbook.ss, workbook.roster);
  return getSidebarData();
}
