/**
 * Roster shapes as practices keep them, written in code: each a workbook of tabs and what Cadence
 * must find in it on first open, with no Settings change. Names are fictional and generated.
 */

export interface CorpusTab {
  name: string;
  /** Values as a person typed them: text starting with ' stays text ("'007"), Dates are dates. */
  values: unknown[][];
  /** Merged ranges in A1 notation (a title across the columns). */
  merges?: string[];
}

export interface Expected {
  sheetName: string;
  headerRow: number;
  nameHeader: string;
  idHeader: string | null;
  groupHeader: string | null;
  activeHeader: string | null;
  groupsFromSections?: boolean;
  clientCount: number;
  activeCount: number;
  groupCount: number;
  /** A few clients as the sidebar must show them: [id, name, group, active]. */
  samples?: [string, string, string, boolean][];
}

export interface Shape {
  title: string;
  tabs: CorpusTab[];
  expected: Expected;
}

const FIRST = [
  'Ana',
  'Ben',
  'Cleo',
  'Dev',
  'Eli',
  'Fay',
  'Gus',
  'Hana',
  'Ivo',
  'June',
  'Kai',
  'Lena',
  'Milo',
  'Nia',
  'Omar',
  'Pia',
  'Quin',
  'Rosa',
  'Sami',
  'Tess',
  'Umi',
  'Vic',
  'Wren',
  'Xavi',
  'Yara',
  'Zed',
];
const LAST = [
  'Lima',
  'Ode',
  'Park',
  'Shah',
  'Moss',
  'Reyes',
  'Holt',
  'Ito',
  'Kerr',
  'Nash',
  'Vale',
  'Quist',
  'Bram',
  'Cole',
  'Dunn',
  'Esch',
  'Frey',
  'Gale',
  'Hart',
  'Ives',
  'Jory',
  'Kemp',
  'Lund',
];

/** n distinct person-like names, the same for the same n. */
export function names(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < n; i += 1)
    out.push(
      `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}${i >= FIRST.length * LAST.length ? ` ${i}` : ''}`,
    );
  return out;
}

const day = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12);

/** A notes log: a few clients, many dated rows. */
function notesLog(who: string[], rows: number): unknown[][] {
  return [
    ['Date', 'Client', 'Note'],
    ...Array.from({ length: rows }, (_, i) => [
      day(2026, 1 + (i % 10), 1 + (i % 27)),
      who[i % who.length],
      'Engaged well; follow up on rhythm goals',
    ]),
  ];
}

const GROUPS4 = ['Monday drums', 'Tuesday choir', 'Thursday songwriting', 'Friday movement'];

function titleRow(): Shape {
  const clients = names(30);
  const rows = clients.map((n, i) => [
    `'RB-${100 + i}`,
    n,
    GROUPS4[i % 4],
    i % 10 === 3 ? 'Discharged' : 'Active',
    day(1990, 1 + (i % 12), 1 + i),
    day(2025, 1 + (i % 12), 2),
    `555-01${i}`,
  ]);
  return {
    title: 'a merged title row above the headings (Program/Group, Status (Active/Discharged))',
    tabs: [
      {
        name: 'Caseload',
        merges: ['A1:G1'],
        values: [
          ['Riverbend Music Therapy — Caseload 2026', '', '', '', '', '', ''],
          [
            'Client ID',
            'Client',
            'Program/Group',
            'Status (Active/Discharged)',
            'Date of birth',
            'Start date',
            'Phone',
          ],
          ...rows,
        ],
      },
    ],
    expected: {
      sheetName: 'Caseload',
      headerRow: 2,
      nameHeader: 'Client',
      idHeader: 'Client ID',
      groupHeader: 'Program/Group',
      activeHeader: 'Status (Active/Discharged)',
      clientCount: 30,
      activeCount: 27,
      groupCount: 4,
      samples: [['RB-103', 'Dev Lima', 'Friday movement', false]],
    },
  };
}

