/**
 * MV_* functions (docs/esql-semantics.md §8.6): they read all values of their argument (a LIST), where single-value functions
 * read the scalar side. MV_MEDIAN of integers rounds down as Elasticsearch does; MV_CONTAINS
 * treats null as the empty set.
 */
import 'server-only';
import type { Expression, FunctionCall } from '../../esql';
import { argScalars, constText as constTextOf, scalar } from './arguments';
import { asList, CompileContext, CompileFailure, type Val } from './context';
import { compileExpr, listOf } from './expressions';
import { unsignedLongMedian } from './unsigned-long';
import { isWholeType, narrowWide } from './whole-ranges';

export function compileMultiValueFunction(ctx: CompileContext, call: FunctionCall, name: string): Val | undefined {
  const s = argScalars(ctx, call);
  const constText = (e: Expression) => constTextOf(ctx, e);
  switch (name) {
    case 'mv_count': {
      const v = compileExpr(ctx, call.args[0]);
      return scalar(`len(${asList(v)})::INTEGER`);
    }
    case 'mv_concat':
      return scalar(`array_to_string(${listOf(ctx, call.args[0])}, ${s(1)})`);
    case 'mv_first':
      return scalar(`(${listOf(ctx, call.args[0])})[1]`);
    case 'mv_last':
      return scalar(`(${listOf(ctx, call.args[0])})[-1]`);
    case 'mv_min':
      return scalar(`list_min(${listOf(ctx, call.args[0])})`);
    case 'mv_max':
      return scalar(`list_max(${listOf(ctx, call.args[0])})`);
    case 'mv_sum': {
      const list = listOf(ctx, call.args[0]);
      const type = ctx.typeOf(call.args[0]);
      if (!isWholeType(type)) return scalar(`list_sum(${list})`);
      // DuckDB sums whole numbers wide (HUGEINT); past the type's range Elasticsearch answers null with a warning.
      const sum = narrowWide(`list_sum(${list}::HUGEINT[])`, type);
      if (!ctx.aggregateMode) ctx.addProbe(call.span, sum.outside, `java.lang.ArithmeticException: ${type} overflow`);
      return scalar(sum.sql);
    }
    case 'mv_avg':
      return scalar(`CAST(list_avg(${listOf(ctx, call.args[0])}) AS DOUBLE)`);
    case 'mv_sort': {
      const order = call.args[1] ? constText(call.args[1]).value.toUpperCase() : 'ASC';
      if (order !== 'ASC' && order !== 'DESC') throw new CompileFailure(call.args[1].span, `Invalid order value in [${ctx.sourceText(call.span)}], expected one of [ASC, DESC] but got [${order}]`, 'verification');
      return { kind: 'list', sql: `list_sort(${listOf(ctx, call.args[0])}, '${order}')` };
    }
    case 'mv_dedupe': {
      // Each value's first occurrence, in order, as Elasticsearch keeps them ([1, 2, 2, 3] → [1, 2, 3]);
      // list_distinct's order is unspecified.
      const list = listOf(ctx, call.args[0]);
      return { kind: 'list', sql: `list_filter(${list}, (__d, __i) -> list_position(${list}, __d) = __i)` };
    }
    case 'mv_slice': {
      const list = listOf(ctx, call.args[0]);
      const start = s(1);
      const end = call.args.length > 2 ? s(2) : start;
      // 0-based inclusive indices, negative from the end; DuckDB slices are 1-based inclusive.
      const idx = (i: string) => `(CASE WHEN ${i} < 0 THEN len(${list}) + ${i} ELSE ${i} END)`;
      return { kind: 'list', sql: `list_slice(${list}, ${idx(start)} + 1, ${idx(end)} + 1)` };
    }
    case 'mv_median': {
      const list = listOf(ctx, call.args[0]);
      const type = ctx.typeOf(call.args[0]);
      const median = `list_aggregate(${list}, 'median')`;
      if (type === 'double') return scalar(`CAST(${median} AS DOUBLE)`);
      if (type === 'unsigned_long') return scalar(unsignedLongMedian(list));
      // Integral medians of an even count are the mean of the two middle values, rounded down.
      return scalar(`CAST(floor(${median}) AS ${type === 'integer' ? 'INTEGER' : 'BIGINT'})`);
    }
    case 'mv_append': {
      // Null when either side is null, as Elasticsearch's MvAppend.
      const [a, b] = [listOf(ctx, call.args[0]), listOf(ctx, call.args[1])];
      return { kind: 'list', sql: `(CASE WHEN ${a} IS NULL OR ${b} IS NULL THEN NULL ELSE list_concat(${a}, ${b}) END)` };
    }
    case 'mv_zip':
      return { kind: 'list', sql: mvZipSql(listOf(ctx, call.args[0]), listOf(ctx, call.args[1]), call.args.length > 2 ? s(2) : "','") };
    case 'mv_contains': {
      const family = (t: string) => (t === 'text' ? 'keyword' : t);
      const [a, b] = call.args.map((e) => family(ctx.typeOf(e)));
      if (a !== b && a !== 'null' && b !== 'null') {
        throw new CompileFailure(call.args[1].span, `second argument of [${ctx.sourceText(call.span)}] must be [${a}], found value [${ctx.sourceText(call.args[1].span)}] type [${b}]`, 'verification');
      }
      // Null is the empty set: everything contains it, it contains nothing else.
      const superset = asList(compileExpr(ctx, call.args[0]));
      const subset = asList(compileExpr(ctx, call.args[1]));
      return scalar(`(CASE WHEN ${subset} IS NULL THEN true WHEN ${superset} IS NULL THEN false ELSE list_has_all(${superset}, ${subset}) END)`);
    }
  }
  return undefined;
}

/** MV_ZIP as Elasticsearch's MvZip: pairs joined by the delimiter, the longer side's rest as is, a null side gives the other. */
function mvZipSql(a: string, b: string, delim: string): string {
  const pairs =
    `list_transform(range(1, greatest(len(${a}), len(${b})) + 1), __i -> ` +
    `CASE WHEN __i > len(${a}) THEN ${b}[__i] WHEN __i > len(${b}) THEN ${a}[__i] ELSE ${a}[__i] || ${delim} || ${b}[__i] END)`;
  return `(CASE WHEN ${delim} IS NULL THEN NULL WHEN ${a} IS NULL THEN ${b} WHEN ${b} IS NULL THEN ${a} ELSE ${pairs} END)`;
}
