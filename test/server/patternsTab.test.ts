/**
 * The Patterns tab and the roster highlight, through the built Code.js in the offline runtime:
 * what the tab holds, the colours its conditional-format rules give (as the runtime evaluates
 * them), that a user's rules and the roster's values survive, and that the calls stay constant.
 */
import { addDays } from '../../src/core/dates';
import type { Status } from '../../src/core/types';
import type { Environment } from '../../src/runtime';
import { PRACTICE, practice, session } from './fixtures';
import type { RosterClient } from './fixtures';
import { writeHistory } from './patternsHistory';
import type { HistoryRow } from './patternsHistory';

// TODAY in the fixtures is Wednesday 2025-03-12: its week starts Monday 2025-03-10.
const THIS_WEEK = '2025-03-10';
const CODES: Record<string, Status> = { P: 'present', L: 'late', E: 'excused', U: 'unexcused', R: 'refused', C: 'cancelled' };
const COLOUR = { unexcused: '#e06666', present: '#d9ead3', excused: '#ffe599', urgent: '#ea9999', rising: '#f9cb9c', watch: '#fff2cc', insufficient: '#efefef' };

/** Weekly sessions of one client ending in this week's Monday: 'PPEU' → four Mondays. */
function weekly(client: RosterClient, codes: string, lastMonday = THIS_WEEK): HistoryRow[] {
  const list = [...codes];
  return list.map((code, i) => ({ clientId: client.id!, client: client.name, date: addDays(lastMonday, -7 * (list.length - 1 - i)), status: CODES[code] }));
}

const [amy, ben, cleo] = PRACTICE;

/**
 * Amy now Urgent; Ben steady, with a present and an unexcused session in the week of 10 Feb; Cleo
 * with two unexcused sessions this week (Rising); Dan with none; Eve discharged.
 */
function setUp(): Environment {
  const env = practice();
  writeHistory(env, { clientId: ben.id!, date: '2024-01-01' }, [
    ...weekly(amy, 'PPPPPPPPPPPPPPPEEE'),
    ...weekly(ben, 'PPPPPPPPPPPPP'),
    { clientId: ben.id!, client: ben.name, date: '2025-02-11', status: 'unexcused' },
    ...weekly(cleo, 'PPPPPPPPPPPPP', addDays(THIS_WEEK, -7)),
    { clientId: cleo.id!, client: cleo.name, date: THIS_WEEK, status: 'unexcused' },
    { clientId: cleo.id!, client: cleo.name, date: addDays(THIS_WEEK, 1), status: 'unexcused' },
    { clientId: 'C005', client: 'Eve Evans', date: THIS_WEEK, status: 'unexcused' },
  ]);
  env.run('refreshPatterns');
  return env;
}

function tab(env: Environment, name = 'Patterns') {
  const view = env.view().sheets.find((s) => s.name === name);
  if (!view) throw new Error(`no tab ${name}`);
  return view;
}

function patternsSheet(env: Environment): GoogleAppsScript.Spreadsheet.Sheet {
  const tags = env.spreadsheet.createDeveloperMetadataFinder().withKey('cadence.patterns').find();
  return tags[0].getLocation().getSheet()!;
}

const rowOf = (view: ReturnType<typeof tab>, name: string) => view.values.findIndex((r) => r[1] === name);

