/**
 * Recording from a phone (issue 15): the Quick entry tab set up from the desktop, then used only
 * through a person's edits, each firing the onEdit(e) simple trigger in AuthMode.LIMITED as the
 * Sheets mobile apps do. Saves go through the sidebar's save path: one request id per content,
 * the document lock, the record's integrity checks, Patterns refreshed.
 */
import type { Environment } from '../../src/runtime';
import type { OfflineEnvironment } from '../../src/runtime/environment';
import { practice, readRecordBack, PRACTICE, TODAY } from './fixtures';
import { LOCK_IN_SIMPLE_TRIGGERS, phone, quickEntrySheet, readQuickEntry } from './quickEntryHelpers';
import { cadenceEnvironment } from '../cadence';
import { writeRoster } from './fixtures';

function setUp(env: Environment = practice()): Environment {
  env.run('setUpQuickEntry');
  return env;
}

/** Marks Monday group: Amy present, Ben excused with a reason and a note, Cleo unexcused. */
function markMonday(env: Environment): void {
  phone.chooseGroup(env, 'Monday group');
  phone.mark(env, 'Amy Adams', { status: 'Present' });
  phone.mark(env, 'Ben Brown', { status: 'Excused', reason: 'illness', notice: true, note: 'Flu; back next week' });
  phone.mark(env, 'Cleo Clark', { status: 'unexcused' });
}

describe('setUpQuickEntry', () => {
  test('makes a tab with the contract labels, inputs, header and a remembered, tagged ID', () => {
    const env = practice();
    const { sheetName } = env.run<{ sheetName: string }>('setUpQuickEntry');
    expect(sheetName).toBe('Quick entry');
    const view = readQuickEntry(env);
    expect(view.sheetName).toBe('Quick entry');
    const sheet = quickEntrySheet(env);
    expect(Object.prototype.toString.call(sheet.getRange(view.date).getValue())).toBe('[object Date]');
    expect(sheet.getRange(view.save).getValue()).toBe(false);
    expect(sheet.getRange(view.group).getDataValidation()?.getCriteriaValues()[0]).toEqual([
      'Monday group',
      'Tuesday group',
    ]);
    expect(sheet.getDeveloperMetadata().map((m) => m.getKey())).toContain('cadence.quickEntry');
    expect(sheet.getFrozenRows()).toBeGreaterThanOrEqual(5);
    expect(view.status).toMatch(/Choose the group/);
  });

  test('a second set-up repairs the same tab and keeps the chosen group and marks', () => {
    const env = setUp();
    phone.chooseGroup(env, 'Monday group');
    phone.mark(env, 'Ben Brown', { status: 'Late' });
    quickEntrySheet(env).getRange('A1').setValue('scribbled over');
    env.run('setUpQuickEntry');
    expect(env.spreadsheet.getSheets().filter((s) => s.getName().startsWith('Quick entry'))).toHaveLength(1);
    const view = readQuickEntry(env);
    expect(view.clients.map((c) => [c.name, c.status])).toEqual([
      ['Amy Adams', ''],
      ['Ben Brown', 'Late'],
      ['Cleo Clark', ''],
    ]);
  });

  test('the menu has "Set up phone entry", which makes the tab and says what to do on the phone', () => {
    const env = practice();
    env.trigger('onOpen');
    expect(env.ui.menu?.items).toContainEqual({ caption: 'Set up phone entry', functionName: 'setUpPhoneEntry' });
    env.run('setUpPhoneEntry');
    expect(readQuickEntry(env).sheetName).toBe('Quick entry');
    expect(env.ui.toasts.at(-1)).toMatch(/Quick entry.*phone/);
  });
});

