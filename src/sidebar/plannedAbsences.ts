/**
 * Planned absences in Settings: a client's absence entered once, from–to with its reason; each is
 * stored at once (planAbsence) and can be called off (cancelPlannedAbsence). The session form then
 * marks the client not counted on those days (record.ts).
 */
import type { PlannedAbsence, SidebarData } from '../core/types';
import { call } from './api';
import { button, h, message, replace, select, uid } from './dom';
import { shortDate } from './format';
import { newRequestId } from './requestId';

export interface PlanHooks {
  onData(data: SidebarData, news: string): void;
}

function field(text: string, control: HTMLElement): HTMLElement {
  const id = uid('plan');
  control.id = id;
  return h('div', { className: 'field' }, [h('label', { text, attrs: { for: id } }), control]);
}

/** "Ben Brown, holiday, 14 Mar – 13 Apr". */
export function planText(plan: PlannedAbsence, today: string): string {
  const span =
    plan.from === plan.to
      ? shortDate(plan.from, today)
      : `${shortDate(plan.from, today)} – ${shortDate(plan.to, today)}`;
  return `${plan.client}, ${plan.reason}, ${span}`;
}

/** The client's planned absence covering `day`, if any. */
export function planOn(plans: readonly PlannedAbsence[], clientId: string, day: string): PlannedAbsence | undefined {
  return plans.find((p) => p.clientId === clientId && p.from <= day && day <= p.to);
}

export function plannedAbsencesSection(data: SidebarData, hooks: PlanHooks): HTMLElement {
  const feedback = h('div', { className: 'feedback', attrs: { 'aria-live': 'polite' } });
  const say = (kind: 'error' | 'ok' | 'info', text: string): void => replace(feedback, [message(kind, text)]);
  const active = data.clients.filter((c) => c.active);

  const run = (send: () => Promise<SidebarData>, done: string, controls: HTMLButtonElement[]): void => {
    for (const c of controls) c.disabled = true;
    say('info', 'Saving…');
    send().then(
      (fresh) => hooks.onData(fresh, done),
      (error: Error) => {
        for (const c of controls) c.disabled = false;
        say('error', error.message);
      },
    );
  };

  const list = h(
    'ul',
    { className: 'plans', attrs: { 'aria-label': 'Planned absences' } },
    data.plannedAbsences.map((plan) => {
      const text = planText(plan, data.today);
      const off: HTMLButtonElement = button(
        'Call off',
        () =>
          run(
            () => call('cancelPlannedAbsence', { requestId: newRequestId(), planId: plan.planId }),
            `Planned absence called off: ${text}.`,
            [off],
          ),
        { className: 'small', attrs: { 'aria-label': `Call off planned absence: ${text}` } },
      );
      return h('li', {}, [
        h('span', { text }),
        plan.note ? h('span', { className: 'secondary', text: ` (${plan.note})` }) : null,
        off,
      ]);
    }),
  );

  const client = select([['', 'Choose a client…'], ...active.map((c): [string, string] => [c.id, c.name])], '');
  const from = h('input', { attrs: { type: 'date' } });
  const to = h('input', { attrs: { type: 'date' } });
  from.value = data.today;
  const reason = h('input', { attrs: { type: 'text', maxlength: '200', placeholder: 'holiday, hospital stay…' } });
  const note = h('input', { attrs: { type: 'text', maxlength: String(data.settings.maxNoteLength) } });
  // One request id per content, so a retry after no answer stores the absence once.
  let requestId = newRequestId();
  let sent = '';
  const add: HTMLButtonElement = button('Add planned absence', () => {
    const request = {
      requestId,
      clientId: client.value,
      from: from.value,
      to: to.value || from.value,
      reason: reason.value.trim(),
      note: note.value.trim(),
    };
    const problem = !request.clientId
      ? 'Choose the client.'
      : !request.from
        ? 'Give the first day of the absence.'
        : request.to < request.from
          ? 'The last day is before the first.'
          : !request.reason
            ? 'Give the reason (holiday, hospital stay…).'
            : null;
    if (problem) {
      say('error', problem);
      return;
    }
    const content = JSON.stringify({ ...request, requestId: '' });
    if (sent && sent !== content) requestId = newRequestId();
    sent = content;
    const name = active.find((c) => c.id === request.clientId)?.name ?? '';
    run(() => call('planAbsence', { ...request, requestId }), `Planned absence added for ${name}.`, [add]);
  });

  return h('fieldset', { className: 'block' }, [
    h('legend', { text: 'Planned absences' }),
    h('p', {
      className: 'secondary',
      text: 'An absence the client told you about ahead: on its days the session form marks them Cancelled (not counted), so it never raises a flag.',
    }),
    data.plannedAbsences.length ? list : h('p', { className: 'secondary', text: 'None planned.' }),
    field('Client away', client),
    h('div', { className: 'inline' }, [field('First day', from), field('Last day', to)]),
    field('Reason for the absence', reason),
    field('Note (optional)', note),
    add,
    feedback,
  ]);
}
