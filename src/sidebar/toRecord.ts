/**
 * "To record": the scheduled sessions with no entry yet (getSidebarData's toRecord, today's first,
 * then the last 3 weeks). The sidebar opens on it; choosing one fills the form's date and group.
 */
import type { SidebarData, ToRecord } from '../core/types';
import { button, h, message } from './dom';
import { shortDate } from './format';

/** The list stays short so the form is in view; the rest is one click away. */
const SHOWN = 4;

/** "Monday group" or the client's name. */
export function toRecordName(item: ToRecord, data: SidebarData): string {
  if (item.group !== undefined) return item.group;
  return data.clients.find((c) => c.id === item.clientId)?.name ?? String(item.clientId);
}

/** Null when the practice keeps no schedule: the section then takes no room. */
export function toRecordSection(data: SidebarData, onPick: (item: ToRecord) => void): HTMLElement | null {
  if (data.settings.schedules.length === 0) return null;
  const items = data.toRecord.map((item, i) => {
    const name = toRecordName(item, data);
    const shown = `${name}, ${shortDate(item.date, data.today)}${item.date === data.today ? ' (today)' : ''}`;
    // The visible text is part of the accessible name (WCAG 2.5.3), which says what the button does.
    const li = h('li', {}, [
      button(shown, () => onPick(item), { className: 'link', attrs: { 'aria-label': `Record ${shown}` } }),
    ]);
    li.hidden = i >= SHOWN;
    return li;
  });
  const more =
    items.length > SHOWN
      ? button(
          `Show all ${items.length}`,
          () => {
            for (const item of items) item.hidden = false;
            more?.remove();
          },
          { className: 'link', attrs: { 'aria-label': `Show all ${items.length} sessions to record` } },
        )
      : null;
  return h('section', { className: 'block to-record', attrs: { 'aria-label': 'To record' } }, [
    h('h2', { text: 'To record' }),
    ...data.scheduleWarnings.map((warning) => message('info', warning)),
    items.length
      ? h('ul', { className: 'to-record-list' }, items)
      : h('p', { className: 'secondary', text: 'Every scheduled session of the last 3 weeks is recorded.' }),
    more,
  ]);
}
