/**
 * COUNT_DISTINCT (docs/esql-semantics.md §8.1): exact, every value of a multi-value counting. With a
 * precision argument Elasticsearch's HyperLogLog++ counts exactly (a set of hashes) only while the
 * distinct values stay under a threshold set by that precision; above it the answer is an
 * estimate the engine cannot reproduce, so a count that reaches the threshold refuses the query.
 */
import 'server-only';
import type { Expression, FunctionCall } from '../../esql';
import { asList, CompileContext, CompileFailure, type Val } from './context';
import { foldConst } from './constants';
import { refusalSql } from './refusal';

/** HyperLogLogPlusPlus.precisionFromThreshold: hash-table entries at load factor 0.75, 4 bytes each. */
function precisionFromThreshold(count: number): number {
  const bytes = Math.ceil(count / 0.75) * 4;
  const bits = Math.max(1, Math.ceil(Math.log2(bytes + 1)));
  return Math.min(18, Math.max(4, bits));
}

/** How many distinct hashes the linear-counting phase holds before switching to estimates. */
export function exactLimit(precisionThreshold: number): number {
  const capacity = (1 << precisionFromThreshold(precisionThreshold)) / 4;
  return Math.floor(capacity * 0.75);
}

export function compileCountDistinct(ctx: CompileContext, call: FunctionCall, v: Val, filterSql: string): string {
  const count = v.kind === 'scalar' ? `count(DISTINCT ${v.sql})${filterSql}` : `coalesce(len(list_distinct(flatten(list(${asList(v)})${filterSql}))), 0)`;
  if (call.args.length < 2) return count;
  const raw = foldWhole(ctx, call.args[1]);
  if (raw === undefined) {
    throw new CompileFailure(call.args[1].span, `the precision of [${ctx.sourceText(call.span)}] must be a constant integer`, 'verification');
  }
  const limit = exactLimit(Math.max(0, Math.min(Number(raw), 1e9)));
  const refusal = refusalSql(ctx, call.span, `COUNT_DISTINCT with precision [${raw}] counts exactly only below ${limit} distinct values; above, Elasticsearch estimates (HyperLogLog++) and the embedded engine cannot reproduce the estimate`);
  return `(CASE WHEN ${count} >= ${limit} THEN ${refusal} ELSE ${count} END)`;
}

/** A constant whole-number expression (`9875+1`, `9876*3+(-9876*2)`), as the verifier folds it. */
function foldWhole(ctx: CompileContext, e: Expression): bigint | undefined {
  if (e.kind === 'unary' && e.op === '-') {
    const v = foldWhole(ctx, e.operand);
    return v === undefined ? undefined : -v;
  }
  if (e.kind === 'binary' && ['+', '-', '*'].includes(e.op)) {
    const l = foldWhole(ctx, e.left);
    const r = foldWhole(ctx, e.right);
    if (l === undefined || r === undefined) return undefined;
    return e.op === '+' ? l + r : e.op === '-' ? l - r : l * r;
  }
  const c = foldConst(ctx, e);
  const v = c?.kind === 'value' ? c.value : undefined;
  if (typeof v === 'bigint') return v;
  return typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : undefined;
}
