/** The loader: executions, realms, the clock, the bridge rules, errors, counting, auth modes. */
import { join } from 'node:path';
import { fixtureEnvironment } from './fixture';

const distDir = join(__dirname, 'fixture');
const NOW = new Date('2026-11-12T15:30:00Z');

function env() {
  return fixtureEnvironment({ distDir, now: () => NOW });
}

describe('executions', () => {
  test('objects the add-on receives belong to its own realm', () => {
    const e = env();
    e.spreadsheet
      .getSheets()[0]
      .getRange('A1:B1')
      .setValues([['x', new Date('2026-01-05T05:00:00Z')]]);
    const seen = e.run<Record<string, unknown>>('probeRealm', { list: [1, 2], nested: { a: 1 } });
    expect(seen).toMatchObject({
      argIsArray: true,
      argIsArrayInstance: true,
      argIsObject: true,
      rowsAreArrays: true,
      dateIsDate: true,
      dateYear: 2026,
      blank: '',
      dateCtorNow: true,
    });
  });

  test('new Date() and Date.now() inside the add-on read the now option', () => {
    const seen = env().run<{ now: string; nowMs: number }>('probeRealm', { list: [], nested: {} });
    expect(seen.now).toBe(NOW.toISOString());
    expect(seen.nowMs).toBe(NOW.getTime());
  });

  test('names ending in _ and unknown names cannot be called', () => {
    const e = env();
    expect(() => e.run('private_')).toThrow('Script function not found: private_');
    expect(() => e.run('noSuchFunction')).toThrow('Script function not found: noSuchFunction');
    expect(e.run('arrowEntry')).toBe('var-declared');
  });

  test("the add-on's error reaches the caller with its message", () => {
    expect(() => env().run('fail')).toThrow('Pick a date for the session.');
  });

  test('service errors are Errors of the add-on realm, with Apps Script messages', () => {
    expect(env().run('catchServiceError')).toEqual({
      isError: true,
      message: 'The starting row of the range is too small.',
    });
  });

  test('each run is a fresh context: top-level state does not survive', () => {
    const e = env();
    expect(e.run('echo', 1)).toBe(1);
    expect(e.run('echo', 2)).toBe(2);
  });
});

