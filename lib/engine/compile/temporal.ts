/**
 * Date math with a temporal amount (docs/esql-semantics.md §9). A time span is a constant in Elasticsearch, and so is any
 * expression typed date_period or time_duration; it folds to one java.time Period or Duration (foldAmount,
 * ./constants.ts), which the date side then adds.
 */
import 'server-only';
import type { BinaryExpression, Expression } from '../../esql';
import { CompileContext, CompileFailure } from './context';
import { foldAmount, isTemporalAmount } from './constants';
import { addAmount, epochMsOf, type Amount } from '../time-math';
import { intLiteral } from '../sql';
import { narrowWide } from './whole-ranges';

/** The operand sides of `date ± amount` / `amount + date`, when `e` is date math. */
export function dateMathSides(ctx: CompileContext, e: BinaryExpression): { date: Expression; amount: Expression } | undefined {
  if (e.op !== '+' && e.op !== '-') return undefined;
  const resultType = ctx.typeOf(e);
  if (resultType !== 'date' && resultType !== 'date_nanos') return undefined;
  const sides = isTemporalAmount(ctx.typeOf(e.right))
    ? { date: e.left, amount: e.right }
    : e.op === '+' && isTemporalAmount(ctx.typeOf(e.left))
      ? { date: e.right, amount: e.left }
      : undefined;
  // date_nanos is never stored by the embedded store (docs/esql-semantics.md §5): its math would need nanoseconds.
  if (sides && resultType === 'date_nanos') {
    throw new CompileFailure(e.span, `date math on date_nanos [${ctx.sourceText(e.span)}] is not supported by the embedded engine`);
  }
  return sides;
}

export function requireAmount(ctx: CompileContext, e: Expression): Amount {
  const a = foldAmount(ctx, e);
  if (!a) throw new CompileFailure(e.span, `time span [${ctx.sourceText(e.span)}] must be a constant in the embedded engine`);
  return a;
}

/** Constant date math: the date, or null with Elasticsearch's warning when java.time fails. */
export function foldedDateMath(ctx: CompileContext, e: BinaryExpression, date: number | bigint, amount: Amount): string {
  const epochMs = epochMsOf(date);
  if (epochMs === undefined || amount.kind === 'null') return 'NULL::BIGINT';
  const r = addAmount(epochMs, amount, e.op === '-' ? -1 : 1);
  if (r.ok) return `${intLiteral(r.ms)}::BIGINT`;
  ctx.addProbe(e.span, 'TRUE', r.reason);
  return 'NULL::BIGINT';
}

const INT_MAX = 2_147_483_647;

/** Date math over a column: exact ms for a duration, DuckDB's calendar intervals for a period (months, then days). */
export function dateMathSql(ctx: CompileContext, e: BinaryExpression, date: string, amount: Amount): string {
  const sign = e.op === '-' ? -1 : 1;
  let sql: string;
  if (amount.kind === 'null') return 'NULL::BIGINT';
  if (amount.kind === 'duration') {
    sql = narrowWide(`(${date}::HUGEINT + ${intLiteral(BigInt(sign * amount.ms))})`, 'long').sql;
  } else if (Math.abs(amount.months) > INT_MAX || Math.abs(amount.days) > INT_MAX) {
    // Beyond any date the store can hold: every non-null date overflows.
    sql = 'NULL::BIGINT';
  } else {
    const shifted = `epoch_ms(${date}) + INTERVAL (${sign * amount.months}) MONTH + INTERVAL (${sign * amount.days}) DAY`;
    // Over aggregates TRY is not allowed; there the dates are the store's own, well inside DuckDB's range.
    sql = ctx.aggregateMode ? `epoch_ms(${shifted})` : `TRY(epoch_ms(${shifted}))`;
  }
  // The probe runs over the input rows, where aggregates do not exist.
  if (!ctx.aggregateMode) ctx.addProbe(e.span, `(${date} IS NOT NULL AND ${sql} IS NULL)`, undefined, overflowReason(date, amount, sign));
  return sql;
}

/** java.time's exception for a failed date math row: a year past ±999999999, else the long overflow of the epoch ms. */
function overflowReason(date: string, amount: Amount, sign: number): string {
  if (amount.kind !== 'period') return "'java.lang.ArithmeticException: long overflow'";
  const d = `TRY(epoch_ms(${date}))`;
  const year = `floor((year(${d}) * 12 + month(${d}) - 1 + (${sign * amount.months})::HUGEINT) / 12)::HUGEINT`;
  return (
    `(CASE WHEN abs(${year}) > 999999999 THEN 'java.time.DateTimeException: Invalid value for Year (valid values -999999999 - 999999999): ' || ${year} ` +
    `ELSE 'java.lang.ArithmeticException: long overflow' END)`
  );
}
