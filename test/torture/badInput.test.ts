/**
 * Bad input (issue 6): every hostile text through every free-text field of every endpoint, and a
 * corpus of malformed requests. Each is refused with a clear message and leaves the workbook as it
 * was, or is stored as inert text equal to what was sent.
 */
import fc from 'fast-check';
import type { CorrectionRequest, EntryChangeResult, SaveSessionResult, SidebarData } from '../../src/core/types';
import type { Environment } from '../../src/runtime';
import { PRACTICE, practice, recordEntries, session, newRequestId } from '../server/fixtures';
import type { RecordRowView } from '../server/fixtures';
import { emptyFigures, reportFigures } from './figures';
import { HOSTILE_TEXTS, OVERLONG_TEXTS } from './hostileText';
import { MALFORMED_REQUESTS } from './malformedRequests';
import { probe } from './probe';
import type { ProbeLog } from './probe';
import { SEED, SIZE_NAME, TORTURE, sized } from './size';

const log: ProbeLog = { problems: [], figures: emptyFigures() };
afterAll(() => reportFigures('bad-input', log.figures, SIZE_NAME));

/**
 * The corpus for the endpoints after saveSession: all of it under torture; in CI every other text
 * (saveSession's fields and the roster always get the whole corpus).
 */
const CORPUS = HOSTILE_TEXTS.filter((_, i) => TORTURE || i % 2 === 0);

/** The record row of an entry, by Entry ID. */
function rowOf(env: Environment, entryId: string): RecordRowView | undefined {
  return recordEntries(env).find((r) => r['Entry ID'] === entryId);
}

/** Records that a stored cell differs from what was sent. */
function expectStored(label: string, row: RecordRowView | undefined, header: string, expected: string): void {
  if (!row) {
    log.figures.lost += 1;
    log.problems.push(`${label}: accepted, but no row has the entry ID it answered`);
  } else if (row[header] !== expected) {
    log.figures.altered += 1;
    log.problems.push(
      `${label}: ${header} stored as ${JSON.stringify(String(row[header]).slice(0, 80))}, sent ${JSON.stringify(expected.slice(0, 80))}`,
    );
  }
}

/** A practice with one saved session, so a rejected call has a record it could damage. */
function practiceWithRecord(): Environment {
  const env = practice();
  env.run('saveSession', session(['C001', 'C002', 'C003'], { C003: { status: 'excused', followUp: true } }));
  return env;
}

/** Saves with `text` in one field of one mark; the stored cell must equal `expected(text)`. */
const SAVE_FIELDS: {
  field: string;
  header: string;
  limit: number;
  build: (text: string) => unknown;
  expected: (text: string) => string;
}[] = [
  {
    field: 'note',
    header: 'Note',
    limit: 500,
    build: (t) => session(['C001'], { C001: { status: 'excused', note: t } }),
    expected: (t) => t,
  },
  // Reasons and groups come from lists; the server trims them as a list entry would be.
  {
    field: 'reason',
    header: 'Reason',
    limit: 200,
    build: (t) => session(['C001'], { C001: { status: 'excused', reason: t } }),
    expected: (t) => t.trim(),
  },
  {
    field: 'group',
    header: 'Group',
    limit: 200,
    build: (t) => session(['C001'], {}, { group: t }),
    expected: (t) => t.trim(),
  },
  {
    field: 'requestId',
    header: 'Request ID',
    limit: 200,
    build: (t) => session(['C001'], {}, { requestId: t }),
    expected: (t) => t,
  },
];

describe('hostile text in saveSession', () => {
  test.each(SAVE_FIELDS.map((f) => [f.field, f] as const))(
    '%s: refused clearly or stored as inert text, exactly',
    (_field, { field, header, limit, build, expected }) => {
      const env = practiceWithRecord();
      const before = log.problems.length;
      for (const { label, text } of [...HOSTILE_TEXTS, ...OVERLONG_TEXTS]) {
        const name = `saveSession ${field} = ${label}`;
        const outcome = probe(env, name, () => env.run<SaveSessionResult>('saveSession', build(text)), log, {
          echoed: [text],
        });
        if (outcome.accepted && !outcome.result.duplicate)
          expectStored(name, rowOf(env, outcome.result.entryIds[0]), header, expected(text));
        // Text within the field's limit is something a therapist may type: refusing it loses their entry.
        const ordinary = text.length <= limit && (field === 'note' || field === 'group' || text.trim() !== '');
        if (!outcome.accepted && ordinary) {
          log.problems.push(
            `${name}: refused, but it is ordinary text a therapist may type (${outcome.message.slice(0, 120)})`,
          );
        }
      }
      expect(log.problems.slice(before)).toEqual([]);
    },
  );
});

