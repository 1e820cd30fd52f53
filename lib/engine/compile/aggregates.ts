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

const AGGREGATES = new Set(['count', 'count_distinct', 'min', 'max', 'sum', 'avg', 'values', 'median', 'percentile', 'top']);

export function isAggregateName(name: string): boolean {
  return AGGREGATES.has(name);
}

function valueCount(v: Val): string {
  switch (v.kind) {
    case 'scalar':
      return `count(${v.sql})`;
    case 'mvcol':
      return `coalesce(sum(CASE WHEN ${v.mv} IS NOT NULL THEN len(${v.mv}) WHEN ${v.scalar} IS NOT NULL THEN 1 END), 0)`;
    case 'list':
      return `coalesce(sum(len(${v.sql})), 0)`;
  }
}

/** Per-row reduction of all values with a list function, for mv-aware MIN/MAX/SUM. */
function perRow(v: Val, listFn: string): string {
  switch (v.kind) {
    case 'scalar':
      return v.sql;
    case 'mvcol':
      return `coalesce(${v.scalar}, ${listFn}(${v.mv}))`;
    case 'list':
      return `${listFn}(${v.sql})`;
  }
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
    case 'count_distinct': {
      const v = arg(0);
      if (v.kind === 'scalar') return `count(DISTINCT ${v.sql})${filterSql}`;
      return `coalesce(len(list_distinct(flatten(list(${asList(v)})${filterSql}))), 0)`;
    }
    case 'min':
    case 'max': {
      if (ctx.typeOf(call.args[0]) === 'version') throw new CompileFailure(call.span, `${name.toUpperCase()} of version values is not supported by the embedded engine`);
      const v = arg(0);
      return `${name}(${perRow(v, name === 'min' ? 'list_min' : 'list_max')})${filterSql}`;
    }
    case 'sum': {
      const v = arg(0);
      const type = ctx.typeOf(call);
      const sum = `sum(${perRow(v, 'list_sum')})${filterSql}`;
      if (type === 'double') return `CAST(${sum} AS DOUBLE)`;
      // DuckDB sums BIGINT into HUGEINT; a sum outside long's range is null, as Elasticsearch's overflow.
      return `(CASE WHEN ${sum} BETWEEN -9223372036854775808 AND 9223372036854775807 THEN CAST(${sum} AS BIGINT) END)`;
    }
    case 'avg': {
      const v = arg(0);
      if (v.kind === 'scalar') return `CAST(avg(${v.sql})${filterSql} AS DOUBLE)`;
      const total = `sum(${perRow(v, 'list_sum')})${filterSql}`;
      return `(CAST(${total} AS DOUBLE) / nullif(${withFilter(valueCount(v), filterSql)}, 0))`;
    }
    case 'median':
    case 'percentile': {
      const v = arg(0);
      const fraction = name === 'median' ? 0.5 : percentileFraction(ctx, call);
      // Elasticsearch's t-digest is exact on small inputs: linear interpolation between the ranks (docs/esql-semantics.md §8.1).
      if (v.kind === 'scalar') return `CAST(quantile_cont(${v.sql}, ${fraction})${filterSql} AS DOUBLE)`;
      return `CAST(list_aggregate(flatten(list(${asList(v)})${filterSql}), 'quantile_cont', ${fraction}) AS DOUBLE)`;
    }
    case 'values': {
      const v = arg(0);
      // Elasticsearch leaves the order of VALUES undefined; sorting keeps results deterministic (docs/esql-semantics.md §8.1).
      // No values at all is null, not an empty list (MV_COUNT of it is null, as in Elasticsearch).
      const values = `list_sort(list_distinct(flatten(list(${asList(v)})${filterSql})))`;
      return `(CASE WHEN len(${values}) > 0 THEN ${values} END)`;
    }
  }
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

/** Puts a FILTER clause on the inner aggregate of a `coalesce(sum(...), 0)` form. */
function withFilter(aggregateSql: string, filterSql: string): string {
  if (!filterSql) return aggregateSql;
  return aggregateSql.replace(/^coalesce\(sum\((.*)\), 0\)$/s, (_m, inner: string) => `coalesce(sum(${inner})${filterSql}, 0)`);
}