describe('bridge copy rules', () => {
  test('primitives, null, plain objects and arrays pass as deep copies', () => {
    const arg = { a: [1, 'two', true, null], b: { c: 'd' } };
    const out = env().run<typeof arg>('echo', arg);
    expect(out).toEqual(arg);
    expect(out).not.toBe(arg);
  });

  test.each([
    ['a Date', new Date()],
    ['a function', () => 1],
    ['a Map', new Map()],
    [
      'a class instance',
      new (class Entry {
        x = 1;
      })(),
    ],
    ['a Date inside an object', { when: new Date() }],
    ['a Date inside an array', [1, new Date()]],
  ])('%s in the arguments makes the call fail', (_label, arg) => {
    expect(() => env().run('echo', arg)).toThrow(/google\.script\.run: illegal argument/);
  });

  test('a circular argument fails', () => {
    const a: Record<string, unknown> = {};
    a.self = a;
    expect(() => env().run('echo', a)).toThrow(/circular/);
  });

  test('a Date in the result fails (stricter than the null the client would get)', () => {
    expect(() => env().run('returnDate')).toThrow(/illegal result type Date/);
  });

  test('undefined properties are dropped and undefined array items become null', () => {
    expect(env().run('returnUndefinedFields')).toEqual({ kept: 1, list: [1, null, 3] });
    expect(Object.keys(env().run<object>('returnUndefinedFields'))).toEqual(['kept', 'list']);
  });

  test('__proto__ keys in an argument stay data, never a prototype', () => {
    const arg = JSON.parse('{"__proto__": {"polluted": true}, "ok": 1}');
    const out = env().run<Record<string, unknown>>('echo', arg);
    expect(Object.prototype.hasOwnProperty.call(out, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('call counting', () => {
  test('lastCalls counts the last run by Class.method, and expensive calls separately', () => {
    const e = env();
    e.spreadsheet
      .getSheets()[0]
      .getRange('A1:B3')
      .setValues([
        [1, 2],
        [3, 4],
        [5, 6],
      ]);
    expect(e.lastCalls.total).toBe(0);
    expect(e.run('readRows')).toBe(3);
    expect(e.lastCalls.byMethod).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'Spreadsheet.getSheets': 1,
      'Sheet.getLastRow': 1,
      'Sheet.getLastColumn': 1,
      'Sheet.getRange': 1,
      'Range.getValues': 1,
    });
    expect(e.lastCalls.byService.Sheet).toBe(3);
    expect(e.lastCalls.expensive).toBe(6);
    e.run('logSomething');
    expect(e.lastCalls.byMethod['Logger.log']).toBe(1);
    expect(e.lastCalls.expensive).toBe(0);
    e.run('buildRule');
    expect(e.lastCalls.byMethod).toMatchObject({
      'SpreadsheetApp.newConditionalFormatRule': 1,
      'ConditionalFormatRuleBuilder.build': 1,
    });
    expect(e.lastCalls.expensive).toBe(0);
  });

  test('injectFault fails the nth call of a method with the given message', () => {
    const e = env();
    e.spreadsheet.getSheets()[0].getRange('A1').setValue('row');
    e.injectFault({ method: 'Range.getValues', message: 'Service Spreadsheets timed out' });
    expect(() => e.run('readRows')).toThrow('Service Spreadsheets timed out');
    expect(e.run('readRows')).toBe(1);
  });
});

describe('AuthMode', () => {
  test('onOpen in NONE may build the menu but not read properties', () => {
    const e = env();
    e.trigger('onOpen', 'NONE');
    expect(e.ui.menu?.items).toEqual([{ caption: 'Probe', functionName: 'echo' }]);
    expect(e.documentProperties()).toEqual({});
    e.trigger('onOpen', 'LIMITED');
    expect(e.documentProperties()).toEqual({ opened: 'yes' });
  });

  test('in NONE, touching the spreadsheet throws an authorization error', () => {
    expect(() => env().trigger('onOpenReadingData' as 'onOpen', 'NONE')).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet',
    );
  });
});

describe('services', () => {
  test('Logger and console lines are kept; Utilities.formatDate works in any zone', () => {
    const e = env();
    expect(e.run('logSomething')).toBe('2026-11-12T10:04:05-05:00');
    expect(e.logs).toEqual(['saved 3 rows', 'console line']);
  });

  test('CacheService entries can be dropped at any time', () => {
    const e = env();
    expect(e.run('cacheRoundTrip', 'v')).toBe('v');
    e.dropCaches();
    expect(e.world.caches.document.get('k')).toBeNull();
  });

  test('Session reports the configured user and script time zone', () => {
    const e = fixtureEnvironment({ distDir, user: 'a@b.org', scriptTimeZone: 'Europe/Paris' });
    expect(e.run('whoAmI')).toEqual({ email: 'a@b.org', tz: 'Europe/Paris' });
  });
});

describe('beforeServiceCall', () => {
  test('a failing hook fails the run with its own error even if the add-on catches it', () => {
    const e = env();
    e.beforeServiceCall = (method) => {
      if (method === 'Sheet.getRange') throw new Error('assertion inside the hook');
    };
    expect(() => e.run('catchServiceError')).toThrow('assertion inside the hook');
  });

  test('the hook sees every call of the add-on with its execution number', () => {
    const e = env();
    const seen: string[] = [];
    e.beforeServiceCall = (method, execution) => {
      seen.push(`${execution}:${method}`);
    };
    e.run('whoAmI');
    e.run('whoAmI');
    expect(seen).toEqual([
      '1:Session.getActiveUser',
      '1:User.getEmail',
      '1:Session.getScriptTimeZone',
      '2:Session.getActiveUser',
      '2:User.getEmail',
      '2:Session.getScriptTimeZone',
    ]);
  });
});

describe("the add-on's local time is the script's time zone", () => {
  test('constructors, getters, setters, parsing and toString follow scriptTimeZone', () => {
    const e = fixtureEnvironment({ distDir, scriptTimeZone: 'America/New_York' });
    expect(e.run('localTime')).toEqual({
      constructed: '2026-11-12T14:30:00.000Z',
      hours: 10,
      offset: 300,
      summerOffset: 240,
      acrossDst: '2026-03-08T16:00:00.000Z',
      parsedLocal: '2026-11-12T14:30:00.000Z',
      parsedDateOnly: '2026-11-12T00:00:00.000Z',
      parsedZoned: Date.UTC(2026, 10, 12, 9, 30),
      text: 'Thu Nov 12 2026 09:30:00 GMT-0500 (Eastern Standard Time)',
      locale: '11/12/2026, 9:30:00 AM',
      isDate: true,
    });
  });

  test('a wall time in a DST gap lands after it; in an overlap, on the earlier instant (as in ECMAScript)', () => {
    const e = fixtureEnvironment({ distDir, scriptTimeZone: 'America/New_York' });
    expect(e.run('wallTimes')).toEqual({ gap: '2026-03-08T07:30:00.000Z', overlap: '2026-11-01T05:30:00.000Z' });
  });

  test('with the default Etc/UTC local time is UTC', () => {
    const seen = fixtureEnvironment({ distDir }).run<{ constructed: string; offset: number }>('localTime');
    expect([seen.constructed, seen.offset]).toEqual(['2026-11-12T09:30:00.000Z', 0]);
  });
});
