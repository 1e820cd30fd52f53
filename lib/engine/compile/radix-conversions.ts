/**
 * TO_INTEGER(text, base) and TO_LONG(text, base) (Elasticsearch 9.3+, docs/esql-semantics.md §8.7).
 * Unlike the one-argument conversions these are ordinary scalar functions: a multi-valued argument
 * reads as null with the single-value warning. The base goes through TO_INTEGER first (ToLongSurrogate),
 * so a long base out of the integer range is null with that conversion's warning. Base 10 is the
 * one-argument reading (decimals round); any other base is Java's parseInt/parseLong in that radix
 * (base 16 may start with `0x`; a base outside 2..36 refuses every text), and a refused text is null
 * plus `Unable to convert [text] to number of base [b]`.
 */
import 'server-only';
import type { FunctionCall } from '../../esql';
import { asScalar, CompileContext, type Val } from './context';
import { compileExpr } from './expressions';
import { toWhole } from './numeric-conversions';
import { fromUnsignedLong, type Converted } from './unsigned-long';
import { TEXT_TO_NUMBER_RADIX } from '../radix-udfs';

const INVALID = 'org.elasticsearch.xpack.esql.core.InvalidArgumentException';

/** The base as an integer, refusing (as TO_INTEGER does) a long or unsigned_long out of its range. */
function baseAsInteger(ctx: CompileContext, call: FunctionCall, sql: string): Converted {
  const from = ctx.typeOf(call.args[1]);
  if (from === 'unsigned_long') return fromUnsignedLong('integer', sql);
  return toWhole(sql, from, 'integer');
}

export function compileRadixConversion(ctx: CompileContext, call: FunctionCall, target: 'integer' | 'long'): Val {
  const [textArg, baseArg] = call.args;
  if (ctx.typeOf(textArg) === 'null' || ctx.typeOf(baseArg) === 'null') return { kind: 'scalar', sql: 'NULL' };
  const text = asScalar(ctx, compileExpr(ctx, textArg), call.span);
  const rawBase = asScalar(ctx, compileExpr(ctx, baseArg), call.span);
  const base = baseAsInteger(ctx, call, rawBase);
  if (base.failure && !ctx.aggregateMode) ctx.addProbe(call.span, `(${rawBase} IS NOT NULL AND ${base.failure.condition})`, undefined, base.failure.reasonSql);
  const b = base.sql;
  const decimal = toWhole(text, ctx.typeOf(textArg), target);
  const sql = `(CASE WHEN ${b} = 10 THEN ${decimal.sql} ELSE ${TEXT_TO_NUMBER_RADIX[target]}(${text}, ${b}) END)`;
  if (!ctx.aggregateMode) {
    const digits = `(CASE WHEN ${b} = 16 AND starts_with(${text}, '0x') THEN substr(${text}, 3) ELSE ${text} END)`;
    const refusal = `'${INVALID}: Unable to convert [' || ${digits} || '] to number of base [' || CAST(${b} AS VARCHAR) || ']'`;
    const reason = `(CASE WHEN ${b} = 10 THEN ${decimal.failure!.reasonSql} ELSE ${refusal} END)`;
    ctx.addProbe(call.span, `(${text} IS NOT NULL AND ${b} IS NOT NULL AND ${sql} IS NULL)`, undefined, reason);
  }
  return { kind: 'scalar', sql };
}
