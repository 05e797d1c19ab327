/** Properties quotas, locks (with interleaved executions), developer metadata, HtmlService and Ui. */
import { join } from 'node:path';
import { fixtureEnvironment } from './fixture';

const distDir = join(__dirname, 'fixture');

describe('PropertiesService', () => {
  test("values are strings; the 9 KB value and 500 KB store quotas throw Apps Script's messages", () => {
    const env = fixtureEnvironment({ distDir });
    expect(env.run('rememberSetting', 'rosterSheet', 'Clients')).toBe('Clients');
    expect(env.documentProperties()).toEqual({ rosterSheet: 'Clients' });
    expect(() => env.run('rememberSetting', 'big', 'x'.repeat(9 * 1024 + 1))).toThrow('Argument too large: value');
    for (let i = 0; i < 55; i++) env.run('rememberSetting', `k${i}`, 'x'.repeat(9 * 1024));
    expect(env.run('rememberSetting', 'k54', 'small')).toBe('small');
    const big = 'y'.repeat(9 * 1024);
    expect(() => {
      for (let i = 55; i < 70; i++) env.run('rememberSetting', `k${i}`, big);
    }).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
  });
});

describe('LockService', () => {
  test('a lock held by one execution times out for an execution interleaved inside it', () => {
    const env = fixtureEnvironment({ distDir });
    const nested: unknown[] = [];
    env.beforeServiceCall = (method, execution) => {
      if (execution === 1 && method === 'Sheet.appendRow') {
        nested.push(env.run('takeLockAndWrite', 'B'));
        expect(() => env.run('waitForLock')).toThrow(
          'Lock timeout: another process was holding the lock for too long.',
        );
      }
    };
    expect(env.run('takeLockAndWrite', 'A')).toBe('saved');
    expect(nested).toEqual(['busy']);
    env.beforeServiceCall = null;
    expect(env.run('takeLockAndWrite', 'C')).toBe('saved');
    expect(env.spreadsheet.getSheets()[0].getRange('A1:A2').getValues()).toEqual([['A'], ['C']]);
  });

  test('an execution interleaved before the lock is taken gets it, and the outer one then waits', () => {
    const env = fixtureEnvironment({ distDir });
    const order: string[] = [];
    env.beforeServiceCall = (method, execution) => {
      if (execution === 1 && method === 'Lock.tryLock') {
        env.beforeServiceCall = null;
        order.push(String(env.run('takeLockAndWrite', 'B')));
      }
    };
    order.push(String(env.run('takeLockAndWrite', 'A')));
    expect(order).toEqual(['saved', 'saved']);
  });

  test('locks are released when an execution ends, even without releaseLock', () => {
    const env = fixtureEnvironment({ distDir });
    expect(env.run('holdLock')).toBe(true);
    expect(env.run('holdLock')).toBe(true);
    expect(env.run('hasLockNow')).toBe(true);
  });

  test('lockUnavailable makes every tryLock fail and waitLock throw', () => {
    const env = fixtureEnvironment({ distDir });
    env.lockUnavailable = true;
    expect(env.run('takeLockAndWrite', 'A')).toBe('busy');
    expect(() => env.run('waitForLock')).toThrow('Lock timeout');
    env.lockUnavailable = false;
    expect(env.run('takeLockAndWrite', 'A')).toBe('saved');
  });
});

