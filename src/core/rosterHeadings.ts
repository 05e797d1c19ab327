/**
 * What a practice's roster headings and status values mean, matched generously: case, accents,
 * spaces and punctuation do not matter, a parenthesis explains ("Status (Active/Discharged)"),
 * and a slash offers alternatives ("Program/Group", "Group / Class"). Common Spanish, French,
 * German and Portuguese forms are listed too, since they cost one word each.
 */

export type HeadingRole = 'name' | 'first' | 'last' | 'id' | 'group' | 'active' | 'discharged';

/** Lowercase, without accents, spaces or punctuation: "Nº Cliente" → "ncliente". */
export function foldKey(text: unknown): string {
  return String(text ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9#]/g, '');
}

const WORDS: Record<HeadingRole, readonly string[]> = {
  id: [
    'clientid',
    'id',
    'cadenceid',
    'mrn',
    'recordnumber',
    'recordno',
    'record#',
    'clientnumber',
    'clientno',
    'client#',
    'clientref',
    'ref',
    'reference',
    'participantid',
    'residentid',
    'patientid',
    'studentid',
    'memberid',
    'caseid',
    'casenumber',
    'caseno',
    'filenumber',
    'fileno',
    'expediente',
    'nexpediente',
    'numexpediente',
    'chartnumber',
    'idnumber',
    'idno',
    '#',
    'no',
    'nr',
    'number',
    'code',
    'clientcode',
    'identifiant',
    'numero',
    'nummer',
  ],
  name: [
    'client',
    'clientname',
    'name',
    'fullname',
    'participant',
    'participantname',
    'resident',
    'residentname',
    'patient',
    'patientname',
    'student',
    'studentname',
    'member',
    'membername',
    'person',
    'individual',
    'clientfullname',
    'nombre',
    'nombrecompleto',
    'cliente',
    'paciente',
    'nom',
    'nomcomplet',
    'nome',
    'nomecompleto',
    'klient',
    'klientin',
    'teilnehmer',
    'patient',
  ],
  first: ['firstname', 'givenname', 'forename', 'first', 'prenom', 'vorname', 'primernombre'],
  last: ['lastname', 'surname', 'familyname', 'last', 'apellido', 'apellidos', 'nachname', 'sobrenome', 'nomdefamille'],
  group: [
    'group',
    'groupname',
    'groups',
    'session',
    'sessiongroup',
    'class',
    'unit',
    'cohort',
    'programme',
    'program',
    'team',
    'ward',
    'house',
    'therapygroup',
    'musicgroup',
    'grupo',
    'groupe',
    'gruppe',
    'classe',
    'clase',
    'programa',
  ],
  active: [
    'active',
    'status',
    'clientstatus',
    'activestatus',
    'current',
    'enrolled',
    'isactive',
    'activo',
    'activa',
    'estado',
    'statut',
    'actif',
    'aktiv',
    'situacion',
    'situacao',
    'ativo',
  ],
  discharged: [
    'discharged',
    'dischargedate',
    'dischargedon',
    'discharge',
    'dischargeddate',
    'enddate',
    'inactive',
    'closed',
    'closeddate',
    'dateclosed',
    'leftdate',
    'dateleft',
    'baja',
    'fechadebaja',
    'fechabaja',
    'entlassen',
    'sortie',
  ],
};

const ROLE_ORDER: readonly HeadingRole[] = ['id', 'name', 'first', 'last', 'group', 'active', 'discharged'];

/** The ways a heading may be read, most literal first. */
function headingKeys(text: string): string[] {
  const keys = [foldKey(text)];
  const bare = text.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  keys.push(foldKey(bare));
  for (const part of bare.split(/[/|&,+]| or | ou | o /i)) keys.push(foldKey(part));
  return keys.filter(Boolean);
}

/** The role a heading names, or null. "Client ID" is an ID, never the name. */
export function headingRole(heading: unknown): HeadingRole | null {
  const text = typeof heading === 'string' ? heading.trim() : '';
  if (!text || text.length > 60) return null;
  for (const key of headingKeys(text)) {
    for (const role of ROLE_ORDER) if (WORDS[role].includes(key)) return role;
  }
  return null;
}

/**
 * Headings that mark a log of sessions rather than a list of clients: a notes log, an attendance
 * export, a list of sessions. Each counts against a tab as a roster.
 */
const LOG_WORDS = [
  'note',
  'notes',
  'sessionnote',
  'sessionnotes',
  'progressnote',
  'comment',
  'comments',
  'attendance',
  'attended',
  'present',
  'absent',
  'duration',
  'minutes',
  'time',
  'starttime',
  'endtime',
  'sessiondate',
  'dateofsession',
  'entryid',
  'recordedat',
  'recordedby',
  'therapist',
  'goal',
  'goals',
  'intervention',
  'interventions',
  'response',
  'observation',
  'observations',
];

export function isLogHeading(heading: unknown): boolean {
  const key = foldKey(heading);
  return LOG_WORDS.includes(key);
}

/** Tab names that say "not the current caseload", and names that say it is. */
const OFF_TAB =
  /discharg|former|archiv|inactive|closed|waitlist|wait list|alumni|past|old|\blog\b|notes|attendance|sessions|staff|therapists|contacts|template|backup|copy of|baja|antiguo/i;
const ROSTER_TAB =
  /roster|caseload|client|participant|resident|patient|active|current|census|members|students|clientes|pacientes/i;

export function tabNameWeight(name: string): number {
  if (OFF_TAB.test(name)) return 0.3;
  return ROSTER_TAB.test(name) ? 1.5 : 1;
}

/** Values meaning "still a client" and "no longer a client", as folded keys. */
const ACTIVE_VALUES = [
  'active',
  'current',
  'open',
  'yes',
  'y',
  'true',
  '1',
  'enrolled',
  'ongoing',
  'x',
  'si',
  'oui',
  'ja',
  'sim',
  'activo',
  'activa',
  'actif',
  'active',
  'aktiv',
  'ativo',
  'new',
  'intake',
];
const INACTIVE_VALUES = [
  'discharged',
  'inactive',
  'closed',
  'onhold',
  'hold',
  'waitlist',
  'waitlisted',
  'waitinglist',
  'no',
  'n',
  'false',
  '0',
  'former',
  'ended',
  'left',
  'terminated',
  'transferred',
  'deceased',
  'paused',
  'suspended',
  'archived',
  'alumni',
  'graduated',
  'non',
  'nein',
  'nao',
  'inactivo',
  'inactiva',
  'baja',
  'inactif',
  'inaktiv',
  'dischargedclient',
  'notactive',
  'dc',
];

export type ColumnKind = 'active' | 'discharged';

function isDateValue(value: unknown): boolean {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** The key under which Settings remember what a status value means ('' for blank). */
export function statusKey(value: unknown): string {
  if (isDateValue(value)) return 'a date';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return String(value ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/**
 * Whether a status cell means an active client. In an "Active"/"Status" column: blank, the
 * active words and unknown values are active, the inactive words are not. In a "Discharged"
 * column: blank and no/false are active, anything else (a date, yes, a tick) is not.
 * `meanings` (from Settings, by statusKey) wins over both.
 */
export function isActiveValue(
  value: unknown,
  kind: ColumnKind,
  meanings: Readonly<Record<string, boolean>> = {},
): boolean {
  const key = statusKey(value);
  if (Object.prototype.hasOwnProperty.call(meanings, key)) return meanings[key];
  if (key === '') return true;
  if (typeof value === 'boolean') return kind === 'active' ? value : !value;
  if (isDateValue(value)) return kind === 'active';
  const folded = foldKey(key);
  if (kind === 'discharged') return ['no', 'n', 'false', '0', 'non', 'nein', 'nao'].includes(folded);
  if (INACTIVE_VALUES.includes(folded)) return false;
  if (ACTIVE_VALUES.includes(folded)) return true;
  // "Discharged 2024-03", "Closed - moved": the first word decides.
  const first = foldKey(key.split(/[\s\-–—:,(]/)[0]);
  return !INACTIVE_VALUES.includes(first);
}

/** The headings of a roster Cadence creates when asked (createRoster), also the demo practice's. */
export const ROSTER_HEADERS = ['Client ID', 'Client', 'Group', 'Active'];
