/**
 * Type rules of the operators: arithmetic widening and date math (time spans: ../syntax/tokens.ts),
 * comparison compatibility with string-literal auto-casting, and the messages Elasticsearch gives
 * when they are broken (docs/esql-semantics.md §7; date math §9).
 */
import type { BinaryExpression, Expression } from '../ast';
import { AnalysisContext, ordinal, typeName, upperTypeName } from './context';
import { leftSpine } from '../syntax/spine';
import { isNumeric, isStringLike, type EsqlType } from '../types';

const NUMERIC_RANK: Partial<Record<EsqlType, number>> = { integer: 1, long: 2, double: 3 };

function widen(l: EsqlType, r: EsqlType): EsqlType | undefined {
  if (l === 'unsigned_long' || r === 'unsigned_long') return l === r ? l : undefined;
  const rank = Math.max(NUMERIC_RANK[l] ?? 0, NUMERIC_RANK[r] ?? 0);
  return rank === 3 ? 'double' : rank === 2 ? 'long' : 'integer';
}

const isDate = (t: EsqlType) => t === 'date' || t === 'date_nanos';
const isTemporalAmount = (t: EsqlType) => t === 'date_period' || t === 'time_duration';

/** A constant: literals, params, and expressions over them only (`now()` included). */
export function isFoldable(e: Expression): boolean {
  switch (e.kind) {
    case 'literal':
    case 'list':
    case 'timeSpan':
    case 'param':
      return true;
    case 'column':
      return false;
    case 'function':
      return e.args.every(isFoldable) && !e.star;
    case 'unary':
    case 'isNull':
    case 'cast':
      return isFoldable(e.operand);
    case 'binary': {
      const { leaf, chain } = leftSpine(e);
      return isFoldable(leaf) && chain.every((b) => isFoldable(b.right));
    }
    case 'in':
      return isFoldable(e.operand) && e.list.every(isFoldable);
    case 'like':
      return isFoldable(e.operand);
  }
}

/** A constant string Elasticsearch converts implicitly where a date, ip or version is expected. */
export function isAutoCastString(e: Expression, t: EsqlType): boolean {
  return isStringLike(t) && isFoldable(e);
}

/** Targets of implicit casting (docs/esql-semantics.md §7): date, temporal amounts, ip, version, boolean. */
const AUTO_CAST_TARGETS: ReadonlySet<EsqlType> = new Set(['date', 'date_nanos', 'ip', 'version', 'boolean', 'date_period', 'time_duration']);

export function autoCastsTo(target: EsqlType): boolean {
  return AUTO_CAST_TARGETS.has(target);
}

/** Elasticsearch's message when unsigned_long meets another numeric type. */
function unsignedLongMismatch(src: string, l: EsqlType, r: EsqlType): string | undefined {
  if (!isNumeric(l) || !isNumeric(r) || (l === 'unsigned_long') === (r === 'unsigned_long')) return undefined;
  return (
    `first argument of [${src}] is [${typeName(l)}] and second is [${typeName(r)}]. ` +
    '[unsigned_long] can only be operated on together with another [unsigned_long]'
  );
}

