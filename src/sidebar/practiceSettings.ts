/**
 * Settings › the practice's own rules (issue 17): which reasons mean the practice cancelled (a
 * make-up is owed), the policy checks (off until switched on, example numbers ready), and the
 * planned minutes of each group's and individual client's sessions. Labels and bounds are core's
 * (core/settingsRules.ts), so the form refuses what the server would, in the same words.
 */
import {
  MAX_PLANNED_MINUTES,
  numberSettingProblem,
  PLANNED_MINUTES,
  POLICY_SETTINGS,
  POLICY_TITLES,
  storedValue,
  type NumberSetting,
} from '../core/settingsRules';
import type { ClientView, PlannedMinutes, PolicyKind, PolicySettings, Settings, SidebarData } from '../core/types';
import { button, h, replace, select, uid } from './dom';
import { fieldText, inputAttributes } from './numberFields';

export interface PracticeSettings {
  el: HTMLElement;
  /** The change to send, or the first problem in the form's words. */
  read():
    | { change: Pick<Settings, 'makeUps' | 'policies' | 'plannedMinutes'>; problem: null }
    | { change: null; problem: string };
}

const KINDS = Object.keys(POLICY_TITLES) as PolicyKind[];

function labelled(text: string, control: HTMLElement): HTMLElement {
  const id = uid('practice');
  control.id = id;
  return h('div', { className: 'field' }, [h('label', { text, attrs: { for: id } }), control]);
}

function checkbox(text: string, checked: boolean): { el: HTMLElement; box: HTMLInputElement } {
  const box = h('input', { attrs: { type: 'checkbox' } });
  box.checked = checked;
  return { el: h('label', { className: 'check-line' }, [box, ` ${text}`]), box };
}

