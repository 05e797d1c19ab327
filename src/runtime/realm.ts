/**
 * Realms: the add-on runs in its own V8 context, whose Array, Date, Error and Object are not
 * Node's. Everything handed to the add-on (rows from getValues, Dates, bridge arguments, errors)
 * is built by helpers compiled inside that context, so `Array.isArray`, `instanceof Date` and
 * `instanceof Error` behave there as they do in Apps Script.
 */
import * as vm from 'node:vm';

export interface Realm {
  /** Copies rows [r0, r0+nr) × [c0, c0+nc) of a ragged 2-D array into realm arrays; holes read ''. */
  rows(
    src: unknown[][] | (unknown[] | undefined)[],
    r0: number,
    c0: number,
    nr: number,
    nc: number,
    resolve?: (cell: unknown, row: number, column: number) => unknown,
  ): unknown[][];
  date(ms: number): Date;
  error(message: string): Error;
  isError(value: unknown): boolean;
  /** Parses JSON into realm objects (the bridge's deep copy). */
  parse(text: string): unknown;
  array<T>(items: readonly T[]): T[];
  object(entries: Record<string, unknown>): Record<string, unknown>;
}

/**
 * The helpers' source, compiled once per realm. A cell that is an object is either a Date (any
 * realm: has getTime) or a formula, which `resolve` computes; resolved Dates are re-made here.
 */
const HELPERS = `(function (nowMs, offsetOf, zoneNameOf, zoneId) {
  'use strict';
  var NativeDate = Date;
  var P = NativeDate.prototype;
  var getTime = P.getTime;
  var FIELDS = ['FullYear', 'Month', 'Date', 'Hours', 'Minutes', 'Seconds', 'Milliseconds'];
  var nativeLocal = {};
  FIELDS.forEach(function (f) { nativeLocal[f] = P['get' + f]; });
  // Wall-clock time of the script's zone, held in a Date's UTC fields.
  function wall(t) { return new NativeDate(t + offsetOf(t) * 60000); }
  // The instant a wall time names: in an overlap the earlier, in a gap the one after it (as ECMAScript's LocalTime does).
  function instantOfWall(w) {
    var first = w - offsetOf(w) * 60000;
    var settled = w - offsetOf(first) * 60000;
    if (settled + offsetOf(settled) * 60000 === w) return settled;
    if (first + offsetOf(first) * 60000 === w) return first;
    return Math.max(first, settled);
  }
  // Strings with a zone, and ISO dates without a time, are instants; other strings are local.
  function parseLocal(text) {
    var d = new NativeDate(text);
    var t = getTime.call(d);
    if (t !== t) return NaN;
    var s = String(text).trim();
    if (/(Z|[+-]\\d\\d:?\\d\\d|GMT|UTC)(\\s*\\(.*\\))?$/i.test(s) || /^\\d{4}(-\\d\\d(-\\d\\d)?)?$/.test(s)) return t;
    var w = NativeDate.UTC(nativeLocal.FullYear.call(d), nativeLocal.Month.call(d), nativeLocal.Date.call(d),
      nativeLocal.Hours.call(d), nativeLocal.Minutes.call(d), nativeLocal.Seconds.call(d), nativeLocal.Milliseconds.call(d));
    return instantOfWall(w);
  }
  if (offsetOf) {
    // Local-time methods follow the script's time zone, as in Apps Script, whatever Node's zone is.
    FIELDS.concat(['Day']).forEach(function (f) {
      var utcGet = P['getUTC' + f];
      P['get' + f] = function () {
        var t = getTime.call(this);
        return t !== t ? NaN : utcGet.call(wall(t));
      };
      if (f === 'Day') return;
      var utcSet = P['setUTC' + f];
      P['set' + f] = function () {
        var t = getTime.call(this);
        if (t !== t) return NaN;
        var w = wall(t);
        utcSet.apply(w, arguments);
        return P.setTime.call(this, instantOfWall(getTime.call(w)));
      };
    });
    P.getYear = function () { return this.getFullYear() - 1900; };
    P.getTimezoneOffset = function () {
      var t = getTime.call(this);
      return t !== t ? NaN : 0 - offsetOf(t) || 0;
    };
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    var DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
    var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    var datePart = function (w) {
      var y = w.getUTCFullYear();
      return DAYS[w.getUTCDay()] + ' ' + MONTHS[w.getUTCMonth()] + ' ' + pad(w.getUTCDate()) + ' ' + (y < 0 ? '-' : '') + String(Math.abs(y)).padStart(4, '0');
    };
    var timePart = function (t, w) {
      var off = offsetOf(t);
      var a = Math.abs(off);
      return pad(w.getUTCHours()) + ':' + pad(w.getUTCMinutes()) + ':' + pad(w.getUTCSeconds()) + ' GMT' + (off < 0 ? '-' : '+')
        + pad(Math.floor(a / 60)) + pad(a % 60) + ' (' + zoneNameOf(t) + ')';
    };
    P.toString = function () {
      var t = getTime.call(this);
      if (t !== t) return 'Invalid Date';
      var w = wall(t);
      return datePart(w) + ' ' + timePart(t, w);
    };
    P.toDateString = function () {
      var t = getTime.call(this);
      return t !== t ? 'Invalid Date' : datePart(wall(t));
    };
    P.toTimeString = function () {
      var t = getTime.call(this);
      return t !== t ? 'Invalid Date' : timePart(t, wall(t));
    };
    ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString'].forEach(function (name) {
      var native = P[name];
      P[name] = function (locales, options) {
        return native.call(this, locales, Object.assign({ timeZone: zoneId }, options));
      };
    });
  }
  if (nowMs || offsetOf) {
    // The add-on's Date: new Date() and Date.now() read nowMs(); component and string forms are
    // local to the script's zone. Every date shares the realm's Date.prototype, so instanceof holds.
    var AddonDate = function Date(a, b, c, d, e, f, g) {
      if (!new.target) return new AddonDate().toString();
      var n = arguments.length;
      var t;
      if (n === 0) t = nowMs ? nowMs() : NativeDate.now();
      else if (n === 1) t = typeof a === 'number' ? a : (typeof a === 'string' && offsetOf) ? parseLocal(a) : getTime.call(new NativeDate(a));
      else if (offsetOf) t = instantOfWall(NativeDate.UTC.apply(null, arguments));
      else t = getTime.call(Reflect.construct(NativeDate, Array.prototype.slice.call(arguments)));
      return Reflect.construct(NativeDate, [t], new.target);
    };
    AddonDate.prototype = P;
    P.constructor = AddonDate;
    AddonDate.now = function now() { return nowMs ? nowMs() : NativeDate.now(); };
    AddonDate.UTC = NativeDate.UTC;
    AddonDate.parse = offsetOf ? function parse(text) { return parseLocal(String(text)); } : NativeDate.parse;
    globalThis.Date = AddonDate;
  }
  // Dates handed to the add-on share Date.prototype with the add-on's Date, so instanceof holds.
  var D = NativeDate;
  function cell(v, resolve, row, column) {
    if (v === undefined || v === null) return '';
    if (typeof v !== 'object') return v;
    if (typeof v.getTime === 'function') return new D(v.getTime());
    var r = resolve ? resolve(v, row, column) : '';
    return (r !== null && typeof r === 'object') ? new D(r.getTime()) : r;
  }
  return {
    rows: function (src, r0, c0, nr, nc, resolve) {
      // An element-by-element loop: slicing a Node array from here takes V8's slow path (3x slower).
      var out = new Array(nr);
      for (var i = 0; i < nr; i++) {
        var from = src[r0 + i];
        var row = new Array(nc);
        if (from === undefined) {
          for (var j = 0; j < nc; j++) row[j] = '';
        } else {
          for (var k = 0; k < nc; k++) {
            var v = from[c0 + k];
            row[k] = (typeof v === 'object' || v === undefined) ? cell(v, resolve, r0 + i, c0 + k) : v;
          }
        }
        out[i] = row;
      }
      return out;
    },
    date: function (ms) { return new D(ms); },
    error: function (message) { return new Error(message); },
    isError: function (value) { return value instanceof Error; },
    parse: function (text) { return JSON.parse(text); },
    array: function (items) { var a = []; for (var i = 0; i < items.length; i++) a.push(items[i]); return a; },
    object: function (entries) { var o = {}; for (var k in entries) o[k] = entries[k]; return o; }
  };
})`;

