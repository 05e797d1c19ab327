import type { ClientView, TrendLevel } from '../../src/core/types';
import { needsAttention } from '../../src/sidebar/triage';

const client = (name: string, level: TrendLevel, chronic = false, active = true): ClientView => ({
  id: name,
  name,
  group: 'g',
  active,
  lastEntry: null,
  trend: { level, chronic, explanation: '', sessions: 10, absences: 2, recentRate: null, usualRate: null },
});

it('lists flagged active clients, most urgent first, then the chronic ones', () => {
  const clients = [
    client('Zoe', 'watch'),
    client('Amy', 'none'),
    client('Bob', 'urgent'),
    client('Cat', 'rising'),
    client('Dan', 'none', true),
    client('Eli', 'urgent', false, false),
    client('Fay', 'insufficient'),
    client('Abe', 'watch'),
  ];
  expect(needsAttention(clients).map((c) => c.name)).toEqual(['Bob', 'Cat', 'Abe', 'Zoe', 'Dan']);
});

it('orders numbered names as people count', () => {
  expect(
    needsAttention([client('Client 10', 'watch'), client('Client 9', 'watch'), client('Client 100', 'watch')]).map(
      (c) => c.name,
    ),
  ).toEqual(['Client 9', 'Client 10', 'Client 100']);
});
