/**
 * How good the absence-trend flag is, by simulation (seeded, so every run prints the same figures).
 *
 * Model: weekly sessions; each session is missed independently with the client's absence rate; a
 * missed session is excused, unexcused or refused in the proportions of ABSENCE_MIX (a guess at a
 * practice: notice is usual, no-shows less so). Two measures:
 * - false alarms: stable clients (10% and 20%) with 16-session histories. A "check" is the trend
 *   evaluated after one session, from the 4th to the 16th (13 checks per client, the moments a
 *   therapist would see a level); we report the share of checks at each level, and the share of
 *   clients flagged at some check.
 * - detection: 16 sessions at 10%, then 60% from session 17 on. "Flagged within k" means a check
 *   after session 16 + j, for some j in 1..k, shows the level (or higher).
 * Each figure is given for the rule as shipped and for the rule without the attended-session cap
 * (uncappedLevel), so the cost of the cap is visible, with "2 of the last 4" alone as a baseline.
 */
import { addDays } from '../../src/core/dates';
import { computeTrend, levelRank, uncappedLevel } from '../../src/core/trend';
import type { TrendSession } from '../../src/core/trend';
import type { Status, TalkAt, TrendLevel } from '../../src/core/types';
import { seededRandom } from '../../src/playground/random';
import type { Random } from '../../src/playground/random';

const CLIENTS = 20000;
const HISTORY = 16;
const FIRST_CHECK = 4;
const START = '2026-01-05';
type Mix = readonly [Status, number][];
const ABSENCE_MIX: Mix = [
  ['excused', 0.6],
  ['unexcused', 0.25],
  ['refused', 0.15],
];
/** The unexcused share drives the unexcused conditions: the figures for other shares, to compare with DESIGN.md's. */
const OTHER_MIXES: Mix[] = [
  [['excused', 1]],
  [
    ['excused', 0.5],
    ['unexcused', 0.5],
  ],
  [['unexcused', 1]],
];

type Rule = (sessions: readonly TrendSession[]) => TrendLevel;
const RULES: [string, Rule][] = [
  ['as shipped', (s) => computeTrend(s).level],
  ['uncapped', (s) => uncappedLevel(s)],
];

function absence(random: Random, mix: Mix): Status {
  let u = random();
  for (const [status, share] of mix) {
    if (u < share) return status;
    u -= share;
  }
  return 'excused';
}

/** A client's weekly sessions: rate(i) is the absence rate of the i-th (0-based). */
function history(random: Random, length: number, rate: (i: number) => number, mix: Mix): TrendSession[] {
  return Array.from({ length }, (_, i) => ({
    date: addDays(START, 7 * i),
    status: random() < rate(i) ? absence(random, mix) : 'present',
  }));
}

const describeMix = (mix: Mix) => mix.map(([s, share]) => `${s} ${share * 100}%`).join(', ');

const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;

/** "2 of the last 4" alone, the naive rule the design compares against. */
function twoOfFour(sessions: readonly TrendSession[]): boolean {
  return sessions.slice(-4).filter((s) => s.status !== 'present').length >= 2;
}

function falseAlarms(rate: number, mix: Mix = ABSENCE_MIX, rules = RULES, clients = CLIENTS): void {
  const counts = rules.map(() => ({ watch: 0, rising: 0, urgent: 0, clients: 0 }));
  let naiveClients = 0;
  let naiveChecks = 0;
  let checks = 0;
  let quirk = 0;
  const random = seededRandom(1000 + Math.round(rate * 100));
  for (let c = 0; c < clients; c += 1) {
    const sessions = history(random, HISTORY, () => rate, mix);
    const flaggedBy = rules.map(() => false);
    let naive = false;
    for (let n = FIRST_CHECK; n <= HISTORY; n += 1) {
      const seen = sessions.slice(0, n);
      checks += 1;
      rules.forEach(([, rule], r) => {
        const level = rule(seen);
        if (level === 'watch' || level === 'rising' || level === 'urgent') {
          counts[r][level] += 1;
          flaggedBy[r] = true;
        }
      });
      if (twoOfFour(seen)) {
        naiveChecks += 1;
        naive = true;
      }
      // The quirk: the uncapped rule rising on an attended session.
      if (
        seen[n - 1].status === 'present' &&
        levelRank(uncappedLevel(seen)) > levelRank(uncappedLevel(seen.slice(0, -1)))
      )
        quirk += 1;
    }
    flaggedBy.forEach((f, r) => {
      if (f) counts[r].clients += 1;
    });
    if (naive) naiveClients += 1;
  }
  console.log(
    `stable ${Math.round(rate * 100)}% clients (${clients} clients, ${checks} checks${mix === ABSENCE_MIX ? '' : `; ${describeMix(mix)}`}):`,
  );
  rules.forEach(([name], r) => {
    const k = counts[r];
    const any = k.watch + k.rising + k.urgent;
    console.log(
      `  ${name.padEnd(10)} checks flagged ${pct(any, checks)} (watch ${pct(k.watch, checks)}, rising ${pct(k.rising, checks)}, urgent ${pct(k.urgent, checks)}); clients flagged at some check ${pct(k.clients, clients)}`,
    );
  });
  if (rules.length === 1) return;
  console.log(
    `  "2 of the last 4" alone: checks flagged ${pct(naiveChecks, checks)}; clients flagged at some check ${pct(naiveClients, clients)}`,
  );
  console.log(
    `  the uncapped rule rose on an attended session at ${pct(quirk, checks)} of checks (the cap holds those)`,
  );
}

