/**
 * A small Sheets formula evaluator, enough for conditional-format custom formulas and simple cell
 * formulas: references (relative, $-anchored, ranges, whole columns, other sheets), literals,
 * arithmetic, comparison, &, and AND OR NOT IF IFERROR ISBLANK ISNUMBER ISTEXT ISERROR LEN LEFT
 * RIGHT MID UPPER LOWER TRIM EXACT FIND CONCATENATE COUNTIF COUNTIFS MATCH(…, 0) INDIRECT ROW COLUMN
 * SUM COUNT COUNTA MIN MAX ABS VALUE TODAY NOW, and SUMPRODUCT / ARRAYFORMULA over element-wise
 * arithmetic, comparison, &, TRIM, EXACT, UPPER, LOWER, LEN. Any other function yields the error '#OFFLINE!',
 * so a conditional-format rule using it does not match (and a cell shows '#OFFLINE!').
 */
import { columnNumber, resolveA1, type Rect } from './a1';
import type { SheetModel } from './model';
import { generalNumber } from './numberFormat';
import { serialOf } from './timezone';
import { Formula } from './values';

export class FormulaError {
  constructor(readonly code: string) {}
}

const BLANK = Symbol('blank');
type Scalar = number | string | boolean | typeof BLANK | FormulaError;
interface RangeValue {
  sheet: SheetModel;
  rect: Rect;
}
type Value = Scalar | RangeValue;

interface RefPart {
  n: number | null;
  abs: boolean;
}
type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'ref'; sheet: string | null; r1: RefPart; c1: RefPart; r2: RefPart; c2: RefPart }
  | { t: 'fn'; name: string; args: Node[] }
  | { t: 'un'; op: string; e: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'pct'; e: Node };

// ---------------------------------------------------------------- parsing

const TOKEN =
  /\s*(?:("(?:[^"]|"")*")|((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!\$?[A-Za-z]{0,3}\$?\d*(?::\$?[A-Za-z]{0,3}\$?\d*)?)|(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+)|(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?[A-Za-z]{1,3}\$?\d+:\$?[A-Za-z]{1,3}(?![\w(]))|([A-Za-z_][\w.]*)(?=\s*\()|(TRUE|FALSE)(?![\w(])|(<>|<=|>=|[-+*/^&=<>(),;%]))/iy;

type Tok = { kind: 'str' | 'ref' | 'num' | 'fn' | 'bool' | 'op'; text: string };

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(src);
    if (!m) throw new FormulaError('#ERROR!');
    pos = TOKEN.lastIndex;
    const kinds: Tok['kind'][] = ['str', 'ref', 'num', 'ref', 'fn', 'bool', 'op'];
    const i = m.slice(1).findIndex((g) => g !== undefined);
    out.push({ kind: kinds[i], text: m[i + 1] });
  }
  return out;
}

function refPart(text: string, kind: 'row' | 'col'): RefPart {
  const abs = text.startsWith('$');
  const body = abs ? text.slice(1) : text;
  if (body === '') return { n: null, abs };
  return { n: kind === 'row' ? Number(body) : columnNumber(body), abs };
}

/** Parses 'Sheet'!$A$1:B or A1 into a ref node; null when the text is not a reference. */
function parseRef(text: string): Node | null {
  let sheet: string | null = null;
  let cells = text;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheet = text.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    cells = text.slice(bang + 1);
  }
  const [a, b = a] = cells.split(':');
  const cell = /^(\$?[A-Za-z]{0,3})(\$?\d*)$/;
  const ma = cell.exec(a);
  const mb = cell.exec(b);
  if (!ma || !mb || (!ma[1] && !ma[2]) || (!mb[1] && !mb[2])) return null;
  return {
    t: 'ref',
    sheet,
    c1: refPart(ma[1], 'col'),
    r1: refPart(ma[2], 'row'),
    c2: refPart(mb[1], 'col'),
    r2: refPart(mb[2], 'row'),
  };
}