function notesBeside(): Shape {
  const clients = names(14);
  return {
    title: 'a notes log tab first, the caseload second',
    tabs: [
      { name: 'Session notes', values: notesLog(clients.slice(0, 3), 80) },
      {
        name: 'Sheet2',
        values: [
          ['Name', 'Group', 'Active'],
          ...clients.map((n, i) => [n, i < 7 ? 'Morning' : 'Afternoon', i === 13 ? 'No' : 'Yes']),
        ],
      },
    ],
    expected: {
      sheetName: 'Sheet2',
      headerRow: 1,
      nameHeader: 'Name',
      idHeader: null,
      groupHeader: 'Group',
      activeHeader: 'Active',
      clientCount: 14,
      activeCount: 13,
      groupCount: 2,
    },
  };
}

function exportsAndSessions(): Shape {
  const clients = names(18);
  const attendance = [
    ['Date', 'Session', 'Client', 'Status'],
    ...Array.from({ length: 120 }, (_, i) => [
      day(2026, 2, 1 + (i % 28)),
      'Group A',
      clients[i % 6],
      i % 5 ? 'Present' : 'Absent',
    ]),
  ];
  const sessions = [
    ['Date', 'Group', 'Therapist', 'Room'],
    ...Array.from({ length: 30 }, (_, i) => [day(2026, 3, 1 + (i % 28)), GROUPS4[i % 4], 'Jo Reed', 'Studio']),
  ];
  return {
    title: 'an attendance export and a list of sessions beside the roster; checkboxes for active',
    tabs: [
      { name: 'Attendance export', values: attendance },
      { name: 'Sessions', values: sessions },
      {
        name: 'Participants',
        values: [
          ['Participant', 'Group / Class', 'Active?'],
          ...clients.map((n, i) => [n, GROUPS4[i % 3], i % 6 !== 5]),
        ],
      },
    ],
    expected: {
      sheetName: 'Participants',
      headerRow: 1,
      nameHeader: 'Participant',
      idHeader: null,
      groupHeader: 'Group / Class',
      activeHeader: 'Active?',
      clientCount: 18,
      activeCount: 15,
      groupCount: 3,
    },
  };
}

function sections(): Shape {
  const clients = names(12);
  const values: unknown[][] = [['Name', 'ID', 'Phone', 'Notes']];
  GROUPS4.slice(0, 3).forEach((group, g) => {
    if (g > 0) values.push(['', '', '', '']);
    values.push([group.toUpperCase(), '', '', '']);
    for (let i = 0; i < 4; i += 1)
      values.push([
        clients[g * 4 + i],
        `'${String(g * 4 + i + 1).padStart(3, '0')}`,
        `555-02${g}${i}`,
        i === 0 ? 'prefers drums' : '',
      ]);
  });
  return {
    title: 'grouped sections: a label row above each group, blank rows between',
    tabs: [{ name: 'Clients', values }],
    expected: {
      sheetName: 'Clients',
      headerRow: 1,
      nameHeader: 'Name',
      idHeader: 'ID',
      groupHeader: null,
      activeHeader: null,
      groupsFromSections: true,
      clientCount: 12,
      activeCount: 12,
      groupCount: 3,
      samples: [['005', 'Eli Lima', 'TUESDAY CHOIR', true]],
    },
  };
}

function spanish(): Shape {
  const clients = names(16);
  return {
    title: 'Spanish headings (Nombre, Grupo, Estado) and values (Activo / Baja)',
    tabs: [
      {
        name: 'Pacientes',
        values: [
          ['Nº expediente', 'Nombre', 'Grupo', 'Estado'],
          ...clients.map((n, i) => [`'E-${i}`, n, i % 2 ? 'Lunes' : 'Martes', i % 4 === 0 ? 'Baja' : 'Activo']),
        ],
      },
    ],
    expected: {
      sheetName: 'Pacientes',
      headerRow: 1,
      nameHeader: 'Nombre',
      idHeader: 'Nº expediente',
      groupHeader: 'Grupo',
      activeHeader: 'Estado',
      clientCount: 16,
      activeCount: 12,
      groupCount: 2,
    },
  };
}

