/**
 * Settings › Roster, for rosters without IDs: the offer to add a "Cadence ID" column (explained,
 * and only on the user's click) and linking sessions recorded under an old spelling of a name to
 * the client now on the roster.
 */
import type { SidebarData } from '../core/types';
import { call } from './api';
import { button, h, uid } from './dom';
import { shortDate } from './format';
import { newRequestId } from './requestId';

export interface IdentityHooks {
  onData(data: SidebarData, news: string): void;
  say(kind: 'error' | 'ok' | 'info', text: string): void;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The "Cadence ID" offer, or null when the roster has IDs. */
export function cadenceIdOffer(data: SidebarData, hooks: IdentityHooks): HTMLElement | null {
  if (!data.roster.sheetName || !data.roster.canAddIds) return null;
  const add = button('Add a Cadence ID column', () => {
    add.disabled = true;
    hooks.say('info', 'Adding the Cadence ID column…');
    call('addCadenceIds', { requestId: newRequestId() }).then(
      (fresh) =>
        hooks.onData(
          fresh,
          `Cadence ID column added to ${fresh.roster.sheetName ?? 'the roster'}; earlier sessions are linked to the new IDs.`,
        ),
      (error: Error) => {
        add.disabled = false;
        hooks.say('error', error.message);
      },
    );
  });
  return h('div', { className: 'block identity' }, [
    h('p', {
      text: "Your roster has no ID column, so Cadence knows clients by their names (spaces and capitals aside). If a name's spelling is corrected, its earlier sessions no longer match it.",
    }),
    h('p', {
      text: `Cadence can add a "Cadence ID" column after the last column of ${data.roster.sheetName}, with a short ID for each client (CAD-0001, …). It is the only change Cadence ever makes to your roster, and it makes it only if you ask; earlier sessions are linked to the new IDs by new rows in the Attendance tab. Give new clients the next ID when you add them.`,
    }),
    add,
  ]);
}

/** Sessions recorded under names no longer on the roster, each with a client to link them to. */
export function unlinkedList(data: SidebarData, hooks: IdentityHooks): HTMLElement | null {
  if (data.unlinked.length === 0 || data.clients.length === 0) return null;
  const clients = [...data.clients].sort((a, b) => a.name.localeCompare(b.name));
  const items = data.unlinked.map((history) => {
    const id = uid('link');
    const pick = h('select', { attrs: { id } });
    const blank = h('option', { text: 'Choose a client…' });
    blank.value = '';
    pick.appendChild(blank);
    for (const client of clients) {
      const option = h('option', { text: client.name });
      option.value = client.id;
      pick.appendChild(option);
    }
    const label = `Link “${history.name}” (${plural(history.sessions, 'session')}, last ${shortDate(history.lastDate, data.today)}) to`;
    const link = button(
      'Link',
      () => {
        if (!pick.value) {
          hooks.say('error', `Choose the client whose sessions these are, then Link.`);
          return;
        }
        link.disabled = true;
        const to = clients.find((c) => c.id === pick.value)?.name ?? '';
        hooks.say('info', 'Linking…');
        call('linkClientHistory', {
          requestId: newRequestId(),
          fromClientId: history.clientId,
          toClientId: pick.value,
        }).then(
          (fresh) =>
            hooks.onData(fresh, `${plural(history.sessions, 'session')} of “${history.name}” are now ${to}'s.`),
          (error: Error) => {
            link.disabled = false;
            hooks.say('error', error.message);
          },
        );
      },
      { attrs: { 'aria-label': `Link sessions of ${history.name}` } },
    );
    return h('li', { className: 'field' }, [h('label', { text: label, attrs: { for: id } }), pick, link]);
  });
  return h('div', { className: 'block' }, [
    h('p', { text: 'Sessions recorded under names that are no longer on the roster (renamed or corrected?):' }),
    h('ul', { className: 'unlinked', attrs: { 'aria-label': 'Sessions under other names' } }, items),
  ]);
}