function detection(mix: Mix = ABSENCE_MIX, rules = RULES, clients = CLIENTS): void {
  const after = 10;
  const random = seededRandom(2024);
  const watchWithin = rules.map(() => new Array<number>(after + 1).fill(0));
  const risingWithin = rules.map(() => new Array<number>(after + 1).fill(0));
  const alreadyFlagged = rules.map(() => 0);
  for (let c = 0; c < clients; c += 1) {
    const sessions = history(random, HISTORY + after, (i) => (i < HISTORY ? 0.1 : 0.6), mix);
    rules.forEach(([, rule], r) => {
      if (levelRank(rule(sessions.slice(0, HISTORY))) >= 1) alreadyFlagged[r] += 1;
      let watchAt = 0;
      let risingAt = 0;
      for (let j = 1; j <= after && !(watchAt && risingAt); j += 1) {
        const rank = levelRank(rule(sessions.slice(0, HISTORY + j)));
        if (!watchAt && rank >= 1) watchAt = j;
        if (!risingAt && rank >= 2) risingAt = j;
      }
      for (let k = 1; k <= after; k += 1) {
        if (watchAt && watchAt <= k) watchWithin[r][k] += 1;
        if (risingAt && risingAt <= k) risingWithin[r][k] += 1;
      }
    });
  }
  console.log(
    `jump from 10% to 60% after ${HISTORY} sessions (${clients} clients${mix === ABSENCE_MIX ? '' : `; ${describeMix(mix)}`}):`,
  );
  rules.forEach(([name], r) => {
    const w = watchWithin[r];
    const ri = risingWithin[r];
    console.log(
      `  ${name.padEnd(10)} Watch+ within 4: ${pct(w[4], clients)}; Rising+ within 6: ${pct(ri[6], clients)}` +
        ` (Watch+ within 1..6: ${[1, 2, 3, 4, 5, 6].map((k) => pct(w[k], clients)).join(' ')}; flagged at the jump already ${pct(alreadyFlagged[r], clients)})`,
    );
  });
}

/**
 * The trade-off Settings states beside "Suggest a conversation at" (issue 17; TALK_AT_CHOICES in
 * core/types.ts quotes these figures): for each choice, the share of stable clients ever flagged at
 * that level or above within 16 sessions, and the share of rises to 60% caught within 4 and 6
 * sessions. Same seeds and histories as the figures above.
 */
function talkAtTradeOff(clients = CLIENTS): void {
  const thresholds: [TalkAt, number][] = [
    ['watch', levelRank('watch')],
    ['rising', levelRank('rising')],
  ];
  const everFlagged = (rate: number): number[] => {
    const random = seededRandom(1000 + Math.round(rate * 100));
    const counts = thresholds.map(() => 0);
    for (let c = 0; c < clients; c += 1) {
      const sessions = history(random, HISTORY, () => rate, ABSENCE_MIX);
      let highest = 0;
      for (let n = FIRST_CHECK; n <= HISTORY; n += 1)
        highest = Math.max(highest, levelRank(computeTrend(sessions.slice(0, n)).level));
      thresholds.forEach(([, rank], t) => {
        if (highest >= rank) counts[t] += 1;
      });
    }
    return counts;
  };
  const stable10 = everFlagged(0.1);
  const stable20 = everFlagged(0.2);
  const random = seededRandom(2024);
  const within4 = thresholds.map(() => 0);
  const within6 = thresholds.map(() => 0);
  for (let c = 0; c < clients; c += 1) {
    const sessions = history(random, HISTORY + 10, (i) => (i < HISTORY ? 0.1 : 0.6), ABSENCE_MIX); // detection()'s histories
    const ranks = [1, 2, 3, 4, 5, 6].map((j) => levelRank(computeTrend(sessions.slice(0, HISTORY + j)).level));
    thresholds.forEach(([, rank], t) => {
      if (ranks.slice(0, 4).some((r) => r >= rank)) within4[t] += 1;
      if (ranks.some((r) => r >= rank)) within6[t] += 1;
    });
  }
  console.log(`when to suggest a conversation (Settings, talkAt; ${clients} clients per figure):`);
  thresholds.forEach(([choice], t) => {
    console.log(
      `  talk at ${choice.padEnd(6)} stable 10% clients ever flagged ${pct(stable10[t], clients)}, stable 20% ${pct(stable20[t], clients)}; rises to 60% caught within 4 sessions ${pct(within4[t], clients)}, within 6 ${pct(within6[t], clients)}`,
    );
  });
}

export function bench(): void {
  console.log(
    `absence mix: ${describeMix(ABSENCE_MIX)}; a check = the trend after each session from the ${FIRST_CHECK}th to the ${HISTORY}th`,
  );
  falseAlarms(0.1);
  falseAlarms(0.2);
  detection();
  talkAtTradeOff();
  console.log('the same, as shipped, with other shares of unexcused absences:');
  for (const mix of OTHER_MIXES) {
    falseAlarms(0.1, mix, RULES.slice(0, 1), CLIENTS / 4);
    detection(mix, RULES.slice(0, 1), CLIENTS / 4);
  }
}
