/**
 * FIRST(field, sortField) and LAST(field, sortField) (Elasticsearch 9.2+, preview; docs/esql-semantics.md §8.1):
 * the field's value, whole, from the row with the smallest (FIRST) or largest (LAST) sort key of
 * the group. As Elasticsearch's AllFirst/AllLast aggregators: a multi-valued sort key counts as
 * its smallest (FIRST) or largest (LAST) value; the winning row's field may be null or a
 * multi-value and is returned as it is; a row without a sort key wins only when no row has one,
 * and then the group's first row gives the value (`FIRST(emp_no, null)` is the first employee).
 * Among equal sort keys Elasticsearch may return any of the rows' values; here it is DuckDB's pick.
 */
import 'server-only';
import type { FunctionCall } from '../../esql';
import { asList, CompileContext } from './context';
import { compileExpr } from './expressions';
import { perRow } from './aggregate-values';

export function compileFirstLast(ctx: CompileContext, call: FunctionCall, name: 'first' | 'last', filterSql: string): string {
  if (ctx.typeOf(call.args[0]) === 'null') return 'NULL';
  const values = asList(compileExpr(ctx, call.args[0]));
  const sortType = ctx.typeOf(call.args[1]);
  const key = sortType === 'null' ? 'NULL' : perRow(compileExpr(ctx, call.args[1]), name === 'first' ? 'list_min' : 'list_max');
  // arg_min_null keeps a null field value of the winning row (arg_min would skip that row).
  const byKey = `${name === 'first' ? 'arg_min_null' : 'arg_max_null'}(${values}, ${key})${filterSql}`;
  const picked = `(CASE WHEN count(${key})${filterSql} > 0 THEN ${byKey} ELSE first(${values})${filterSql} END)`;
  return `(CASE WHEN len(${picked}) > 0 THEN ${picked} END)`;
}
