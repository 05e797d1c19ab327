/**
 * What the sidebar's answer and the Patterns tab both work out from the whole record: each
 * client's sessions and trend, make-up balances and policy checks. A save answers with sidebar data
 * and refreshes Patterns in one execution; these are worked out once for both. They come from the
 * record read in columns (core/recordTable.ts): at 130,000 rows only the entries a figure needs are
 * made whole.
 */
import { cancelledByPractice, makeUpBalances } from './makeUps';
import { anyPolicyOn, policyChecksByClient } from './policies';
import { replacedIds } from './record';
import { currentRows, entriesAt } from './recordTable';
import type { RecordTable } from './recordTable';
import { sessionsAt, trendsOf } from './trend';
import type { TrendSession } from './trend';
import type { MakeUpBalance, MakeUpSettings, PolicyCheck, Settings, Trend } from './types';

export interface RecordFigures {
  table: RecordTable;
  /** Entry IDs a later row replaces. */
  replaced: ReadonlySet<string>;
  /** Positions in `table` of the current entries. */
  current: number[];
  sessions: Map<string, TrendSession[]>;
  trends: Map<string, Trend>;
  balances: Map<string, MakeUpBalance>;
  checks: Map<string, PolicyCheck[]>;
}

/** The figures of `table` (every row of the record, superseded ones too, in order). */
export function recordFigures(table: RecordTable, settings: Settings, today: string): RecordFigures {
  const replaced = replacedIds(table.replaces);
  const current = currentRows(table, replaced);
  const sessions = sessionsAt(current, table.clientId, table.day, table.status);
  const policies = anyPolicyOn(settings.policies);
  return {
    table,
    replaced,
    current,
    sessions,
    trends: trendsOf(sessions, settings.trend),
    balances: balancesIn(table, current, settings.makeUps),
    checks: policyChecksByClient(policies ? entriesAt(table, current) : [], settings.policies, today),
  };
}

/**
 * makeUpBalances from only the entries it looks at: current ones that could be owed (cancelled by
 * the practice, or excused where notice may make it owed) or that make one up, and every row that
 * replaces another (a correction keeps its make-up), in the record's order. `current`: positions
 * of the current entries (currentRows).
 */
export function balancesIn(
  table: RecordTable,
  current: readonly number[],
  rule: MakeUpSettings,
): Map<string, MakeUpBalance> {
  const counts = (i: number) =>
    table.makesUpFor[i] !== '' ||
    (table.status[i] === 'cancelled' && cancelledByPractice({ status: 'cancelled', reason: table.reason[i] }, rule)) ||
    (rule.afterNotice && table.status[i] === 'excused');
  const currentHere = current.filter(counts);
  const chosen = new Set(currentHere);
  const all: number[] = [];
  for (let i = 0; i < table.size; i += 1) if (chosen.has(i) || table.replaces[i] !== '') all.push(i);
  return makeUpBalances(entriesAt(table, all), rule, entriesAt(table, currentHere));
}