function noIdStraySpaces(): Shape {
  const clients = names(9);
  return {
    title: 'no ID column, names with stray spaces, "Resident" and "Unit"',
    tabs: [
      {
        name: 'Residents',
        values: [
          ['Resident', 'Unit', 'Room'],
          ...clients.map((n, i) => [i === 2 ? `  ${n.replace(' ', '   ')} ` : n, i < 5 ? 'Maple' : 'Oak', 100 + i]),
        ],
      },
    ],
    expected: {
      sheetName: 'Residents',
      headerRow: 1,
      nameHeader: 'Resident',
      idHeader: null,
      groupHeader: 'Unit',
      activeHeader: null,
      clientCount: 9,
      activeCount: 9,
      groupCount: 2,
      samples: [['name:cleo lima', 'Cleo   Lima', 'Maple', true]],
    },
  };
}

function leadingZeros(): Shape {
  const clients = names(11);
  return {
    title: 'IDs with leading zeros kept as text, and plain numeric IDs',
    tabs: [
      {
        name: 'Roster',
        values: [
          ['MRN', 'Patient name', 'Group', 'Status'],
          ...clients.map((n, i) => [
            i < 6 ? `'00${i + 1}` : 2000 + i,
            n,
            'Wednesday',
            i === 10 ? 'Inactive' : 'Current',
          ]),
        ],
      },
    ],
    expected: {
      sheetName: 'Roster',
      headerRow: 1,
      nameHeader: 'Patient name',
      idHeader: 'MRN',
      groupHeader: 'Group',
      activeHeader: 'Status',
      clientCount: 11,
      activeCount: 10,
      groupCount: 1,
      samples: [
        ['001', 'Ana Lima', 'Wednesday', true],
        ['2006', 'Gus Lima', 'Wednesday', true],
      ],
    },
  };
}

function dischargedApart(): Shape {
  const current = names(40).slice(0, 15);
  const former = names(40).slice(15);
  const heading = ['Client ID', 'Client name', 'Group', 'Discharge date'];
  return {
    title: 'a "Discharged" tab (longer) apart from the active caseload',
    tabs: [
      {
        name: 'Discharged',
        values: [heading, ...former.map((n, i) => [`'D${i}`, n, 'Old group', day(2024, 1 + (i % 12), 3)])],
      },
      {
        name: 'Current caseload',
        values: [heading, ...current.map((n, i) => [`'C${i}`, n, i % 2 ? 'Tuesday choir' : 'Monday drums', ''])],
      },
    ],
    expected: {
      sheetName: 'Current caseload',
      headerRow: 1,
      nameHeader: 'Client name',
      idHeader: 'Client ID',
      groupHeader: 'Group',
      activeHeader: 'Discharge date',
      clientCount: 15,
      activeCount: 15,
      groupCount: 2,
    },
  };
}

function large(): Shape {
  const clients = names(620);
  const wards = ['Ward 1', 'Ward 2', 'Ward 3', 'Ward 4', 'Ward 5'];
  return {
    title: '620 clients in a hospital census (MRN, Patient, Ward, Discharged)',
    tabs: [
      {
        name: 'Census',
        values: [
          ['MRN', 'Patient', 'Ward', 'Discharged', 'Admitted'],
          ...clients.map((n, i) => [
            `'${String(i + 1).padStart(7, '0')}`,
            n,
            wards[i % 5],
            i % 20 === 0 ? day(2026, 1, 1 + (i % 27)) : '',
            day(2025, 1 + (i % 12), 1 + (i % 27)),
          ]),
        ],
      },
      { name: 'Music therapy log', values: notesLog(clients.slice(0, 30), 400) },
    ],
    expected: {
      sheetName: 'Census',
      headerRow: 1,
      nameHeader: 'Patient',
      idHeader: 'MRN',
      groupHeader: 'Ward',
      activeHeader: 'Discharged',
      clientCount: 620,
      activeCount: 589,
      groupCount: 5,
      samples: [['0000021', 'Umi Lima', 'Ward 1', false]],
    },
  };
}

