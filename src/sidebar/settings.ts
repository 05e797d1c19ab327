/**
 * Settings: the roster (rosterSettings.ts), the reasons list, when to suggest a conversation, the
 * schedules and the status each reason sets (scheduleSettings.ts), the trend rule's parameters,
 * make-ups, policy checks and planned minutes (practiceSettings.ts), the Patterns tab's weeks and
 * the longest note. Planned absences (plannedAbsences.ts) are stored one by one as they are added.
 * One saveSettings call stores them and
 * answers fresh sidebar data, which the page repaints from.
 */
import { settingsSizeProblem } from '../core/settingsRules';
import { REASON_LIMITS } from '../core/settingsRules';
import type { Settings, SidebarData } from '../core/types';
import { call } from './api';
import { button, h, message, replace, uid } from './dom';
import { addReason, moveReason, removeReason } from './reasonsList';
import { practiceSettings } from './practiceSettings';
import { rosterSettings } from './rosterSettings';
import { plannedAbsencesSection } from './plannedAbsences';
import { practiceRules } from './scheduleSettings';
import {
  fieldText,
  inputAttributes,
  parseNumberFields,
  TOP_FIELDS,
  TREND_FIELDS,
  type NumberField,
  type NumberKey,
} from './numberFields';

export interface SettingsHooks {
  /** New data from saveSettings or createRoster. */
  onData(data: SidebarData, news: string): void;
}

function labelled(text: string, control: HTMLElement): HTMLElement {
  const id = uid('set');
  control.id = id;
  return h('div', { className: 'field' }, [h('label', { text, attrs: { for: id } }), control]);
}

export function settingsView(data: SidebarData, hooks: SettingsHooks): HTMLElement {
  const settings = data.settings;
  const feedback = h('div', { className: 'feedback' });
  const say = (kind: 'error' | 'ok' | 'info', text: string): void => replace(feedback, [message(kind, text)]);

  const roster = rosterSettings(data, { onData: hooks.onData, say });
  const makeUpsAndPolicy = practiceSettings(data);

  // ---- Reasons ----
  let reasons = [...settings.reasons];
  const reasonList = h('ul', { className: 'reasons', attrs: { 'aria-label': 'Reasons' } });
  let rules: ReturnType<typeof practiceRules> | null = null;
  const paintReasons = (focusLabel?: string): void => {
    rules?.refresh();
    replace(
      reasonList,
      reasons.map((reason, i) =>
        h('li', {}, [
          h('span', { className: 'reason-text', text: reason }),
          button(
            '↑',
            () => {
              reasons = moveReason(reasons, i, -1);
              paintReasons(`Move ${reason} up`);
            },
            { className: 'small', attrs: { 'aria-label': `Move ${reason} up` } },
          ),
          button(
            '↓',
            () => {
              reasons = moveReason(reasons, i, 1);
              paintReasons(`Move ${reason} down`);
            },
            { className: 'small', attrs: { 'aria-label': `Move ${reason} down` } },
          ),
          button(
            '✕',
            () => {
              reasons = removeReason(reasons, i);
              paintReasons();
            },
            { className: 'small', attrs: { 'aria-label': `Remove ${reason}` } },
          ),
        ]),
      ),
    );
    if (focusLabel) {
      const target = [...reasonList.querySelectorAll('button')].find(
        (b) => b.getAttribute('aria-label') === focusLabel,
      );
      target?.focus();
    }
  };
  paintReasons();
  rules = practiceRules(data, () => reasons);
  const newReason = h('input', { attrs: { type: 'text', maxlength: String(REASON_LIMITS.maxLength) } });
  const add = (): void => {
    reasons = addReason(reasons, newReason.value);
    newReason.value = '';
    paintReasons();
    newReason.focus();
  };
  newReason.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  });

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

  const saveButton = button(
    'Save settings',
    () => {
      const texts: Partial<Record<NumberKey, string>> = {};
      for (const [key, input] of numberInputs) texts[key] = input.value;
      const parsed = parseNumberFields(texts, settings);
      if (parsed.problem !== null) {
        say('error', parsed.problem);
        return;
      }
      const { trend, patternWeeks, maxNoteLength } = parsed.values;
      if (reasons.length === 0) {
        say('error', 'Keep at least one reason.');
        return;
      }
      const practice = (rules as NonNullable<typeof rules>).value();
      const checked = makeUpsAndPolicy.read();
      if (checked.problem !== null) {
        say('error', checked.problem);
        return;
      }
      const change: Partial<Settings> = {
        reasons,
        trend,
        patternWeeks,
        maxNoteLength,
        ...practice,
        ...checked.change,
      };
      const rosterChoice = roster.choice();
      if (rosterChoice) change.roster = rosterChoice;
      // The server refuses the same; saying it here keeps the list as typed, without a round trip.
      const tooLong = settingsSizeProblem({ ...settings, ...change } as Settings);
      if (tooLong) {
        say('error', tooLong);
        return;
      }
      saveButton.disabled = true;
      say('info', 'Saving settings…');
      call('saveSettings', change).then(
        (fresh) => hooks.onData(fresh, 'Settings saved.'),
        (error: Error) => {
          saveButton.disabled = false;
          say('error', error.message);
        },
      );
    },
    { className: 'action' },
  );

  const phoneButton = button('Set up phone entry', () => {
    phoneButton.disabled = true;
    say('info', 'Setting up the Quick entry tab…');
    call('setUpQuickEntry').then(
      ({ sheetName }) => {
        phoneButton.disabled = false;
        say(
          'ok',
          `The "${sheetName}" tab is ready. On your phone, open this spreadsheet in the Google Sheets app, go to that tab, pick the date and group, mark each client and tick Save.`,
        );
      },
      (error: Error) => {
        phoneButton.disabled = false;
        say('error', error.message);
      },
    );
  });

  return h('section', { className: 'settings-view', attrs: { 'aria-label': 'Settings' } }, [
    h('h1', { text: 'Settings' }),
    roster.el,
    h('fieldset', { className: 'block' }, [
      h('legend', { text: 'Reasons for a missed session' }),
      reasonList,
      h('div', { className: 'inline' }, [labelled('New reason', newReason), button('Add reason', add)]),
    ]),
    ...(rules as NonNullable<typeof rules>).el,
    plannedAbsencesSection(data, { onData: hooks.onData }),
    h('fieldset', { className: 'block' }, [
      h('legend', { text: 'Absence trend' }),
      h('p', {
        className: 'secondary',
        text: 'A flag is a prompt to talk with the client, never an automatic action.',
      }),
      ...trendFields,
    ]),
    makeUpsAndPolicy.el,
    h('fieldset', { className: 'block' }, [
      h('legend', { text: 'Record and Patterns' }),
      h('p', {
        className: 'secondary',
        text: `Dates follow the spreadsheet's time zone (${data.timeZone}), set in File › Settings.`,
      }),
      weeks,
      maxNote,
    ]),
    h('fieldset', { className: 'block' }, [
      h('legend', { text: 'Recording from a phone' }),
      h('p', {
        className: 'secondary',
        text: 'The Sheets app on a phone shows no add-on menu or sidebar. A Quick entry tab lets you record a session there, into the same Attendance record.',
      }),
      phoneButton,
    ]),
    h('div', { className: 'bottom' }, [feedback, h('div', { className: 'bar-buttons' }, [saveButton])]),
  ]);
}