describe('developer metadata', () => {
  test('spreadsheet and sheet metadata, found by key, following a renamed and moved sheet', () => {
    const env = fixtureEnvironment();
    const ss = env.spreadsheet;
    ss.addDeveloperMetadata('cadence.version', '1');
    const attendance = ss.insertSheet('Attendance');
    attendance.addDeveloperMetadata('cadence.tab', 'attendance');
    attendance.setName('Sessions log');
    attendance.activate();
    ss.moveActiveSheet(1);
    const [found] = ss.createDeveloperMetadataFinder().withKey('cadence.tab').find();
    expect(found.getValue()).toBe('attendance');
    expect(String(found.getLocation().getLocationType())).toBe('SHEET');
    expect(found.getLocation().getSheet()!.getName()).toBe('Sessions log');
    expect(found.getLocation().getSheet()!.getIndex()).toBe(1);
    expect(ss.getDeveloperMetadata().map((m) => [m.getKey(), m.getValue()])).toEqual([['cadence.version', '1']]);
    expect(attendance.getDeveloperMetadata().map((m) => m.getKey())).toEqual(['cadence.tab']);
    found.setValue('attendance-v2');
    expect(attendance.createDeveloperMetadataFinder().withKey('cadence.tab').find()[0].getValue()).toBe(
      'attendance-v2',
    );
    found.remove();
    expect(ss.createDeveloperMetadataFinder().withKey('cadence.tab').find()).toEqual([]);
  });

  test('metadata of a deleted sheet is gone; arbitrary ranges cannot hold metadata', () => {
    const ss = fixtureEnvironment().spreadsheet;
    const tab = ss.insertSheet('Patterns');
    tab.addDeveloperMetadata('cadence.tab', 'patterns');
    ss.deleteSheet(tab);
    expect(ss.createDeveloperMetadataFinder().withKey('cadence.tab').find()).toEqual([]);
    expect(() => ss.getSheets()[0].getRange('A1:B2').addDeveloperMetadata('k')).toThrow(
      'Developer metadata may only be added',
    );
  });
});

describe('HtmlService and Ui', () => {
  test('createHtmlOutputFromFile reads <distDir>/<name>.html; showSidebar, alert and toast are recorded', () => {
    const env = fixtureEnvironment({ distDir });
    expect(env.run('openSidebar')).toBeGreaterThan(10);
    expect(env.ui.sidebar).toEqual({ title: 'Probe', html: expect.stringContaining('probe sidebar') });
    expect(env.ui.alerts).toEqual(['Saved 3 rows']);
    expect(env.ui.toasts).toEqual(['Cadence: Done']);
    expect(() => env.run('openMissingPage')).toThrow('No HTML file named Nope was found.');
  });
});

describe('CacheService', () => {
  test('entries expire on the environment clock', () => {
    let now = new Date('2026-11-12T10:00:00Z');
    const env = fixtureEnvironment({ distDir, now: () => now });
    expect(env.run('cacheRoundTrip', 'v')).toBe('v');
    expect(env.world.caches.document.get('k')).toBe('v');
    now = new Date('2026-11-12T10:01:01Z');
    expect(env.world.caches.document.get('k')).toBeNull();
  });
});

describe('unflushed writes', () => {
  function interleaveAfterRelease(name: string) {
    const env = fixtureEnvironment({ distDir });
    let inner: unknown = null;
    env.beforeServiceCall = (method, execution) => {
      if (execution === 1 && method === 'Range.setFontWeight') {
        env.beforeServiceCall = null;
        inner = env.run(name, 'B');
      }
    };
    const outer = env.run(name, 'A');
    return {
      outer,
      inner,
      column: env.spreadsheet
        .getSheets()[0]
        .getRange('A1:A2')
        .getValues()
        .map((r) => r[0]),
    };
  }

  test('releasing the lock before flushing lets an interleaved save overwrite the row (as a late batch would)', () => {
    expect(interleaveAfterRelease('appendWithoutFlush')).toEqual({ outer: 1, inner: 1, column: ['A', ''] });
  });

  test('flushing before releasing keeps both rows', () => {
    expect(interleaveAfterRelease('appendWithFlush')).toEqual({ outer: 1, inner: 2, column: ['A', 'B'] });
  });

  test("RangeList.setValue is batched like Range.setValue: it lands over a person's edit of its cells only", () => {
    const env = fixtureEnvironment({ distDir });
    const sheet = env.spreadsheet.getSheets()[0];
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    env.beforeServiceCall = (method, execution) => {
      if (execution === 1 && method === 'Range.setFontWeight') {
        env.beforeServiceCall = null;
        // The person, who does not see the unsent write, types into a cell it clears and one beside.
        env.edit(sheet.getName(), 'A1', 'typed in a cleared cell');
        env.edit(sheet.getName(), 'B1', 'typed beside');
      }
    };
    env.run('setListThenStyle', ['A1', 'C1'], '');
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['', 'typed beside', '']]);
    expect(env.lastCalls.byMethod['RangeList.setValue']).toBe(1);
  });

  test('an execution reads its own writes', () => {
    expect(fixtureEnvironment({ distDir }).run('writeThenRead')).toBe('mine');
  });
});
