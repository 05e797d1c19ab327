/**
 * Settings › Roster: what Cadence found, and every part of it the user can fix — the tab, the
 * heading row, the name, ID, group and status columns, and which status values mean active. The
 * tabs' first rows come from getRosterTabs when Settings opens (the sidebar's own data holds only
 * the roster, so that a sidebar load reads one tab). A choice is sent only when a control was
 * touched, and then it is sent whole, so it always takes effect.
 */
import type { RosterSettings, RosterTabChoice, SidebarData } from '../core/types';
import { call } from './api';
import { cadenceIdOffer, unlinkedList } from './clientIdentity';
import { button, h, message, replace, select, uid } from './dom';

export interface RosterSettingsHooks {
  onData(data: SidebarData, news: string): void;
  say(kind: 'error' | 'ok' | 'info', text: string): void;
}

const NONE = '\u0000none';
const COLUMN_KEYS = ['nameHeader', 'idHeader', 'groupHeader', 'activeHeader'] as const;
type ColumnKey = (typeof COLUMN_KEYS)[number];
const COLUMN_LABELS: Record<ColumnKey, string> = {
  nameHeader: 'Name column',
  idHeader: 'ID column',
  groupHeader: 'Group column',
  activeHeader: 'Status column',
};

function labelled(text: string, control: HTMLElement): HTMLElement {
  const id = uid('roster');
  control.id = id;
  return h('div', { className: 'field' }, [h('label', { text, attrs: { for: id } }), control]);
}

function rowPreview(row: readonly string[]): string {
  const text = row.filter(Boolean).join(' · ');
  return text.length > 48 ? `${text.slice(0, 47)}…` : text || '(blank)';
}

export interface RosterSettingsPart {
  el: HTMLElement;
  /** The roster choice to save, or undefined when the user changed nothing here. */
  choice(): RosterSettings | undefined;
}