describe('onEdit on the Quick entry tab', () => {
  test('choosing the group lists its active clients and says what next', () => {
    const env = setUp();
    phone.chooseGroup(env, 'Monday group');
    const view = readQuickEntry(env);
    expect(view.clients.map((c) => c.name)).toEqual(['Amy Adams', 'Ben Brown', 'Cleo Clark']);
    expect(view.status).toBe('3 clients listed. Choose each one’s Status, then tick Save.');
  });

  test('ticking Save stores the session through the save path, clears the marks and says so', () => {
    const env = setUp();
    markMonday(env);
    phone.tickSave(env);
    const view = readQuickEntry(env);
    expect(view.saveTicked).toBe(false);
    const rows = readRecordBack(env);
    if (!LOCK_IN_SIMPLE_TRIGGERS) {
      expect(rows).toEqual([]);
      expect(view.status).toMatch(/^Not saved: Google did not let the phone take the spreadsheet’s lock/);
      expect(view.clients.map((c) => c.status)).toEqual(['Present', 'Excused', 'unexcused']);
      return;
    }
    expect(view.status).toMatch(/^Saved 3 entries — Monday group, 12 Mar, \d\d:\d\d$/);
    expect(rows.map((r) => [r['Session date'], r.Client, r.Status, r.Reason, r['Notice given'], r.Note])).toEqual([
      [TODAY, 'Amy Adams', 'present', '', '', ''],
      [TODAY, 'Ben Brown', 'excused', 'illness', 'yes', 'Flu; back next week'],
      [TODAY, 'Cleo Clark', 'unexcused', '', 'no', ''],
    ]);
    // Simple triggers cannot know who the user is: Recorded by is blank, as Apps Script gives it.
    expect(rows.every((r) => r['Recorded by'] === '')).toBe(true);
    expect(view.clients.every((c) => c.status === '' && c.note === '' && !c.notice)).toBe(true);
    const patterns = env.spreadsheet.getSheetByName('Patterns');
    expect(patterns?.getDataRange().getValues().flat()).toEqual(expect.arrayContaining(['Ben Brown']));
  });

  test('a second tick, and a tick from a second phone inside the first save, store nothing more', () => {
    const env = setUp();
    markMonday(env);
    const tab = quickEntrySheet(env).getName();
    const save = readQuickEntry(env).save;
    let inner = '';
    env.beforeServiceCall = (method) => {
      if (method !== 'Range.getFormulas' || inner) return;
      inner = 'ran';
      env.beforeServiceCall = null;
      // The other phone's onEdit for the same tick, run while the first reads the form.
      env.trigger('onEdit', { authMode: 'LIMITED', event: { range: `'${tab}'!${save}`, value: 'TRUE' } });
    };
    quickEntrySheet(env).getRange(save).setValue(true);
    env.trigger('onEdit', { authMode: 'LIMITED', event: { range: `'${tab}'!${save}`, value: 'TRUE' } });
    expect(inner).toBe('ran');
    const stored = readRecordBack(env).length;
    expect(stored).toBe(LOCK_IN_SIMPLE_TRIGGERS ? 3 : 0);
    phone.tickSave(env);
    expect(readRecordBack(env)).toHaveLength(stored);
    if (LOCK_IN_SIMPLE_TRIGGERS)
      expect(readQuickEntry(env).status).toMatch(/^Monday group on 12 Mar is already recorded \(3 entries\)/);
  });

  test('unmarked clients are named, Save is unticked, nothing is stored', () => {
    const env = setUp();
    phone.chooseGroup(env, 'Monday group');
    phone.mark(env, 'Ben Brown', { status: 'Late' });
    phone.tickSave(env);
    const view = readQuickEntry(env);
    expect(view.status).toBe('Not saved. Mark Amy Adams and Cleo Clark, then tick Save again.');
    expect(view.saveTicked).toBe(false);
    expect(readRecordBack(env)).toEqual([]);
  });

  test('a typed status is matched case-insensitively; a wrong one is named', () => {
    const env = setUp();
    phone.chooseGroup(env, 'Monday group');
    phone.mark(env, 'Amy Adams', { status: 'PRESENT' });
    phone.mark(env, 'Ben Brown', { status: ' late ' });
    phone.mark(env, 'Cleo Clark', { status: 'Prsent' });
    phone.tickSave(env);
    expect(readQuickEntry(env).status).toMatch(/^Not saved. “Prsent” for Cleo Clark is not a status; choose Present, /);
    phone.mark(env, 'Cleo Clark', { status: 'cancelled' });
    phone.tickSave(env);
    expect(readRecordBack(env).map((r) => r.Status)).toEqual(
      LOCK_IN_SIMPLE_TRIGGERS ? ['present', 'late', 'cancelled'] : [],
    );
  });

  test('choosing a session already recorded says so; saving it again is refused', () => {
    const env = setUp();
    env.run('saveSession', {
      requestId: 'sidebar-1',
      date: TODAY,
      group: 'Monday group',
      attendance: ['C001', 'C002', 'C003'].map((clientId) => ({ clientId, status: 'present' })),
    });
    phone.chooseGroup(env, 'Monday group');
    expect(readQuickEntry(env).status).toMatch(/^Already recorded: Monday group on 12 Mar has 3 entries/);
    for (const name of ['Amy Adams', 'Ben Brown', 'Cleo Clark']) phone.mark(env, name, { status: 'Late' });
    phone.tickSave(env);
    expect(readRecordBack(env)).toHaveLength(3);
    if (LOCK_IN_SIMPLE_TRIGGERS)
      expect(readQuickEntry(env).status).toMatch(/is already recorded \(3 entries\); nothing was saved/);
  });

  test('a note typed like a formula is stored as the text typed', () => {
    const env = setUp();
    phone.chooseGroup(env, 'Monday group');
    phone.mark(env, 'Amy Adams', { status: 'Present' });
    phone.mark(env, 'Ben Brown', { status: 'Refused', note: '=HYPERLINK("http://x","y")' });
    phone.mark(env, 'Cleo Clark', { status: 'Present', note: '+ better today' });
    phone.tickSave(env);
    if (!LOCK_IN_SIMPLE_TRIGGERS) return;
    expect(readRecordBack(env).map((r) => r.Note)).toEqual(['', '=HYPERLINK("http://x","y")', '+ better today']);
  });
});

