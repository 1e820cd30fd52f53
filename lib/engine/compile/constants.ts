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
import { doubleLiteral, intLiteral, quoteString, sqlTypeOf } from '../sql';
import { addTimeSpan } from '../time-math';

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
      return { kind: 'value', type, value: v.value, fromParam: false };
    }
    case 'timeSpan':
      return { kind: 'span', quantity: e.quantity, unit: e.unit };
    case 'param': {
      const bound = ctx.analyzed.params.get(e);
      if (!bound || Array.isArray(bound.value)) return undefined;
      return { kind: 'value', type: bound.type, value: bound.value, fromParam: true };
    }
    case 'function': {
      const name = ctx.analyzed.functions.get(e) ?? e.name;
      if (name === 'now') return { kind: 'value', type: 'date', value: ctx.options.nowMs, fromParam: false };
      if ((name === 'to_datetime' || name === 'to_ip') && e.args.length === 1) {
        return convertConst(ctx, e.args[0], name === 'to_ip' ? 'ip' : 'date');
      }
      return undefined;
    }
    case 'cast': {
      const target = e.targetType === 'ip' ? 'ip' : e.targetType === 'datetime' || e.targetType === 'date' ? 'date' : undefined;
      return target ? convertConst(ctx, e.operand, target) : undefined;
    }
    case 'unary': {
      if (e.op !== '-') return undefined;
      const c = foldConst(ctx, e.operand);
      if (c?.kind === 'span') return { ...c, quantity: -c.quantity };
      if (c?.kind === 'value' && (typeof c.value === 'number' || typeof c.value === 'bigint')) {
        return { ...c, value: -c.value };
      }
      return undefined;
    }
    case 'binary': {
      if (e.op !== '+' && e.op !== '-') return undefined;
      // A constant string next to a time span is a date (`"2024-01-01" - 1 day`).
      const asDate = (side: Expression, other: Expression) => (other.kind === 'timeSpan' ? convertConst(ctx, side, 'date') : foldConst(ctx, side));
      const l = asDate(e.left, e.right);
      const r = asDate(e.right, e.left);
      if (!l || !r) return undefined;
      const sign = e.op === '+' ? 1 : -1;
      if (l.kind === 'value' && l.type === 'date' && r.kind === 'span') {
        if (l.value === null) return l;
        return { kind: 'value', type: 'date', value: addTimeSpan(Number(l.value), r.quantity, r.unit, sign), fromParam: false };
      }
      if (l.kind === 'span' && r.kind === 'value' && r.type === 'date' && e.op === '+') {
        if (r.value === null) return r;
        return { kind: 'value', type: 'date', value: addTimeSpan(Number(r.value), l.quantity, l.unit, 1), fromParam: false };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** A constant converted to `target` (date → epoch ms, ip → 32 hex), or a failure at `e`. */
export function convertConst(ctx: CompileContext, e: Expression, target: 'date' | 'ip'): Const | undefined {
  const c = foldConst(ctx, e);
  if (!c || c.kind !== 'value') return undefined;
  if (c.value === null || c.type === target) return { ...c, type: target };
  if (typeof c.value !== 'string') return target === 'date' && typeof c.value !== 'boolean' ? { ...c, type: 'date', value: Number(c.value) } : undefined;
  if (target === 'ip') {
    const hex = parseIp(c.value);
    if (hex === undefined) throw new CompileFailure(e.span, `Cannot convert string [${c.value}] to [IP], error [${notAnIpMessage(c.value)}]`, 'verification');
    return { ...c, type: 'ip', value: hex };
  }
  const ms = parseDate(c.value);
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