function parse(src: string): Node {
  const toks = tokenize(src);
  let i = 0;
  const peek = () => toks[i];
  const isOp = (...ops: string[]) => peek()?.kind === 'op' && ops.includes(peek().text);
  const expect = (op: string) => {
    if (!isOp(op)) throw new FormulaError('#ERROR!');
    i++;
  };
  const comparison = (): Node => {
    let a = concat();
    while (isOp('=', '<>', '<', '>', '<=', '>=')) {
      const op = toks[i++].text;
      a = { t: 'bin', op, a, b: concat() };
    }
    return a;
  };
  const concat = (): Node => {
    let a = additive();
    while (isOp('&')) {
      i++;
      a = { t: 'bin', op: '&', a, b: additive() };
    }
    return a;
  };
  const additive = (): Node => {
    let a = term();
    while (isOp('+', '-')) {
      const op = toks[i++].text;
      a = { t: 'bin', op, a, b: term() };
    }
    return a;
  };
  const term = (): Node => {
    let a = power();
    while (isOp('*', '/')) {
      const op = toks[i++].text;
      a = { t: 'bin', op, a, b: power() };
    }
    return a;
  };
  const power = (): Node => {
    let a = unary();
    while (isOp('^')) {
      i++;
      a = { t: 'bin', op: '^', a, b: unary() };
    }
    return a;
  };
  const unary = (): Node => {
    if (isOp('-', '+')) {
      const op = toks[i++].text;
      return { t: 'un', op, e: unary() };
    }
    let e = primary();
    while (isOp('%')) {
      i++;
      e = { t: 'pct', e };
    }
    return e;
  };
  const primary = (): Node => {
    const tok = toks[i++];
    if (!tok) throw new FormulaError('#ERROR!');
    switch (tok.kind) {
      case 'num':
        return { t: 'num', v: Number(tok.text) };
      case 'str':
        return { t: 'str', v: tok.text.slice(1, -1).replace(/""/g, '"') };
      case 'bool':
        return { t: 'bool', v: tok.text.toUpperCase() === 'TRUE' };
      case 'ref': {
        const r = parseRef(tok.text);
        if (!r) throw new FormulaError('#ERROR!');
        return r;
      }
      case 'fn': {
        expect('(');
        const args: Node[] = [];
        if (!isOp(')')) {
          do {
            args.push(comparison());
          } while (isOp(',', ';') && ++i);
        }
        expect(')');
        return { t: 'fn', name: tok.text.toUpperCase(), args };
      }
      default:
        if (tok.text === '(') {
          const e = comparison();
          expect(')');
          return e;
        }
        throw new FormulaError('#ERROR!');
    }
  };
  const node = comparison();
  if (i !== toks.length) throw new FormulaError('#ERROR!');
  return node;
}

const parsed = new Map<string, Node | FormulaError>();

function compile(formula: string): Node | FormulaError {
  let n = parsed.get(formula);
  if (n === undefined) {
    try {
      n = parse(formula.replace(/^=/, ''));
    } catch (e) {
      n = e instanceof FormulaError ? e : new FormulaError('#ERROR!');
    }
    if (parsed.size > 10000) parsed.clear();
    parsed.set(formula, n);
  }
  return n;
}

// ---------------------------------------------------------------- evaluation

export interface EvalContext {
  sheet: SheetModel;
  /** The cell being evaluated (1-based). */
  row: number;
  column: number;
  /** How far relative references move: the cell's offset from the rule range's top-left (0 for cell formulas). */
  rowShift: number;
  columnShift: number;
  now: () => number;
  /** Conditional formats may reach other sheets only through INDIRECT (https://support.google.com/docs/answer/78413). */
  directSheetRefs: boolean;
  depth: number;
}

const isRange = (v: Value): v is RangeValue => typeof v === 'object' && v !== null && 'rect' in v;
const isError = (v: unknown): v is FormulaError => v instanceof FormulaError;

function cellScalar(sheet: SheetModel, row: number, column: number, ctx: EvalContext): Scalar {
  const v = sheet.values.get(row - 1, column - 1);
  if (v === '') return BLANK;
  if (v instanceof Formula) {
    if (ctx.depth > 50) return new FormulaError('#REF!');
    const r = evaluate(v.formula, {
      ...ctx,
      sheet,
      row,
      column,
      rowShift: 0,
      columnShift: 0,
      directSheetRefs: true,
      depth: ctx.depth + 1,
    });
    return toScalar(r, { ...ctx, sheet, row, column });
  }
  if (v instanceof Date) return serialOf(v.getTime(), sheet.workbook.timeZone);
  return v;
}

