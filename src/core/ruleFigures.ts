/**
 * The practice's own rules for one client over a period (issue 17), for the Client summary: the
 * make-ups owed and made up as of the period's last day, minutes delivered against planned in the
 * period, and the policy checks switched on as they stood on its last day. The same functions the
 * sidebar and Patterns use (makeUps.ts, minutes.ts, policies.ts), over the same rows.
 */
import { makeUpBalances } from './makeUps';
import { hasPlan, minutesPlan, minutesTally } from './minutes';
import { policyChecks } from './policies';
import { currentEntries } from './record';
import type { Entry, MakeUpBalance, MinutesTally, PolicyCheck, Settings } from './types';

export interface RuleFigures {
  makeUps: MakeUpBalance;
  /** null when no planned minutes apply to the client and none were entered. */
  minutes: MinutesTally | null;
  /** The checks switched on, as of the period's last day. */
  policy: PolicyCheck[];
}

/**
 * `all`: every row of the record (superseded ones too, so a corrected owed session keeps its
 * make-up); rows of sessions after `to` are left out, as if the summary were made that day.
 */
export function clientRuleFigures(
  all: readonly Entry[],
  client: { id: string; group: string },
  from: string,
  to: string,
  settings: Settings,
): RuleFigures {
  const upTo = all.filter((e) => e.sessionDate <= to);
  const theirs = currentEntries(upTo).filter((e) => e.clientId === client.id);
  const plan = minutesPlan(settings.plannedMinutes);
  const tally = minutesTally(theirs, plan, from, to, () => client.group);
  return {
    makeUps: makeUpBalances(upTo, settings.makeUps).get(client.id) ?? { owed: [], madeUp: 0, text: '' },
    minutes: hasPlan(plan, client) || tally.delivered > 0 ? tally : null,
    policy: policyChecks(theirs, settings.policies, to),
  };
}

/** A group's make-ups, minutes and policy checks for the Practice report. */
export interface GroupRuleFigures {
  /** Minutes delivered against planned in the period (null when none planned or delivered). */
  minutes: MinutesTally | null;
  /** Sessions of the group owed a make-up on the period's last day. */
  makeUpsOwed: number;
  /** Clients of the group with a policy check reached on the period's last day. */
  policyReached: number;
}

/**
 * Per group, as the Practice report groups entries (`groupOf`; `groupOfClient` for a client):
 * minutes of the group's entries in the period; make-ups owed and policy checks as of `to`.
 */
export function groupRuleFigures(
  all: readonly Entry[],
  clients: readonly { id: string; group: string }[],
  groupOf: (entry: Entry) => string,
  groupOfClient: (client: { id: string; group: string }) => string,
  from: string,
  to: string,
  settings: Settings,
): Map<string, GroupRuleFigures> {
  const upTo = all.filter((e) => e.sessionDate <= to);
  const current = currentEntries(upTo);
  const plan = minutesPlan(settings.plannedMinutes);
  const out = new Map<string, GroupRuleFigures>();
  const of = (group: string): GroupRuleFigures => {
    let figures = out.get(group);
    if (!figures) out.set(group, (figures = { minutes: null, makeUpsOwed: 0, policyReached: 0 }));
    return figures;
  };
  const byId = new Map<string, Entry>();
  const byGroup = new Map<string, Entry[]>();
  const byClient = new Map<string, Entry[]>();
  const push = (map: Map<string, Entry[]>, key: string, entry: Entry) => {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  };
  for (const entry of current) {
    byId.set(entry.entryId, entry);
    push(byGroup, groupOf(entry), entry);
    push(byClient, entry.clientId, entry);
  }
  const rosterGroup = new Map(clients.map((c) => [c.id, c.group]));
  byGroup.forEach((entries, group) => {
    const tally = minutesTally(entries, plan, from, to, (id) => rosterGroup.get(id));
    if (tally.planned > 0 || tally.delivered > 0) of(group).minutes = tally;
  });
  makeUpBalances(upTo, settings.makeUps).forEach((balance) => {
    for (const owed of balance.owed) {
      const entry = byId.get(owed.entryId);
      if (entry) of(groupOf(entry)).makeUpsOwed += 1;
    }
  });
  if (Object.values(settings.policies).some((p) => p.on))
    for (const client of clients) {
      const checks = policyChecks(byClient.get(client.id) ?? [], settings.policies, to);
      if (checks.some((c) => c.reached)) of(groupOfClient(client)).policyReached += 1;
    }
  return out;
}

/** "Minutes: 270 of 300 planned minutes (90%) · 3 make-ups owed · 1 client at a policy line (a reason to talk)". */
export function groupRuleText(figures: GroupRuleFigures): string {
  const parts: string[] = [];
  if (figures.minutes) parts.push(`Minutes: ${figures.minutes.text}`);
  if (figures.makeUpsOwed > 0) parts.push(`${figures.makeUpsOwed} make-up${figures.makeUpsOwed === 1 ? '' : 's'} owed`);
  if (figures.policyReached > 0)
    parts.push(
      `${figures.policyReached} client${figures.policyReached === 1 ? '' : 's'} at a policy line (a reason to talk)`,
    );
  return parts.join(' · ');
}
