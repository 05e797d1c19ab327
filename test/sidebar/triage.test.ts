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

it('talking at Rising leaves Watch clients out, unless chronic; at Watch every flag is listed', () => {
  const clients = [
    client('Zoe', 'watch'),
    client('Bob', 'urgent'),
    client('Cat', 'rising'),
    client('Dan', 'watch', true),
  ];
  expect(needsAttention(clients, 'rising').map((c) => c.name)).toEqual(['Bob', 'Cat', 'Dan']);
  expect(needsAttention(clients, 'watch').map((c) => c.name)).toEqual(['Bob', 'Cat', 'Dan', 'Zoe']);
});
