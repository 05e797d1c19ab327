/**
 * Dates (issue 6): session dates on and around daylight-saving changes, and "today" just after and
 * just before midnight, in spreadsheet time zones different from the script's (appsscript.json
 * says Etc/UTC; a practice's spreadsheet may be anywhere). A date sent is the date stored, shown
 * and read back; "today" and "a year ahead" are the spreadsheet's, not the script's.
 */
import type { Entry, SaveSessionResult, SidebarData } from '../../src/core/types';
import { cadenceEnvironment } from '../cadence';
import type { Environment } from '../../src/runtime';
import { PRACTICE, failure, newRequestId, writeRoster } from '../server/fixtures';
import { emptyFigures, reportFigures } from './figures';
import { SIZE_NAME } from './size';
import { addDays } from '../../src/core/dates';
import { addYear, zonedInstant } from './zonedTime';

const figures = emptyFigures();
afterAll(() => reportFigures('dates', figures, SIZE_NAME));

/** Each zone with its transitions (and the days either side), paired with a script zone far from it. */
const ZONES: { sheet: string; script: string; days: string[] }[] = [
  { sheet: 'America/New_York', script: 'Asia/Tokyo', days: ['2025-03-09', '2025-11-02'] },
  { sheet: 'Europe/London', script: 'America/Los_Angeles', days: ['2025-03-30', '2025-10-26'] },
  { sheet: 'Pacific/Auckland', script: 'Etc/UTC', days: ['2025-04-06', '2025-09-28', '2025-12-31'] },
  // Chile moves its clocks at midnight: 2025-09-07 has no 00:00.
  { sheet: 'America/Santiago', script: 'Europe/Berlin', days: ['2025-04-06', '2025-09-07'] },
  // Lord Howe Island shifts by half an hour.
  { sheet: 'Australia/Lord_Howe', script: 'America/New_York', days: ['2025-04-06', '2025-10-05'] },
  { sheet: 'Asia/Kolkata', script: 'Pacific/Honolulu', days: ['2024-02-29', '2025-03-01'] },
  { sheet: 'Pacific/Kiritimati', script: 'Pacific/Pago_Pago', days: ['2025-01-01', '2025-06-30'] },
];

function environment(sheet: string, script: string, now: Date): Environment {
  const env = cadenceEnvironment({ timeZone: sheet, scriptTimeZone: script, now: () => new Date(now) });
  writeRoster(env, PRACTICE);
  return env;
}

function save(env: Environment, date: string): SaveSessionResult {
  figures.badInputs += 1;
  return env.run<SaveSessionResult>('saveSession', {
    requestId: newRequestId(),
    date,
    group: 'Monday group',
    attendance: [{ clientId: 'C001', status: 'present' }],
  });
}

/** The Session date cell of an entry as the therapist sees it (display value). */
function shownDate(env: Environment, entryId: string): string | undefined {
  const sheet = env.spreadsheet
    .getSheets()
    .find((s) => s.getRange(1, 1, 1, Math.max(1, s.getLastColumn())).getValues()[0].includes('Entry ID'));
  if (!sheet) return undefined;
  const shown = sheet.getDataRange().getDisplayValues();
  const headers = shown[0];
  const row = shown.find((r) => r[headers.indexOf('Entry ID')] === entryId);
  return row?.[headers.indexOf('Session date')];
}

describe.each(ZONES)('spreadsheet in $sheet, script in $script', ({ sheet, script, days }) => {
  const now = new Date('2025-10-01T12:00:00Z');
  const around = days.flatMap((d) => [addDays(d, -1), d, addDays(d, 1)]);

  test('a session dated on, before and after each clock change is stored, shown and read back as that day', () => {
    const env = environment(sheet, script, now);
    const problems: string[] = [];
    for (const date of around) {
      const { entryIds } = save(env, date);
      const history = env.run<Entry[]>('getClientHistory', 'C001');
      const read = history.find((e) => e.entryId === entryIds[0])?.sessionDate;
      const shown = shownDate(env, entryIds[0]);
      if (read !== date || shown !== date) {
        figures.altered += 1;
        problems.push(`${date}: read back ${read}, shown ${shown}`);
      }
    }
    expect(problems).toEqual([]);
  });

  test.each([
    ['just after midnight', 0, 0, 30],
    ['just before midnight', 23, 59, 30],
  ])('today is the spreadsheet\'s day %s, and "a year ahead" counts from it', (_when, h, mi, s) => {
    for (const day of days) {
      const [y, m, d] = day.split('-').map(Number);
      const env = environment(sheet, script, zonedInstant(sheet, y, m, d, h, mi, s));
      expect(env.run<SidebarData>('getSidebarData').today).toBe(day);
      expect(save(env, day).saved).toBe(1);
      expect(save(env, addYear(day)).saved).toBe(1);
      figures.badInputs += 1;
      expect(
        failure(() =>
          env.run('saveSession', {
            requestId: newRequestId(),
            date: addDays(addYear(day), 1),
            attendance: [{ clientId: 'C001', status: 'present' }],
          }),
        ),
      ).toMatch(/more than a year in the future/);
    }
  });
});

test('a practice that changes its spreadsheet time zone keeps every session on its day', () => {
  const env = environment('America/Los_Angeles', 'Etc/UTC', new Date('2025-10-01T12:00:00Z'));
  const days = ['2025-03-09', '2025-03-10', '2025-09-30', '2025-10-01'];
  const ids = days.map((day) => save(env, day).entryIds[0]);
  for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/London']) {
    env.spreadsheet.setSpreadsheetTimeZone(zone);
    const history = env.run<Entry[]>('getClientHistory', 'C001');
    figures.badInputs += 1;
    expect(ids.map((id) => history.find((e) => e.entryId === id)?.sessionDate)).toEqual(days);
    expect(ids.map((id) => shownDate(env, id))).toEqual(days);
  }
});