describe('people working around the Quick entry tab', () => {
  test('renamed, it still works (found by its remembered ID)', () => {
    const env = setUp();
    quickEntrySheet(env).setName('Phone');
    markMonday(env);
    phone.tickSave(env);
    expect(readRecordBack(env)).toHaveLength(LOCK_IN_SIMPLE_TRIGGERS ? 3 : 0);
  });

  test('deleted, then set up again: a new tab that works; the old one is not looked for', () => {
    const env = setUp();
    env.spreadsheet.deleteSheet(quickEntrySheet(env));
    env.run('setUpQuickEntry');
    markMonday(env);
    phone.tickSave(env);
    expect(readRecordBack(env)).toHaveLength(LOCK_IN_SIMPLE_TRIGGERS ? 3 : 0);
  });

  test('a client row typed by a person is matched by name; a stranger is named and nothing stored', () => {
    const env = setUp();
    phone.chooseGroup(env, 'Monday group');
    const sheet = quickEntrySheet(env);
    // Cleo's row typed again by hand below the list (no hidden ID), and her listed row cleared.
    const view = readQuickEntry(env);
    sheet
      .getRange(`${view.cell('Cleo Clark', 'Client')}:${view.cell('Cleo Clark', 'Follow-up').replace(/[A-Z]+/, 'G')}`)
      .clearContent();
    const last = sheet.getLastRow() + 1;
    env.edit(sheet.getName(), `A${last}`, 'cleo clark');
    env.edit(sheet.getName(), `B${last}`, 'Late');
    env.edit(sheet.getName(), `A${last + 1}`, 'Zed Zola');
    env.edit(sheet.getName(), `B${last + 1}`, 'Present');
    phone.mark(env, 'Amy Adams', { status: 'Present' });
    phone.mark(env, 'Ben Brown', { status: 'Present' });
    phone.tickSave(env);
    expect(readQuickEntry(env).status).toBe(
      'Not saved. “Zed Zola” is not in this group on the roster; choose the group again to list its clients.',
    );
    expect(readRecordBack(env)).toEqual([]);
    sheet.getRange(`A${last + 1}:B${last + 1}`).clearContent();
    phone.tickSave(env);
    if (LOCK_IN_SIMPLE_TRIGGERS)
      expect(readRecordBack(env).map((r) => [r.Client, r.Status])).toEqual([
        ['Amy Adams', 'present'],
        ['Ben Brown', 'present'],
        ['Cleo Clark', 'late'],
      ]);
  });

  test('client rows sorted by a person keep each mark with its client', () => {
    const env = setUp();
    markMonday(env);
    const sheet = quickEntrySheet(env);
    const first = sheet.getFrozenRows() + 1;
    sheet.getRange(first, 1, 3, 7).sort({ column: 1, ascending: false });
    expect(readQuickEntry(env).clients.map((c) => c.name)).toEqual(['Cleo Clark', 'Ben Brown', 'Amy Adams']);
    phone.tickSave(env);
    if (LOCK_IN_SIMPLE_TRIGGERS)
      expect(Object.fromEntries(readRecordBack(env).map((r) => [r.Client, r.Status]))).toEqual({
        'Amy Adams': 'present',
        'Ben Brown': 'excused',
        'Cleo Clark': 'unexcused',
      });
  });

  test('marks changed while the save runs stay on the form, and the status line says they were not saved', () => {
    const env = setUp();
    markMonday(env);
    const view = readQuickEntry(env);
    let outer: number | null = null;
    const done = new Set<string>();
    env.beforeServiceCall = (method, execution) => {
      outer ??= execution;
      if (execution !== outer || done.has(method)) return;
      // After the save read the form: Amy's status changed before the marks are read again, and a
      // note typed for Cleo after that, while the clearing is on its way.
      if (method === 'Sheet.insertRowsAfter') env.edit(view.sheetName, view.cell('Amy Adams', 'Status'), 'Late');
      else if (method === 'RangeList.setValue')
        env.edit(view.sheetName, view.cell('Cleo Clark', 'Note'), '+ ask about the bus');
      else return;
      done.add(method);
    };
    phone.tickSave(env);
    env.beforeServiceCall = null;
    if (!LOCK_IN_SIMPLE_TRIGGERS) return;
    expect([...done]).toEqual(['Sheet.insertRowsAfter', 'RangeList.setValue']);
    expect(readRecordBack(env).map((r) => [r.Client, r.Status, r.Note])).toEqual([
      ['Amy Adams', 'present', ''],
      ['Ben Brown', 'excused', 'Flu; back next week'],
      ['Cleo Clark', 'unexcused', ''],
    ]);
    const after = readQuickEntry(env);
    expect(after.clients.map((c) => [c.name, c.status, c.reason, c.notice, c.note])).toEqual([
      ['Amy Adams', 'Late', '', false, ''],
      ['Ben Brown', '', '', false, ''],
      ['Cleo Clark', '', '', false, '+ ask about the bus'],
    ]);
    // What the person typed stays text, as typed: the clearing never wrote their cells.
    expect(quickEntrySheet(env).getRange(view.cell('Cleo Clark', 'Note')).getFormula()).toBe('');
    expect(after.status).toMatch(
      /^Saved 3 entries — Monday group, 12 Mar, \d\d:\d\d\. Changes made while saving to Amy Adams and Cleo Clark were not saved and are still on the form;/,
    );
  });

  test('a duplicated Quick entry tab is never acted on', () => {
    const env = setUp();
    const copy = quickEntrySheet(env).copyTo(env.spreadsheet).setName('Copy of Quick entry');
    copy.getRange('B2').setValue('Monday group');
    const result = env.edit('Copy of Quick entry', 'B3', true);
    expect(result).toEqual({ fired: true, error: null });
    expect(readRecordBack(env)).toEqual([]);
  });
});