describe('the Patterns tab', () => {
  const env = setUp();
  const view = tab(env);
  const header = view.values[1];

  it('has a legend row, a header row and one row per active client, flagged first', () => {
    expect(view.values[0][1]).toBe('Legend');
    expect(header.slice(0, 9)).toEqual(['Client ID', 'Client', 'Group', 'Trend', 'Chronic', 'Sessions', 'Absences', 'Recent rate', 'Usual rate']);
    expect(header[header.length - 1]).toBe('Why');
    expect(view.values.slice(2).map((r) => r[1])).toEqual(['Amy Adams', 'Cleo Clark', 'Ben Brown', 'Dan Diaz']);
    expect(view.values.slice(2).map((r) => r[3])).toEqual(['Urgent', 'Rising', '—', 'not enough data']);
    expect(view.frozenRows).toBe(2);
    expect(view.frozenColumns).toBe(2);
  });

  it('shows 26 calendar weeks, oldest first, ending with this week', () => {
    const weeks = header.slice(9, -1);
    expect(weeks).toHaveLength(26);
    expect(weeks[25]).toBe('10 Mar');
    expect(weeks[0]).toBe('16 Sep');
    const dates = patternsSheet(env).getRange(2, 10, 1, 26).getValues()[0] as Date[];
    expect(dates.every((d, i) => i === 0 || d.getTime() - dates[i - 1].getTime() >= 6.9 * 86400000)).toBe(true);
  });

  it('codes each week\'s sessions, both sessions of a two-session week, in date order', () => {
    const amyRow = view.values[rowOf(view, 'Amy Adams')];
    expect(amyRow.slice(-4, -1)).toEqual(['E', 'E', 'E']);
    expect(amyRow.slice(-19, -4)).toEqual(new Array(15).fill('P'));
    expect(amyRow.slice(9, 17).every((c) => c === '')).toBe(true);
    expect(view.values[rowOf(view, 'Cleo Clark')][34]).toBe('U U');
    expect(view.values[rowOf(view, 'Ben Brown')][30]).toBe('P U');
  });

  it('fills the summary columns from the trend', () => {
    const amyRow = view.values[rowOf(view, 'Amy Adams')];
    expect(amyRow.slice(0, 9)).toEqual(['C001', 'Amy Adams', 'Monday group', 'Urgent', '', '18', '3', '50%', '4%']);
    expect(amyRow[amyRow.length - 1]).toBe('missed the last 3 in a row; missed 3 of the last 6 (50%); usually 4%');
    const danRow = view.values[rowOf(view, 'Dan Diaz')];
    expect(danRow.slice(5, 9)).toEqual(['0', '0', '', '']);
  });

  it('colours week cells and trend levels by conditional-format rules, not static backgrounds', () => {
    const amy_ = rowOf(view, 'Amy Adams');
    const cleo_ = rowOf(view, 'Cleo Clark');
    expect(view.backgrounds[amy_][34]).toBe(COLOUR.excused);
    expect(view.backgrounds[amy_][30]).toBe(COLOUR.present);
    expect(view.backgrounds[amy_][12]).toBeNull();
    // A "P U" week takes the colour of its most serious session.
    expect(view.backgrounds[rowOf(view, 'Ben Brown')][30]).toBe(COLOUR.unexcused);
    expect(view.backgrounds[rowOf(view, 'Ben Brown')][29]).toBe(COLOUR.present);
    expect(view.backgrounds[amy_][3]).toBe(COLOUR.urgent);
    expect(view.backgrounds[cleo_][3]).toBe(COLOUR.rising);
    expect(view.backgrounds[rowOf(view, 'Ben Brown')][3]).toBeNull();
    expect(view.backgrounds[rowOf(view, 'Dan Diaz')][3]).toBe(COLOUR.insufficient);
    const statics = patternsSheet(env).getDataRange().getBackgrounds().flat();
    expect(statics.every((b) => b === '#ffffff' || b === null)).toBe(true);
  });

  it('colours the legend by the same rules', () => {
    const legend = view.values[0];
    const colourOf = (text: string) => view.backgrounds[0][legend.indexOf(text)];
    expect(colourOf('U unexcused')).toBe(COLOUR.unexcused);
    expect(colourOf('E excused')).toBe(COLOUR.excused);
    expect(colourOf('P present')).toBe(COLOUR.present);
    expect(colourOf('Urgent')).toBe(COLOUR.urgent);
    expect(colourOf('Watch')).toBe(COLOUR.watch);
    expect(colourOf('not enough data')).toBe(COLOUR.insufficient);
  });

  it('highlights flagged clients\' names on the roster by level, without touching its values', () => {
    const roster = tab(env, 'Clients');
    const nameColour = (name: string) => roster.backgrounds[roster.values.findIndex((r) => r[1] === name)][1];
    expect(nameColour('Amy Adams')).toBe(COLOUR.urgent);
    expect(nameColour('Cleo Clark')).toBe(COLOUR.rising);
    expect(nameColour('Ben Brown')).toBeNull();
    // Eve is discharged: not on the Patterns tab, so not highlighted whatever her record says.
    expect(nameColour('Eve Evans')).toBeNull();
    expect(roster.backgrounds.flat().filter(Boolean)).toHaveLength(2);
  });
});