describe('hostile text in corrections and withdrawals', () => {
  test('correctEntry note and reason: stored exactly in the new row, the old row keeps its content', () => {
    const env = practiceWithRecord();
    const before = log.problems.length;
    let current = env.run<SaveSessionResult>(
      'saveSession',
      session(['C004'], { C004: { status: 'excused', note: 'first note' } }),
    ).entryIds[0];
    for (const { label, text } of CORPUS) {
      for (const field of ['note', 'reason'] as const) {
        const name = `correctEntry ${field} = ${label}`;
        const old = rowOf(env, current);
        const request: CorrectionRequest = {
          requestId: newRequestId(),
          entryId: current,
          status: 'unexcused',
          [field]: text,
        };
        const outcome = probe(env, name, () => env.run<EntryChangeResult>('correctEntry', request), log, {
          echoed: [text],
        });
        if (!outcome.accepted) continue;
        expectStored(
          name,
          rowOf(env, outcome.result.entryId),
          field === 'note' ? 'Note' : 'Reason',
          field === 'note' ? text : text.trim(),
        );
        const oldNow = rowOf(env, current);
        for (const header of ['Note', 'Reason', 'Status', 'Session date', 'Client ID']) {
          if (old && oldNow && old[header] !== oldNow[header]) {
            log.figures.altered += 1;
            log.problems.push(`${name}: the superseded row's ${header} changed`);
          }
        }
        current = outcome.result.entryId;
      }
    }
    expect(log.problems.slice(before)).toEqual([]);
  });

  test('withdrawEntry note: stored exactly in the withdrawing row', () => {
    const env = practiceWithRecord();
    const before = log.problems.length;
    for (const { label, text } of CORPUS) {
      const entryId = env.run<SaveSessionResult>('saveSession', session(['C002'])).entryIds[0];
      const name = `withdrawEntry note = ${label}`;
      const outcome = probe(
        env,
        name,
        () => env.run<EntryChangeResult>('withdrawEntry', { requestId: newRequestId(), entryId, note: text }),
        log,
        { echoed: [text] },
      );
      if (outcome.accepted) expectStored(name, rowOf(env, outcome.result.entryId), 'Note', text);
    }
    expect(log.problems.slice(before)).toEqual([]);
  });

  test('hostile entry and client ids are refused clearly or find nothing', () => {
    const env = practiceWithRecord();
    const before = log.problems.length;
    for (const { label, text } of [...CORPUS, ...OVERLONG_TEXTS]) {
      probe(
        env,
        `correctEntry entryId = ${label}`,
        () => env.run('correctEntry', { requestId: newRequestId(), entryId: text, status: 'present' }),
        log,
        { mustRefuse: true, echoed: [text] },
      );
      probe(
        env,
        `withdrawEntry entryId = ${label}`,
        () => env.run('withdrawEntry', { requestId: newRequestId(), entryId: text }),
        log,
        { mustRefuse: true, echoed: [text] },
      );
      probe(env, `completeFollowUp ${label}`, () => env.run('completeFollowUp', text), log, {
        mustRefuse: true,
        echoed: [text],
      });
      const history = probe(env, `getClientHistory ${label}`, () => env.run<unknown[]>('getClientHistory', text), log, {
        echoed: [text],
      });
      if (history.accepted && history.result.length !== 0)
        log.problems.push(`getClientHistory ${label}: answered entries of another client`);
    }
    expect(log.problems.slice(before)).toEqual([]);
  });
});

describe('hostile text in the roster, carried into the record', () => {
  /** A roster whose `field` holds each hostile text (the other fields plain and distinct). */
  const ROSTER_FIELDS = [
    { field: 'name', header: 'Client' },
    { field: 'id', header: 'Client ID' },
    { field: 'group', header: 'Group' },
  ] as const;

  test.each(ROSTER_FIELDS.map((f) => [f.field, f] as const))(
    'roster %s: read back exactly, stored as inert text',
    (_f, { field, header }) => {
      const clients = HOSTILE_TEXTS.map(({ text }, i) => {
        const plain = {
          id: `H${String(i + 1).padStart(3, '0')}`,
          name: `Client ${i + 1}`,
          group: 'Hostile group',
          active: 'yes',
        };
        return { ...plain, [field]: text };
      });
      const env = practice(clients);
      const before = log.problems.length;
      const data = env.run<SidebarData>('getSidebarData');
      const offered = new Map(data.clients.map((c) => [c[field], c]));
      // Each distinct non-blank text (as trimmed) is one client, unless two rows share an ID.
      const expectedTexts = [...new Set(HOSTILE_TEXTS.map((h) => h.text.trim()).filter(Boolean))];
      for (const text of expectedTexts) {
        const client = offered.get(text);
        if (!client) {
          log.problems.push(
            `roster ${field} ${JSON.stringify(text.slice(0, 40))}: not offered in the sidebar as it is in the roster`,
          );
          continue;
        }
        const name = `roster ${field} = ${JSON.stringify(text.slice(0, 40))}`;
        const outcome = probe(
          env,
          name,
          () => env.run<SaveSessionResult>('saveSession', session([client.id], {}, { group: client.group })),
          log,
          { echoed: [text] },
        );
        if (outcome.accepted) expectStored(name, rowOf(env, outcome.result.entryIds[0]), header, text);
        else
          log.problems.push(`${name}: a session for this roster client was refused: ${outcome.message.slice(0, 200)}`);
      }
      expect(log.problems.slice(before)).toEqual([]);
    },
  );

  test('hostile reasons in Settings are kept as typed and stored inert when used', () => {
    const env = practiceWithRecord();
    const before = log.problems.length;
    for (const { label, text } of CORPUS) {
      const name = `saveSettings reasons = ${label}`;
      const outcome = probe(
        env,
        name,
        () => env.run<SidebarData>('saveSettings', { reasons: ['illness', text] }),
        log,
        { echoed: [text] },
      );
      if (!outcome.accepted) continue;
      const reasons = outcome.result.reasons;
      if (text.trim() && !reasons.includes(text.trim()))
        log.problems.push(`${name}: the reasons list became ${JSON.stringify(reasons).slice(0, 120)}`);
      if (reasons.includes(text.trim()) && text.trim()) {
        const saved = probe(
          env,
          `${name}, then used`,
          () =>
            env.run<SaveSessionResult>(
              'saveSession',
              session(['C002'], { C002: { status: 'excused', reason: text.trim() } }),
            ),
          log,
          { echoed: [text] },
        );
        if (saved.accepted)
          expectStored(`${name}, then used`, rowOf(env, saved.result.entryIds[0]), 'Reason', text.trim());
      }
    }
    expect(log.problems.slice(before)).toEqual([]);
  });
});

