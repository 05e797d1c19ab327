import { DEFAULT_TREND_SETTINGS, computeTrend, trendsByClient } from '../../src/core/trend';
import type { TrendSession } from '../../src/core/trend';
import type { Entry, TrendSettings } from '../../src/core/types';
import { weekly } from './trendFixtures';
import { blankEntry } from './recordFixtures';

const level = (codes: string, settings?: TrendSettings) => computeTrend(weekly(codes), settings).level;
const with_ = (change: Partial<TrendSettings>): TrendSettings => ({ ...DEFAULT_TREND_SETTINGS, ...change });
const TEN = 'PPPPPPPPPP';

describe('computeTrend: Watch (2 of the last 4, 25 points above usual)', () => {
  it('flags exactly 2 absences in the last 4 after a clean history', () => {
    expect(level(`${TEN}PP EPEP`)).toBe('watch');
  });
  it('does not flag 1 absence in the last 4', () => {
    expect(level(`${TEN}PP PPEP`)).toBe('none');
  });
  it('flags at exactly 25 points above usual and not a hair below', () => {
    // Prior 25% with no earlier sessions: usual is exactly 0.25, last-4 rate 0.5.
    const exact = with_({ priorRate: 0.25 });
    expect(level('PPEE', exact)).toBe('watch');
    expect(level('PPEE', with_({ priorRate: 0.25, pointsAbove: 0.2501 }))).toBe('none');
    // 0.5 - 0.15 is 0.35000000000000003 in floating point: still "exactly 35 points".
    expect(level('PPEE', with_({ pointsAbove: 0.35 }))).toBe('watch');
    expect(level('PPEE', with_({ pointsAbove: 0.36 }))).toBe('none');
  });
  it('uses the usual rate from before the window: 2 of 4 is no news for a client who often misses', () => {
    // Before the window: 4 of 8 missed, usual (4 + 0.6) / 12 = 38%; 50% is only 12 points above.
    expect(level('EPEPEPEP PEPE')).toBe('none');
    // Without the prior (and Rising out of reach): 1 of 4 before = 25%, window 2 of 4 = 50%.
    const plain = with_({ priorSessions: 0, risingMinAbsences: 5 });
    expect(level('PPPE PPEE', plain)).toBe('watch');
    // 2 of 7 = 28.6% before: 21 points, not enough.
    expect(level('PPPPPEE PPEE', plain)).toBe('none');
  });
});

describe('computeTrend: Rising (3 of the last 6, or the last 2 unexcused)', () => {
  it('flags exactly 3 absences in the last 6', () => {
    expect(level(`${TEN}EPEPPE`)).toBe('rising');
  });
  it('does not flag 2 in the last 6 whose last 4 hold only one', () => {
    expect(level(`${TEN}PEPPPE`)).toBe('none');
  });
  it('needs the 25 points above usual too', () => {
    // Usual before the last 6: (4 + 0.6) / (10 + 4) = 33%; 50% is 17 points above.
    expect(level('EPEPEPEPPP EPEPPE')).toBe('none');
  });
  it('flags the last 2 unexcused, where the same two excused are only Watch', () => {
    expect(level(`${TEN}PPPPUU`)).toBe('rising');
    expect(level(`${TEN}PPPPEE`)).toBe('watch');
    expect(level(`${TEN}PPPPEU`)).toBe('watch');
  });
});

describe('computeTrend: Urgent (the last 3 missed, or 3 unexcused in the last 6)', () => {
  it('flags the last 3 all absences, whatever their kind', () => {
    expect(level(`${TEN}PPPERU`)).toBe('urgent');
    expect(level(`${TEN}PPPEEE`)).toBe('urgent');
  });
  it('does not flag 3 of the last 4 with an attended session between as Urgent', () => {
    expect(level(`${TEN}PPEEPE`)).toBe('rising');
  });
  it('escalates unexcused: 3 unexcused in the last 6 is Urgent, 3 excused only Rising', () => {
    expect(level(`${TEN}UPUPPU`)).toBe('urgent');
    expect(level(`${TEN}EPEPPE`)).toBe('rising');
    expect(level(`${TEN}UPPPPU`)).toBe('none');
  });
  it('lets the highest level that holds win', () => {
    // Watch, Rising and Urgent conditions all hold.
    expect(level(`${TEN}PPPUUU`)).toBe('urgent');
  });
});

