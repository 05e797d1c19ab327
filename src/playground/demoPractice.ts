/**
 * The demo practice `npm start` opens with: a fictional music-therapy practice, three weekly
 * groups, and for each client an attendance habit the demo history is drawn from. Every name is
 * invented; the practice does not exist.
 */
import type { RosterTab } from './rosterWorkbook';
import { ROSTER_HEADERS } from '../core/rosterHeadings';

export const DEMO_TIME_ZONE = 'America/New_York';

export interface DemoGroup {
  name: string;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

/** How a client's attendance is drawn. */
export type Habit =
  /** Misses about `rate` of sessions throughout. */
  | { kind: 'steady'; rate: number }
  /** Misses about `rate` of sessions, then the last counted sessions follow `recent` exactly. */
  | { kind: 'rising'; rate: number; recent: ('present' | 'excused' | 'unexcused')[] };

export interface DemoClient {
  id: string;
  name: string;
  group: string;
  habit: Habit;
  /** Weeks before today of the last session attended before discharge; null while active. */
  dischargedWeeksAgo: number | null;
}

export const DEMO_GROUPS: readonly DemoGroup[] = [
  { name: 'Tuesday drumming', weekday: 2 },
  { name: 'Thursday songwriting', weekday: 4 },
  { name: 'Friday choir', weekday: 5 },
];

const steady = (rate: number): Habit => ({ kind: 'steady', rate });

export const DEMO_CLIENTS: readonly DemoClient[] = [
  { id: 'RB-101', name: 'Ada Quillfeather', group: 'Tuesday drumming', habit: steady(0.06), dischargedWeeksAgo: null },
  { id: 'RB-102', name: 'Bruno Fenwick', group: 'Tuesday drumming', habit: steady(0.1), dischargedWeeksAgo: null },
  // Rising: four of the last six missed, two of them without notice, after a steady half-year.
  {
    id: 'RB-103',
    name: 'Cleo Marchbank',
    group: 'Tuesday drumming',
    habit: {
      kind: 'rising',
      rate: 0.06,
      recent: ['excused', 'present', 'unexcused', 'excused', 'present', 'unexcused'],
    },
    dischargedWeeksAgo: null,
  },
  {
    id: 'RB-104',
    name: 'Dario Pennywhistle',
    group: 'Tuesday drumming',
    habit: steady(0.08),
    dischargedWeeksAgo: null,
  },
  { id: 'RB-105', name: 'Edie Valemont', group: 'Tuesday drumming', habit: steady(0.12), dischargedWeeksAgo: 11 },
  { id: 'RB-106', name: 'Felix Rowanberry', group: 'Tuesday drumming', habit: steady(0.08), dischargedWeeksAgo: null },
  { id: 'RB-107', name: 'Greta Lindenfels', group: 'Tuesday drumming', habit: steady(0.1), dischargedWeeksAgo: null },
  {
    id: 'RB-201',
    name: 'Hugo Brandywell',
    group: 'Thursday songwriting',
    habit: steady(0.08),
    dischargedWeeksAgo: null,
  },
  {
    id: 'RB-202',
    name: 'Iris Calloway-Finch',
    group: 'Thursday songwriting',
    habit: steady(0.1),
    dischargedWeeksAgo: null,
  },
  {
    id: 'RB-203',
    name: 'Jonah Pikestaff',
    group: 'Thursday songwriting',
    habit: steady(0.06),
    dischargedWeeksAgo: null,
  },
  {
    id: 'RB-204',
    name: 'Kit Sorrelgrove',
    group: 'Thursday songwriting',
    habit: steady(0.1),
    dischargedWeeksAgo: null,
  },
  // Rising, more quietly: three of the last six, after missing little before.
  {
    id: 'RB-205',
    name: 'Lena Okonkwo-Hale',
    group: 'Thursday songwriting',
    habit: { kind: 'rising', rate: 0.05, recent: ['present', 'excused', 'unexcused', 'present', 'excused', 'present'] },
    dischargedWeeksAgo: null,
  },
  {
    id: 'RB-206',
    name: 'Milo Hartwater',
    group: 'Thursday songwriting',
    habit: steady(0.08),
    dischargedWeeksAgo: null,
  },
  { id: 'RB-301', name: 'Nell Ashbury', group: 'Friday choir', habit: steady(0.06), dischargedWeeksAgo: null },
  { id: 'RB-302', name: 'Otto Wrenfield', group: 'Friday choir', habit: steady(0.1), dischargedWeeksAgo: null },
  { id: 'RB-303', name: 'Pia Delacroix-Moon', group: 'Friday choir', habit: steady(0.08), dischargedWeeksAgo: null },
  // Chronic: misses about a third of sessions, steadily: a different conversation from a rise.
  { id: 'RB-304', name: 'Quinn Merriweather', group: 'Friday choir', habit: steady(0.33), dischargedWeeksAgo: null },
  { id: 'RB-305', name: 'Rosa Albrightson', group: 'Friday choir', habit: steady(0.06), dischargedWeeksAgo: null },
  { id: 'RB-306', name: 'Sol Navarrete-Bloom', group: 'Friday choir', habit: steady(0.1), dischargedWeeksAgo: 19 },
  { id: 'RB-307', name: 'Tess Hollowbrook', group: 'Friday choir', habit: steady(0.08), dischargedWeeksAgo: null },
];

export const DEMO_SPREADSHEET_NAME = 'Riverbend Music Therapy (demo practice)';
export const ROSTER_SHEET = 'Roster';

/** The roster tab as the practice keeps it; discharged clients say so in Active unless `allActive`. */
export function demoRoster(options: { allActive?: boolean } = {}): RosterTab {
  return {
    spreadsheetName: DEMO_SPREADSHEET_NAME,
    sheetName: ROSTER_SHEET,
    rows: [
      ROSTER_HEADERS,
      ...DEMO_CLIENTS.map((c) => [
        c.id,
        c.name,
        c.group,
        options.allActive || c.dischargedWeeksAgo === null ? 'Yes' : 'No',
      ]),
    ],
  };
}
