import { addDays } from '../../src/core/dates';
import { COLUMNS, isCadenceFormula, patternWeeks, rosterRules } from '../../src/core/patterns';
import { defaultSettings } from '../../src/core/settings';
import { computeTrend } from '../../src/core/trend';
import type { Client, Entry, Status } from '../../src/core/types';
import { blankEntry, gridOf } from './recordFixtures';

const TODAY = '2025-03-12'; // a Wednesday; its week starts Monday 10 March
const settings = defaultSettings();

function entry(clientId: string, sessionDate: string, status: Entry['status']): Entry {
  return blankEntry({ entryId: `${clientId}-${sessionDate}-${status}`, sessionDate, clientId, status });
}

/** Weekly entries on Mondays ending this week: 'PPEU'. */
function weekly(clientId: string, codes: string): Entry[] {
  const statuses: Record<string, Status> = {
    P: 'present',
    L: 'late',
    E: 'excused',
    U: 'unexcused',
    R: 'refused',
    C: 'cancelled',
  };
  return [...codes].map((code, i) =>
    entry(clientId, addDays('2025-03-10', -7 * (codes.length - 1 - i)), statuses[code]),
  );
}

const client = (id: string, name: string, group = 'Monday', active = true): Client => ({ id, name, group, active });
const WEEK0 = COLUMNS.why; // 0-based index of the first (newest) week column

describe('patternWeeks', () => {
  it("gives calendar weeks starting on Monday, newest first, from today's week back to the first week with data", () => {
    expect(patternWeeks(TODAY, 26, '2025-02-26')).toEqual(['2025-03-10', '2025-03-03', '2025-02-24']);
    expect(patternWeeks(TODAY, 2, '2024-01-01')).toEqual(['2025-03-10', '2025-03-03']); // at most the Settings maximum
    expect(patternWeeks(TODAY, 26, null)).toEqual(['2025-03-10']); // no data yet: this week only
    expect(patternWeeks('2025-03-16', 4, '2025-03-16')).toEqual(['2025-03-10']); // a Sunday belongs to the week before
    expect(patternWeeks('2025-01-01', 26, '2024-12-23')).toEqual(['2024-12-30', '2024-12-23']);
  });
});

