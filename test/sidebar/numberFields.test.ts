/**
 * The Settings form's number fields against the server: every value the server refuses, the form
 * refuses first, naming the field by the label the user sees; and the form refuses nothing the
 * server would keep. The server here is the built add-on (saveSettings) in the offline runtime.
 */
import { defaultSettings } from '../../src/core/settings';
import { shownValue } from '../../src/core/settingsRules';
import { DEFAULT_TREND_SETTINGS } from '../../src/core/trend';
import { cadenceEnvironment } from '../cadence';
import {
  fieldText,
  inputAttributes,
  parseNumberFields,
  TOP_FIELDS,
  TREND_FIELDS,
  type NumberField,
} from '../../src/sidebar/numberFields';

const settings = defaultSettings();
const field = (key: string): NumberField => [...TREND_FIELDS, ...TOP_FIELDS].find((f) => f.key === key)!;

it('covers every number setting once', () => {
  expect(TREND_FIELDS.map((f) => f.key).sort()).toEqual(Object.keys(DEFAULT_TREND_SETTINGS).sort());
  expect(TOP_FIELDS.map((f) => f.key)).toEqual(['patternWeeks', 'maxNoteLength']);
});

it('shows rates as percentages and reads them back as fractions', () => {
  expect(fieldText(field('pointsAbove').setting, 0.25)).toBe('25');
  expect(fieldText(field('priorRate').setting, 0.07)).toBe('7');
  expect(inputAttributes(field('pointsAbove').setting)).toEqual({ type: 'number', min: '0', max: '100', step: 'any' });
  expect(inputAttributes(field('watchWindow').setting)).toEqual({ type: 'number', min: '2', max: '52', step: '1' });
  const parsed = parseNumberFields({ pointsAbove: '30', watchWindow: '5', patternWeeks: '12' }, settings);
  expect(parsed.values).toEqual({
    trend: { ...DEFAULT_TREND_SETTINGS, pointsAbove: 0.3, watchWindow: 5 },
    patternWeeks: 12,
    maxNoteLength: 500,
  });
});

it('round-trips the defaults unchanged', () => {
  const texts = Object.fromEntries([
    ...TREND_FIELDS.map((f) => [f.key, fieldText(f.setting, settings.trend[f.key])]),
    ...TOP_FIELDS.map((f) => [f.key, fieldText(f.setting, settings[f.key])]),
  ]);
  expect(parseNumberFields(texts, settings).values).toEqual({
    trend: settings.trend,
    patternWeeks: 26,
    maxNoteLength: 500,
  });
});

it('says when two parameters of the rule contradict each other', () => {
  expect(parseNumberFields({ watchMinAbsences: '5' }, settings).problem).toBe(
    'Watch cannot ask for more absences than the sessions it looks at.',
  );
});

describe('every bound the server holds, the form holds first, in the same words', () => {
  // The rule's windows at their widest, so a count of absences is only held to its own bounds.
  const wide = { watchWindow: 52, risingWindow: 52 };
  const base = { ...settings, trend: { ...settings.trend, ...wide } };

  /** The server's refusal of one field's value (in stored units), or null when it keeps it. */
  const serverRefusal = (f: NumberField, stored: number): string | null => {
    const value = Number.isNaN(stored) ? null : stored; // what JSON, and so the bridge, makes of NaN
    const isTrend = TREND_FIELDS.some((t) => t.key === f.key);
    const patch = isTrend ? { trend: { ...wide, [f.key]: value } } : { trend: wide, [f.key]: value };
    try {
      cadenceEnvironment({ timeZone: 'America/New_York' }).run('saveSettings', patch);
      return null;
    } catch (error) {
      return (error as Error).message;
    }
  };

  // Around each bound, in the units the field shows: below, at, between, at, above; and not a number.
  const cases = [...TREND_FIELDS, ...TOP_FIELDS].flatMap((f) => {
    const min = shownValue(f.setting, f.setting.min);
    const max = shownValue(f.setting, f.setting.max);
    return [min - 1, min, min + 0.5, max, max + 0.5, max + 1, NaN].map(
      (shown) => [f.key, Number.isNaN(shown) ? 'ten' : String(shown), f] as const,
    );
  });

  test.each(cases)('%s = "%s"', (_key, text, f) => {
    const form = parseNumberFields({ [f.key]: text }, base);
    const typed = Number(text);
    const server = serverRefusal(f, f.setting.percent ? typed / 100 : typed);
    if (server === null) {
      expect(form.problem).toBeNull();
    } else {
      expect(form.problem).not.toBeNull();
      expect(server).toContain(form.problem);
    }
    const min = shownValue(f.setting, f.setting.min);
    const max = shownValue(f.setting, f.setting.max);
    const outOfBounds = !(typed >= min && typed <= max) || (f.setting.integer && !Number.isInteger(typed));
    if (outOfBounds) {
      expect(server).not.toBeNull();
      expect(form.problem).toContain(`“${f.setting.label}”`);
    }
  });
});
