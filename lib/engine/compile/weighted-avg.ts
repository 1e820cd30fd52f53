/**
 * WEIGHTED_AVG(number, weight) as Elasticsearch rewrites it (WeightedAvg.surrogate;
 * docs/esql-semantics.md §8.1):
 * - a null-typed weight, or a constant one that is null or 0, is a verification error;
 * - a number that reads no column folds once: the average of its values (MV_AVG), rows and filter aside;
 * - a constant weight: SUM(number) / COUNT(number), every value of a multi-value counting;
 * - else SUM(number * weight) / SUM(weight): the product is single-valued and overflows as `*` does
 *   (null plus the warning pair, named after the call), a zero total weight is null plus `/ by zero`.
 * Double sums are compensated; a long SUM out of range is null plus `long overflow`.
 */
import 'server-only';
import type { EsqlType, Expression, FunctionCall } from '../../esql';
import { asList, asScalar, CompileContext, CompileFailure, type Val } from './context';
import { foldConst } from './constants';
import { compileExpr } from './expressions';
import { checkedLongSum, compensatedSum, perRow, readsNoColumn, valueCount } from './aggregate-values';

export function compileWeightedAvg(ctx: CompileContext, call: FunctionCall, filterSql: string): string {
  const [numberE, weightE] = call.args;
  checkWeight(ctx, call, weightE);
  const numberType = ctx.typeOf(numberE);
  if (numberType === 'null') return 'CAST(NULL AS DOUBLE)';
  const number = compileExpr(ctx, numberE);
  if (readsNoColumn(numberE)) return `CAST(list_avg(${asList(number)}) AS DOUBLE)`;
  if (readsNoColumn(weightE)) {
    return `(${sumOf(ctx, number, numberType, filterSql, call)} / nullif(${valueCount(number, filterSql)}, 0))`;
  }
  const weight = compileExpr(ctx, weightE);
  const product = productOf(ctx, call, asScalar(ctx, number, call.span), asScalar(ctx, weight, call.span), numberType, ctx.typeOf(weightE));
  const numerator = sumOf(ctx, product.val, product.type, filterSql, call);
  const denominator = sumOf(ctx, weight, ctx.typeOf(weightE), filterSql, call);
  ctx.aggregateChecks.push({
    span: call.span,
    condition: `(${numerator} IS NOT NULL AND ${denominator} = 0)`,
    reason: 'java.lang.ArithmeticException: / by zero',
  });
  return `(${numerator} / nullif(${denominator}, 0))`;
}

/** WeightedAvg.resolveType: the weight may not be null, nor a constant null or zero. */
function checkWeight(ctx: CompileContext, call: FunctionCall, weightE: Expression): void {
  const src = ctx.sourceText(call.span);
  if (ctx.typeOf(weightE) === 'null') {
    throw new CompileFailure(call.span, `SECOND argument of [${src}] cannot be null or 0, received [null]`, 'verification');
  }
  if (!readsNoColumn(weightE)) return;
  const folded = foldConst(ctx, weightE);
  const value = folded?.kind === 'value' ? folded.value : undefined;
  if (value === null || value === 0 || value === 0n) {
    const shown = value === null ? 'null' : ctx.typeOf(weightE) === 'double' ? '0.0' : '0';
    throw new CompileFailure(call.span, `SECOND argument of [${src}] cannot be null or 0, received [${shown}]`, 'verification');
  }
}

/** SUM of the values as a DOUBLE: compensated for doubles, overflow-checked for integers. */
function sumOf(ctx: CompileContext, v: Val, type: EsqlType, filterSql: string, call: FunctionCall): string {
  if (type === 'double') return `CAST(${compensatedSum(v, filterSql)} AS DOUBLE)`;
  return `CAST(${checkedLongSum(ctx, `sum(${perRow(v, 'list_sum')})${filterSql}`, call.span)} AS DOUBLE)`;
}

/** number * weight in the type `*` gives them, an integer overflow null plus its warning. */
function productOf(ctx: CompileContext, call: FunctionCall, l: string, r: string, lt: EsqlType, rt: EsqlType): { val: Val; type: EsqlType } {
  if (lt === 'double' || rt === 'double') return { val: { kind: 'scalar', sql: `(CAST(${l} AS DOUBLE) * ${r})` }, type: 'double' };
  const type: EsqlType = lt === 'integer' && rt === 'integer' ? 'integer' : 'long';
  const sqlType = type === 'integer' ? 'INTEGER' : 'BIGINT';
  const sql = `TRY(CAST(${l} AS ${sqlType}) * CAST(${r} AS ${sqlType}))`;
  ctx.addProbe(call.span, `(${l} IS NOT NULL AND ${r} IS NOT NULL AND ${sql} IS NULL)`, `java.lang.ArithmeticException: ${type} overflow`);
  return { val: { kind: 'scalar', sql }, type };
}