function resolveRef(n: Extract<Node, { t: 'ref' }>, ctx: EvalContext): RangeValue | FormulaError {
  let sheet = ctx.sheet;
  if (n.sheet !== null) {
    if (!ctx.directSheetRefs) return new FormulaError('#REF!');
    const s = ctx.sheet.workbook.findSheet(n.sheet);
    if (!s) return new FormulaError('#REF!');
    sheet = s;
  }
  const shift = (p: RefPart, d: number) => (p.n === null ? null : p.abs ? p.n : p.n + d);
  const ref = {
    sheetName: null,
    startRow: shift(n.r1, ctx.rowShift),
    startColumn: shift(n.c1, ctx.columnShift),
    endRow: shift(n.r2, ctx.rowShift),
    endColumn: shift(n.c2, ctx.columnShift),
  };
  if ([ref.startRow, ref.startColumn, ref.endRow, ref.endColumn].some((x) => x !== null && x < 1))
    return new FormulaError('#REF!');
  return { sheet, rect: resolveA1(ref, sheet.maxRows, sheet.maxColumns) };
}

/** A range in a scalar position: its only cell, or the cell in the evaluating row/column. */
function toScalar(v: Value, ctx: EvalContext): Scalar {
  if (!isRange(v)) return v;
  const { rect, sheet } = v;
  if (rect.numRows === 1 && rect.numColumns === 1) return cellScalar(sheet, rect.row, rect.column, ctx);
  if (rect.numColumns === 1 && ctx.row >= rect.row && ctx.row < rect.row + rect.numRows)
    return cellScalar(sheet, ctx.row, rect.column, ctx);
  if (rect.numRows === 1 && ctx.column >= rect.column && ctx.column < rect.column + rect.numColumns)
    return cellScalar(sheet, rect.row, ctx.column, ctx);
  return new FormulaError('#VALUE!');
}

/** Every cell of a range (or one scalar), row by row, stopping at the sheet's last used row. */
function cellsOf(v: Value, ctx: EvalContext): Scalar[] {
  if (!isRange(v)) return [v];
  const { sheet, rect } = v;
  const lastRow = Math.min(rect.row + rect.numRows - 1, Math.max(sheet.lastRow(), rect.row));
  const out: Scalar[] = [];
  for (let r = rect.row; r <= rect.row + rect.numRows - 1; r++) {
    for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
      out.push(r <= lastRow ? cellScalar(sheet, r, c, ctx) : BLANK);
    }
  }
  return out;
}

function toNumber(v: Scalar): number | FormulaError {
  if (isError(v)) return v;
  if (v === BLANK) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const t = v.trim();
  if (t !== '' && !Number.isNaN(Number(t))) return Number(t);
  return new FormulaError('#VALUE!');
}