export function practiceSettings(data: SidebarData): PracticeSettings {
  const { settings } = data;

  // ---- Make-ups: which reasons mean the practice cancelled ----
  const practiceKeys = new Set(settings.makeUps.practiceReasons.map((r) => r.trim().toLowerCase()));
  // The reasons offered are the list's, plus any practice reason no longer on it (kept unless unticked).
  const offered = [...settings.reasons];
  for (const r of settings.makeUps.practiceReasons)
    if (!offered.some((o) => o.trim().toLowerCase() === r.trim().toLowerCase())) offered.push(r);
  const reasonBoxes = offered.map((reason) => ({
    reason,
    ...checkbox(reason, practiceKeys.has(reason.trim().toLowerCase())),
  }));
  const afterNotice = checkbox('An absence with notice is owed a make-up too', settings.makeUps.afterNotice);
  const makeUps = h('fieldset', { className: 'block' }, [
    h('legend', { text: 'Make-ups' }),
    h('p', {
      className: 'secondary',
      text: 'A session marked cancelled with one of these reasons was cancelled by the practice: the client is owed a make-up. Other cancelled sessions (a planned absence, an agreed break) owe nothing.',
    }),
    h(
      'div',
      { attrs: { role: 'group', 'aria-label': 'Reasons that mean the practice cancelled' } },
      reasonBoxes.map((b) => b.el),
    ),
    afterNotice.el,
  ]);

  // ---- Policy checks ----
  const policyInputs = KINDS.map((kind) => {
    const current = settings.policies[kind] as unknown as Record<string, number | boolean | string>;
    const on = checkbox(POLICY_TITLES[kind], current.on === true);
    const rules = POLICY_SETTINGS[kind] as Readonly<Record<string, NumberSetting>>;
    const numbers = Object.entries(rules).map(([field, setting]) => {
      const input = h('input', {
        attrs: { ...inputAttributes(setting), 'aria-label': `${POLICY_TITLES[kind]}: ${setting.label}` },
      });
      input.value = fieldText(setting, current[field] as number);
      return { field, setting, input, el: labelled(setting.label, input) };
    });
    let yearStarts: HTMLInputElement | null = null;
    if (kind === 'absencesPerYear') {
      yearStarts = h('input', {
        attrs: {
          type: 'text',
          inputmode: 'numeric',
          maxlength: '5',
          placeholder: 'MM-DD',
          'aria-label': `${POLICY_TITLES.absencesPerYear}: Year starts (MM-DD)`,
        },
      });
      yearStarts.value = String(current.yearStarts);
    }
    const el = h('div', { className: 'policy-check' }, [
      on.el,
      h('div', { className: 'policy-numbers' }, [
        ...numbers.map((n) => n.el),
        yearStarts ? labelled('Year starts (MM-DD)', yearStarts) : null,
      ]),
    ]);
    return { kind, on: on.box, numbers, yearStarts, el };
  });
  const policies = h('fieldset', { className: 'block' }, [
    h('legend', { text: 'Practice policy checks' }),
    h('p', {
      className: 'secondary',
      text: 'Off until you switch them on. Each shows its count beside the trend ("3 of 4 allowed absences used this year"). A check that is reached is a reason to talk with the client, never an automatic action.',
    }),
    ...policyInputs.map((p) => p.el),
  ]);

  // ---- Planned minutes ----
  const groupInputs = data.groups.map((group) => {
    const input = h('input', { attrs: { ...inputAttributes(PLANNED_MINUTES), placeholder: 'none' } });
    const line = settings.plannedMinutes.find((l) => l.group === group);
    input.value = line ? String(line.minutes) : '';
    return { group, input, el: labelled(`${group}: minutes per session`, input) };
  });
  let clientLines: PlannedMinutes[] = settings.plannedMinutes.filter((l) => l.clientId).map((l) => ({ ...l }));
  const nameOf = (id: string): string => data.clients.find((c) => c.id === id)?.name ?? id;
  const clientList = h('ul', {
    className: 'reasons',
    attrs: { 'aria-label': 'Planned minutes of individual clients' },
  });
  const paintClients = (): void => {
    replace(
      clientList,
      clientLines.map((line, i) =>
        h('li', {}, [
          h('span', { className: 'reason-text', text: `${nameOf(line.clientId ?? '')}: ${line.minutes} minutes` }),
          button(
            '✕',
            () => {
              clientLines = clientLines.filter((_, j) => j !== i);
              paintClients();
            },
            { className: 'small', attrs: { 'aria-label': `Remove planned minutes of ${nameOf(line.clientId ?? '')}` } },
          ),
        ]),
      ),
    );
  };
  paintClients();
  const clientChoice = select(
    [
      ['', 'Choose a client…'],
      ...data.clients.filter((c: ClientView) => c.active).map((c): [string, string] => [c.id, c.name]),
    ],
    '',
  );
  const clientMinutes = h('input', { attrs: inputAttributes(PLANNED_MINUTES) });
  const addNote = h('div', { className: 'secondary', attrs: { role: 'status' } });
  const addClient = (): void => {
    const minutes = storedValue(PLANNED_MINUTES, clientMinutes.value);
    const problem =
      clientChoice.value === '' ? 'Choose a client first.' : numberSettingProblem(PLANNED_MINUTES, minutes);
    if (problem) {
      addNote.textContent = problem;
      return;
    }
    addNote.textContent = '';
    clientLines = [
      ...clientLines.filter((l) => l.clientId !== clientChoice.value),
      { clientId: clientChoice.value, minutes },
    ];
    clientMinutes.value = '';
    paintClients();
  };
  const minutes = h('fieldset', { className: 'block' }, [
    h('legend', { text: 'Planned minutes' }),
    h('p', {
      className: 'secondary',
      text: "Optional. With planned minutes, each client shows minutes delivered against planned; a client's own minutes win over their group's.",
    }),
    ...groupInputs.map((g) => g.el),
    clientList,
    labelled('Individual client', clientChoice),
    h('div', { className: 'inline' }, [
      labelled('Minutes per session', clientMinutes),
      button('Add client minutes', addClient),
    ]),
    addNote,
  ]);

  const el = h('div', { className: 'practice-settings' }, [makeUps, policies, minutes]);

  function read(): ReturnType<PracticeSettings['read']> {
    const fail = (problem: string) => ({ change: null, problem }) as const;
    const policiesChange = {} as Record<PolicyKind, Record<string, unknown>>;
    for (const p of policyInputs) {
      const check: Record<string, unknown> = {
        ...(settings.policies[p.kind] as unknown as Record<string, unknown>),
        on: p.on.checked,
      };
      for (const n of p.numbers) {
        const value = storedValue(n.setting, n.input.value);
        const problem = numberSettingProblem(n.setting, value);
        if (problem) return fail(problem);
        check[n.field] = value;
      }
      if (p.yearStarts) {
        const text = p.yearStarts.value.trim();
        if (!/^\d{2}-\d{2}$/.test(text))
          return fail('The day the year (or funding period) starts must be a month and day, like 09-01.');
        check.yearStarts = text;
      }
      policiesChange[p.kind] = check;
    }
    const planned: PlannedMinutes[] = [];
    for (const g of groupInputs) {
      if (g.input.value.trim() === '') continue;
      const value = storedValue(PLANNED_MINUTES, g.input.value);
      const problem = numberSettingProblem(PLANNED_MINUTES, value);
      if (problem) return fail(`${problem.replace(/\.$/, '')} (${g.group}).`);
      planned.push({ group: g.group, minutes: value });
    }
    // Groups no longer on the roster keep their minutes (the roster may be between terms).
    planned.push(...settings.plannedMinutes.filter((l) => l.group && !data.groups.includes(l.group)));
    planned.push(...clientLines);
    if (planned.length > MAX_PLANNED_MINUTES)
      return fail(`Keep planned minutes to at most ${MAX_PLANNED_MINUTES} groups and clients.`);
    return {
      change: {
        makeUps: {
          practiceReasons: reasonBoxes.filter((b) => b.box.checked).map((b) => b.reason),
          afterNotice: afterNotice.box.checked,
        },
        policies: policiesChange as unknown as PolicySettings,
        plannedMinutes: planned,
      },
      problem: null,
    };
  }
  return { el, read };
}
