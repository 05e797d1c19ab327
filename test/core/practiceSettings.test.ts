import { applySettingsPatch, defaultSettings, readStoredSettings } from '../../src/core/settings';

test('settings stored by an earlier version read with make-ups, policy checks and planned minutes at their defaults', () => {
  const older = JSON.stringify({ reasons: ['illness', 'facility event'], patternWeeks: 12 });
  const settings = readStoredSettings(older);
  expect(settings.reasons).toEqual(['illness', 'facility event']);
  expect(settings.makeUps).toEqual({ practiceReasons: ['facility event', 'practice cancelled'], afterNotice: false });
  expect(settings.policies).toEqual(defaultSettings().policies);
  expect(settings.plannedMinutes).toEqual([]);
});

test('a policy check is switched on and its numbers changed without touching the others', () => {
  const next = applySettingsPatch(defaultSettings(), {
    policies: { lateCancellations: { on: true, days: 30 } },
  });
  expect(next.policies).toEqual({
    ...defaultSettings().policies,
    lateCancellations: { on: true, count: 3, days: 30 },
  });
});

test.each([
  [{ policies: { attendanceBelow: { rate: 1.2 } } }, '“Attendance below (%)” must be a percentage from 0 to 100.'],
  [{ policies: { lateCancellations: { days: 0 } } }, '“Within days” must be a whole number from 1 to 366.'],
  [{ policies: { noShowsInRow: { on: 'yes' } } }, 'A policy check must be on or off.'],
  [{ policies: { absencesPerYear: { yearStarts: '02-30' } } }, 'must be a month and day, like 09-01'],
  [{ makeUps: { practiceReasons: 'facility event' } }, 'must be a list of reasons'],
  [{ plannedMinutes: [{ group: 'Choir', clientId: 'C1', minutes: 45 }] }, 'names one group or one client'],
  [{ plannedMinutes: [{ group: 'Choir', minutes: 0 }] }, '“Planned minutes” must be a whole number from 1 to 600.'],
  [
    {
      plannedMinutes: [
        { group: 'Choir', minutes: 45 },
        { group: ' Choir ', minutes: 30 },
      ],
    },
    'set twice for Choir',
  ],
])('%j is refused, saying what to fix', (patch, words) => {
  expect(() => applySettingsPatch(defaultSettings(), patch)).toThrow(words);
});

test('a stored policy that cannot be read falls back to the defaults, keeping the rest', () => {
  const stored = JSON.stringify({ policies: { noShowsInRow: { on: true, count: -1 } }, patternWeeks: 10 });
  const settings = readStoredSettings(stored);
  expect(settings.policies).toEqual(defaultSettings().policies);
  expect(settings.patternWeeks).toBe(10);
});
