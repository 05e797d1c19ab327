/**
 * Realms: the add-on runs in its own V8 context, whose Array, Date, Error and Object are not
 * Node's. Everything handed to the add-on (rows from getValues, Dates, bridge arguments, errors)
 * is built by helpers compiled inside that context, so `Array.isArray`, `instanceof Date` and
 * `instanceof Error` behave there as they do in Apps Script.
 */
import * as vm from 'node:vm';

export interface Realm {
  /** Copies rows [r0, r0+nr) × [c0, c0+nc) of a ragged 2-D array into realm arrays; holes read ''. */
  rows(src: unknown[][] | (unknown[] | undefined)[], r0: number, c0: number, nr: number, nc: number,
    resolve?: (cell: unknown, row: number, column: number) => unknown): unknown[][];
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
const HELPERS = `(function (nowMs) {
  'use strict';
  var NativeDate = Date;
  if (nowMs) {
    // The add-on's clock: new Date() and Date.now() read nowMs(); every date still shares
    // the realm's Date.prototype, so instanceof Date holds for all of them.
    var ClockDate = function Date(a, b, c, d, e, f, g) {
      if (!new.target) return new NativeDate(nowMs()).toString();
      var args = arguments.length === 0 ? [nowMs()] : Array.prototype.slice.call(arguments);
      return Reflect.construct(NativeDate, args, new.target);
    };
    ClockDate.prototype = NativeDate.prototype;
    NativeDate.prototype.constructor = ClockDate;
    ClockDate.now = function now() { return nowMs(); };
    ClockDate.UTC = NativeDate.UTC;
    ClockDate.parse = NativeDate.parse;
    globalThis.Date = ClockDate;
  }
  var D = globalThis.Date;
  function cell(v, resolve, row, column) {
    if (v === undefined || v === null) return '';
    if (typeof v !== 'object') return v;
    if (typeof v.getTime === 'function') return new D(v.getTime());
    var r = resolve ? resolve(v, row, column) : '';
    return (r !== null && typeof r === 'object') ? new D(r.getTime()) : r;
  }
  return {
    rows: function (src, r0, c0, nr, nc, resolve) {
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
  helperScript ??= new vm.Script(HELPERS, { filename: 'cadence-realm-helpers.js' });
  return helperScript;
}

/** Installs the helpers (and the clock) in a context and returns them. */
export function realmOf(context: vm.Context, now?: () => number): Realm {
  const make = helpers().runInContext(context) as (now?: () => number) => Realm;
  return make(now);
}

/** Node's own realm: what the test's handle (env.spreadsheet) receives. */
export const nodeRealm: Realm = (helpers().runInThisContext() as (now?: () => number) => Realm)();