describe('computeTrend: statuses', () => {
  it('counts excused, unexcused and refused as absences', () => {
    for (const code of ['E', 'U', 'R']) {
      const trend = computeTrend(weekly(`${TEN}PP${code}P${code}P`));
      expect(trend.absences).toBe(2);
      expect(trend.level).toBe('watch');
    }
  });
  it('counts late as attended', () => {
    const trend = computeTrend(weekly(`${TEN}LLLLLL`));
    expect(trend).toMatchObject({ level: 'none', sessions: 16, absences: 0, recentRate: 0 });
    // A late session breaks a streak of absences.
    expect(level(`${TEN}PPPELE`)).not.toBe('urgent');
  });
  it('excludes cancelled sessions: they neither count nor break a streak', () => {
    expect(computeTrend(weekly(`${TEN}CCC`))).toMatchObject({ sessions: 10, absences: 0 });
    expect(level(`${TEN}PPPECECEC`)).toBe('urgent');
    expect(computeTrend(weekly(`${TEN}PPPECECEC`))).toEqual(computeTrend(weekly(`${TEN}PPPEEE`)));
  });
});

describe('computeTrend: few sessions', () => {
  it('has no data for a client without sessions', () => {
    expect(computeTrend([])).toEqual({
      level: 'insufficient',
      chronic: false,
      explanation: 'no sessions yet',
      sessions: 0,
      absences: 0,
      recentRate: null,
      usualRate: null,
    });
    expect(computeTrend(weekly('CC')).level).toBe('insufficient');
  });
  it('applies only the streak conditions below 4 counted sessions', () => {
    expect(level('PEE')).toBe('insufficient');
    expect(level('EPE')).toBe('insufficient');
    expect(level('EEE')).toBe('urgent');
    expect(level('UU')).toBe('rising');
    expect(level('PUU')).toBe('rising');
    expect(computeTrend(weekly('PEE')).explanation).toBe('not enough data yet (3 sessions)');
  });
  it("compares with a new client's usual rate shrunk toward 15%, but shows no rate below 4 earlier sessions", () => {
    // No sessions before the window: the rule compares with the prior alone (50% vs 15%: Watch)...
    expect(level('PPEE')).toBe('watch');
    // ...and shows no usual rate the client never had.
    expect(computeTrend(weekly('PPEE')).usualRate).toBeNull();
    expect(computeTrend(weekly('P PUPEPU')).usualRate).toBeNull(); // 1 earlier session
    // Two earlier sessions, one missed: the rule uses (1 + 0.6) / 6 = 27%, so 3 of 6 is 23 points above: no flag.
    expect(level('EP PEEEPP')).toBe('none');
    expect(computeTrend(weekly('EP PEEEPP')).usualRate).toBeNull();
  });
  it('judges the rising window over the sessions there are when fewer than 6', () => {
    // 3 of 5, usual 15%: Rising (the last 3 are not all absences).
    expect(level('EPEPE')).toBe('rising');
    expect(computeTrend(weekly('EPEPE')).recentRate).toBeCloseTo(0.6, 12);
  });
});

describe('computeTrend: order and same-day sessions', () => {
  it('does not depend on the order sessions arrive in', () => {
    const sessions = weekly(`${TEN}UPUPPUEL`);
    const reversed = [...sessions].reverse();
    const shuffled = [
      sessions[3],
      ...sessions.slice(8),
      sessions[0],
      ...sessions.slice(4, 8),
      sessions[1],
      sessions[2],
    ];
    expect(computeTrend(reversed)).toEqual(computeTrend(sessions));
    expect(computeTrend(shuffled)).toEqual(computeTrend(sessions));
  });
  it('counts several sessions on one day, reading the attended one as the later', () => {
    const day = '2026-03-16';
    const history = weekly(TEN, '2026-01-05');
    const missedAndCame: TrendSession[] = [
      { date: day, status: 'unexcused' },
      { date: day, status: 'unexcused' },
      { date: day, status: 'present' },
    ];
    const forward = computeTrend([...history, ...missedAndCame]);
    const backward = computeTrend([...history, ...missedAndCame].reverse());
    expect(forward).toEqual(backward);
    expect(forward.sessions).toBe(13);
    // The day ends attended: "the last 2 unexcused" does not hold, but 2 of the last 4 do.
    expect(forward.level).toBe('watch');
    const missedTwice = computeTrend([
      ...history,
      { date: day, status: 'unexcused' },
      { date: day, status: 'unexcused' },
    ]);
    expect(missedTwice.level).toBe('rising');
  });
});

describe('computeTrend: an attended session never raises the level', () => {
  it('holds the level where the uncapped rule would rise on a present session', () => {
    // Before: last 6 PEEEPP (50%) against usual (1 + 0.6) / 6 = 27%, only 23 points: no flag.
    // After one more present: last 6 EEEPPP (50%) against usual 1.6 / 7 = 23%: 27 points.
    expect(level('EPPEEEPP')).toBe('none');
    const after = computeTrend(weekly('EPPEEEPP P'));
    expect(after.level).toBe('none');
    expect(after.explanation).toContain('attended the latest session');
    expect(level('EPPPEEEP')).toBe('watch');
    expect(level('EPPPEEEP P')).toBe('watch');
  });
  it('still lowers the level as attended sessions accumulate', () => {
    expect(level(`${TEN}PPPEEE`)).toBe('urgent');
    expect(level(`${TEN}PPPEEE P`)).toBe('rising');
    expect(level(`${TEN}PPPEEE PPPPPP`)).toBe('none');
  });
});

