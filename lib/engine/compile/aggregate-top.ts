/**
 * TOP, PRESENT and ABSENT (docs/esql-semantics.md §8.1). TOP(field, limit, order) keeps the first
 * `limit` values in that order, duplicates and multi-value elements included: one value is a
 * scalar, several a multi-value, none null (with an outputField: ./aggregate-top-output.ts). PRESENT / ABSENT: whether the group has any value.
 */
import 'server-only';
import type { Expression, FunctionCall } from '../../esql';
import { CompileContext, CompileFailure, type Val } from './context';
import { foldConst } from './constants';
import { allValues, valueCount } from './aggregate-values';
import { compileTopOutput } from './aggregate-top-output';

function sameColumn(a: Expression, b: Expression): boolean {
  return a.kind === 'column' && b.kind === 'column' && a.name === b.name;
}

export function compileTop(ctx: CompileContext, call: FunctionCall, v: Val, filter: string | undefined): string {
  const filterSql = filter ? ` FILTER (WHERE ${filter})` : '';
  const limit = foldConst(ctx, call.args[1]);
  const order = foldConst(ctx, call.args[2]);
  const n = limit?.kind === 'value' ? limit.value : undefined;
  const dir = order?.kind === 'value' && typeof order.value === 'string' ? order.value.toLowerCase() : undefined;
  const src = ctx.sourceText(call.span);
  if (typeof n !== 'number' && typeof n !== 'bigint') throw new CompileFailure(call.args[1].span, `Limit must be a constant integer in [${src}]`, 'verification');
  if (Number(n) <= 0) throw new CompileFailure(call.args[1].span, `Limit must be greater than 0 in [${src}], found [${n}]`, 'verification');
  if (dir !== 'asc' && dir !== 'desc') {
    const got = order?.kind === 'value' ? String(order.value) : ctx.sourceText(call.args[2].span);
    throw new CompileFailure(call.args[2].span, `Invalid order value in [${src}], expected one of [ASC, DESC] but got [${got}]`, 'verification');
  }
  // An outputField that is the field itself is plain TOP, as Elasticsearch's surrogate rewrites it.
  const output = call.args[3];
  if (output && !sameColumn(call.args[0], output)) return compileTopOutput(ctx, call, Number(n), dir, filter);
  if (ctx.typeOf(call.args[0]) === 'null') return 'NULL';
  if (ctx.typeOf(call.args[0]) === 'version') throw new CompileFailure(call.args[0].span, 'TOP of version values is not supported by the embedded engine');
  const top = `list_slice(list_sort(${allValues(v, filterSql)}, '${dir.toUpperCase()}'), 1, ${Number(n)})`;
  return `(CASE WHEN len(${top}) > 0 THEN ${top} END)`;
}

export function compilePresence(v: Val, name: 'present' | 'absent', filterSql: string): string {
  const n = valueCount(v, filterSql);
  return name === 'present' ? `(${n} > 0)` : `(${n} = 0)`;
}