function toText(v: Scalar): string | FormulaError {
  if (isError(v)) return v;
  if (v === BLANK) return '';
  if (typeof v === 'number') return generalNumber(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return v;
}

function toBool(v: Scalar): boolean | FormulaError {
  if (isError(v)) return v;
  if (v === BLANK) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  return new FormulaError('#VALUE!');
}

/** Sheets' comparison: numbers < text < booleans; text without regard to case; blank as 0, '' or FALSE. */
function compare(a: Scalar, b: Scalar): number | FormulaError {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const blankAs = (other: Scalar): Scalar => (typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0);
  if (a === BLANK && b === BLANK) return 0;
  if (a === BLANK) a = blankAs(b);
  if (b === BLANK) b = blankAs(a);
  const rank = (v: Scalar) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'string') {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

function wildcard(pattern: string): RegExp {
  const body = pattern.replace(/~([*?~])|([*?])|([.+^${}()|[\]\\/])/g, (_, lit, wild, esc) =>
    lit ? `\\${lit}` : wild ? (wild === '*' ? '.*' : '.') : `\\${esc}`,
  );
  return new RegExp(`^${body}$`, 'is');
}

/** COUNTIF criteria: a value (equality, with * ? wildcards for text) or "<>x", ">n", "<=n", "=x". */
function criterion(c: Scalar, textNumbers: 'numbersOnly' | 'numbersAndText' = 'numbersOnly'): (v: Scalar) => boolean {
  if (typeof c === 'number' || typeof c === 'boolean') return (v) => v === c;
  if (c === BLANK) return (v) => v === BLANK || v === '';
  if (isError(c)) return () => false;
  const m = /^(<>|<=|>=|=|<|>)?([\s\S]*)$/.exec(c)!;
  const op = m[1] ?? '=';
  const rest = m[2];
  const num = rest.trim() !== '' && !Number.isNaN(Number(rest)) ? Number(rest) : null;
  if (op === '=' || op === '<>') {
    let eq: (v: Scalar) => boolean;
    if (rest === '') eq = (v) => v === BLANK || v === '';
    // Switch countifTextNumbers: whether text that reads as the same number ("007") counts too.
    else if (num !== null)
      eq = (v) =>
        (typeof v === 'number' && v === num) ||
        (textNumbers === 'numbersAndText' && typeof v === 'string' && v.trim() !== '' && Number(v) === num);
    else if (/^(true|false)$/i.test(rest)) eq = (v) => typeof v === 'boolean' && v === /^true$/i.test(rest);
    else {
      const re = wildcard(rest);
      eq = (v) => typeof v === 'string' && re.test(v);
    }
    return op === '=' ? eq : (v) => !eq(v);
  }
  return (v) => {
    if (v === BLANK || isError(v)) return false;
    if (num !== null) {
      if (typeof v !== 'number') return false;
      const d = v - num;
      return op === '<' ? d < 0 : op === '>' ? d > 0 : op === '<=' ? d <= 0 : d >= 0;
    }
    if (typeof v !== 'string') return false;
    const d = compare(v, rest) as number;
    return op === '<' ? d < 0 : op === '>' ? d > 0 : op === '<=' ? d <= 0 : d >= 0;
  };
}

type Fn = (args: Node[], ctx: EvalContext) => Value;

const scalarArg = (n: Node | undefined, ctx: EvalContext): Scalar => (n ? toScalar(ev(n, ctx), ctx) : BLANK);
const textFn =
  (f: (s: string, args: Node[], ctx: EvalContext) => Value): Fn =>
  (args, ctx) => {
    const s = toText(scalarArg(args[0], ctx));
    return isError(s) ? s : f(s, args, ctx);
  };
const countArg = (n: Node | undefined, ctx: EvalContext, dflt: number) => {
  if (!n) return dflt;
  const x = toNumber(scalarArg(n, ctx));
  return isError(x) ? x : Math.floor(x);
};
const argumentCells = (args: Node[], ctx: EvalContext) => args.flatMap((a) => cellsOf(ev(a, ctx), ctx));

const FUNCTIONS: Record<string, Fn> = {
  AND: (args, ctx) => {
    let result = true;
    for (const v of argumentCells(args, ctx)) {
      if (v === BLANK) continue;
      const b = toBool(v);
      if (isError(b)) return b;
      result = result && b;
    }
    return result;
  },
  OR: (args, ctx) => {
    let result = false;
    for (const v of argumentCells(args, ctx)) {
      if (v === BLANK) continue;
      const b = toBool(v);
      if (isError(b)) return b;
      result = result || b;
    }
    return result;
  },
  NOT: (args, ctx) => {
    const b = toBool(scalarArg(args[0], ctx));
    return isError(b) ? b : !b;
  },
  IF: (args, ctx) => {
    const c = toBool(scalarArg(args[0], ctx));
    if (isError(c)) return c;
    if (c) return args[1] ? ev(args[1], ctx) : true;
    return args[2] ? ev(args[2], ctx) : false;
  },
  IFERROR: (args, ctx) => {
    const v = scalarArg(args[0], ctx);
    return isError(v) ? scalarArg(args[1], ctx) : v;
  },
  ISBLANK: (args, ctx) => scalarArg(args[0], ctx) === BLANK,
  ISNUMBER: (args, ctx) => typeof scalarArg(args[0], ctx) === 'number',
  ISTEXT: (args, ctx) => typeof scalarArg(args[0], ctx) === 'string',
  ISERROR: (args, ctx) => isError(scalarArg(args[0], ctx)),
  LEN: textFn((s) => [...s].length),
  LEFT: textFn((s, args, ctx) => {
    const n = countArg(args[1], ctx, 1);
    return isError(n) ? n : s.slice(0, n);
  }),
  RIGHT: textFn((s, args, ctx) => {
    const n = countArg(args[1], ctx, 1);
    return isError(n) ? n : n === 0 ? '' : s.slice(-n);
  }),
  MID: textFn((s, args, ctx) => {
    const start = countArg(args[1], ctx, 1);
    const n = countArg(args[2], ctx, 0);
    if (isError(start)) return start;
    if (isError(n)) return n;
    return s.slice(start - 1, start - 1 + n);
  }),
  UPPER: textFn((s) => s.toUpperCase()),
  LOWER: textFn((s) => s.toLowerCase()),
  TRIM: textFn((s) => s.trim().replace(/ +/g, ' ')),
  EXACT: (args, ctx) => {
    const a = toText(scalarArg(args[0], ctx));
    const b = toText(scalarArg(args[1], ctx));
    return isError(a) ? a : isError(b) ? b : a === b;
  },
  /** FIND: case-sensitive, no wildcards (https://support.google.com/docs/answer/3094126); #VALUE! when absent. */
  FIND: (args, ctx) => {
    const needle = toText(scalarArg(args[0], ctx));
    const hay = toText(scalarArg(args[1], ctx));
    if (isError(needle)) return needle;
    if (isError(hay)) return hay;
    const start = countArg(args[2], ctx, 1);
    if (isError(start)) return start;
    const at = hay.indexOf(needle, start - 1);
    return start < 1 || at < 0 ? new FormulaError('#VALUE!') : at + 1;
  },
  /**
   * SUMPRODUCT of its arrays multiplied cell by cell. Text, blanks and booleans count 0: whether
   * Sheets counts a bare TRUE as 1 here is not documented, so the stricter reading makes formulas
   * turn their tests into numbers themselves (a product of two tests, or N()).
   */
  SUMPRODUCT: (args, ctx) => {
    const product = zipArrays(
      args.map((a) => evArray(a, ctx)),
      (cells) => {
        let p = 1;
        for (const v of cells) {
          if (isError(v)) return v;
          p *= typeof v === 'number' ? v : 0;
        }
        return p;
      },
    );
    if (!Array.isArray(product)) return product;
    let sum = 0;
    for (const v of product) {
      if (isError(v)) return v;
      sum += v as number;
    }
    return sum;
  },
  ARRAYFORMULA: (args, ctx) => {
    const v = args[0] ? evArray(args[0], ctx) : new FormulaError('#N/A');
    return Array.isArray(v) ? (v[0] ?? BLANK) : v;
  },
  CONCATENATE: (args, ctx) => {
    let out = '';
    for (const v of argumentCells(args, ctx)) {
      const t = toText(v);
      if (isError(t)) return t;
      out += t;
    }
    return out;
  },
  COUNTIF: (args, ctx) => {
    const test = criterion(scalarArg(args[1], ctx), ctx.sheet.workbook.switches.countifTextNumbers);
    return cellsOf(ev(args[0], ctx), ctx).filter(test).length;
  },
  COUNTIFS: (args, ctx) => {
    if (args.length % 2 !== 0) return new FormulaError('#N/A');
    let matches: boolean[] | null = null;
    for (let k = 0; k < args.length; k += 2) {
      const cells = cellsOf(ev(args[k], ctx), ctx);
      const test = criterion(scalarArg(args[k + 1], ctx), ctx.sheet.workbook.switches.countifTextNumbers);
      if (matches && matches.length !== cells.length) return new FormulaError('#VALUE!');
      const prev: boolean[] | null = matches;
      matches = cells.map((v, i) => (prev ? prev[i] : true) && test(v));
    }
    return (matches ?? []).filter(Boolean).length;
  },
  MATCH: (args, ctx) => {
    const type = args[2] ? toNumber(scalarArg(args[2], ctx)) : 1;
    if (type !== 0) return new FormulaError('#OFFLINE!');
    const x = scalarArg(args[0], ctx);
    if (isError(x)) return x;
    const cells = cellsOf(ev(args[1], ctx), ctx);
    const test =
      typeof x === 'string'
        ? (
            (re: RegExp) => (v: Scalar) =>
              typeof v === 'string' && re.test(v)
          )(wildcard(x))
        : (v: Scalar) => compare(v, x) === 0 && v !== BLANK;
    const i = cells.findIndex(test);
    return i < 0 ? new FormulaError('#N/A') : i + 1;
  },
  INDIRECT: (args, ctx) => {
    const t = toText(scalarArg(args[0], ctx));
    if (isError(t)) return t;
    const node = parseRef(t.trim());
    if (!node || node.t !== 'ref') return new FormulaError('#REF!');
    return resolveRef(node, { ...ctx, rowShift: 0, columnShift: 0, directSheetRefs: true });
  },
  ROW: (args, ctx) => {
    if (!args[0]) return ctx.row;
    const r = ev(args[0], ctx);
    return isRange(r) ? r.rect.row : new FormulaError('#N/A');
  },
  COLUMN: (args, ctx) => {
    if (!args[0]) return ctx.column;
    const r = ev(args[0], ctx);
    return isRange(r) ? r.rect.column : new FormulaError('#N/A');
  },
  SUM: (args, ctx) => argumentCells(args, ctx).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0),
  COUNT: (args, ctx) => argumentCells(args, ctx).filter((v) => typeof v === 'number').length,
  COUNTA: (args, ctx) => argumentCells(args, ctx).filter((v) => v !== BLANK).length,
  MIN: (args, ctx) => {
    const n = argumentCells(args, ctx).filter((v): v is number => typeof v === 'number');
    return n.length ? n.reduce((a, b) => Math.min(a, b)) : 0;
  },
  MAX: (args, ctx) => {
    const n = argumentCells(args, ctx).filter((v): v is number => typeof v === 'number');
    return n.length ? n.reduce((a, b) => Math.max(a, b)) : 0;
  },
  ABS: (args, ctx) => {
    const n = toNumber(scalarArg(args[0], ctx));
    return isError(n) ? n : Math.abs(n);
  },
  VALUE: (args, ctx) => toNumber(scalarArg(args[0], ctx)),
  TODAY: (_args, ctx) => Math.floor(serialOf(ctx.now(), ctx.sheet.workbook.timeZone)),
  NOW: (_args, ctx) => serialOf(ctx.now(), ctx.sheet.workbook.timeZone),
};

function ev(n: Node, ctx: EvalContext): Value {
  switch (n.t) {
    case 'num':
      return n.v;
    case 'str':
      return n.v;
    case 'bool':
      return n.v;
    case 'ref':
      return resolveRef(n, ctx);
    case 'fn': {
      const f = FUNCTIONS[n.name];
      return f ? f(n.args, ctx) : new FormulaError('#OFFLINE!');
    }
    case 'pct': {
      const x = toNumber(scalarArg(n.e, ctx));
      return isError(x) ? x : x / 100;
    }
    case 'un': {
      const x = toNumber(scalarArg(n.e, ctx));
      return isError(x) ? x : n.op === '-' ? -x : x;
    }
    case 'bin':
      return binary(n.op, scalarArg(n.a, ctx), scalarArg(n.b, ctx));
  }
}

function binary(op: string, a: Scalar, b: Scalar): Scalar {
  if (op === '&') {
    const x = toText(a);
    const y = toText(b);
    return isError(x) ? x : isError(y) ? y : x + y;
  }
  if (['=', '<>', '<', '>', '<=', '>='].includes(op)) {
    const c = compare(a, b);
    if (isError(c)) return c;
    switch (op) {
      case '=':
        return c === 0;
      case '<>':
        return c !== 0;
      case '<':
        return c < 0;
      case '>':
        return c > 0;
      case '<=':
        return c <= 0;
      default:
        return c >= 0;
    }
  }
  const x = toNumber(a);
  const y = toNumber(b);
  if (isError(x)) return x;
  if (isError(y)) return y;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? new FormulaError('#DIV/0!') : x / y;
    default:
      return x ** y;
  }
}