let helperScript: vm.Script | null = null;

function helpers(): vm.Script {
  helperScript ??= new vm.Script(HELPERS, { filename: 'offline-runtime-helpers.js' });
  return helperScript;
}

/** The script's time zone as the realm's Date needs it: offset (minutes east) and name at an instant. */
export interface LocalZone {
  /** The IANA name, for toLocaleString and friends. */
  id: string;
  offsetOf(ms: number): number;
  nameOf(ms: number): string;
}

/**
 * Installs the helpers in a context and returns them; with `now`, the add-on's clock; with `zone`,
 * the add-on's local time (Apps Script evaluates Date's local-time methods in the script's time
 * zone from appsscript.json, not the server's: see Google's own examples of a script in Eastern
 * time working on a Pacific-time spreadsheet, https://gist.github.com/erickoledadevrel/6cf5d1e764839cba8701).
 */
export function realmOf(context: vm.Context, now?: () => number, zone?: LocalZone): Realm {
  type Make = (
    now?: () => number,
    offsetOf?: (ms: number) => number,
    nameOf?: (ms: number) => string,
    id?: string,
  ) => Realm;
  const make = helpers().runInContext(context) as Make;
  return make(now, zone?.offsetOf, zone?.nameOf, zone?.id);
}

/** Node's own realm: what the test's handle (env.spreadsheet) receives. */
export const nodeRealm: Realm = (helpers().runInThisContext() as () => Realm)();
