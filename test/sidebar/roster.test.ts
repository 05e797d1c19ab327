import type { ClientView } from '../../src/core/types';
import { filterClients, groupMembers, pickedClients, withDistinctNames } from '../../src/sidebar/roster';

const client = (id: string, name: string, group: string, active = true): ClientView => ({
  id,
  name,
  group,
  active,
  lastEntry: null,
  trend: {
    level: 'none',
    chronic: false,
    explanation: '',
    sessions: 0,
    absences: 0,
    recentRate: null,
    usualRate: null,
  },
});
const clients = [
  client('1', 'Cleo', 'Tue'),
  client('2', 'Ana', 'Tue'),
  client('3', 'Ben', 'Thu'),
  client('4', 'Dina', 'Tue', false),
  client('5', 'Ana', 'Thu'),
];

it('lists a group’s active members by name', () => {
  expect(groupMembers(clients, 'Tue').map((c) => c.id)).toEqual(['2', '1']);
  expect(groupMembers(clients, 'Nobody')).toEqual([]);
});

it('filters active clients by name or group, ignoring case', () => {
  expect(filterClients(clients, 'an').map((c) => c.id)).toEqual(['2', '5']);
  expect(filterClients(clients, ' THU ').map((c) => c.id)).toEqual(['5', '3']);
  expect(filterClients(clients, '').map((c) => c.id)).toEqual(['2', '5', '3', '1']);
});

it('keeps picked clients in name order and drops ids gone from the roster', () => {
  expect(pickedClients(clients, new Set(['3', '1', 'gone'])).map((c) => c.id)).toEqual(['3', '1']);
});

it('adds the ID to names that several clients share, and only to those', () => {
  const named = withDistinctNames([...clients, client('6', 'Ben', 'Tue')]);
  expect(named.map((c) => c.name)).toEqual(['Cleo', 'Ana (2)', 'Ben (3)', 'Dina', 'Ana (5)', 'Ben (6)']);
  expect(named[0]).toBe(clients[0]);
});
