import fc from 'fast-check';
import { applySettingsPatch, defaultSettings, readStoredSettings } from '../../src/core/settings';
import { MAX_SETTINGS_BYTES, settingsSizeProblem, storedSettingsText } from '../../src/core/settingsRules';
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
  const next = applySettingsPatch(defaultSettings(), {
    trend: { watchWindow: 5 },
    patternWeeks: 13,
    roster: { nameHeader: ' Who ' },
  });
  expect(next.trend).toEqual({ ...DEFAULT_TREND_SETTINGS, watchWindow: 5 });
  expect(next.patternWeeks).toBe(13);
  expect(next.roster).toMatchObject({ nameHeader: 'Who', sheetId: null });
  expect(next.maxNoteLength).toBe(500);
});

test('invalid values are refused, all reported', () => {
  expect(() => applySettingsPatch(defaultSettings(), { trend: { pointsAbove: 2, watchWindow: 2.5 } })).toThrow(
    /“Points above the usual rate \(%\)” must be a percentage from 0 to 100.*“Watch: last sessions looked at” must be a whole number/,
  );
  expect(() => applySettingsPatch(defaultSettings(), { trend: { watchMinAbsences: 9 } })).toThrow(
    /Watch cannot ask for more absences than the sessions it looks at/,
  );
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

describe('settings that fit a document property (9 kB per value)', () => {
  const long = (n: number, length: number) =>
    Array.from({ length: n }, (_, i) => `${i} ${'r'.repeat(length)}`.slice(0, length));

  test('100 reasons of 200 characters are refused, naming the reasons list and how much to cut', () => {
    expect(() => applySettingsPatch(defaultSettings(), { reasons: long(100, 200) })).toThrow(
      /^Settings were not saved\. The reasons list is too long to store: .*at most 9216 characters.*about \d+ characters/,
    );
  });

  test('the largest list that fits is accepted and stored whole; multi-byte text counts by its bytes', () => {
    // 39 reasons of 200 characters: the other settings (make-ups, policy checks, schedules) take the rest.
    const fits = applySettingsPatch(defaultSettings(), { reasons: long(39, 200) });
    expect(settingsSizeProblem(fits)).toBeNull();
    expect(Buffer.byteLength(storedSettingsText(fits), 'utf8')).toBeLessThanOrEqual(MAX_SETTINGS_BYTES);
    // 40 reasons of 200 "é" (2 bytes each) or emoji (4 bytes each) do not fit, though their length in characters would.
    expect(settingsSizeProblem({ ...fits, reasons: long(40, 200).map((r) => r.replace(/r/g, 'é')) })).toMatch(
      /reasons list/,
    );
    expect(
      settingsSizeProblem({ ...fits, reasons: Array.from({ length: 30 }, (_, i) => `${i}${'😀'.repeat(90)}`) }),
    ).toMatch(/reasons list/);
  });

  test('the size check agrees with the byte count at the boundary, for any reasons', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), { minLength: 1, maxLength: 100 }),
        (reasons) => {
          const settings = { ...defaultSettings(), reasons };
          const bytes = Buffer.byteLength(storedSettingsText(settings), 'utf8');
          expect(settingsSizeProblem(settings) === null).toBe(bytes <= MAX_SETTINGS_BYTES);
        },
      ),
      { numRuns: 200 },
    );
  });
});