describe('malformed requests', () => {
  test.each(MALFORMED_REQUESTS.map((m) => [m.label, m] as const))(
    '%s',
    (label, { endpoint, args, accept, check, echoed }) => {
      const env = practiceWithRecord();
      const before = log.problems.length;
      const prepared = args(env); // may itself change the record (e.g. a correction before a second one)
      const outcome = probe(env, label, () => env.run(endpoint, ...prepared), log, {
        mustRefuse: accept !== 'either',
        echoed,
      });
      if (check) log.problems.push(...check(env, outcome).map((p) => `${label}: ${p}`));
      // Whatever happened, the practice can still record its next session.
      const next = probe(
        env,
        `${label}, then a normal save`,
        () => env.run<SaveSessionResult>('saveSession', session(['C004'])),
        log,
      );
      if (!next.accepted) log.problems.push(`${label}: the next ordinary save failed: ${next.message}`);
      log.figures.badInputs -= 1; // the follow-up save is not a bad input
      expect(log.problems.slice(before)).toEqual([]);
    },
  );
});

test('before the first save, a refused change of an entry creates nothing (no Attendance or Patterns tab)', () => {
  const before = log.problems.length;
  const calls: [string, unknown][] = [
    ['correctEntry', { requestId: newRequestId(), entryId: 'no-such-entry', status: 'present' }],
    ['withdrawEntry', { requestId: newRequestId(), entryId: 'no-such-entry' }],
    ['completeFollowUp', 'no-such-entry'],
  ];
  for (const [endpoint, request] of calls) {
    const env = practice();
    probe(env, `${endpoint} of an unknown entry before any save`, () => env.run(endpoint, request), log, {
      mustRefuse: true,
    });
  }
  expect(log.problems.slice(before)).toEqual([]);
});

describe('generated text (fast-check) in every text field of one save at once', () => {
  /** Any code points, lone surrogates included, often starting the way a formula or a number does. */
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc
      .tuple(
        fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', "'", ' ', '\u200B', '0', '1/'),
        fc.string({ unit: 'grapheme', maxLength: 40 }),
      )
      .map(([p, t]) => p + t),
  );

  test('each is refused with a clear message or stored exactly, as text', () => {
    const before = log.problems.length;
    fc.assert(
      fc.property(anyText, anyText, anyText, (note, reason, group) => {
        const env = practice();
        const name = `generated note ${JSON.stringify(note)}, reason ${JSON.stringify(reason)}, group ${JSON.stringify(group)}`;
        const request = session(['C001'], { C001: { status: 'excused', note, reason } }, { group });
        const outcome = probe(env, name, () => env.run<SaveSessionResult>('saveSession', request), log, {
          echoed: [note, reason, group],
        });
        if (outcome.accepted) {
          const row = rowOf(env, outcome.result.entryIds[0]);
          expectStored(name, row, 'Note', note);
          expectStored(name, row, 'Reason', reason.trim());
          expectStored(name, row, 'Group', group.trim());
        }
        return log.problems.length === before;
      }),
      { numRuns: sized(150, 3000), seed: SEED },
    );
    expect(log.problems.slice(before)).toEqual([]);
  });
});

test('the corpus is as large as issue 6 asks', () => {
  expect(HOSTILE_TEXTS.length + OVERLONG_TEXTS.length).toBeGreaterThanOrEqual(60);
  expect(new Set(HOSTILE_TEXTS.map((h) => h.text)).size).toBe(HOSTILE_TEXTS.length);
  expect(PRACTICE.length).toBeGreaterThan(3);
});