/** Result type of `l op r` for + - * / % (the failure placeholder with an error recorded when invalid). */
export function arithmeticType(e: BinaryExpression, l: EsqlType, r: EsqlType, ctx: AnalysisContext): EsqlType {
  const src = ctx.source(e.span);
  const additive = e.op === '+' || e.op === '-';
  const accepts = (t: EsqlType, side: Expression) =>
    t === 'null' || isNumeric(t) || (additive && (isDate(t) || isTemporalAmount(t) || isAutoCastString(side, t)));
  for (const [i, side, t] of [[1, e.left, l], [2, e.right, r]] as const) {
    if (!accepts(t, side)) {
      const expected = additive ? 'date_nanos, datetime or numeric' : 'numeric';
      ctx.error(e.span, `${ordinal(i)} argument of [${src}] must be [${expected}], found value [${ctx.source(side.span)}] type [${typeName(t)}]`);
      return ctx.fail(e);
    }
  }
  if (l === 'null') return r;
  if (r === 'null') return l;
  const ulMessage = unsignedLongMismatch(src, l, r);
  if (ulMessage) {
    ctx.error(e.span, ulMessage);
    return ctx.fail(e);
  }
  if (isNumeric(l) && isNumeric(r)) {
    const t = widen(l, r);
    if (t) return t;
  }
  if (additive) {
    // A constant string next to a time span is a date (`"2024-01-01" - 1 day`, newer versions; docs/esql-semantics.md §9).
    const lt = isTemporalAmount(r) && isAutoCastString(e.left, l) ? 'date' : l;
    const rt = isTemporalAmount(l) && isAutoCastString(e.right, r) && e.op === '+' ? 'date' : r;
    if (isDate(lt) && isTemporalAmount(rt)) return lt;
    if (e.op === '+' && isTemporalAmount(lt) && isDate(rt)) return rt;
    if (isTemporalAmount(lt) && lt === rt) return lt;
    if (e.op === '-' && isTemporalAmount(lt) && isDate(rt)) {
      ctx.error(
        e.span,
        `[-] arguments are in unsupported order: cannot subtract a [${upperTypeName(rt)}] value [${ctx.source(e.right.span)}] ` +
          `from a [${upperTypeName(lt)}] amount [${ctx.source(e.left.span)}]`,
      );
      return ctx.fail(e);
    }
  }
  ctx.error(e.span, `[${e.op}] has arguments with incompatible types [${typeName(l)}] and [${typeName(r)}]`);
  return ctx.fail(e);
}

/**
 * Whether a value of type `r` (expression `right`) can be compared with one of type `l`
 * (expression `left`): numerics together, keyword with text, date with date_nanos, and a
 * constant string against a date, ip or version (auto-casting, either side).
 */
export function comparable(l: EsqlType, left: Expression, r: EsqlType, right: Expression): boolean {
  if (isNumeric(l) && isNumeric(r)) return true;
  if (isStringLike(l) && isStringLike(r)) return true;
  if (isDate(l) && isDate(r)) return true;
  if (autoCastsTo(l) && !isTemporalAmount(l) && isAutoCastString(right, r)) return true;
  if (autoCastsTo(r) && !isTemporalAmount(r) && isAutoCastString(left, l)) return true;
  return l === r;
}

/**
 * A `null` literal compares with anything; a null-valued *param* does not (docs/esql-semantics.md §2.3).
 */
function isNullLiteral(e: Expression, t: EsqlType): boolean {
  return t === 'null' && e.kind !== 'param';
}

export function comparisonType(e: BinaryExpression, l: EsqlType, r: EsqlType, ctx: AnalysisContext): EsqlType {
  const ulMessage = unsignedLongMismatch(ctx.source(e.span), l, r);
  if (ulMessage) {
    ctx.error(e.span, ulMessage);
    ctx.failed.add(e);
    return 'boolean';
  }
  if (isNullLiteral(e.left, l) || isNullLiteral(e.right, r) || comparable(l, e.left, r, e.right)) return 'boolean';
  const lname = isNumeric(l) ? 'numeric' : typeName(l);
  ctx.error(e.span, `first argument of [${ctx.source(e.span)}] is [${lname}] so second argument must also be [${lname}] but was [${typeName(r)}]`);
  ctx.failed.add(e);
  return 'boolean';
}

export function logicalType(e: BinaryExpression, l: EsqlType, r: EsqlType, ctx: AnalysisContext): EsqlType {
  for (const [i, side, t] of [[1, e.left, l], [2, e.right, r]] as const) {
    if (t !== 'boolean' && t !== 'null') {
      ctx.error(e.span, `${ordinal(i)} argument of [${ctx.source(e.span)}] must be [boolean], found value [${ctx.source(side.span)}] type [${typeName(t)}]`);
      ctx.failed.add(e);
    }
  }
  return 'boolean';
}
