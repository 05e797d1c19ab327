/**
 * Settings: where the roster is and which columns mean what, the reasons list, the trend rule's
 * parameters, the Patterns tab's weeks and the longest note. One saveSettings call stores them and
 * answers fresh sidebar data, which the page repaints from.
 */
import { settingsSizeProblem } from '../core/settingsRules';
import { REASON_LIMITS } from '../core/settingsRules';
import type { RosterSettings, Settings, SidebarData } from '../core/types';
import { call } from './api';
import { button, h, message, replace, select, uid } from './dom';
import { addReason, moveReason, removeReason } from './reasonsList';
import { fieldText, inputAttributes, parseNumberFields, TOP_FIELDS, TREND_FIELDS, type NumberField, type NumberKey } from './numberFields';

export interface SettingsHooks {
  /** New data from saveSettings or createRoster. */
  onData(data: SidebarData, news: string): void;
}

const DETECT = '';

function labelled(text: string, control: HTMLElement): HTMLElement {
  const id = uid('set');
  control.id = id;
  return h('div', { className: 'field' }, [h('label', { text, attrs: { for: id } }), control]);
}

function rosterSummary(data: SidebarData): string {
  const r = data.roster;
  if (!r.sheetName) return 'No roster found yet.';
  const columns = [
    `name “${r.nameHeader ?? '?'}”`,
    r.idHeader ? `ID “${r.idHeader}”` : 'no ID column',
    r.groupHeader ? `group “${r.groupHeader}”` : 'no group column',
    r.activeHeader ? `active “${r.activeHeader}”` : 'no active column',
  ];
  const clients = `${r.clientCount} ${r.clientCount === 1 ? 'client' : 'clients'}`;
  const row = r.headerRow ? `, headers in row ${r.headerRow}` : '';
  return `Found “${r.sheetName}”${row}: ${clients}; ${columns.join(', ')}.`;
}

