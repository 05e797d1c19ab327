/** Conditional formatting: the builder, rules read back, replace-all semantics, and evaluation in view(). */
import { fixtureEnvironment } from './fixture';

function setup() {
  const env = fixtureEnvironment();
  const app = env.spreadsheetApp;
  const ss = env.spreadsheet;
  const background = (sheetName: string, a1: string) => {
    const view = env.view().sheets.find((s) => s.name === sheetName)!;
    const r = ss.getSheetByName(sheetName)!.getRange(a1);
    return view.backgrounds[r.getRow() - 1]?.[r.getColumn() - 1] ?? null;
  };
  return { env, app, ss, background };
}

describe('builder and rules', () => {
  test('a built rule reports its ranges, criteria, values and format', () => {
    const { app, ss } = setup();
    const s = ss.getSheets()[0];
    const rule = app
      .newConditionalFormatRule()
      .whenTextEqualTo('U')
      .setBackground('#EA9999')
      .setBold(true)
      .setRanges([s.getRange('B2:Z50')])
      .build();
    const cond = rule.getBooleanCondition()!;
    expect(String(cond.getCriteriaType())).toBe('TEXT_EQUAL_TO');
    expect(cond.getCriteriaType()).toBe(app.BooleanCriteria.TEXT_EQUAL_TO);
    expect(cond.getCriteriaValues()).toEqual(['U']);
    expect([cond.getBackground(), cond.getBold(), cond.getStrikethrough()]).toEqual(['#ea9999', true, null]);
    expect(rule.getRanges().map((r) => r.getA1Notation())).toEqual(['B2:Z50']);
    const copy = rule.copy().whenTextEqualTo('E').build();
    expect(copy.getBooleanCondition()!.getCriteriaValues()).toEqual(['E']);
    expect(rule.getBooleanCondition()!.getCriteriaValues()).toEqual(['U']);
  });

  test('a rule without a condition cannot be built', () => {
    const { app } = setup();
    expect(() => app.newConditionalFormatRule().setBackground('#ffffff').build()).toThrow('must have a condition');
  });

  test('setConditionalFormatRules replaces every rule of the sheet', () => {
    const { app, ss } = setup();
    const s = ss.getSheets()[0];
    const mk = (text: string) =>
      app
        .newConditionalFormatRule()
        .whenTextContains(text)
        .setBackground('#fff2cc')
        .setRanges([s.getRange('A1:A9')])
        .build();
    s.setConditionalFormatRules([mk('a'), mk('b')]);
    s.setConditionalFormatRules([mk('c')]);
    expect(s.getConditionalFormatRules().map((r) => r.getBooleanCondition()!.getCriteriaValues()[0])).toEqual(['c']);
    // Read, keep the user's, write back: the pattern Cadence must follow.
    const kept = s.getConditionalFormatRules();
    s.setConditionalFormatRules([...kept, mk('d')]);
    expect(s.getConditionalFormatRules().length).toBe(2);
  });
});

describe('evaluation', () => {
  test('the first matching rule wins; otherwise the static background; null where none', () => {
    const { app, ss, background } = setup();
    const s = ss.getSheets()[0];
    s.getRange('A1:A4').setValues([['U'], ['E'], ['P'], ['']]);
    s.getRange('A3').setBackground('#cccccc');
    const r = s.getRange('A1:A4');
    s.setConditionalFormatRules([
      app.newConditionalFormatRule().whenTextEqualTo('u').setBackground('#ea9999').setRanges([r]).build(),
      app.newConditionalFormatRule().whenCellNotEmpty().setBackground('#fff2cc').setRanges([r]).build(),
      app.newConditionalFormatRule().whenTextEqualTo('U').setBackground('#000000').setRanges([r]).build(),
    ]);
    expect(['A1', 'A2', 'A3', 'A4'].map((a) => background('Sheet1', a))).toEqual([
      '#ea9999',
      '#fff2cc',
      '#fff2cc',
      null,
    ]);
    expect(background('Sheet1', 'B1')).toBeNull();
  });

  test('number conditions hold for numbers and dates (serial days), never for text', () => {
    const { app, ss, background } = setup();
    const s = ss.getSheets()[0];
    s.getRange('A1:A5').setValues([[0.1], [0.5], ['0.9 text'], [0.25], ['2026-11-12']]);
    s.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenNumberGreaterThanOrEqualTo(0.25)
        .setBackground('#f9cb9c')
        .setRanges([s.getRange('A1:A4')])
        .build(),
      app
        .newConditionalFormatRule()
        .whenNumberGreaterThan(46337)
        .setBackground('#ea9999')
        .setRanges([s.getRange('A5')])
        .build(),
    ]);
    expect(['A1', 'A2', 'A3', 'A4', 'A5'].map((a) => background('Sheet1', a))).toEqual([
      null,
      '#f9cb9c',
      null,
      '#f9cb9c',
      '#ea9999',
    ]);
  });

  test("custom formulas are relative to the first range's top-left, with $ anchoring", () => {
    const { app, ss, background } = setup();
    const s = ss.getSheets()[0];
    s.getRange('A2:C4').setValues([
      ['Al', 'rising', 'x'],
      ['Bo', '', 'x'],
      ['Cy', 'urgent', 'x'],
    ]);
    s.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=OR($B2="rising",$B2="urgent")')
        .setBackground('#f9cb9c')
        .setRanges([s.getRange('A2:C4')])
        .build(),
    ]);
    expect(['A2', 'C2', 'A3', 'C3', 'A4'].map((a) => background('Sheet1', a))).toEqual([
      '#f9cb9c',
      '#f9cb9c',
      null,
      null,
      '#f9cb9c',
    ]);
  });

  test('another tab is reachable only through INDIRECT', () => {
    const { app, ss, background } = setup();
    const roster = ss.getSheets()[0].setName('Roster');
    roster.getRange('A1:A4').setValues([['Client'], ['Al'], ['Bo'], ['Cy']]);
    const patterns = ss.insertSheet('Patterns');
    patterns.getRange('A1:B3').setValues([
      ['Client', 'Trend'],
      ['Bo', 'Rising'],
      ['Cy', ''],
    ]);
    roster.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=COUNTIFS(INDIRECT("\'Patterns\'!A:A"),$A2,INDIRECT("\'Patterns\'!B:B"),"<>")>0')
        .setBackground('#f9cb9c')
        .setRanges([roster.getRange('A2:A4')])
        .build(),
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=Patterns!A2="Bo"')
        .setBackground('#000000')
        .setRanges([roster.getRange('A2:A4')])
        .build(),
    ]);
    expect(['A2', 'A3', 'A4'].map((a) => background('Roster', a))).toEqual([null, '#f9cb9c', null]);
  });

  test('an unknown function makes the rule not match', () => {
    const { app, ss, background } = setup();
    const s = ss.getSheets()[0];
    s.getRange('A1').setValue('x');
    s.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=REGEXMATCH(A1,"x")')
        .setBackground('#ff0000')
        .setRanges([s.getRange('A1')])
        .build(),
    ]);
    expect(background('Sheet1', 'A1')).toBeNull();
  });
});
