/**
 * The practice's own rules in Settings (issue 17): when to suggest a conversation (talkAt, with the
 * measured trade-off beside each choice), when sessions are expected (schedules and their breaks),
 * and which status each reason sets. Kept in the page until "Save settings" sends them with the rest.
 */
import {
  STATUSES,
  TALK_AT_CHOICES,
  TALK_AT_LEVELS,
  WEEKDAYS,
  WEEKDAY_LABELS,
  type Schedule,
  type SidebarData,
  type Status,
  type TalkAt,
  type Weekday,
} from '../core/types';
import { button, h, message, replace, select, uid } from './dom';
import { shortDate, STATUS_LABELS } from './format';

export interface PracticeRules {
  el: HTMLElement[];
  /** Paints the reason list again (a reason was added, moved or removed). */
  refresh(): void;
  /** What to save: the values as the user left them (each was checked as it was added). */
  value(): { schedules: Schedule[]; talkAt: TalkAt; reasonStatuses: Record<string, Status> };
}

function field(text: string, control: HTMLElement): HTMLElement {
  const id = uid('rule');
  control.id = id;
  return h('div', { className: 'field' }, [h('label', { text, attrs: { for: id } }), control]);
}

const GROUP = 'group:';
const CLIENT = 'client:';

export function practiceRules(data: SidebarData, reasons: () => readonly string[]): PracticeRules {
  const settings = data.settings;

  // ---- When to suggest a conversation ----
  let talkAt: TalkAt = settings.talkAt;
  const talkName = uid('talk');
  const talkChoices = TALK_AT_LEVELS.map((level) => {
    const id = uid('talk');
    const hint = uid('talk-hint');
    const radio = h('input', {
      attrs: { type: 'radio', name: talkName, id, value: level, 'aria-describedby': hint },
    });
    radio.checked = level === talkAt;
    radio.addEventListener('change', () => {
      if (radio.checked) talkAt = level;
    });
    return h('div', { className: 'choice' }, [
      radio,
      ' ',
      h('label', { text: TALK_AT_CHOICES[level].label, attrs: { for: id } }),
      h('p', { className: 'secondary', text: TALK_AT_CHOICES[level].tradeOff, attrs: { id: hint } }),
    ]);
  });
  const talk = h('fieldset', { className: 'block' }, [
    h('legend', { text: 'Suggest a conversation at' }),
    h('div', { attrs: { role: 'radiogroup', 'aria-label': 'Suggest a conversation at' } }, talkChoices),
    h('p', {
      className: 'secondary',
      text: 'Needs attention and the roster highlight follow this choice; Patterns always shows every level.',
    }),
  ]);

  // ---- Schedules ----
  let schedules: Schedule[] = settings.schedules.map((s) => ({ ...s, breaks: s.breaks?.map((b) => ({ ...b })) }));
  const nameOf = (s: Schedule): string =>
    s.group ?? data.clients.find((c) => c.id === s.clientId)?.name ?? String(s.clientId);
  const describe = (s: Schedule): string => {
    const days = s.weekdays.map((d) => WEEKDAY_LABELS[d]).join(', ');
    const span =
      s.from || s.to
        ? ` (${s.from ? `from ${shortDate(s.from, data.today)}` : ''}${s.from && s.to ? ' ' : ''}${s.to ? `until ${shortDate(s.to, data.today)}` : ''})`
        : '';
    return `${nameOf(s)}: ${days}${span}`;
  };
  const scheduleList = h('ul', { className: 'schedules', attrs: { 'aria-label': 'Schedules' } });
  const breakFor = h('select');
  const paintSchedules = (): void => {
    replace(
      scheduleList,
      schedules.map((s, i) =>
        h('li', {}, [
          h('span', { text: describe(s) }),
          button(
            '✕',
            () => {
              schedules = schedules.filter((_, j) => j !== i);
              paintSchedules();
            },
            { className: 'small', attrs: { 'aria-label': `Remove schedule of ${nameOf(s)}` } },
          ),
          s.breaks?.length
            ? h(
                'ul',
                { className: 'breaks', attrs: { 'aria-label': `Breaks of ${nameOf(s)}` } },
                s.breaks.map((b, k) =>
                  h('li', {}, [
                    h('span', { text: `Break ${shortDate(b.from, data.today)} – ${shortDate(b.to, data.today)}` }),
                    button(
                      '✕',
                      () => {
                        s.breaks = s.breaks?.filter((_, j) => j !== k);
                        paintSchedules();
                      },
                      {
                        className: 'small',
                        attrs: { 'aria-label': `Remove break of ${nameOf(s)} from ${shortDate(b.from, data.today)}` },
                      },
                    ),
                  ]),
                ),
              )
            : null,
        ]),
      ),
    );
    replace(breakFor, [option('', 'Every schedule'), ...schedules.map((s, i) => option(String(i), nameOf(s)))]);
  };
  const option = (value: string, text: string): HTMLOptionElement => {
    const o = h('option', { text });
    o.value = value;
    return o;
  };

  const who = select(
    [
      ['', 'Choose a group or client…'],
      ...data.groups.map((g): [string, string] => [GROUP + g, g]),
      ...data.clients.filter((c) => c.active).map((c): [string, string] => [CLIENT + c.id, `${c.name} (individual)`]),
    ],
    '',
  );
  const dayBoxes = WEEKDAYS.map((day) => {
    const box = h('input', { attrs: { type: 'checkbox', value: day } });
    return { day, box, el: h('label', { className: 'pick' }, [box, ' ', WEEKDAY_LABELS[day]]) };
  });
  const from = h('input', { attrs: { type: 'date' } });
  const to = h('input', { attrs: { type: 'date' } });
  const scheduleNote = h('p', { className: 'secondary', attrs: { 'aria-live': 'polite' } });
  const addSchedule = button('Add schedule', () => {
    const days = dayBoxes.filter((d) => d.box.checked).map((d) => d.day as Weekday);
    if (!who.value) return void (scheduleNote.textContent = 'Choose the group or client.');
    if (days.length === 0) return void (scheduleNote.textContent = 'Tick the days the sessions are held.');
    if (from.value && to.value && to.value < from.value)
      return void (scheduleNote.textContent = 'The schedule ends before it starts.');
    const s: Schedule = who.value.startsWith(GROUP)
      ? { group: who.value.slice(GROUP.length), weekdays: days }
      : { clientId: who.value.slice(CLIENT.length), weekdays: days };
    if (from.value) s.from = from.value;
    if (to.value) s.to = to.value;
    schedules = [...schedules, s];
    who.value = '';
    for (const d of dayBoxes) d.box.checked = false;
    from.value = '';
    to.value = '';
    scheduleNote.textContent = `Added ${describe(s)}. Save settings to keep it.`;
    paintSchedules();
  });

  const breakFrom = h('input', { attrs: { type: 'date' } });
  const breakTo = h('input', { attrs: { type: 'date' } });
  const addBreak = button('Add break', () => {
    if (!breakFrom.value) return void (scheduleNote.textContent = 'Give the first day of the break.');
    const span = { from: breakFrom.value, to: breakTo.value || breakFrom.value };
    if (span.to < span.from) return void (scheduleNote.textContent = 'The break ends before it starts.');
    const targets = breakFor.value === '' ? schedules : [schedules[Number(breakFor.value)]];
    if (targets.length === 0) return void (scheduleNote.textContent = 'Add a schedule first.');
    for (const s of targets) s.breaks = [...(s.breaks ?? []), span];
    breakFrom.value = '';
    breakTo.value = '';
    scheduleNote.textContent = `Break added. Save settings to keep it.`;
    paintSchedules();
  });
  paintSchedules();

  const scheduleBlock = h('fieldset', { className: 'block' }, [
    h('legend', { text: 'Schedules' }),
    h('p', {
      className: 'secondary',
      text: 'When each group (or individual client) meets. Sessions scheduled and not recorded show under "To record" and as "?" in Patterns; breaks are not to record.',
    }),
    ...data.scheduleWarnings.map((warning) => message('info', warning)),
    scheduleList,
    field('Schedule for', who),
    h(
      'div',
      { className: 'picker-list', attrs: { role: 'group', 'aria-label': 'Meets on' } },
      dayBoxes.map((d) => d.el),
    ),
    h('div', { className: 'inline' }, [field('Starts (optional)', from), field('Ends (optional)', to)]),
    addSchedule,
    field('Break for', breakFor),
    h('div', { className: 'inline' }, [field('Break from', breakFrom), field('Break until', breakTo)]),
    addBreak,
    scheduleNote,
  ]);

  // ---- Reason → status ----
  const mapping = new Map(Object.entries(settings.reasonStatuses));
  const mappingList = h('div', { className: 'reason-statuses' });
  const paintMapping = (): void => {
    replace(
      mappingList,
      reasons().map((reason) => {
        const choice = select(
          [
            ['', 'leaves it open'],
            ...STATUSES.map((s): [string, string] => [
              s,
              s === 'cancelled' ? 'Cancelled (not counted)' : STATUS_LABELS[s],
            ]),
          ],
          mapping.get(reason) ?? '',
          { attrs: { 'aria-label': `Status for the reason ${reason}` } },
        );
        choice.addEventListener('change', () => {
          if (choice.value) mapping.set(reason, choice.value as Status);
          else mapping.delete(reason);
        });
        return h('div', { className: 'field reason-status' }, [h('span', { text: reason }), choice]);
      }),
    );
  };
  paintMapping();
  const mappingBlock = h('fieldset', { className: 'block' }, [
    h('legend', { text: 'Status each reason sets' }),
    h('p', {
      className: 'secondary',
      text: 'Choosing a reason on the form sets this status until you pick one yourself. Cancelled is not counted in any rate.',
    }),
    mappingList,
  ]);

  return {
    el: [talk, scheduleBlock, mappingBlock],
    refresh: paintMapping,
    value: () => {
      const listed = new Set(reasons());
      const reasonStatuses: Record<string, Status> = {};
      for (const [reason, status] of mapping) if (listed.has(reason)) reasonStatuses[reason] = status;
      return { schedules, talkAt, reasonStatuses };
    },
  };
}