function firstLast(): Shape {
  const clients = names(10);
  return {
    title: 'first and last names in two columns; Current / On hold / Waitlist',
    tabs: [
      {
        name: 'Students',
        values: [
          ['First Name', 'Last Name', 'Class', 'Status'],
          ...clients.map((n, i) => [
            n.split(' ')[0],
            n.split(' ')[1],
            i % 2 ? 'Year 3' : 'Year 4',
            ['Current', 'On hold', 'Waitlist', 'Current', 'Current'][i % 5],
          ]),
        ],
      },
    ],
    expected: {
      sheetName: 'Students',
      headerRow: 1,
      nameHeader: 'First Name + Last Name',
      idHeader: null,
      groupHeader: 'Class',
      activeHeader: 'Status',
      clientCount: 10,
      activeCount: 6,
      groupCount: 2,
      samples: [['name:ben lima', 'Ben Lima', 'Year 3', false]],
    },
  };
}

function readMeStaffLowHeadings(): Shape {
  const clients = names(8);
  const staff = names(40).slice(20);
  return {
    title: 'a Read me tab, a longer Staff list, headings in row 4 under a title, a subtitle and a blank row',
    tabs: [
      {
        name: 'Read me',
        values: [['How we use this workbook'], ['Update the caseload every Monday'], ['Questions: office']],
      },
      { name: 'Staff', values: [['Name', 'Role', 'Email'], ...staff.map((n) => [n, 'Therapist', 'x@example.org'])] },
      {
        name: 'Our clients',
        values: [
          ['Harbour Arts Therapies', '', ''],
          ['Updated 3 March', '', ''],
          ['', '', ''],
          ['Client', 'Group', 'Active'],
          ...clients.map((n, i) => [n, 'Saturday', i === 0 ? 'no' : 'yes']),
        ],
      },
    ],
    expected: {
      sheetName: 'Our clients',
      headerRow: 4,
      nameHeader: 'Client',
      idHeader: null,
      groupHeader: 'Group',
      activeHeader: 'Active',
      clientCount: 8,
      activeCount: 7,
      groupCount: 1,
    },
  };
}

function rosterWithNotesAndLog(): Shape {
  const clients = names(20);
  const log = [
    ['Session date', 'Client', 'Group', 'Attendance'],
    ...Array.from({ length: 90 }, (_, i) => [day(2026, 4, 1 + (i % 28)), clients[i % 8], 'Afternoon', 'Attended']),
  ];
  return {
    title: 'a roster with a Notes column beside a session log with a Group column',
    tabs: [
      { name: 'Log', values: log },
      {
        name: 'List',
        values: [
          ['#', 'Full name', 'Group', 'Notes'],
          ...clients.map((n, i) => [i + 1, n, i % 2 ? 'Afternoon' : 'Evening', i % 3 ? '' : 'Allergic to latex']),
        ],
      },
    ],
    expected: {
      sheetName: 'List',
      headerRow: 1,
      nameHeader: 'Full name',
      idHeader: '#',
      groupHeader: 'Group',
      activeHeader: null,
      clientCount: 20,
      activeCount: 20,
      groupCount: 2,
      samples: [['3', 'Cleo Lima', 'Evening', true]],
    },
  };
}

function french(): Shape {
  const clients = names(7);
  return {
    title: 'French headings (Nom, Groupe, Statut) and values (Actif / Inactif)',
    tabs: [
      {
        name: 'Feuille 1',
        values: [['Nom', 'Groupe', 'Statut'], ...clients.map((n, i) => [n, 'Mardi', i === 6 ? 'Inactif' : 'Actif'])],
      },
    ],
    expected: {
      sheetName: 'Feuille 1',
      headerRow: 1,
      nameHeader: 'Nom',
      idHeader: null,
      groupHeader: 'Groupe',
      activeHeader: 'Statut',
      clientCount: 7,
      activeCount: 6,
      groupCount: 1,
    },
  };
}

export const SHAPES: Shape[] = [
  titleRow(),
  notesBeside(),
  exportsAndSessions(),
  sections(),
  spanish(),
  noIdStraySpaces(),
  leadingZeros(),
  dischargedApart(),
  large(),
  firstLast(),
  readMeStaffLowHeadings(),
  rosterWithNotesAndLog(),
  french(),
];
