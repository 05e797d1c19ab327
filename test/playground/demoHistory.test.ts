import { computeTrend } from '../../src/core/trend';
import { ABSENT_STATUSES, type Client, type Status } from '../../src/core/types';
import { validateSaveSession } from '../../src/core/validation';
import { addDays } from '../../src/core/dates';
import { weekday } from '../../src/playground/dates';
import { DEMO_WEEKS, demoHistory } from '../../src/playground/demoHistory';
import { DEMO_CLIENTS, DEMO_GROUPS, demoRoster } from '../../src/playground/demoPractice';

const TODAY = '2026-11-27';
const history = demoHistory(TODAY);

/** Each client's statuses in session order, as recorded. */
function statusesOf(clientId: string, sessions = history): Status[] {
  return sessions.flatMap((s) => s.request.attendance.filter((a) => a.clientId === clientId).map((a) => a.status));
}

describe('the demo practice', () => {
  it('is three groups of six to eight clients, two of them discharged, all on the roster', () => {
    expect(DEMO_GROUPS).toHaveLength(3);
    for (const group of DEMO_GROUPS) {
      const members = DEMO_CLIENTS.filter((c) => c.group === group.name).length;
      expect(members).toBeGreaterThanOrEqual(6);
      expect(members).toBeLessThanOrEqual(8);
    }
    const roster = demoRoster();
    expect(roster.rows[0]).toEqual(['Client ID', 'Client', 'Group', 'Active']);
    expect(
      roster.rows
        .slice(1)
        .filter((r) => r[3] === 'No')
        .map((r) => r[1]),
    ).toEqual(DEMO_CLIENTS.filter((c) => c.dischargedWeeksAgo !== null).map((c) => c.name));
    expect(roster.rows.slice(1).filter((r) => r[3] === 'No')).toHaveLength(2);
    expect(
      demoRoster({ allActive: true })
        .rows.slice(1)
        .every((r) => r[3] === 'Yes'),
    ).toBe(true);
  });
});

describe('demoHistory', () => {
  it('is the same record for the same day and seed, and another for another seed', () => {
    expect(demoHistory(TODAY)).toEqual(history);
    expect(demoHistory(TODAY, 7)).not.toEqual(history);
  });

  it('holds six months of weekly sessions per group before today, oldest first, each on its day', () => {
    const dates = history.map((s) => s.request.date);
    expect([...dates].sort()).toEqual(dates);
    for (const group of DEMO_GROUPS) {
      const sessions = history.filter((s) => s.request.group === group.name);
      expect(sessions).toHaveLength(DEMO_WEEKS);
      for (const s of sessions) {
        expect(weekday(s.request.date)).toBe(group.weekday);
        expect(s.request.date < TODAY).toBe(true);
        expect(s.request.date >= addDays(TODAY, -7 * DEMO_WEEKS)).toBe(true);
        expect(s.recordedAt.slice(0, 10)).toBe(s.request.date);
      }
    }
    expect(new Set(history.map((s) => s.request.requestId)).size).toBe(history.length);
  });

  it('sends only requests the add-on accepts from the demo roster', () => {
    const clients = new Map<string, Client>(
      DEMO_CLIENTS.map((c) => [c.id, { id: c.id, name: c.name, group: c.group, active: true }]),
    );
    for (const s of history) {
      const checked = validateSaveSession(s.request, { clients, today: s.request.date, maxNoteLength: 500 });
      expect(checked.attendance).toHaveLength(s.request.attendance.length);
    }
  });

  it('stops recording a discharged client after the discharge', () => {
    for (const client of DEMO_CLIENTS.filter((c) => c.dischargedWeeksAgo !== null)) {
      const weeks = client.dischargedWeeksAgo as number;
      const dates = history
        .filter((s) => s.request.attendance.some((a) => a.clientId === client.id))
        .map((s) => s.request.date);
      const last = dates[dates.length - 1];
      // The last session attended falls in the week `weeks` weeks back; none after it.
      expect(last >= addDays(TODAY, -7 * weeks)).toBe(true);
      expect(last < addDays(TODAY, -7 * (weeks - 1))).toBe(true);
      const group = history.filter((s) => s.request.group === client.group && s.request.date > last);
      expect(group.length).toBe(weeks - 1);
    }
  });

  it('tells the story: two clients whose absences rise recently, one chronically absent, the rest steady', () => {
    const counted = (id: string) => statusesOf(id).filter((s) => s !== 'cancelled');
    const absences = (statuses: Status[]) => statuses.filter((s) => ABSENT_STATUSES.includes(s)).length;
    const rising = DEMO_CLIENTS.filter((c) => c.habit.kind === 'rising');
    expect(rising).toHaveLength(2);
    for (const client of rising) {
      const all = counted(client.id);
      const recent = all.slice(-6);
      const before = all.slice(0, -6);
      expect(absences(recent)).toBeGreaterThanOrEqual(3);
      expect(absences(before) / before.length).toBeLessThan(0.15);
    }
    const quinn = counted('RB-304');
    expect(absences(quinn) / quinn.length).toBeGreaterThanOrEqual(0.2);
    // The add-on's own rule sees the same story: exactly the two rising clients flagged, and the
    // chronic one badged but not flagged as rising.
    const trends = DEMO_CLIENTS.map((c) => {
      const sessions = history.flatMap((s) =>
        s.request.attendance
          .filter((a) => a.clientId === c.id)
          .map((a) => ({ date: s.request.date, status: a.status })),
      );
      const trend = computeTrend(sessions);
      return { name: c.name, level: trend.level, chronic: trend.chronic };
    });
    expect(trends.filter((t) => t.level !== 'none').map((t) => [t.name, t.level])).toEqual(
      rising.map((c) => [c.name, 'rising']),
    );
    expect(trends.filter((t) => t.chronic).map((t) => t.name)).toEqual(['Quinn Merriweather']);
    // One week the facility closed: every group's session that week is cancelled for everyone.
    const closed = history.filter((s) => s.request.attendance.every((a) => a.status === 'cancelled'));
    expect(closed).toHaveLength(3);
    // Recent absences ask for a follow-up, so the next session shows them.
    expect(history.some((s) => s.request.attendance.some((a) => a.followUp))).toBe(true);
  });
});