describe('computeTrend: rates, chronic badge, explanation', () => {
  it('reports the rates the explanation uses: its window, and the observed rate before it', () => {
    const rising = computeTrend(weekly('EPPPPPPPPP EPEPPE'));
    expect(rising.level).toBe('rising');
    expect(rising.recentRate).toBeCloseTo(0.5, 12); // 3 of the last 6
    expect(rising.usualRate).toBeCloseTo(0.1, 12); // 1 of the 10 before, as observed (the rule compared with 11%)
    expect(rising.explanation).toBe('missed 3 of the last 6 (50%); usually 10%');
    expect(rising).toMatchObject({ sessions: 16, absences: 4 });
    // Watch talks about the last 4, and so do its rates; a client who never missed is usually 0%.
    const watch = computeTrend(weekly(`${TEN}PPEPEP`));
    expect(watch).toMatchObject({ level: 'watch', recentRate: 0.5, usualRate: 0 });
    expect(watch.explanation).toBe('missed 2 of the last 4 (50%); usually 0%');
    // Not enough data: no rates at all.
    expect(computeTrend(weekly('PEP'))).toMatchObject({ recentRate: null, usualRate: null });
  });
  it('gives the chronic badge at 20% over at least 10 counted sessions before the recent 6', () => {
    const SIX = 'PPPPPP';
    expect(computeTrend(weekly(`EEPPPPPPPP${SIX}`)).chronic).toBe(true);
    expect(computeTrend(weekly(`EPPPPPPPPP${SIX}`)).chronic).toBe(false);
    expect(computeTrend(weekly(`EEPPPPPPP${SIX}`)).chronic).toBe(false); // 22%, but only 9 sessions before
    expect(computeTrend(weekly(`EEPPPPPPPC${SIX}`)).chronic).toBe(false); // the cancelled one does not count
    // A stable high rate is chronic without a rising flag.
    const stable = computeTrend(weekly('EPPEPPEPPEPPEPPE'));
    expect(stable).toMatchObject({ level: 'none', chronic: true });
    expect(stable.explanation).toContain('chronic: missed 40% of the 10 sessions before the last 6');
    // A recent streak is Urgent, not chronic: the 10 sessions before it were all attended.
    expect(computeTrend(weekly(`${TEN}EEEEEE`))).toMatchObject({ level: 'urgent', chronic: false });
  });
  it('explains a flag in words a therapist can repeat', () => {
    expect(computeTrend(weekly('P UPEPUP')).explanation).toBe(
      'missed 3 of the last 6 (50%); only 1 earlier session; 2 without notice',
    );
    expect(computeTrend(weekly(`${TEN}PPEPEP`)).explanation).toBe('missed 2 of the last 4 (50%); usually 0%');
    expect(computeTrend(weekly(`${TEN}PPPEEE`)).explanation).toBe(
      'missed the last 3 in a row; missed 3 of the last 6 (50%); usually 0%',
    );
    expect(computeTrend(weekly(`${TEN}PPPPUU`)).explanation).toBe(
      'the last 2 missed without notice; missed 2 of the last 6 (33%); usually 0%; 2 without notice',
    );
    expect(computeTrend(weekly('PPEE')).explanation).toBe('missed 2 of 4 sessions (50%); no earlier sessions');
  });
});

describe('trendsByClient', () => {
  const entry = (clientId: string, sessionDate: string, status: Entry['status']): Entry =>
    blankEntry({ entryId: `${clientId}-${sessionDate}-${status}`, sessionDate, group: 'G', clientId, status });

  it("computes each client's trend from its own entries, in one pass", () => {
    const amy = weekly(`${TEN}PPPEEE`).map((s) => entry('amy', s.date, s.status));
    const ben = weekly('PPPP').map((s) => entry('ben', s.date, s.status));
    const trends = trendsByClient([...ben, ...amy].reverse());
    expect([...trends.keys()].sort()).toEqual(['amy', 'ben']);
    expect(trends.get('amy')).toEqual(computeTrend(weekly(`${TEN}PPPEEE`)));
    expect(trends.get('ben')?.level).toBe('none');
  });
  it('ignores a stray withdrawing row', () => {
    const rows = [
      ...weekly('PPPP').map((s) => entry('amy', s.date, s.status)),
      entry('amy', '2026-03-02', 'withdrawn'),
    ];
    expect(trendsByClient(rows).get('amy')?.sessions).toBe(4);
  });
});