export function settingsView(data: SidebarData, hooks: SettingsHooks): HTMLElement {
  const settings = data.settings;
  const feedback = h('div', { className: 'feedback' });
  const say = (kind: 'error' | 'ok' | 'info', text: string): void => replace(feedback, [message(kind, text)]);

  // ---- Roster ----
  const candidates = data.roster.candidates;
  const chosenSheet = settings.roster.sheetId ?? data.roster.sheetId;
  const autoSheet = data.roster.sheetName ? `Automatic (“${data.roster.sheetName}”)` : 'Automatic';
  const sheet = select(
    [[DETECT, autoSheet], ...candidates.map((c): [string, string] => [String(c.sheetId), c.name])],
    settings.roster.sheetId === null ? DETECT : String(settings.roster.sheetId),
  );
  const columnSelects = {
    nameHeader: select([], ''), idHeader: select([], ''), groupHeader: select([], ''), activeHeader: select([], ''),
  };
  const found: Record<keyof typeof columnSelects, string | null> = {
    nameHeader: data.roster.nameHeader, idHeader: data.roster.idHeader,
    groupHeader: data.roster.groupHeader, activeHeader: data.roster.activeHeader,
  };
  const fillColumns = (): void => {
    const sheetId = sheet.value === DETECT ? chosenSheet : Number(sheet.value);
    const headers = candidates.find((c) => c.sheetId === sheetId)?.headers.filter((x) => x !== '') ?? [];
    for (const [key, el] of Object.entries(columnSelects) as [keyof typeof columnSelects, HTMLSelectElement][]) {
      const stored = settings.roster[key];
      replace(el, []);
      const detected = found[key];
      const auto = detected ? `Automatic (“${detected}”)` : 'Automatic';
      for (const [value, text] of [[DETECT, auto], ...headers.map((x) => [x, x])]) {
        const option = h('option', { text });
        option.value = value;
        el.appendChild(option);
      }
      el.value = stored !== null && headers.indexOf(stored) >= 0 ? stored : DETECT;
    }
  };
  sheet.addEventListener('change', fillColumns);
  fillColumns();

  const rosterProblem = data.roster.problem ? message('error', data.roster.problem) : null;
  const create = data.roster.sheetName === null
    ? h('div', { className: 'block' }, [
      h('p', { text: 'No roster? Cadence can add a small Roster tab with the right headers for you to fill in.' }),
      button('Create a roster tab', () => {
        say('info', 'Creating the Roster tab…');
        call('createRoster').then((fresh) => hooks.onData(fresh, 'Roster tab created. Add your clients to it.'),
          (error: Error) => say('error', error.message));
      }),
    ])
    : null;

  // ---- Reasons ----
  let reasons = [...settings.reasons];
  const reasonList = h('ul', { className: 'reasons', attrs: { 'aria-label': 'Reasons' } });
  const paintReasons = (focusLabel?: string): void => {
    replace(reasonList, reasons.map((reason, i) => h('li', {}, [
      h('span', { className: 'reason-text', text: reason }),
      button('↑', () => { reasons = moveReason(reasons, i, -1); paintReasons(`Move ${reason} up`); },
        { className: 'small', attrs: { 'aria-label': `Move ${reason} up` } }),
      button('↓', () => { reasons = moveReason(reasons, i, 1); paintReasons(`Move ${reason} down`); },
        { className: 'small', attrs: { 'aria-label': `Move ${reason} down` } }),
      button('✕', () => { reasons = removeReason(reasons, i); paintReasons(); },
        { className: 'small', attrs: { 'aria-label': `Remove ${reason}` } }),
    ])));
    if (focusLabel) {
      const target = [...reasonList.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === focusLabel);
      target?.focus();
    }
  };
  paintReasons();
  const newReason = h('input', { attrs: { type: 'text', maxlength: String(REASON_LIMITS.maxLength) } });
  const add = (): void => { reasons = addReason(reasons, newReason.value); newReason.value = ''; paintReasons(); newReason.focus(); };
  newReason.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); add(); } });

  // ---- Trend and the rest ----
  const numberInputs = new Map<NumberKey, HTMLInputElement>();
  const numberField = (field: NumberField, stored: number): HTMLElement => {
    const input = h('input', { attrs: inputAttributes(field.setting) });
    input.value = fieldText(field.setting, stored);
    numberInputs.set(field.key, input);
    return labelled(field.setting.label, input);
  };
  const trendFields = TREND_FIELDS.map((field) => numberField(field, settings.trend[field.key]));
  const [weeks, maxNote] = TOP_FIELDS.map((field) => numberField(field, settings[field.key]));

  const saveButton = button('Save settings', () => {
    const texts: Partial<Record<NumberKey, string>> = {};
    for (const [key, input] of numberInputs) texts[key] = input.value;
    const parsed = parseNumberFields(texts, settings);
    if (parsed.problem !== null) { say('error', parsed.problem); return; }
    const { trend, patternWeeks, maxNoteLength } = parsed.values;
    if (reasons.length === 0) { say('error', 'Keep at least one reason.'); return; }
    const roster: RosterSettings = {
      sheetId: sheet.value === DETECT ? null : Number(sheet.value),
      nameHeader: columnSelects.nameHeader.value || null,
      idHeader: columnSelects.idHeader.value || null,
      groupHeader: columnSelects.groupHeader.value || null,
      activeHeader: columnSelects.activeHeader.value || null,
    };
    const change: Partial<Settings> = { roster, reasons, trend, patternWeeks, maxNoteLength };
    // The server refuses the same; saying it here keeps the list as typed, without a round trip.
    const tooLong = settingsSizeProblem({ ...settings, ...change } as Settings);
    if (tooLong) { say('error', tooLong); return; }
    saveButton.disabled = true;
    say('info', 'Saving settings…');
    call('saveSettings', change).then((fresh) => hooks.onData(fresh, 'Settings saved.'), (error: Error) => {
      saveButton.disabled = false;
      say('error', error.message);
    });
  }, { className: 'action' });

  return h('section', { className: 'settings-view', attrs: { 'aria-label': 'Settings' } }, [
    h('h1', { text: 'Settings' }),
    h('fieldset', { className: 'block' }, [
      h('legend', { text: 'Roster' }),
      h('p', { className: 'secondary', text: rosterSummary(data) }),
      rosterProblem,
      create,
      labelled('Roster sheet', sheet),
      labelled('Name column', columnSelects.nameHeader),
      labelled('ID column', columnSelects.idHeader),
      labelled('Group column', columnSelects.groupHeader),
      labelled('Active column', columnSelects.activeHeader),
    ]),
    h('fieldset', { className: 'block' }, [
      h('legend', { text: 'Reasons for a missed session' }),
      reasonList,
      h('div', { className: 'inline' }, [labelled('New reason', newReason), button('Add reason', add)]),
    ]),
    h('fieldset', { className: 'block' }, [
      h('legend', { text: 'Absence trend' }),
      h('p', { className: 'secondary', text: 'A flag is a prompt to talk with the client, never an automatic action.' }),
      ...trendFields,
    ]),
    h('fieldset', { className: 'block' }, [
      h('legend', { text: 'Record and Patterns' }),
      h('p', { className: 'secondary', text: `Dates follow the spreadsheet's time zone (${data.timeZone}), set in File › Settings.` }),
      weeks,
      maxNote,
    ]),
    h('div', { className: 'bottom' }, [feedback, h('div', { className: 'bar-buttons' }, [saveButton])]),
  ]);
}
