import { addDays } from '../../src/core/dates';
import { COLUMNS, buildPatternGrid, isCadenceFormula, patternWeeks, rosterRules } from '../../src/core/patterns';
import { defaultSettings } from '../../src/core/settings';
import { computeTrend } from '../../src/core/trend';
import type { Client, Entry, Status } from '../../src/core/types';

const TODAY = '2025-03-12'; // a Wednesday; its week starts Monday 10 March
const settings = defaultSettings();

function entry(clientId: string, sessionDate: string, status: Entry['status']): Entry {
  return {
    entryId: `${clientId}-${sessionDate}-${status}`, sessionDate, group: '', clientId, client: clientId, status, reason: '', notice: null,
    note: '', followUp: false, followUpDone: '', recordedAt: '', recordedBy: '', replaces: '', supersededBy: '', requestId: '',
  };
}

/** Weekly entries on Mondays ending this week: 'PPEU'. */
function weekly(clientId: string, codes: string): Entry[] {
  const statuses: Record<string, Status> = { P: 'present', L: 'late', E: 'excused', U: 'unexcused', R: 'refused', C: 'cancelled' };
  return [...codes].map((code, i) => entry(clientId, addDays('2025-03-10', -7 * (codes.length - 1 - i)), statuses[code]));
}

const client = (id: string, name: string, group = 'Monday', active = true): Client => ({ id, name, group, active });
const WEEK0 = COLUMNS.usual; // 0-based index of the first week column

describe('patternWeeks', () => {
  it('gives calendar weeks starting on Monday, oldest first, ending with today\'s week', () => {
    expect(patternWeeks(TODAY, 3)).toEqual(['2025-02-24', '2025-03-03', '2025-03-10']);
    expect(patternWeeks('2025-03-16', 1)).toEqual(['2025-03-10']); // a Sunday belongs to the week before
    expect(patternWeeks('2025-03-17', 1)).toEqual(['2025-03-17']);
    expect(patternWeeks('2025-01-01', 2)).toEqual(['2024-12-23', '2024-12-30']);
  });
});

