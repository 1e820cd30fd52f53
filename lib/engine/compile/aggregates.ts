/**
 * Aggregate functions → DuckDB aggregates (docs/esql-semantics.md §8.1). COUNT(expr) counts values (a multi-value
 * contributes its value count); COUNT_DISTINCT is exact over all values including multi-value
 * elements; MIN/MAX/SUM/AVG/VALUES see every value and skip nulls; empty input gives null (COUNT 0).
 */
import 'server-only';
import type { Expression, FunctionCall } from '../../esql';
import { asList, CompileContext, CompileFailure, type Val } from './context';
import { foldConst } from './constants';
import { compileExpr } from './expressions';
import { checkedLongSum, compensatedSum, perRow, valueCount } from './aggregate-values';
import { compileSpreadAggregate, isSpreadAggregate } from './aggregate-spread';
import { compilePresence, compileTop } from './aggregate-top';
import { compileFirstLast } from './aggregate-first-last';
import { compileWeightedAvg } from './weighted-avg';
import { compileCountDistinct } from './count-distinct';
import { versionExtreme } from './version-order';

const AGGREGATES = new Set([
  'count', 'count_distinct', 'min', 'max', 'sum', 'avg', 'values', 'median', 'percentile', 'top',
  'std_dev', 'variance', 'median_absolute_deviation', 'weighted_avg', 'present', 'absent', 'first', 'last',
]);

/** Aggregates whose answer is a multi-value (a LIST, split into scalar and mv sides by STATS). */
export function isMultiValuedAggregate(name: string): boolean {
  return name === 'values' || name === 'top' || name === 'first' || name === 'last';
}

export function isAggregateName(name: string): boolean {
  return AGGREGATES.has(name);
}

/** The aggregate SQL of `call` (canonical `name`), with the per-aggregate filter when given. */
export function compileAggregate(ctx: CompileContext, call: FunctionCall, name: string, filter?: string): string {
  const filterSql = filter ? ` FILTER (WHERE ${filter})` : '';
  const arg = (i: number): Val => compileArg(ctx, call.args[i]);
  switch (name) {
    case 'count': {
      if (call.star || call.args.length === 0) return `count(*)${filterSql}`;
      const v = arg(0);
      if (v.kind === 'scalar') return `count(${v.sql})${filterSql}`;
      return withFilter(valueCount(v), filterSql);
    }
    case 'count_distinct':
      return compileCountDistinct(ctx, call, arg(0), filterSql);
    case 'min':
    case 'max': {
      const v = arg(0);
      if (ctx.typeOf(call.args[0]) === 'version') return versionExtreme(v, name, filterSql);
      return `${name}(${perRow(v, name === 'min' ? 'list_min' : 'list_max')})${filterSql}`;
    }
    case 'sum': {
      const type = ctx.typeOf(call);
      // SUM over null is typed null (Elasticsearch's fix_sum_of_null_optimization).
      if (type === 'null') return 'NULL';
      const v = arg(0);
      // Elasticsearch sums doubles with Kahan compensation, value by value (docs/esql-semantics.md §8.1): DuckDB's fsum.
      if (type === 'double') return `CAST(${compensatedSum(v, filterSql)} AS DOUBLE)`;
      const sum = `sum(${perRow(v, 'list_sum')})${filterSql}`;
      return checkedLongSum(ctx, sum, call.span);
    }
    case 'avg': {
      // Elasticsearch plans AVG as SUM / COUNT, the sum compensated as above.
      const v = arg(0);
      return `(CAST(${compensatedSum(v, filterSql)} AS DOUBLE) / nullif(${withFilter(valueCount(v), filterSql)}, 0))`;
    }
    case 'median':
    case 'percentile': {
      const v = arg(0);
      const fraction = name === 'median' ? 0.5 : percentileFraction(ctx, call);
      // Elasticsearch's t-digest is exact on small inputs: linear interpolation between the ranks (docs/esql-semantics.md §8.1).
      if (v.kind === 'scalar') return `CAST(quantile_cont(${v.sql}, ${fraction})${filterSql} AS DOUBLE)`;
      return `CAST(list_aggregate(flatten(list(${asList(v)})${filterSql}), 'quantile_cont', ${fraction}) AS DOUBLE)`;
    }
    case 'weighted_avg':
      return compileWeightedAvg(ctx, call, filterSql);
    case 'present':
    case 'absent':
      return compilePresence(arg(0), name, filterSql);
    case 'top':
      return compileTop(ctx, call, arg(0), filter);
    case 'first':
    case 'last':
      return compileFirstLast(ctx, call, name, filterSql);
    case 'values': {
      const v = arg(0);
      // Elasticsearch leaves the order of VALUES undefined; sorting keeps results deterministic (docs/esql-semantics.md §8.1).
      // No values at all is null, not an empty list (MV_COUNT of it is null, as in Elasticsearch).
      const values = `list_sort(list_distinct(flatten(list(${asList(v)})${filterSql})))`;
      return `(CASE WHEN len(${values}) > 0 THEN ${values} END)`;
    }
  }
  if (isSpreadAggregate(name)) return compileSpreadAggregate(ctx, call, name, filterSql);
  throw new CompileFailure(call.span, `aggregate function [${name}] is not supported by the embedded engine`);
}

function percentileFraction(ctx: CompileContext, call: FunctionCall): number {
  const c = call.args[1] ? foldConst(ctx, call.args[1]) : undefined;
  const raw = c?.kind === 'value' ? c.value : undefined;
  const p = typeof raw === 'bigint' ? Number(raw) : raw;
  if (typeof p !== 'number' || !Number.isFinite(p)) throw new CompileFailure(call.span, `the percentile of [${ctx.sourceText(call.span)}] must be a constant number`, 'verification');
  if (p < 0 || p > 100) throw new CompileFailure(call.args[1].span, `Percentile must be in the range [0, 100], found [${p}]`, 'verification');
  return p / 100;
}

function compileArg(ctx: CompileContext, e: Expression | undefined): Val {
  if (!e) throw new CompileFailure({ start: 0, end: 0 }, 'missing aggregate argument', 'verification');
  return compileExpr(ctx, e);
}

/** Puts a FILTER clause on a `count(...)`, or on the inner aggregate of a `coalesce(sum(...), 0)` form. */
function withFilter(aggregateSql: string, filterSql: string): string {
  if (!filterSql) return aggregateSql;
  if (/^count\(.*\)$/s.test(aggregateSql)) return `${aggregateSql}${filterSql}`;
  return aggregateSql.replace(/^coalesce\(sum\((.*)\), 0\)$/s, (_m, inner: string) => `coalesce(sum(${inner})${filterSql}, 0)`);
}
