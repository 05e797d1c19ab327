/**
 * Health information stays in the spreadsheet (DESIGN.md "Security model"): after a therapist's
 * whole working day through every endpoint, no client name, ID, note or reason appears in the
 * logs, in any properties store or in any cache. Refusals name clients, so the manifest must keep
 * uncaught errors out of Cloud Logging too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntryChangeResult, SaveSessionResult } from '../../src/core/types';
import type { OfflineEnvironment } from '../../src/runtime';
import { failure, newRequestId, practice } from '../server/fixtures';

/** Distinctive enough that any copy of them anywhere is a leak, not a coincidence. */
const SECRETS = {
  names: ['Zebulon Quixote-Fairweather', 'Xanthippe Vorobyeva'],
  ids: ['ZQF-44719', 'XVO-90312'],
  group: 'Thursday Wyvern group',
  note: 'disclosed relapse at Kestrel Lodge',
  reason: 'court-ordered Pemberton assessment',
};

function workingDay(): OfflineEnvironment {
  const env = practice([
    { id: SECRETS.ids[0], name: SECRETS.names[0], group: SECRETS.group, active: 'yes' },
    { id: SECRETS.ids[1], name: SECRETS.names[1], group: SECRETS.group, active: 'yes' },
  ]) as OfflineEnvironment;
  env.trigger('onOpen', 'FULL');
  env.run('showSidebar');
  env.run('getSidebarData');
  env.run('saveSettings', { reasons: ['illness', SECRETS.reason] });
  const saved = env.run<SaveSessionResult>('saveSession', {
    requestId: newRequestId(),
    date: '2025-03-10',
    group: SECRETS.group,
    attendance: [
      { clientId: SECRETS.ids[0], status: 'unexcused', reason: SECRETS.reason, note: SECRETS.note, followUp: true },
      { clientId: SECRETS.ids[1], status: 'present' },
    ],
  });
  env.run('getClientHistory', SECRETS.ids[0]);
  const corrected = env.run<EntryChangeResult>('correctEntry', {
    requestId: newRequestId(),
    entryId: saved.entryIds[0],
    status: 'excused',
    reason: SECRETS.reason,
    note: SECRETS.note,
    followUp: true,
  });
  env.run('completeFollowUp', corrected.entryId);
  env.run('withdrawEntry', { requestId: newRequestId(), entryId: saved.entryIds[1], note: SECRETS.note });
  env.run('refreshPatterns');
  // A refusal names the client in its message: it must still go nowhere but the sidebar.
  failure(() =>
    env.run('saveSession', {
      requestId: newRequestId(),
      date: '2025-03-10',
      attendance: [{ clientId: SECRETS.ids[0], status: 'gone' }],
    }),
  );
  env.run('getSidebarData');
  return env;
}

/** Every place outside the spreadsheet's cells where the add-on could have left text. */
function storesOutsideTheSheet(env: OfflineEnvironment): Record<string, string> {
  const { properties, caches } = env.world;
  const cacheText = (store: typeof caches.document) => JSON.stringify([...store.entries]);
  return {
    logs: env.logs.join('\n'),
    documentProperties: JSON.stringify(properties.document.toObject()),
    userProperties: JSON.stringify(properties.user.toObject()),
    scriptProperties: JSON.stringify(properties.script.toObject()),
    documentCache: cacheText(caches.document),
    userCache: cacheText(caches.user),
    scriptCache: cacheText(caches.script),
    toasts: env.ui.toasts.join('\n'),
  };
}

describe('no client data outside the spreadsheet', () => {
  const env = workingDay();
  const stores = storesOutsideTheSheet(env);
  const secrets = [...SECRETS.names, ...SECRETS.ids, SECRETS.group, SECRETS.note];

  test.each(Object.keys(stores))('%s holds no client name, ID, group or note', (store) => {
    expect(secrets.filter((s) => stores[store].includes(s))).toEqual([]);
  });

  test('the check would see a leak: the data is really in the sheet', () => {
    const cells = JSON.stringify(env.toJSON().sheets.map((s) => s.cells));
    for (const secret of secrets) expect(cells).toContain(secret);
  });

  test('the reasons list, which the practice chose to store, is the only custom text in properties', () => {
    // Settings are the practice's configuration (DESIGN.md: document properties), not a client's record.
    expect(stores.documentProperties).toContain(SECRETS.reason);
  });
});

test('the manifest keeps uncaught errors (which may name a client) out of Cloud Logging', () => {
  const manifest = JSON.parse(readFileSync(join(__dirname, '../../dist/appsscript.json'), 'utf8')) as {
    exceptionLogging?: string;
  };
  expect(manifest.exceptionLogging).toBe('NONE');
});
