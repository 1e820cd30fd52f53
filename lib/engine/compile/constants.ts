/**
 * Constant folding for what must be known at compile time: now() and date math on it (one value per
 * query, docs/esql-semantics.md §9), string literals auto-cast to date or ip (§7),
 * CIDR blocks (./ips.ts). A constant that
 * came from a request parameter stays a prepared-statement parameter, never SQL text.
 */
import 'server-only';
import type { Expression, TimeUnit, EsqlType } from '../../esql';
import { CompileContext, CompileFailure } from './context';
import { notAnIpMessage, parseIp } from '../../model/ip';
import { parseDate } from '../../store/dates';
import { javaRound } from '../java-numbers';
import { castStringConst, isCastString } from './string-casts';
import { doubleLiteral, intLiteral, quoteString, sqlTypeOf } from '../sql';
import { addAmount, addAmounts, amountOf, epochMsOf, negateAmount, type Amount } from '../time-math';

export type ConstScalar = null | boolean | number | bigint | string;

export type Const =
  | { kind: 'value'; type: EsqlType; value: ConstScalar; fromParam: boolean }
  | { kind: 'span'; quantity: number; unit: TimeUnit };

export function foldConst(ctx: CompileContext, e: Expression): Const | undefined {
  switch (e.kind) {
    case 'literal': {
      const v = e.value;
      const type = ctx.typeOf(e);
      if (v.type === 'null') return { kind: 'value', type, value: null, fromParam: false };
      // A string literal the analyzer cast to a number (ABS("10.0"), docs/esql-semantics.md §7).
      if (isCastString(v.value, type)) return { kind: 'value', type, value: castStringConst(e.span, v.value, type), fromParam: false };
      return { kind: 'value', type, value: v.value, fromParam: false };
    }
    case 'timeSpan':
      return { kind: 'span', quantity: e.quantity, unit: e.unit };
    case 'column': {
      const constant = ctx.columns.get(e.name)?.constant;
      return constant && { kind: 'value', ...constant };
    }
    case 'param': {
      const bound = ctx.analyzed.params.get(e);
      if (!bound || Array.isArray(bound.value)) return undefined;
      const type = ctx.typeOf(e);
      if (isCastString(bound.value, type)) return { kind: 'value', type, value: castStringConst(e.span, bound.value, type), fromParam: true };
      return { kind: 'value', type: bound.type, value: bound.value, fromParam: true };
    }
    case 'function': {
      const name = ctx.analyzed.functions.get(e) ?? e.name;
      if (name === 'now') return { kind: 'value', type: 'date', value: ctx.options.nowMs, fromParam: false };
      // TO_IP's leading_zeros option reads text its own way (./ip-leading-zeros.ts).
      if ((name === 'to_datetime' || name === 'to_ip') && e.args.length === 1 && !e.options) {
        return convertConst(ctx, e.args[0], name === 'to_ip' ? 'ip' : 'date', true);
      }
      return undefined;
    }
    case 'cast': {
      const target = e.targetType === 'ip' ? 'ip' : e.targetType === 'datetime' || e.targetType === 'date' ? 'date' : undefined;
      return target ? convertConst(ctx, e.operand, target, true) : undefined;
    }
    case 'unary': {
      if (e.op !== '-') return undefined;
      const c = foldConst(ctx, e.operand);
      if (c?.kind === 'span') return { ...c, quantity: -c.quantity };
      if (c?.kind === 'value' && (typeof c.value === 'number' || typeof c.value === 'bigint')) {
        // Negating the type's minimum overflows: left to the evaluated path, which answers null plus a warning.
        const min = c.type === 'integer' ? -(2n ** 31n) : c.type === 'long' ? -(2n ** 63n) : undefined;
        if (min !== undefined && BigInt(c.value) === min) return undefined;
        return { ...c, value: -c.value };
      }
      return undefined;
    }
    case 'binary': {
      if (e.op !== '+' && e.op !== '-') return undefined;
      // Date math: a constant string on the date side is a date (`"2024-01-01" - 1 day`, docs/esql-semantics.md §9).
      const amountRight = isTemporalAmount(ctx.typeOf(e.right));
      if (!amountRight && !(e.op === '+' && isTemporalAmount(ctx.typeOf(e.left)))) return undefined;
      const date = convertConst(ctx, amountRight ? e.left : e.right, 'date');
      const amount = foldAmount(ctx, amountRight ? e.right : e.left);
      if (date?.kind !== 'value' || !amount) return undefined;
      if (date.value === null || amount.kind === 'null') return { kind: 'value', type: 'date', value: null, fromParam: false };
      const ms = typeof date.value === 'number' || typeof date.value === 'bigint' ? epochMsOf(date.value) : undefined;
      const r = ms === undefined ? undefined : addAmount(ms, amount, e.op === '-' ? -1 : 1);
      // A failure is null plus a warning, which the expression compiler gives (./temporal.ts).
      if (!r?.ok) return undefined;
      const safe = r.ms >= BigInt(Number.MIN_SAFE_INTEGER) && r.ms <= BigInt(Number.MAX_SAFE_INTEGER);
      return { kind: 'value', type: 'date', value: safe ? Number(r.ms) : r.ms, fromParam: false };
    }
    default:
      return undefined;
  }
}