export function rosterSettings(data: SidebarData, hooks: RosterSettingsHooks): RosterSettingsPart {
  const roster = data.roster;
  let touched = false;
  let tabs: RosterTabChoice[] = [];
  const sheet = select([], '');
  const headerRow = select([], '');
  const columns = Object.fromEntries(COLUMN_KEYS.map((k) => [k, select([], '')])) as Record<
    ColumnKey,
    HTMLSelectElement
  >;
  const statusBoxes = new Map<string, HTMLInputElement>();
  const statusPart = h('div');
  const controls = h('div', { className: 'roster-controls' }, [
    h('p', { className: 'secondary', text: 'Reading your tabs…', attrs: { role: 'status' } }),
  ]);

  const currentTab = (): RosterTabChoice | undefined => tabs.find((t) => String(t.sheetId) === sheet.value);

  const fillColumns = (): void => {
    const tab = currentTab();
    const rowNumber = Number(headerRow.value);
    const headings = tab?.rows[rowNumber - 1] ?? [];
    const same = tab?.sheetId === roster.sheetId && rowNumber === roster.headerRow;
    // For another tab or row, preselect what Cadence would find in it.
    const guess = tab?.guesses[rowNumber - 1] ?? null;
    const found: Record<ColumnKey, string | null> = same
      ? {
          nameHeader: roster.nameHeader,
          idHeader: roster.idHeader,
          groupHeader: roster.groupHeader,
          activeHeader: roster.activeHeader,
        }
      : {
          nameHeader: guess?.nameHeader ?? null,
          idHeader: guess?.idHeader ?? null,
          groupHeader: guess?.groupHeader ?? null,
          activeHeader: guess?.activeHeader ?? null,
        };
    const names = [...new Set(headings.filter(Boolean))];
    for (const key of COLUMN_KEYS) {
      const options: [string, string][] = names.map((n) => [n, n]);
      if (key !== 'nameHeader') {
        const none =
          key === 'groupHeader' && same && roster.groupsFromSections ? 'Label rows above each section' : 'None';
        options.unshift([NONE, none]);
      }
      const el = columns[key];
      replace(el, []);
      for (const [value, text] of options) {
        const option = h('option', { text });
        option.value = value;
        el.appendChild(option);
      }
      const wanted = found[key];
      el.value = wanted !== null && names.includes(wanted) ? wanted : key === 'nameHeader' ? (names[0] ?? '') : NONE;
    }
    paintStatus();
  };

  const paintStatus = (): void => {
    statusBoxes.clear();
    const tab = currentTab();
    const sameColumn =
      tab?.sheetId === roster.sheetId &&
      Number(headerRow.value) === roster.headerRow &&
      columns.activeHeader.value === roster.activeHeader;
    if (!sameColumn || roster.statusValues.length === 0) {
      replace(
        statusPart,
        columns.activeHeader.value === NONE
          ? []
          : [
              h('p', {
                className: 'secondary',
                text: "Save to see this column's values and choose which mean active.",
              }),
            ],
      );
      return;
    }
    const legend = h('legend', { text: 'Active when the status is' });
    const boxes = roster.statusValues.map((s) => {
      const box = h('input', { attrs: { type: 'checkbox' } });
      box.checked = s.active;
      box.addEventListener('change', () => {
        touched = true;
      });
      statusBoxes.set(s.value, box);
      return h('label', { className: 'check' }, [box, ` ${s.value === '' ? '(blank)' : s.value} (${s.count})`]);
    });
    replace(statusPart, [h('fieldset', { className: 'status-values' }, [legend, ...boxes])]);
  };

  const fillRows = (): void => {
    const tab = currentTab();
    const rows = tab?.rows ?? [];
    replace(headerRow, []);
    for (let r = 1; r <= Math.max(1, rows.length); r += 1) {
      const option = h('option', { text: `Row ${r}: ${rowPreview(rows[r - 1] ?? [])}` });
      option.value = String(r);
      headerRow.appendChild(option);
    }
    const preferred = tab?.sheetId === roster.sheetId ? roster.headerRow : tab?.headerRow;
    headerRow.value = String(preferred ?? 1);
    fillColumns();
  };

  sheet.addEventListener('change', () => {
    touched = true;
    fillRows();
  });
  headerRow.addEventListener('change', () => {
    touched = true;
    fillColumns();
  });
  for (const key of COLUMN_KEYS) {
    columns[key].addEventListener('change', () => {
      touched = true;
      if (key === 'activeHeader') paintStatus();
    });
  }

  call('getRosterTabs').then(
    (found) => {
      tabs = found;
      if (tabs.length === 0) {
        replace(controls, [
          h('p', { className: 'secondary', text: 'This spreadsheet has no tab Cadence could read as a roster.' }),
        ]);
        return;
      }
      replace(sheet, []);
      for (const tab of tabs) {
        const option = h('option', { text: tab.name });
        option.value = String(tab.sheetId);
        sheet.appendChild(option);
      }
      sheet.value = String(roster.sheetId ?? tabs.find((t) => t.headerRow !== null)?.sheetId ?? tabs[0].sheetId);
      fillRows();
      replace(controls, [
        labelled('Roster sheet', sheet),
        labelled('Heading row', headerRow),
        ...COLUMN_KEYS.map((k) => labelled(COLUMN_LABELS[k], columns[k])),
        statusPart,
      ]);
    },
    (error: Error) => replace(controls, [message('error', `Cadence could not read the tabs: ${error.message}`)]),
  );

  const detectAgain = button('Detect the roster again', () => {
    hooks.say('info', 'Looking for the roster…');
    const reset: RosterSettings = {
      sheetId: null,
      headerRow: null,
      nameHeader: null,
      idHeader: null,
      groupHeader: null,
      activeHeader: null,
      statusMeanings: {},
    };
    call('saveSettings', { roster: reset }).then(
      (fresh) => hooks.onData(fresh, `Cadence looked again: ${fresh.roster.summary || 'no roster found'}.`),
      (error: Error) => hooks.say('error', error.message),
    );
  });

  const create =
    roster.sheetName === null
      ? h('div', { className: 'block' }, [
          h('p', { text: 'No roster? Cadence can add a small Roster tab with the right headers for you to fill in.' }),
          button('Create a roster tab', () => {
            hooks.say('info', 'Creating the Roster tab…');
            call('createRoster').then(
              (fresh) => hooks.onData(fresh, 'Roster tab created. Add your clients to it.'),
              (error: Error) => hooks.say('error', error.message),
            );
          }),
        ])
      : null;

  const el = h('fieldset', { className: 'block' }, [
    h('legend', { text: 'Roster' }),
    h('p', {
      className: 'secondary',
      text: roster.sheetName ? `Cadence reads ${roster.summary}.` : 'No roster found yet.',
    }),
    roster.problem ? message('error', roster.problem) : null,
    create,
    cadenceIdOffer(data, hooks),
    unlinkedList(data, hooks),
    controls,
    roster.sheetName ? detectAgain : null,
  ]);

  return {
    el,
    choice(): RosterSettings | undefined {
      if (!touched || !currentTab()) return undefined;
      const value = (key: ColumnKey): string | null => {
        const v = columns[key].value;
        if (v !== NONE) return v;
        // "Label rows above each section" is what Cadence detects when no column is chosen.
        return key === 'groupHeader' && roster.groupsFromSections ? null : '';
      };
      const statusMeanings: Record<string, boolean> = {};
      for (const [key, box] of statusBoxes) statusMeanings[key] = box.checked;
      return {
        sheetId: Number(sheet.value),
        headerRow: Number(headerRow.value),
        nameHeader: value('nameHeader'),
        idHeader: value('idHeader'),
        groupHeader: value('groupHeader'),
        activeHeader: value('activeHeader'),
        statusMeanings,
      };
    },
  };
}