describe('the cost of onEdit', () => {
  test('an edit anywhere else ends after at most 2 service calls, before reading anything', () => {
    const env = setUp();
    markMonday(env);
    phone.tickSave(env);
    const roster = env.spreadsheet.getSheetByName('Clients')!;
    // A plain cell, a cell with a person's own dropdown, the record, and a label of the tab itself.
    roster
      .getRange('E2')
      .setDataValidation(
        (env as OfflineEnvironment).spreadsheetApp.newDataValidation().requireValueInList(['a', 'b']).build(),
      );
    const cases: [string, string, string][] = [
      ['Clients', 'B3', 'Amy B. Adams'],
      ['Clients', 'E2', 'a'],
      [quickEntrySheet(env).getName(), 'A1', 'Session date'],
    ];
    if (LOCK_IN_SIMPLE_TRIGGERS) cases.push(['Attendance', 'Z2', 'my own column']);
    for (const [tab, a1, value] of cases) {
      expect(env.edit(tab, a1, value)).toEqual({ fired: true, error: null });
      expect({ tab, a1, calls: env.lastCalls.total }).toEqual({ tab, a1, calls: expect.any(Number) });
      expect(env.lastCalls.total).toBeLessThanOrEqual(2);
    }
  });
});

test('in AuthMode.NONE (installed, not yet used in the document) onEdit does nothing and fails nothing', () => {
  const env = setUp();
  const save = readQuickEntry(env).save;
  expect(() =>
    env.trigger('onEdit', { authMode: 'NONE', event: { range: `'Quick entry'!${save}`, value: 'TRUE' } }),
  ).not.toThrow();
  expect(env.lastCalls.total).toBe(0);
});