describe('buildPatternGrid', () => {
  const clients = [
    client('C2', 'Ben', 'Tuesday'),
    client('C1', 'Amy', 'Monday'),
    client('C3', 'Cleo', 'Monday'),
    client('C4', 'Dan', 'Monday', false),
    client('name:eve', 'Eve', 'Monday'),
    client('77', 'Fay', 'Arts'),
  ];
  const entries = [
    ...weekly('C1', 'PPPPPPPPPPEEE'),
    ...weekly('C2', 'PPPPPPPPPPPUU'),
    ...weekly('C3', 'PPPPPPPPPPPPP'),
    ...weekly('C4', 'UUUUU'),
    entry('C3', '2025-03-11', 'unexcused'),
    entry('C3', '2025-03-03', 'cancelled'),
    entry('C3', '2025-03-04', 'late'),
    entry('C3', '2025-03-17', 'present'), // next week: beyond the grid
    entry('C3', '2024-01-01', 'excused'), // long ago: counted, not shown
  ];
  const grid = gridOf({ clients, entries, today: TODAY, settings });
  const row = (name: string) => grid.values.find((r) => r[COLUMNS.name - 1] === `'${name}`)!;

  it('has one row per active client, flagged first by level, then by group and name', () => {
    expect(grid.rows.map((r) => r.client.name)).toEqual(['Amy', 'Ben', 'Fay', 'Cleo', 'Eve']);
    expect(grid.rows.map((r) => r.trend.level)).toEqual(['urgent', 'rising', 'insufficient', 'none', 'insufficient']);
    expect(grid.values).toHaveLength(3 + 5);
  });

  it('shows the weeks from the first with data up to the Settings maximum, whatever the length of the record', () => {
    expect(grid.width).toBe(6 + 26 + 6); // Cleo's 2024 session reaches back past 26 weeks
    expect(grid.values.every((r) => r.length === grid.width)).toBe(true);
    expect(grid.numberFormats.every((r) => r.length === grid.width)).toBe(true);
    const long = gridOf({
      clients,
      entries: [...entries, ...weekly('C1', 'P'.repeat(260))],
      today: TODAY,
      settings: { ...settings, patternWeeks: 8 },
    });
    expect(long.width).toBe(6 + 8 + 6);
    // A young record: three weeks of data, three week columns.
    const young = gridOf({ clients, entries: weekly('C1', 'PPE'), today: TODAY, settings });
    expect(young.weeks).toEqual(['2025-03-10', '2025-03-03', '2025-02-24']);
    expect(young.width).toBe(6 + 3 + 6);
    // Sessions of discharged clients do not stretch the weeks.
    expect(gridOf({ clients, entries: weekly('C4', 'PPPPPPPPP'), today: TODAY, settings }).weeks).toHaveLength(1);
  });

  it("codes each week's sessions in date order, cancelled included, newest week first, nothing outside the weeks shown", () => {
    const cleo = row('Cleo');
    // This week: present on Monday, unexcused on Tuesday; last week cancelled then late.
    expect(cleo[WEEK0]).toBe('P U');
    expect(cleo[WEEK0 + 1]).toBe('P C L');
    expect(cleo.slice(WEEK0 + 13, WEEK0 + 26).every((c) => c === '')).toBe(true);
    expect(row('Amy').slice(WEEK0, WEEK0 + 4)).toEqual(['E', 'E', 'E', 'P']);
  });

  it('orders sessions of the same day as the trend does, whatever order the rows came in', () => {
    const day = [entry('C1', '2025-03-10', 'present'), entry('C1', '2025-03-10', 'unexcused')];
    const a = gridOf({ clients, entries: day, today: TODAY, settings });
    const b = gridOf({ clients, entries: [...day].reverse(), today: TODAY, settings });
    expect(a.values).toEqual(b.values);
    expect(a.values.find((r) => r[0] === "'Amy")![WEEK0]).toBe('U P');
  });

  it('puts the trend, its rates and its explanation first, and the bookkeeping after the weeks', () => {
    const cleo = grid.rows.find((r) => r.client.id === 'C3')!;
    expect(cleo.trend).toEqual(
      computeTrend(
        entries.filter((e) => e.clientId === 'C3').map((e) => ({ date: e.sessionDate, status: e.status as Status })),
      ),
    );
    const amy = row('Amy');
    const amyTrend = computeTrend(
      weekly('C1', 'PPPPPPPPPPEEE').map((e) => ({ date: e.sessionDate, status: e.status as Status })),
    );
    // Urgent on a 3-week streak: the rates of the last 6 and of the 7 before; not chronic.
    expect(amy.slice(0, 6)).toEqual(["'Amy", 'Urgent', '', 0.5, 0, `'${amyTrend.explanation}`]);
    expect(amyTrend.explanation).toBe('missed the last 3 in a row; missed 3 of the last 6 (50%); usually 0%');
    expect(amy.slice(-6)).toEqual(["'Monday", 13, 3, 0, '', "'C1"]);
    expect(grid.values[2].slice(0, 6)).toEqual(['Client', 'Trend', 'Chronic', 'Recent rate', 'Usual rate', 'Why']);
    expect(grid.values[2].slice(-6)).toEqual(['Group', 'Sessions', 'Absences', 'Make-ups owed', 'Policy', 'Client ID']);
    // A client without sessions: "—" for the rates, not a rate they never had.
    expect(row('Eve').slice(1, 5)).toEqual(['not enough data', '', '—', '—']);
  });

  it("shows the roster's ID as typed, a numeric ID as text too, and no ID for a client keyed by name", () => {
    expect(row('Amy')[grid.trailing.id - 1]).toBe("'C1");
    expect(row('Fay')[grid.trailing.id - 1]).toBe("'77");
    expect(row('Eve')[grid.trailing.id - 1]).toBe('');
  });

  it('writes names that look like formulas as text', () => {
    const g = gridOf({
      clients: [client('X1', '=HYPERLINK("x")', '+1 group')],
      entries: [],
      today: TODAY,
      settings,
    });
    expect(g.values[3][0]).toBe('\'=HYPERLINK("x")');
    expect(g.values[3].slice(-6)).toEqual(["'+1 group", 0, 0, 0, '', "'X1"]);
  });

  it('formats rates as percentages, counts as numbers and week headers as dates', () => {
    expect(grid.values[2].slice(WEEK0, WEEK0 + 2)).toEqual(['2025-03-10', '2025-03-03']);
    expect(grid.numberFormats[2][WEEK0]).toBe('d mmm');
    expect(grid.numberFormats[3][COLUMNS.recent - 1]).toBe('0%');
    expect(grid.numberFormats[3][grid.trailing.sessions - 1]).toBe('0');
    expect(grid.numberFormats[3][WEEK0]).toBe('General');
  });

  it('writes every text cell General, never plain text, so the leading apostrophe is never kept visible', () => {
    expect(grid.numberFormats.flat()).not.toContain('@');
    expect(grid.numberFormats[3][COLUMNS.name - 1]).toBe('General');
    expect(grid.numberFormats[3][grid.trailing.id - 1]).toBe('General');
  });

  it('explains the rates and their calibration in the legend', () => {
    expect(grid.values[0][COLUMNS.why - 1]).toContain('pulled toward 15%');
    expect(grid.values[0][COLUMNS.why - 1]).toContain('"—" under 4 earlier sessions');
    expect(grid.values[1][COLUMNS.why - 1]).toContain('newest first');
  });

  it('colours week cells most serious status first, one range per rule (legend cell, then weeks), and the Trend column by level', () => {
    const cell = (r: number, c: number) => grid.values[r - 1][c - 1];
    expect(grid.rules.map((r) => r.background)).toEqual([
      '#E06666',
      '#E06666',
      '#F6B26B',
      '#F6B26B',
      '#FFE599',
      '#FFE599',
      '#B6D7A8',
      '#B6D7A8',
      '#D9EAD3',
      '#D9EAD3',
      '#EFEFEF',
      '#EFEFEF',
      '#EA9999',
      '#F9CB9C',
      '#FFF2CC',
      '#EFEFEF',
    ]);
    for (const rule of grid.rules) {
      expect(isCadenceFormula(rule.formula)).toBe(true);
      expect(rule.blocks).toHaveLength(1);
    }
    for (let k = 0; k < 12; k += 2) {
      const [anchor] = grid.rules[k].blocks;
      expect(anchor).toMatchObject({ numRows: 1, numColumns: 1 });
      expect(anchor.row).toBeLessThan(3);
      expect(cell(anchor.row, anchor.column)).not.toBe('');
      expect(grid.rules[k + 1].blocks).toEqual([{ row: 4, column: COLUMNS.why + 1, numRows: 5, numColumns: 26 }]);
    }
    const [unexcusedSample, unexcused] = grid.rules;
    expect(cell(unexcusedSample.blocks[0].row, unexcusedSample.blocks[0].column)).toBe('U unexcused');
    expect(unexcusedSample.formula).toBe(`=AND("cadence-rule"<>"",ISNUMBER(FIND("U",B2)))`);
    expect(unexcused.formula).toBe(
      `=AND("cadence-rule"<>"",ISNUMBER(FIND("U",${String.fromCharCode(64 + COLUMNS.why + 1)}4)))`,
    );
    const urgent = grid.rules[12];
    expect(urgent.blocks).toEqual([{ row: 4, column: COLUMNS.level, numRows: 5, numColumns: 1 }]);
    expect(urgent.formula).toBe(`=AND("cadence-rule"<>"",B4="Urgent")`);
  });

  it('keeps level words off the legend, so the roster highlight finds only clients', () => {
    for (const legendRow of grid.values.slice(0, 2)) expect(legendRow).not.toContain('Urgent');
    expect(grid.values[0][COLUMNS.name - 1]).toBe('Legend');
  });

  it("still has the legend's status rules when there is no client", () => {
    const empty = gridOf({ clients: [], entries: [], today: TODAY, settings });
    expect(empty.values).toHaveLength(3);
    expect(empty.rules).toHaveLength(6);
    expect(empty.rules.every((r) => r.blocks.length === 1)).toBe(true);
  });
});

