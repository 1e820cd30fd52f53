/**
 * STD_DEV, VARIANCE and MEDIAN_ABSOLUTE_DEVIATION (docs/esql-semantics.md §8.1): over every value,
 * multi-value elements included, nulls skipped; no values gives null. STD_DEV and VARIANCE are the
 * population forms, which DuckDB computes with Welford's streaming update as Elasticsearch does.
 * MEDIAN_ABSOLUTE_DEVIATION interpolates between ranks as MEDIAN does; over an argument that reads
 * no column Elasticsearch folds it once (MV_MEDIAN_ABSOLUTE_DEVIATION), whatever the rows or filter.
 */
import 'server-only';
import type { FunctionCall } from '../../esql';
import { asList, type CompileContext } from './context';
import { compileExpr } from './expressions';
import { allValues, readsNoColumn } from './aggregate-values';

const SQL_NAME = { std_dev: 'stddev_pop', variance: 'var_pop', median_absolute_deviation: 'mad' } as const;

export function compileSpreadAggregate(ctx: CompileContext, call: FunctionCall, name: keyof typeof SQL_NAME, filterSql: string): string {
  const fn = SQL_NAME[name];
  if (ctx.typeOf(call.args[0]) === 'null') return 'CAST(NULL AS DOUBLE)';
  const v = compileExpr(ctx, call.args[0]);
  if (name === 'median_absolute_deviation' && readsNoColumn(call.args[0])) return `CAST(list_aggregate(${asList(v)}, '${fn}') AS DOUBLE)`;
  if (v.kind === 'scalar') return `CAST(${fn}(${v.sql})${filterSql} AS DOUBLE)`;
  return `CAST(list_aggregate(${allValues(v, filterSql)}, '${fn}') AS DOUBLE)`;
}

export function isSpreadAggregate(name: string): name is keyof typeof SQL_NAME {
  return Object.hasOwn(SQL_NAME, name);
}