test('a group with no active client on the roster says so', () => {
  const env = cadenceEnvironment({ now: () => new Date('2025-03-12T19:00:00Z') });
  writeRoster(env, PRACTICE.slice(0, 0));
  env.run('setUpQuickEntry');
  phone.chooseGroup(env, 'Monday group');
  expect(readQuickEntry(env).status).toMatch(/No active client is in the group “Monday group”/);
});

describe('the cost of a Quick entry save', () => {
  /** A practice whose record exists, with a group of `size` clients marked present on the phone. */
  function savedGroup(size: number): Environment {
    const clients = Array.from({ length: size }, (_, i) => ({
      id: `K${100 + i}`,
      name: `Client ${i}`,
      group: 'Big group',
      active: 'yes',
    }));
    const env = practice([...clients, { id: 'Z1', name: 'Zoe Other', group: 'Other', active: 'yes' }]);
    env.run('saveSession', {
      requestId: 'warm',
      date: '2025-03-03',
      attendance: [{ clientId: 'Z1', status: 'present' }],
    });
    setUp(env);
    // The sidebar opened once since the set-up: Cadence's tabs are remembered as they now are.
    env.run('getSidebarData');
    phone.chooseGroup(env, 'Big group');
    for (const c of clients) phone.mark(env, c.name, { status: 'Present' });
    phone.tickSave(env);
    return env;
  }

  test('makes the same round trips for 3 clients and for 12', () => {
    const small = savedGroup(3);
    const calls = small.lastCalls;
    const large = savedGroup(12);
    expect(readRecordBack(large)).toHaveLength(LOCK_IN_SIMPLE_TRIGGERS ? 13 : 1);
    // Only Utilities.getUuid (in-process, one Entry ID per row, one new form id) grows with the group.
    const diff = Object.entries(large.lastCalls.byMethod).filter(([m, n]) => calls.byMethod[m] !== n);
    expect(diff).toEqual(LOCK_IN_SIMPLE_TRIGGERS ? [['Utilities.getUuid', 13]] : []);
    expect(large.lastCalls.expensive).toBe(calls.expensive);
    console.log(`A Quick entry save: ${calls.total} service calls, ${calls.expensive} of them round trips.`);
  });

  test('marking a client (an edit of a Status cell) costs the 2 calls of the guard', () => {
    const env = setUp();
    phone.chooseGroup(env, 'Monday group');
    const view = readQuickEntry(env);
    env.edit(view.sheetName, view.cell('Amy Adams', 'Status'), 'Present');
    expect(env.lastCalls.total).toBe(2);
  });
});

test('a client away on a planned absence is listed already marked Cancelled with its reason, as the sidebar marks them', () => {
  const env = setUp();
  env.run('planAbsence', {
    requestId: 'plan-1',
    clientId: 'C002',
    from: '2025-03-10',
    to: '2025-03-20',
    reason: 'holiday',
  });
  phone.chooseGroup(env, 'Monday group');
  const ben = readQuickEntry(env).clients.find((c) => c.name === 'Ben Brown');
  expect(ben).toMatchObject({ status: 'Cancelled', reason: 'planned: holiday' });
  phone.mark(env, 'Amy Adams', { status: 'Present' });
  phone.mark(env, 'Cleo Clark', { status: 'Present' });
  phone.tickSave(env);
  if (LOCK_IN_SIMPLE_TRIGGERS)
    expect(readRecordBack(env).find((r) => r.Client === 'Ben Brown' && r['Session date'] === TODAY)).toMatchObject({
      Status: 'cancelled',
      Reason: 'planned: holiday',
    });
});
