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
const CODES: Record<string, Status> = {
  P: 'present',
  L: 'late',
  E: 'excused',
  U: 'unexcused',
  R: 'refused',
  C: 'cancelled',
};
const COLOUR = {
  unexcused: '#e06666',
  present: '#d9ead3',
  excused: '#ffe599',
  urgent: '#ea9999',
  rising: '#f9cb9c',
  watch: '#fff2cc',
  insufficient: '#efefef',
};

/** Weekly sessions of one client ending in this week's Monday: 'PPEU' → four Mondays. */
function weekly(client: RosterClient, codes: string, lastMonday = THIS_WEEK): HistoryRow[] {
  const list = [...codes];
  return list.map((code, i) => ({
    clientId: client.id!,
    client: client.name,
    date: addDays(lastMonday, -7 * (list.length - 1 - i)),
    status: CODES[code],
  }));
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

const rowOf = (view: ReturnType<typeof tab>, name: string) => view.values.findIndex((r) => r[0] === name);

// Columns (0-based) of the tab: Client, Trend, Chronic, Recent rate, Usual rate, Why, the weeks newest first, then the rest.
const WEEK0 = 6;

describe('the Patterns tab', () => {
  const env = setUp();
  const view = tab(env);
  const header = view.values[2];

  it('has two legend rows, a header row and one row per active client, flagged first', () => {
    expect(view.values[0][0]).toBe('Legend');
    expect(header.slice(0, WEEK0)).toEqual(['Client', 'Trend', 'Chronic', 'Recent rate', 'Usual rate', 'Why']);
    expect(header.slice(-6)).toEqual(['Group', 'Sessions', 'Absences', 'Make-ups owed', 'Policy', 'Client ID']);
    expect(view.values.slice(3).map((r) => r[0])).toEqual(['Amy Adams', 'Cleo Clark', 'Ben Brown', 'Dan Diaz']);
    expect(view.values.slice(3).map((r) => r[1])).toEqual(['Urgent', 'Rising', '—', 'not enough data']);
    expect(view.frozenRows).toBe(3);
    expect(view.frozenColumns).toBe(2);
  });

  it('shows the weeks newest first, from this week back to the first with data, at most 26', () => {
    const weeks = header.slice(WEEK0, -6);
    expect(weeks).toHaveLength(26); // Ben's session of January 2024 reaches back past 26 weeks
    expect(weeks[0]).toBe('10 Mar');
    expect(weeks[25]).toBe('16 Sep');
    const dates = patternsSheet(env)
      .getRange(3, WEEK0 + 1, 1, 26)
      .getValues()[0] as Date[];
    expect(dates.every((d, i) => i === 0 || dates[i - 1].getTime() - d.getTime() >= 6.9 * 86400000)).toBe(true);
  });

  it("codes each week's sessions, both sessions of a two-session week, in date order", () => {
    const amyRow = view.values[rowOf(view, 'Amy Adams')];
    expect(amyRow.slice(WEEK0, WEEK0 + 3)).toEqual(['E', 'E', 'E']);
    expect(amyRow.slice(WEEK0 + 3, WEEK0 + 18)).toEqual(new Array(15).fill('P'));
    expect(amyRow.slice(WEEK0 + 18, WEEK0 + 26).every((c) => c === '')).toBe(true);
    expect(view.values[rowOf(view, 'Cleo Clark')][WEEK0]).toBe('U U');
    expect(view.values[rowOf(view, 'Ben Brown')][WEEK0 + 4]).toBe('P U');
  });

  it('shows the trend, the rates its explanation uses and the explanation first', () => {
    const amyRow = view.values[rowOf(view, 'Amy Adams')];
    expect(amyRow.slice(0, WEEK0)).toEqual([
      'Amy Adams',
      'Urgent',
      '',
      '50%',
      '0%',
      'missed the last 3 in a row; missed 3 of the last 6 (50%); usually 0%',
    ]);
    expect(amyRow.slice(-6)).toEqual(['Monday group', '18', '3', '0', '', 'C001']);
    const danRow = view.values[rowOf(view, 'Dan Diaz')];
    expect(danRow.slice(3, 5)).toEqual(['—', '—']);
    expect(danRow.slice(-5, -3)).toEqual(['0', '0']);
    // The explanation wraps in its column instead of running over the newest weeks.
    expect(patternsSheet(env).getRange(4, WEEK0).getWrap()).toBe(true);
  });

  it('colours week cells and trend levels by conditional-format rules, not static backgrounds', () => {
    const amy_ = rowOf(view, 'Amy Adams');
    const cleo_ = rowOf(view, 'Cleo Clark');
    expect(view.backgrounds[amy_][WEEK0]).toBe(COLOUR.excused);
    expect(view.backgrounds[amy_][WEEK0 + 4]).toBe(COLOUR.present);
    expect(view.backgrounds[amy_][WEEK0 + 22]).toBeNull();
    // A "P U" week takes the colour of its most serious session.
    expect(view.backgrounds[rowOf(view, 'Ben Brown')][WEEK0 + 4]).toBe(COLOUR.unexcused);
    expect(view.backgrounds[rowOf(view, 'Ben Brown')][WEEK0 + 5]).toBe(COLOUR.present);
    expect(view.backgrounds[amy_][1]).toBe(COLOUR.urgent);
    expect(view.backgrounds[cleo_][1]).toBe(COLOUR.rising);
    expect(view.backgrounds[rowOf(view, 'Ben Brown')][1]).toBeNull();
    expect(view.backgrounds[rowOf(view, 'Dan Diaz')][1]).toBe(COLOUR.insufficient);
    const statics = patternsSheet(env).getDataRange().getBackgrounds().flat();
    expect(statics.every((b) => b === '#ffffff' || b === null)).toBe(true);
  });

  it('colours the legend by the same rules, and explains the rates in it', () => {
    const colourOf = (text: string) => {
      const r = view.values.findIndex((row) => row.includes(text));
      return view.backgrounds[r][view.values[r].indexOf(text)];
    };
    expect(colourOf('U unexcused')).toBe(COLOUR.unexcused);
    expect(colourOf('E excused')).toBe(COLOUR.excused);
    expect(colourOf('P present')).toBe(COLOUR.present);
    expect(view.values[0][5]).toContain('pulled toward 15%');
  });

  it("highlights flagged clients' names on the roster by level, without touching its values", () => {
    const roster = tab(env, 'Clients');
    const nameColour = (name: string) => roster.backgrounds[roster.values.findIndex((r) => r[1] === name)][1];
    expect(nameColour('Amy Adams')).toBe(COLOUR.urgent);
    expect(nameColour('Cleo Clark')).toBe(COLOUR.rising);
    expect(nameColour('Ben Brown')).toBeNull();
    // Eve is discharged: not on the Patterns tab, so not highlighted whatever her record says.
    expect(nameColour('Eve Evans')).toBeNull();
    expect(roster.backgrounds.flat().filter(Boolean)).toHaveLength(2);
  });

  it('begins at the first week with data on a young record, so the newest week and the Why fit the window', () => {
    const young = practice();
    writeHistory(young, { clientId: ben.id!, date: addDays(THIS_WEEK, -14) }, [...weekly(amy, 'PPU')]);
    young.run('refreshPatterns');
    expect(tab(young).values[2].slice(WEEK0, -6)).toEqual(['10 Mar', '3 Mar', '24 Feb']);
  });
});

describe('refreshing the Patterns tab', () => {
  it("keeps the user's own rules on the roster and on Patterns, and the roster's values", () => {
    const env = setUp();
    const app = (env as unknown as { spreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp }).spreadsheetApp;
    const roster = env.spreadsheet.getSheetByName('Clients')!;
    const before = roster.getDataRange().getValues();
    const mine = app
      .newConditionalFormatRule()
      .whenTextEqualTo('Monday group')
      .setBackground('#0000ff')
      .setRanges([roster.getRange('C2:C20')])
      .build();
    roster.setConditionalFormatRules([...roster.getConditionalFormatRules(), mine]);
    const patterns = patternsSheet(env);
    const onPatterns = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=$E3="chronic"')
      .setBold(true)
      .setRanges([patterns.getRange('B3:B6')])
      .build();
    patterns.setConditionalFormatRules([onPatterns, ...patterns.getConditionalFormatRules()]);
    const ruleCount = (sheet: GoogleAppsScript.Spreadsheet.Sheet) => sheet.getConditionalFormatRules().length;
    const counts = [ruleCount(roster), ruleCount(patterns)];

    env.run('saveSession', session([ben.id!], { [ben.id!]: { status: 'unexcused' } }, { date: '2025-03-11' }));
    env.run('refreshPatterns');
    env.run('refreshPatterns');

    expect([ruleCount(roster), ruleCount(patterns)]).toEqual(counts);
    const formulas = (sheet: GoogleAppsScript.Spreadsheet.Sheet) =>
      sheet.getConditionalFormatRules().map((r) => r.getBooleanCondition()!.getCriteriaValues()[0]);
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
    expect(view.values[3][0]).toBe('Amy Adams');
    const roster = tab(env, 'Clients');
    expect(roster.backgrounds[1][1]).toBe(COLOUR.urgent);
    const formula = String(
      env.spreadsheet
        .getSheetByName('Clients')!
        .getConditionalFormatRules()[0]
        .getBooleanCondition()!
        .getCriteriaValues()[0],
    );
    // The Client ID column comes after the 26 weeks: column AJ.
    expect(formula).toContain(`INDIRECT("'Amy''s patterns'!$AL:$AL")`);
    expect(formula).toContain(`INDIRECT("'Amy''s patterns'!$B:$B")`);
  });

  it('recreates the tab when it was deleted', () => {
    const env = setUp();
    env.spreadsheet.deleteSheet(patternsSheet(env));
    env.run('refreshPatterns');
    expect(tab(env).values[3][0]).toBe('Amy Adams');
    expect(env.spreadsheet.createDeveloperMetadataFinder().withKey('cadence.patterns').find()).toHaveLength(1);
  });

  it("leaves a user's own tab named Patterns alone", () => {
    const env = practice();
    const own = env.spreadsheet.insertSheet('Patterns');
    own.getRange('A1').setValue('my notes');
    env.run('saveSession', session([amy.id!]));
    expect(own.getRange('A1').getValue()).toBe('my notes');
    expect(tab(env, 'Patterns 2').values[3][0]).toBe('Amy Adams');
  });

  it('shrinks to what it shows: no rows or columns left from a larger grid', () => {
    const env = setUp();
    const sheet = patternsSheet(env);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([7, 38]);
    env.run('saveSettings', { patternWeeks: 8 });
    // Discharge Cleo and Dan.
    const roster = env.spreadsheet.getSheetByName('Clients')!;
    roster.getRange('D4:D5').setValues([['no'], ['no']]);
    env.run('refreshPatterns');
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([5, 20]);
    expect(
      sheet
        .getDataRange()
        .getValues()
        .map((r) => r[0]),
    ).toEqual(['Legend', '', 'Client', 'Amy Adams', 'Ben Brown']);
  });

  it('keeps one blank row under the headers when there is no active client', () => {
    const env = practice(PRACTICE.map((c) => ({ ...c, active: 'no' })));
    env.run('refreshPatterns');
    const sheet = patternsSheet(env);
    expect(sheet.getMaxRows()).toBe(4);
    expect(sheet.getLastRow()).toBe(3);
  });

  it('matches clients by name on a roster without an ID column', () => {
    const clients = PRACTICE.map(({ name, group, active }) => ({ name, group, active }));
    const env = practice(clients, { headers: ['Client', 'Group', 'Active'] });
    writeHistory(
      env,
      { clientId: 'name:ben brown', date: '2024-01-01' },
      weekly({ id: 'name:amy adams', name: 'Amy Adams' }, 'PPPPPPPPPPUU'),
    );
    env.run('refreshPatterns');
    const view = tab(env);
    expect(view.values[3].slice(0, 2)).toEqual(['Amy Adams', 'Rising']);
    expect(view.values[3].slice(-6)).toEqual(['Monday group', '12', '2', '0', '', '']);
    const roster = tab(env, 'Clients');
    expect(roster.backgrounds[1][0]).toBe(COLOUR.rising);
    expect(roster.backgrounds.flat().filter(Boolean)).toHaveLength(1);
  });

  it('matches numeric roster IDs, whether the roster holds them as numbers or as text', () => {
    const clients = [
      { id: '1001', name: 'Nia Num', group: 'G', active: 'yes' },
      { id: '1002', name: 'Tom Text', group: 'G', active: 'yes' },
    ];
    const env = practice(clients);
    env.spreadsheet.getSheetByName('Clients')!.getRange('A2').setValue(1001);
    writeHistory(env, { clientId: '1002', date: '2024-01-01' }, [
      ...weekly({ id: '1001', name: 'Nia Num' }, 'PPPPPPPPEEE'),
      ...weekly({ id: '1002', name: 'Tom Text' }, 'PPPPPPPPPUU'),
    ]);
    env.run('refreshPatterns');
    expect(
      tab(env)
        .values.slice(3)
        .map((r) => [r[r.length - 1], r[0], r[1]]),
    ).toEqual([
      ['1001', 'Nia Num', 'Urgent'],
      ['1002', 'Tom Text', 'Rising'],
    ]);
    const roster = tab(env, 'Clients');
    expect([roster.backgrounds[1][1], roster.backgrounds[2][1]]).toEqual([COLOUR.urgent, COLOUR.rising]);
  });

  it('makes the same service calls for 10 clients and 40, for 120 entries and 4,000', () => {
    const calls: Record<string, number>[] = [];
    for (const [size, weeks] of [
      [10, 12],
      [40, 100],
    ]) {
      const clients = Array.from({ length: size }, (_, i) => ({
        id: `K${100 + i}`,
        name: `Client ${i}`,
        group: `G${i % 3}`,
        active: 'yes',
      }));
      const env = practice(clients);
      writeHistory(
        env,
        { clientId: clients[0].id, date: '2023-01-02' },
        clients.flatMap((c, i) =>
          weekly(
            c,
            'PPPPEPPUPPPE'
              .repeat(Math.ceil(weeks / 12))
              .slice(0, weeks)
              .replace(/P/g, i % 2 ? 'P' : 'L'),
          ),
        ),
      );
      env.run('refreshPatterns');
      // Utilities.formatDate runs in-process (the record reader formats each distinct day once): not a round trip.
      calls.push(
        Object.fromEntries(
          Object.entries(env.lastCalls.byMethod).filter(([method]) => !method.startsWith('Utilities.')),
        ),
      );
    }
    expect(calls[1]).toEqual(calls[0]);
    for (const method of ['Range.setValues', 'Range.setNumberFormats']) expect(calls[0][method]).toBe(1);
    // Reads of cell values (the roster and the record), by either call.
    expect((calls[0]['Range.getValues'] ?? 0) + (calls[0]['Sheet.getSheetValues'] ?? 0)).toBeLessThanOrEqual(3);
    expect(calls[0]['Sheet.setConditionalFormatRules']).toBe(2);
  });
});

describe('a save that fails while it makes Patterns again', () => {
  // Found by the model-based suite (seed 723235002): a person deleted Patterns, the save made it
  // again and failed before it remembered it; the retry made "Patterns 2" beside the first.
  const MONDAY = ['C001', 'C002', 'C003'];
  const deletedPatterns = (): Environment => {
    const env = practice();
    env.run('saveSession', session(MONDAY, {}, { date: '2025-03-03' }));
    env.spreadsheet.deleteSheet(env.spreadsheet.getSheetByName('Patterns')!);
    return env;
  };
  const taggedPatterns = (env: Environment) =>
    env.spreadsheet
      .createDeveloperMetadataFinder()
      .withKey('cadence.patterns')
      .find()
      .map((tag) => tag.getLocation().getSheet()!.getName());

  test('at any call after the tab is made, the retry keeps one Patterns tab', () => {
    const probe = deletedPatterns();
    const methods: string[] = [];
    (probe as unknown as { beforeServiceCall: ((m: string) => void) | null }).beforeServiceCall = (m) =>
      methods.push(m);
    probe.run('saveSession', session(MONDAY));
    const made = methods.indexOf('Spreadsheet.insertSheet');
    expect(made).toBeGreaterThan(0);
    const after = methods.slice(made + 1).map((method, i, rest) => ({
      method,
      nth:
        methods.slice(0, made + 1).filter((m) => m === method).length +
        rest.slice(0, i + 1).filter((m) => m === method).length,
    }));
    const problems: string[] = [];
    for (const fault of after) {
      const env = deletedPatterns();
      const request = session(MONDAY);
      (env as unknown as { injectFault(f: { method: string; nth: number }): void }).injectFault(fault);
      try {
        env.run('saveSession', request);
      } catch {
        // the fault: the retry below must complete the save
      }
      env.run('saveSession', request);
      const tabs = taggedPatterns(env);
      if (tabs.length !== 1 || tabs[0] !== 'Patterns')
        problems.push(`${fault.method} #${fault.nth}: ${tabs.join(', ')}`);
    }
    expect(problems).toEqual([]);
  });
});