describe('buildPatternGrid', () => {
  const clients = [
    client('C2', 'Ben', 'Tuesday'), client('C1', 'Amy', 'Monday'), client('C3', 'Cleo', 'Monday'),
    client('C4', 'Dan', 'Monday', false), client('name:eve', 'Eve', 'Monday'), client('77', 'Fay', 'Arts'),
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
  const grid = buildPatternGrid({ clients, entries, today: TODAY, settings });
  const row = (name: string) => grid.values.find((r) => r[COLUMNS.name - 1] === `'${name}`)!;

  it('has one row per active client, flagged first by level, then by group and name', () => {
    expect(grid.rows.map((r) => r.client.name)).toEqual(['Amy', 'Ben', 'Fay', 'Cleo', 'Eve']);
    expect(grid.rows.map((r) => r.trend.level)).toEqual(['urgent', 'rising', 'insufficient', 'none', 'insufficient']);
    expect(grid.values).toHaveLength(2 + 5);
  });

  it('is as wide as the weeks shown, whatever the length of the record', () => {
    expect(grid.width).toBe(9 + 26 + 1);
    expect(grid.values.every((r) => r.length === grid.width)).toBe(true);
    expect(grid.numberFormats.every((r) => r.length === grid.width)).toBe(true);
    const long = buildPatternGrid({ clients, entries: [...entries, ...weekly('C1', 'P'.repeat(260))], today: TODAY, settings: { ...settings, patternWeeks: 8 } });
    expect(long.width).toBe(9 + 8 + 1);
  });

  it('codes each week\'s sessions in date order, cancelled included, and nothing outside the weeks shown', () => {
    const cleo = row('Cleo');
    // This week: present on Monday, unexcused on Tuesday; last week cancelled then late.
    expect(cleo[WEEK0 + 25]).toBe('P U');
    expect(cleo[WEEK0 + 24]).toBe('P C L');
    expect(cleo.slice(WEEK0, WEEK0 + 13).every((c) => c === '')).toBe(true);
    expect(row('Amy').slice(WEEK0 + 23, WEEK0 + 26)).toEqual(['E', 'E', 'E']);
  });

  it('orders sessions of the same day as the trend does, whatever order the rows came in', () => {
    const day = [entry('C1', '2025-03-10', 'present'), entry('C1', '2025-03-10', 'unexcused')];
    const a = buildPatternGrid({ clients, entries: day, today: TODAY, settings });
    const b = buildPatternGrid({ clients, entries: [...day].reverse(), today: TODAY, settings });
    expect(a.values).toEqual(b.values);
    expect(a.values.find((r) => r[1] === "'Amy")![WEEK0 + 25]).toBe('U P');
  });

  it('fills the summary columns from the client\'s trend', () => {
    const cleo = grid.rows.find((r) => r.client.id === 'C3')!;
    expect(cleo.trend).toEqual(computeTrend(entries.filter((e) => e.clientId === 'C3').map((e) => ({ date: e.sessionDate, status: e.status as Status }))));
    const amy = row('Amy');
    expect(amy.slice(0, 9)).toEqual(["'C1", "'Amy", "'Monday", 'Urgent', 'chronic', 13, 3, 0.5, expect.closeTo(0.6 / 11, 12)]);
    expect(amy[grid.width - 1]).toBe(`'${computeTrend(weekly('C1', 'PPPPPPPPPPEEE').map((e) => ({ date: e.sessionDate, status: e.status as Status }))).explanation}`);
    // A client without sessions: no rates.
    expect(row('Eve').slice(3, 9)).toEqual(['not enough data', '', 0, 0, '', '']);
  });

  it('shows the roster\'s ID as typed, a numeric ID as a number, and no ID for a client keyed by name', () => {
    expect(row('Amy')[0]).toBe("'C1");
    expect(row('Fay')[0]).toBe(77);
    expect(row('Eve')[0]).toBe('');
  });

  it('writes names that look like formulas as text', () => {
    const g = buildPatternGrid({ clients: [client('X1', '=HYPERLINK("x")', '+1 group')], entries: [], today: TODAY, settings });
    expect(g.values[2].slice(0, 3)).toEqual(["'X1", '\'=HYPERLINK("x")', "'+1 group"]);
  });

  it('formats rates as percentages, counts as numbers and week headers as dates', () => {
    expect(grid.values[1].slice(WEEK0, WEEK0 + 2)).toEqual(['2024-09-16', '2024-09-23']);
    expect(grid.numberFormats[1][WEEK0]).toBe('d mmm');
    expect(grid.numberFormats[2][COLUMNS.recent - 1]).toBe('0%');
    expect(grid.numberFormats[2][COLUMNS.sessions - 1]).toBe('0');
    expect(grid.numberFormats[2][WEEK0]).toBe('@');
  });

  it('colours week cells most serious status first, and the Trend column by level, each rule anchored on its legend cell', () => {
    const legend = grid.values[0];
    expect(grid.rules.map((r) => r.background)).toEqual([
      '#E06666', '#F6B26B', '#FFE599', '#B6D7A8', '#D9EAD3', '#EFEFEF', '#EA9999', '#F9CB9C', '#FFF2CC', '#EFEFEF',
    ]);
    for (const rule of grid.rules) {
      expect(isCadenceFormula(rule.formula)).toBe(true);
      const [anchor, cells] = rule.blocks;
      expect(anchor).toMatchObject({ row: 1, numRows: 1, numColumns: 1 });
      expect(legend[anchor.column - 1]).not.toBe('');
      expect(cells.row).toBe(3);
      expect(cells.numRows).toBe(5);
    }
    const unexcused = grid.rules[0];
    expect(legend[unexcused.blocks[0].column - 1]).toBe('U unexcused');
    expect(unexcused.blocks[1]).toEqual({ row: 3, column: 10, numRows: 5, numColumns: 26 });
    expect(unexcused.formula).toBe(`=AND("cadence-rule"<>"",COUNTIF(C1,"*U*")>0)`);
    const urgent = grid.rules[6];
    expect(urgent.blocks[1]).toEqual({ row: 3, column: COLUMNS.level, numRows: 5, numColumns: 1 });
    expect(urgent.formula).toBe(`=AND("cadence-rule"<>"",I1="Urgent")`);
  });

  it('keeps the legend off the ID, name and Trend columns the roster highlight looks up', () => {
    const legend = grid.values[0];
    expect(legend[COLUMNS.id - 1]).toBe('');
    expect(legend[COLUMNS.level - 1]).not.toMatch(/^(Urgent|Rising|Watch)$/);
    expect(legend[COLUMNS.name - 1]).toBe('Legend');
  });

  it('still has legend rules when there is no client', () => {
    const empty = buildPatternGrid({ clients: [], entries: [], today: TODAY, settings });
    expect(empty.values).toHaveLength(2);
    expect(empty.rules.every((r) => r.blocks.length === 1)).toBe(true);
  });
});

describe('rosterRules', () => {
  it('matches by Client ID where the roster has one, most serious level first', () => {
    const rules = rosterRules('Patterns', { headerRow: 1, nameColumn: 2, idColumn: 1, maxRows: 100 });
    expect(rules.map((r) => r.background)).toEqual(['#EA9999', '#F9CB9C', '#FFF2CC']);
    expect(rules[0].blocks).toEqual([{ row: 2, column: 2, numRows: 99, numColumns: 1 }]);
    expect(rules[0].formula).toBe(
      `=AND("cadence-rule"<>"",$A2<>"",COUNTIFS(INDIRECT("'Patterns'!$A:$A"),$A2,INDIRECT("'Patterns'!$D:$D"),"Urgent")>0)`,
    );
    expect(rules.every((r) => isCadenceFormula(r.formula))).toBe(true);
  });
  it('matches by name without an ID column', () => {
    const [urgent] = rosterRules('Patterns', { headerRow: 3, nameColumn: 5, idColumn: null, maxRows: 10 });
    expect(urgent.blocks).toEqual([{ row: 4, column: 5, numRows: 7, numColumns: 1 }]);
    expect(urgent.formula).toContain(`$E4<>"",COUNTIFS(INDIRECT("'Patterns'!$B:$B"),$E4,`);
  });
  it('quotes any tab name for A1 notation inside a string literal', () => {
    const [urgent] = rosterRules(`Amy's "best" tab`, { headerRow: 1, nameColumn: 1, idColumn: null, maxRows: 5 });
    expect(urgent.formula).toContain(`INDIRECT("'Amy''s ""best"" tab'!$B:$B")`);
  });
  it('has nothing to colour on a roster with only its header row', () => {
    expect(rosterRules('Patterns', { headerRow: 1, nameColumn: 1, idColumn: null, maxRows: 1 })).toEqual([]);
  });
});
