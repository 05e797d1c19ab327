import { trendChanges } from '../../src/core/clientSummary';
import { trendsByClient } from '../../src/core/trend';
import type { Client, Entry, Status } from '../../src/core/types';
import { blankEntry } from './recordFixtures';

const ana: Client = { id: 'C1', name: 'Ana', group: 'G', active: true };

function entry(date: string, status: Status): Entry {
  return blankEntry({
    entryId: `${date}-${status}`,
    sessionDate: date,
    group: 'G',
    clientId: ana.id,
    client: ana.name,
    status,
    recordedAt: `${date}T12:00:00Z`,
    requestId: date,
  });
}

const dates = ['2025-01-06', '2025-01-13', '2025-01-20', '2025-01-27', '2025-02-03', '2025-02-10'];

test("a new client's first session is not reported as a trend change", () => {
  const after = trendsByClient([entry(dates[0], 'unexcused')]);
  expect(after.get(ana.id)?.level).toBe('insufficient');
  expect(trendChanges([ana], new Map(), after)).toEqual([]);
});

test('a level that moves is reported with the new trend', () => {
  const history = [
    entry(dates[0], 'present'),
    entry(dates[1], 'present'),
    entry(dates[2], 'present'),
    entry(dates[3], 'present'),
  ];
  const before = trendsByClient(history);
  const after = trendsByClient([...history, entry(dates[4], 'unexcused'), entry(dates[5], 'unexcused')]);
  const changes = trendChanges([ana], before, after);
  expect(changes).toHaveLength(1);
  expect(changes[0]).toMatchObject({ clientId: 'C1', name: 'Ana', before: 'none', after: after.get('C1')!.level });
  expect(changes[0].after).not.toBe('none');
});