describe('rosterRules', () => {
  it('matches by Client ID where the roster has one, most serious level first', () => {
    const rules = rosterRules('Patterns', { headerRow: 1, nameColumn: 2, idColumn: 1, maxRows: 100 }, 20);
    expect(rules.map((r) => r.background)).toEqual(['#EA9999', '#F9CB9C', '#FFF2CC']);
    expect(rules[0].blocks).toEqual([{ row: 2, column: 2, numRows: 99, numColumns: 1 }]);
    expect(rules[0].formula).toBe(
      `=AND("cadence-rule"<>"",TRIM($A2&"")<>"",SUMPRODUCT(ARRAYFORMULA(EXACT(TRIM(INDIRECT("'Patterns'!$T:$T")&""),TRIM($A2&""))*(INDIRECT("'Patterns'!$B:$B")="Urgent")))>0)`,
    );
    expect(rules.every((r) => isCadenceFormula(r.formula))).toBe(true);
  });
  it('matches by name without an ID column', () => {
    const [urgent] = rosterRules('Patterns', { headerRow: 3, nameColumn: 5, idColumn: null, maxRows: 10 }, 20);
    expect(urgent.blocks).toEqual([{ row: 4, column: 5, numRows: 7, numColumns: 1 }]);
    expect(urgent.formula).toContain(`EXACT(TRIM(INDIRECT("'Patterns'!$A:$A")&""),TRIM($E4&""))`);
  });
  it('quotes any tab name for A1 notation inside a string literal', () => {
    const [urgent] = rosterRules(`Amy's "best" tab`, { headerRow: 1, nameColumn: 1, idColumn: null, maxRows: 5 }, 20);
    expect(urgent.formula).toContain(`INDIRECT("'Amy''s ""best"" tab'!$A:$A")`);
  });
  it('has nothing to colour on a roster with only its header row', () => {
    expect(rosterRules('Patterns', { headerRow: 1, nameColumn: 1, idColumn: null, maxRows: 1 }, 20)).toEqual([]);
  });
});
