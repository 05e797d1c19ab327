/**
 * Reports (issue 16): a client's summary or the practice report for a chosen period, each written
 * to its own tab by the server (buildClientSummary, buildPracticeReport), which then shows it.
 * Also the "Summary" button of a client's history.
 */
import { monthsEndingOn } from '../core/dates';
import { DEFAULT_PERIOD_MONTHS, type ClientView, type SidebarData } from '../core/types';
import { call } from './api';
import { button, h, message, replace, select, uid } from './dom';

/** A labelled date input. */
function dateField(label: string, value: string): { el: HTMLElement; input: HTMLInputElement } {
  const id = uid('date');
  const input = h('input', { attrs: { id, type: 'date' } });
  input.value = value;
  return { el: h('div', { className: 'block' }, [h('label', { text: label, attrs: { for: id } }), input]), input };
}

/**
 * Runs `build`, disabling `trigger` meanwhile, and says in `feedback` which tab was written (or
 * what went wrong, in the server's words).
 */
function write(
  trigger: HTMLButtonElement,
  feedback: HTMLElement,
  build: () => Promise<{ sheetName: string }>,
  what: string,
): void {
  trigger.disabled = true;
  replace(feedback, [message('info', `Writing the ${what}…`)]);
  build().then(
    ({ sheetName }) => {
      trigger.disabled = false;
      replace(feedback, [message('ok', `The ${what} is in the tab “${sheetName}”, ready to print.`)]);
    },
    (error: Error) => {
      trigger.disabled = false;
      replace(feedback, [message('error', error.message)]);
    },
  );
}

/** The Summary button of a client's history: the last six months, at once. */
export function summaryButton(client: ClientView, feedback: HTMLElement): HTMLButtonElement {
  const trigger: HTMLButtonElement = button(
    'Summary',
    () => write(trigger, feedback, () => call('buildClientSummary', { clientId: client.id }), 'summary'),
    { attrs: { 'aria-label': `Summary for ${client.name}` } },
  );
  return trigger;
}

export function reportsView(data: SidebarData): HTMLElement {
  // The server's default period: the six months ending today.
  const defaults = { from: monthsEndingOn(data.today, DEFAULT_PERIOD_MONTHS), to: data.today };

  const clientId = uid('client');
  const clients = select(
    data.clients.map((c) => [c.id, c.active ? c.name : `${c.name} (discharged)`] as const),
    data.clients.find((c) => c.active)?.id ?? '',
    { attrs: { id: clientId } },
  );
  const summaryFrom = dateField('From', defaults.from);
  const summaryTo = dateField('To', defaults.to);
  const summaryFeedback = h('div', { className: 'feedback' });
  const summaryButton: HTMLButtonElement = button(
    'Write summary',
    () =>
      write(
        summaryButton,
        summaryFeedback,
        () =>
          call('buildClientSummary', {
            clientId: clients.value,
            from: summaryFrom.input.value,
            to: summaryTo.input.value,
          }),
        'summary',
      ),
    { className: 'action' },
  );

  const groupId = uid('group');
  const groups = select([['', 'All groups'], ...data.groups.map((g) => [g, g] as const)], '', {
    attrs: { id: groupId },
  });
  const reportFrom = dateField('From', defaults.from);
  const reportTo = dateField('To', defaults.to);
  const reportFeedback = h('div', { className: 'feedback' });
  const reportButton: HTMLButtonElement = button(
    'Write report',
    () =>
      write(
        reportButton,
        reportFeedback,
        () =>
          call('buildPracticeReport', {
            from: reportFrom.input.value,
            to: reportTo.input.value,
            ...(groups.value ? { group: groups.value } : {}),
          }),
        'report',
      ),
    { className: 'action' },
  );

  return h('section', { className: 'reports', attrs: { 'aria-label': 'Reports' } }, [
    h('h1', { text: 'Reports' }),
    h('p', {
      className: 'secondary',
      text: 'Each is written to its own tab, rewritten every time, with a chart. A flag is a reason to talk, not a decision.',
    }),
    h('h2', { text: 'Client summary' }),
    h('div', { className: 'block' }, [h('label', { text: 'Client', attrs: { for: clientId } }), clients]),
    summaryFrom.el,
    summaryTo.el,
    summaryButton,
    summaryFeedback,
    h('h2', { text: 'Practice report' }),
    h('div', { className: 'block' }, [h('label', { text: 'Groups', attrs: { for: groupId } }), groups]),
    reportFrom.el,
    reportTo.el,
    reportButton,
    reportFeedback,
  ]);
}
