import { applySettingsPatch, defaultSettings, readStoredSettings } from '../../src/core/settings';
import { DEFAULT_TREND_SETTINGS } from '../../src/core/trend';
import { DEFAULT_REASONS } from '../../src/core/types';

test('defaults carry the calibrated trend rule and the reasons list', () => {
  const settings = defaultSettings();
  expect(settings.trend).toEqual(DEFAULT_TREND_SETTINGS);
  expect(settings.reasons).toEqual(DEFAULT_REASONS);
  expect(settings.roster.sheetId).toBeNull();
  settings.reasons.push('changed');
  expect(defaultSettings().reasons).toEqual(DEFAULT_REASONS);
});

test('a patch changes only what it names', () => {
  const next = applySettingsPatch(defaultSettings(), { trend: { watchWindow: 5 }, patternWeeks: 13, roster: { nameHeader: ' Who ' } });
  expect(next.trend).toEqual({ ...DEFAULT_TREND_SETTINGS, watchWindow: 5 });
  expect(next.patternWeeks).toBe(13);
  expect(next.roster).toMatchObject({ nameHeader: 'Who', sheetId: null });
  expect(next.maxNoteLength).toBe(500);
});

test('invalid values are refused, all reported', () => {
  expect(() => applySettingsPatch(defaultSettings(), { trend: { pointsAbove: 2, watchWindow: 2.5 } })).toThrow(/“Points above the usual rate \(%\)” must be a percentage from 0 to 100.*“Watch: last sessions looked at” must be a whole number/);
  expect(() => applySettingsPatch(defaultSettings(), { trend: { watchMinAbsences: 9 } })).toThrow(/Watch cannot ask for more absences than the sessions it looks at/);
  expect(() => applySettingsPatch(defaultSettings(), { roster: { sheetId: 'x' } })).toThrow(/roster tab is not valid/);
  expect(() => applySettingsPatch(defaultSettings(), [])).toThrow(/nothing to save/);
});

test('stored settings are read over the defaults; unreadable pieces fall back', () => {
  expect(readStoredSettings(null)).toEqual(defaultSettings());
  expect(readStoredSettings('{not json')).toEqual(defaultSettings());
  const stored = readStoredSettings(JSON.stringify({ maxNoteLength: 200, patternWeeks: -1, reasons: ['a'] }));
  expect(stored.maxNoteLength).toBe(200);
  expect(stored.patternWeeks).toBe(26);
  expect(stored.reasons).toEqual(['a']);
});