/**
 * Array evaluation, as inside SUMPRODUCT or ARRAYFORMULA: a range is the list of its cells (row by
 * row), operators and the element-wise functions below apply cell by cell, a scalar pairs with
 * every cell. Arrays of different sizes give #VALUE!, as in Sheets.
 */
type ArrayValue = Scalar | Scalar[];
const ELEMENTWISE: Record<string, (args: Scalar[]) => Scalar> = {
  TRIM: ([v]) => {
    const t = toText(v);
    return isError(t) ? t : t.trim().replace(/ +/g, ' ');
  },
  UPPER: ([v]) => {
    const t = toText(v);
    return isError(t) ? t : t.toUpperCase();
  },
  LOWER: ([v]) => {
    const t = toText(v);
    return isError(t) ? t : t.toLowerCase();
  },
  LEN: ([v]) => {
    const t = toText(v);
    return isError(t) ? t : [...t].length;
  },
  EXACT: ([a, b]) => {
    const x = toText(a);
    const y = toText(b);
    return isError(x) ? x : isError(y) ? y : x === y;
  },
};

function zipArrays(parts: ArrayValue[], f: (args: Scalar[]) => Scalar): ArrayValue {
  const lengths = parts.filter(Array.isArray).map((p) => (p as Scalar[]).length);
  if (lengths.length === 0) return f(parts as Scalar[]);
  const n = lengths[0];
  if (lengths.some((l) => l !== n)) return new FormulaError('#VALUE!');
  return Array.from({ length: n }, (_, i) => f(parts.map((p) => (Array.isArray(p) ? p[i] : p))));
}

