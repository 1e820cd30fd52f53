/**
 * How an aggregate reads its argument's values (docs/esql-semantics.md §8.1): every value of a
 * multi-value counts, nulls never do. Shared by the aggregate families.
 */
import 'server-only';
import { leftSpine, type Expression, type Span } from '../../esql';
import { asList, CompileContext, type Val } from './context';
import { narrowWide } from './whole-ranges';

/** How many values (multi-value elements each count), with the aggregate's FILTER clause when given. */
export function valueCount(v: Val, filterSql = ''): string {
  switch (v.kind) {
    case 'scalar':
      return `count(${v.sql})${filterSql}`;
    case 'mvcol':
      return `coalesce(sum(CASE WHEN ${v.mv} IS NOT NULL THEN len(${v.mv}) WHEN ${v.scalar} IS NOT NULL THEN 1 END)${filterSql}, 0)`;
    case 'list':
      return `coalesce(sum(len(${v.sql}))${filterSql}, 0)`;
  }
}

/** Per-row reduction of all values with a list function, for mv-aware MIN/MAX/SUM. */
export function perRow(v: Val, listFn: string): string {
  switch (v.kind) {
    case 'scalar':
      return v.sql;
    case 'mvcol':
      return `coalesce(${v.scalar}, ${listFn}(${v.mv}))`;
    case 'list':
      return `${listFn}(${v.sql})`;
  }
}

/** Every value of the group (filtered) as one LIST, NULL when there is none. */
export function allValues(v: Val, filterSql: string): string {
  return `flatten(list(${asList(v)})${filterSql})`;
}


/**
 * A long SUM: DuckDB sums into HUGEINT; outside long's range Elasticsearch answers null with the
 * `long overflow` warning pair named after `span`, decided per group (docs/esql-semantics.md §8.1).
 */
export function checkedLongSum(ctx: CompileContext, sum: string, span: Span): string {
  const long = narrowWide(sum, 'long');
  ctx.aggregateChecks.push({ span, condition: `(${sum} IS NOT NULL AND ${long.outside})`, reason: 'java.lang.ArithmeticException: long overflow' });
  return long.sql;
}

/** Whether `e` reads no column: Elasticsearch folds such an aggregate argument once (its surrogates). */
export function readsNoColumn(e: Expression): boolean {
  switch (e.kind) {
    case 'column':
      return false;
    case 'literal':
    case 'timeSpan':
    case 'param':
      return true;
    case 'list':
      return e.items.every(readsNoColumn);
    case 'function':
      return !e.star && e.args.every(readsNoColumn);
    case 'unary':
    case 'isNull':
    case 'cast':
      return readsNoColumn(e.operand);
    case 'binary': {
      // Down the left spine in a loop: `a OR b OR …` may be thousands deep.
      const { leaf, chain } = leftSpine(e);
      return readsNoColumn(leaf) && chain.every((b) => readsNoColumn(b.right));
    }
    case 'in':
      return readsNoColumn(e.operand) && e.list.every(readsNoColumn);
    case 'like':
      return readsNoColumn(e.operand);
  }
}

/** Kahan-compensated sum of every value (Elasticsearch's CompensatedSum), multi-values value by value. */
export function compensatedSum(v: Val, filterSql: string): string {
  if (v.kind === 'scalar') return `fsum(${v.sql})${filterSql}`;
  return `list_aggregate(${allValues(v, filterSql)}, 'fsum')`;
}