/**
 * A constant converted to `target` (date → epoch ms, ip → 32 hex). Text that does not convert is a
 * failure at `e` where Elasticsearch casts implicitly (`d > "x"`: a verification error); under an
 * explicit TO_DATETIME/TO_IP/`::` it is left unfolded, for the run to give null plus the warning.
 */
export function convertConst(ctx: CompileContext, e: Expression, target: 'date' | 'ip', explicit = false): Const | undefined {
  const c = foldConst(ctx, e);
  if (!c || c.kind !== 'value') return undefined;
  if (c.value === null || c.type === target) return { ...c, type: target };
  if (typeof c.value !== 'string') {
    // A long stays a bigint: `to_dt(9223372036854775807)` is a valid date that a double would round past the range.
    if (target !== 'date' || typeof c.value === 'boolean') return undefined;
    if (c.type === 'double') {
      // A double converts with safeDoubleToLong (Math.round, half up); out of range it is null plus a warning, at run time.
      const d = Number(c.value);
      return Math.abs(d) <= 2 ** 63 ? { ...c, type: 'date', value: javaRound(d) } : undefined;
    }
    return { ...c, type: 'date', value: typeof c.value === 'bigint' ? c.value : Number(c.value) };
  }
  if (target === 'ip') {
    const hex = parseIp(c.value);
    if (hex === undefined && explicit) return undefined;
    if (hex === undefined) throw new CompileFailure(e.span, `Cannot convert string [${c.value}] to [IP], error [${notAnIpMessage(c.value)}]`, 'verification');
    return { ...c, type: 'ip', value: hex };
  }
  const ms = parseDate(c.value);
  if (ms === undefined && explicit) return undefined;
  if (ms === undefined) {
    throw new CompileFailure(e.span, `Cannot convert string [${c.value}] to [DATETIME], error [failed to parse date field [${c.value}] with format [strict_date_optional_time]]`, 'verification');
  }
  return { ...c, type: 'date', value: ms };
}

/** SQL for a folded scalar: parameters stay parameters, literals are quoted by sql.ts. */
export function constSql(ctx: CompileContext, c: Extract<Const, { kind: 'value' }>): string {
  const t = sqlTypeOf(c.type);
  // An untyped null literal stays untyped so it compares with anything.
  if (c.value === null) return c.type === 'null' ? 'NULL' : `NULL::${t}`;
  if (c.fromParam) {
    const v = typeof c.value === 'number' && (t === 'BIGINT' || t === 'INTEGER') ? BigInt(Math.trunc(c.value)) : c.value;
    return `CAST(${ctx.addParam(v)} AS ${t})`;
  }
  switch (typeof c.value) {
    case 'boolean':
      return c.value ? 'TRUE' : 'FALSE';
    case 'bigint':
      return t === 'DOUBLE' ? doubleLiteral(Number(c.value)) : `${intLiteral(c.value)}::${t}`;
    case 'number':
      return t === 'DOUBLE' ? doubleLiteral(c.value) : `${intLiteral(c.value)}::${t}`;
    default:
      return quoteString(c.value);
  }
}

export const isTemporalAmount = (t: EsqlType) => t === 'date_period' || t === 'time_duration';

/**
 * The folded value of a date_period/time_duration expression (always a constant in Elasticsearch): spans, their sums
 * and negations (`-(4 years + 3 months)`), CASE over constant conditions. Undefined when it does not fold.
 */
export function foldAmount(ctx: CompileContext, e: Expression): Amount | undefined {
  switch (e.kind) {
    case 'timeSpan':
      return amountOf(e.quantity, e.unit);
    case 'literal':
      return e.value.type === 'null' ? { kind: 'null' } : undefined;
    case 'unary': {
      const a = e.op === '-' ? foldAmount(ctx, e.operand) : undefined;
      return a && negateAmount(a);
    }
    case 'binary': {
      if (e.op !== '+' && e.op !== '-') return undefined;
      const l = foldAmount(ctx, e.left);
      const r = foldAmount(ctx, e.right);
      return l && r ? addAmounts(l, e.op === '-' ? negateAmount(r) : r) : undefined;
    }
    case 'function':
      return (ctx.analyzed.functions.get(e) ?? e.name) === 'case' ? foldCaseAmount(ctx, e.args) : undefined;
    default:
      return undefined;
  }
}

/** CASE whose conditions fold picks its amount at compile time, as Elasticsearch's folding does. */
function foldCaseAmount(ctx: CompileContext, args: readonly Expression[]): Amount | undefined {
  for (let i = 0; i + 1 < args.length; i += 2) {
    const c = foldConst(ctx, args[i]);
    if (c?.kind !== 'value' || (c.value !== null && typeof c.value !== 'boolean')) return undefined;
    if (c.value === true) return foldAmount(ctx, args[i + 1]);
  }
  return args.length % 2 === 1 ? foldAmount(ctx, args[args.length - 1]) : undefined;
}
