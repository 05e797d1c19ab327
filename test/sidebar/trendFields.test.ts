import { DEFAULT_TREND_SETTINGS } from '../../src/core/trend';
import { fieldText, parseTrendFields, TREND_FIELDS } from '../../src/sidebar/trendFields';

const field = (key: string) => TREND_FIELDS.find((f) => f.key === key)!;

it('covers every parameter of the rule once', () => {
  expect(TREND_FIELDS.map((f) => f.key).sort()).toEqual(Object.keys(DEFAULT_TREND_SETTINGS).sort());
});

it('shows rates as percentages and reads them back as fractions', () => {
  expect(fieldText(DEFAULT_TREND_SETTINGS, field('pointsAbove'))).toBe('25');
  expect(fieldText({ ...DEFAULT_TREND_SETTINGS, priorRate: 0.07 }, field('priorRate'))).toBe('7');
  const parsed = parseTrendFields({ pointsAbove: '30', watchWindow: '5' }, DEFAULT_TREND_SETTINGS);
  expect(parsed.trend).toEqual({ ...DEFAULT_TREND_SETTINGS, pointsAbove: 0.3, watchWindow: 5 });
});

it('round-trips the defaults unchanged', () => {
  const texts = Object.fromEntries(TREND_FIELDS.map((f) => [f.key, fieldText(DEFAULT_TREND_SETTINGS, f)]));
  expect(parseTrendFields(texts, DEFAULT_TREND_SETTINGS).trend).toEqual(DEFAULT_TREND_SETTINGS);
});

it('names the field that is not acceptable', () => {
  expect(parseTrendFields({ watchWindow: '2.5' }, DEFAULT_TREND_SETTINGS).problem).toContain('Watch: last sessions looked at');
  expect(parseTrendFields({ chronicRate: '120' }, DEFAULT_TREND_SETTINGS).problem).toContain('percentage from 0 to 100');
  expect(parseTrendFields({ priorSessions: '' }, DEFAULT_TREND_SETTINGS).problem).toContain('whole number');
  expect(parseTrendFields({ watchMinAbsences: '5' }, DEFAULT_TREND_SETTINGS).problem).toBe('Watch cannot ask for more absences than the sessions it looks at.');
});