describe('refreshing the Patterns tab', () => {
  it('keeps the user\'s own rules on the roster and on Patterns, and the roster\'s values', () => {
    const env = setUp();
    const app = (env as unknown as { spreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp }).spreadsheetApp;
    const roster = env.spreadsheet.getSheetByName('Clients')!;
    const before = roster.getDataRange().getValues();
    const mine = app.newConditionalFormatRule().whenTextEqualTo('Monday group').setBackground('#0000ff').setRanges([roster.getRange('C2:C20')]).build();
    roster.setConditionalFormatRules([...roster.getConditionalFormatRules(), mine]);
    const patterns = patternsSheet(env);
    const onPatterns = app.newConditionalFormatRule().whenFormulaSatisfied('=$E3="chronic"').setBold(true).setRanges([patterns.getRange('B3:B6')]).build();
    patterns.setConditionalFormatRules([onPatterns, ...patterns.getConditionalFormatRules()]);
    const ruleCount = (sheet: GoogleAppsScript.Spreadsheet.Sheet) => sheet.getConditionalFormatRules().length;
    const counts = [ruleCount(roster), ruleCount(patterns)];

    env.run('saveSession', session([ben.id!], { [ben.id!]: { status: 'unexcused' } }, { date: '2025-03-11' }));
    env.run('refreshPatterns');
    env.run('refreshPatterns');

    expect([ruleCount(roster), ruleCount(patterns)]).toEqual(counts);
    const formulas = (sheet: GoogleAppsScript.Spreadsheet.Sheet) => sheet.getConditionalFormatRules().map((r) => r.getBooleanCondition()!.getCriteriaValues()[0]);
    expect(formulas(roster)).toContain('Monday group');
    expect(formulas(patterns)).toContain('=$E3="chronic"');
    expect(roster.getDataRange().getValues()).toEqual(before);
    expect(tab(env, 'Clients').backgrounds[2][2]).toBe('#0000ff');
  });

  it('finds the tab again after a rename, and the roster highlight follows the new name', () => {
    const env = setUp();
    patternsSheet(env).setName("Amy's patterns");
    env.run('refreshPatterns');
    expect(env.spreadsheet.getSheetByName('Patterns')).toBeNull();
    const view = tab(env, "Amy's patterns");
    expect(view.values[2][1]).toBe('Amy Adams');
    const roster = tab(env, 'Clients');
    expect(roster.backgrounds[1][1]).toBe(COLOUR.urgent);
    const formula = String(env.spreadsheet.getSheetByName('Clients')!.getConditionalFormatRules()[0].getBooleanCondition()!.getCriteriaValues()[0]);
    expect(formula).toContain(`INDIRECT("'Amy''s patterns'!$A:$A")`);
  });

  it('recreates the tab when it was deleted', () => {
    const env = setUp();
    env.spreadsheet.deleteSheet(patternsSheet(env));
    env.run('refreshPatterns');
    expect(tab(env).values[2][1]).toBe('Amy Adams');
    expect(env.spreadsheet.createDeveloperMetadataFinder().withKey('cadence.patterns').find()).toHaveLength(1);
  });

  it('leaves a user\'s own tab named Patterns alone', () => {
    const env = practice();
    const own = env.spreadsheet.insertSheet('Patterns');
    own.getRange('A1').setValue('my notes');
    env.run('saveSession', session([amy.id!]));
    expect(own.getRange('A1').getValue()).toBe('my notes');
    expect(tab(env, 'Patterns 2').values[2][1]).toBe('Amy Adams');
  });

  it('shrinks to what it shows: no rows or columns left from a larger grid', () => {
    const env = setUp();
    const sheet = patternsSheet(env);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([6, 36]);
    env.run('saveSettings', { patternWeeks: 8 });
    // Discharge Cleo and Dan.
    const roster = env.spreadsheet.getSheetByName('Clients')!;
    roster.getRange('D4:D5').setValues([['no'], ['no']]);
    env.run('refreshPatterns');
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([4, 18]);
    expect(sheet.getDataRange().getValues().map((r) => r[1])).toEqual(['Legend', 'Client', 'Amy Adams', 'Ben Brown']);
  });

  it('keeps one blank row under the headers when there is no active client', () => {
    const env = practice(PRACTICE.map((c) => ({ ...c, active: 'no' })));
    env.run('refreshPatterns');
    const sheet = patternsSheet(env);
    expect(sheet.getMaxRows()).toBe(3);
    expect(sheet.getLastRow()).toBe(2);
  });

  it('matches clients by name on a roster without an ID column', () => {
    const clients = PRACTICE.map(({ name, group, active }) => ({ name, group, active }));
    const env = practice(clients, { headers: ['Client', 'Group', 'Active'] });
    writeHistory(env, { clientId: 'name:ben brown', date: '2024-01-01' },
      weekly({ id: 'name:amy adams', name: 'Amy Adams' }, 'PPPPPPPPPPUU'));
    env.run('refreshPatterns');
    const view = tab(env);
    expect(view.values[2].slice(0, 4)).toEqual(['', 'Amy Adams', 'Monday group', 'Rising']);
    const roster = tab(env, 'Clients');
    expect(roster.backgrounds[1][0]).toBe(COLOUR.rising);
    expect(roster.backgrounds.flat().filter(Boolean)).toHaveLength(1);
  });

  it('matches numeric roster IDs, whether the roster holds them as numbers or as text', () => {
    const clients = [{ id: '1001', name: 'Nia Num', group: 'G', active: 'yes' }, { id: '1002', name: 'Tom Text', group: 'G', active: 'yes' }];
    const env = practice(clients);
    env.spreadsheet.getSheetByName('Clients')!.getRange('A2').setValue(1001);
    writeHistory(env, { clientId: '1002', date: '2024-01-01' }, [
      ...weekly({ id: '1001', name: 'Nia Num' }, 'PPPPPPPPEEE'),
      ...weekly({ id: '1002', name: 'Tom Text' }, 'PPPPPPPPPUU'),
    ]);
    env.run('refreshPatterns');
    expect(tab(env).values.slice(2).map((r) => r.slice(0, 4))).toEqual([['1001', 'Nia Num', 'G', 'Urgent'], ['1002', 'Tom Text', 'G', 'Rising']]);
    const roster = tab(env, 'Clients');
    expect([roster.backgrounds[1][1], roster.backgrounds[2][1]]).toEqual([COLOUR.urgent, COLOUR.rising]);
  });

  it('makes the same service calls for 10 clients and 40, for 120 entries and 4,000', () => {
    const calls: Record<string, number>[] = [];
    for (const [size, weeks] of [[10, 12], [40, 100]]) {
      const clients = Array.from({ length: size }, (_, i) => ({ id: `K${100 + i}`, name: `Client ${i}`, group: `G${i % 3}`, active: 'yes' }));
      const env = practice(clients);
      writeHistory(env, { clientId: clients[0].id, date: '2023-01-02' },
        clients.flatMap((c, i) => weekly(c, 'PPPPEPPUPPPE'.repeat(Math.ceil(weeks / 12)).slice(0, weeks).replace(/P/g, i % 2 ? 'P' : 'L'))));
      env.run('refreshPatterns');
      // Utilities.formatDate runs in-process (the record reader formats each distinct day once): not a round trip.
      calls.push(Object.fromEntries(Object.entries(env.lastCalls.byMethod).filter(([method]) => !method.startsWith('Utilities.'))));
    }
    expect(calls[1]).toEqual(calls[0]);
    for (const method of ['Range.setValues', 'Range.setNumberFormats', 'Range.getValues']) {
      expect(calls[0][method]).toBeLessThanOrEqual(method === 'Range.getValues' ? 3 : 1);
    }
    expect(calls[0]['Sheet.setConditionalFormatRules']).toBe(2);
  });
});