function evArray(n: Node, ctx: EvalContext): ArrayValue {
  switch (n.t) {
    case 'ref':
      return arrayOf(resolveRef(n, ctx), ctx);
    case 'bin':
      return zipArrays([evArray(n.a, ctx), evArray(n.b, ctx)], ([a, b]) => binary(n.op, a, b));
    case 'un':
      return zipArrays([evArray(n.e, ctx)], ([v]) => {
        const x = toNumber(v);
        return isError(x) ? x : n.op === '-' ? -x : x;
      });
    case 'fn': {
      if (n.name === 'ARRAYFORMULA') return n.args[0] ? evArray(n.args[0], ctx) : new FormulaError('#N/A');
      const f = ELEMENTWISE[n.name];
      if (f)
        return zipArrays(
          n.args.map((a) => evArray(a, ctx)),
          f,
        );
      return arrayOf(ev(n, ctx), ctx);
    }
    default:
      return toScalar(ev(n, ctx), ctx);
  }
}

/** A range's cells as an array; a single cell pairs with every element like a scalar. */
function arrayOf(v: Value, ctx: EvalContext): ArrayValue {
  if (!isRange(v)) return v;
  return v.rect.numRows === 1 && v.rect.numColumns === 1
    ? cellScalar(v.sheet, v.rect.row, v.rect.column, ctx)
    : cellsOf(v, ctx);
}

/** Evaluates a formula; the result is a scalar (errors as FormulaError). */
export function evaluate(formula: string, ctx: EvalContext): Scalar {
  const node = compile(formula);
  if (isError(node)) return node;
  return toScalar(ev(node, ctx), ctx);
}

/** A conditional-format custom formula holds when it evaluates to TRUE or a non-zero number. */
export function formulaHolds(formula: string, ctx: EvalContext): boolean {
  const v = evaluate(formula, ctx);
  return v === true || (typeof v === 'number' && v !== 0);
}

/** What getValues returns for a formula cell: its value, or the error code as text ('#N/A', '#OFFLINE!'). */
export function formulaCellValue(
  sheet: SheetModel,
  row: number,
  column: number,
  formula: string,
  now: () => number = sheet.workbook.clock,
): string | number | boolean {
  const v = evaluate(formula, {
    sheet,
    row,
    column,
    rowShift: 0,
    columnShift: 0,
    now,
    directSheetRefs: true,
    depth: 0,
  });
  if (v === BLANK) return '';
  if (isError(v)) return v.code;
  return v;
}
