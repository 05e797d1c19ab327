/**
 * The demo practice's past sessions, as the saveSession requests a therapist would have sent:
 * six months of weekly groups ending before today. Pure and seeded, so one `today` and one seed
 * always give the same record.
 */
import type { AttendanceInput, SaveSessionRequest, Status } from '../core/types';
import { addDays } from '../core/dates';
import { previousWeekday } from './dates';
import { DEMO_CLIENTS, DEMO_GROUPS, type DemoClient } from './demoPractice';
import { pick, seededRandom, type Random } from './random';

/** Chosen so the drawn half-year tells the demo's story cleanly: no steady client flagged by chance. */
export const DEMO_SEED = 58;
export const DEMO_WEEKS = 26;
/** The week (counted back from today) every group was cancelled for a facility event. */
const CLOSURE_WEEKS_AGO = 12;
/** Absences this recent ask for a follow-up, so the next session shows them. */
const FOLLOW_UP_WEEKS = 3;

export interface DemoSession {
  /** When the therapist saved it: the services' clock during the save (ISO). */
  recordedAt: string;
  request: SaveSessionRequest;
}

const EXCUSED_REASONS = ['illness', 'medical appointment', 'transport', 'schedule conflict', 'hospitalised'];
const UNEXCUSED_REASONS = ['unknown', 'asleep or unavailable', 'transport'];
const NOTES: Record<string, readonly string[]> = {
  illness: ['Phoned in with a cold', 'Unwell this week', ''],
  'medical appointment': ['Clinic appointment clashed', ''],
  hospitalised: ['Short hospital stay; family informed us'],
  transport: ['Bus did not come', 'Ride fell through', ''],
  'schedule conflict': ['Work shift moved', ''],
  unknown: ['No call; left a voicemail', '', 'Did not answer the phone'],
  'asleep or unavailable': ['Staff said asleep at pick-up time', ''],
  declined: ['Came in but did not want to join today', ''],
};

function absence(
  random: Random,
  clientId: string,
  status: 'excused' | 'unexcused' | 'refused',
  followUp: boolean,
): AttendanceInput {
  const reason =
    status === 'refused' ? 'declined' : pick(random, status === 'excused' ? EXCUSED_REASONS : UNEXCUSED_REASONS);
  const note = pick(random, NOTES[reason] ?? ['']);
  return {
    clientId,
    status,
    reason,
    notice: status === 'excused',
    ...(note ? { note } : {}),
    ...(followUp ? { followUp: true } : {}),
  };
}

/** A drawn session outcome for a client whose habit gives no forced answer. */
function drawStatus(random: Random, rate: number): Status {
  const roll = random();
  if (roll >= rate) return random() < 0.06 ? 'late' : 'present';
  const kind = random();
  return kind < 0.55 ? 'excused' : kind < 0.85 ? 'unexcused' : 'refused';
}

/** Every client's outcome per session, keyed by the count of their sessions, ordered oldest first. */
function clientStatuses(random: Random, client: DemoClient, sessions: number): Status[] {
  const statuses: Status[] = [];
  for (let i = 0; i < sessions; i++) statuses.push(drawStatus(random, client.habit.rate));
  if (client.habit.kind === 'rising') {
    const recent = client.habit.recent;
    for (let i = 0; i < recent.length && i < sessions; i++) statuses[sessions - recent.length + i] = recent[i];
  }
  return statuses;
}

/**
 * The history before `today` (YYYY-MM-DD in the practice's zone), oldest session first. Each
 * group meets weekly on its day; one week all groups were closed (cancelled for everyone, which
 * the Patterns tab shows as one column); discharged clients stop attending at their discharge.
 */
export function demoHistory(today: string, seed: number = DEMO_SEED): DemoSession[] {
  const random = seededRandom(seed);
  const sessions: { weeksAgo: number; date: string; group: string }[] = [];
  for (const group of DEMO_GROUPS) {
    const last = previousWeekday(today, group.weekday);
    for (let weeksAgo = DEMO_WEEKS; weeksAgo >= 1; weeksAgo--) {
      sessions.push({ weeksAgo, date: addDays(last, -7 * (weeksAgo - 1)), group: group.name });
    }
  }
  sessions.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  // Each client's outcomes, drawn up front per client so one client's draws never shift another's.
  const planned = new Map<string, Status[]>();
  for (const client of DEMO_CLIENTS) {
    const attended = sessions.filter(
      (s) =>
        s.group === client.group &&
        s.weeksAgo !== CLOSURE_WEEKS_AGO &&
        (client.dischargedWeeksAgo === null || s.weeksAgo >= client.dischargedWeeksAgo),
    ).length;
    planned.set(client.id, clientStatuses(random, client, attended));
  }

  return sessions.map(({ weeksAgo, date, group }) => {
    const members = DEMO_CLIENTS.filter(
      (c) => c.group === group && (c.dischargedWeeksAgo === null || weeksAgo >= c.dischargedWeeksAgo),
    );
    const attendance: AttendanceInput[] = members.map((client) => {
      if (weeksAgo === CLOSURE_WEEKS_AGO)
        return { clientId: client.id, status: 'cancelled', reason: 'facility event', notice: true };
      const status = (planned.get(client.id) as Status[]).shift() as Status;
      if (status === 'present' || status === 'late' || status === 'cancelled') return { clientId: client.id, status };
      return absence(random, client.id, status, weeksAgo <= FOLLOW_UP_WEEKS);
    });
    return {
      // Saved at the end of the session's afternoon in New York (21:00 UTC is 16:00 or 17:00 there).
      recordedAt: `${date}T21:00:00.000Z`,
      request: { requestId: `demo-${date}-${group.toLowerCase().replace(/\s+/g, '-')}`, date, group, attendance },
    };
  });
}
