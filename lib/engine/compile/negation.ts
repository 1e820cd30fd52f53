/**
 * Unary minus of an integer or long (docs/esql-semantics.md §7): negating the type's minimum
 * overflows in Java (Math.negateExact), which Elasticsearch turns into null plus
 * `integer overflow` / `long overflow`; DuckDB would fail the whole query instead.
 */
import 'server-only';
import type { EsqlType, Span } from '../../esql';
import type { CompileContext } from './context';

const MINIMUMS: Partial<Record<EsqlType, string>> = { integer: '-2147483648', long: '-9223372036854775808' };

export function negate(ctx: CompileContext, span: Span, type: EsqlType, operand: string): string {
  const min = MINIMUMS[type];
  if (min === undefined) return `(- ${operand})`;
  const overflows = `(${operand} = ${min})`;
  const reason = `java.lang.ArithmeticException: ${type} overflow`;
  if (ctx.aggregateMode) ctx.aggregateChecks.push({ span, condition: overflows, reason });
  else ctx.addProbe(span, overflows, reason);
  // The minimum is replaced before negating: DuckDB folds constant branches, so a CASE around the
  // negation would still fail at planning time.
  return `(- (CASE WHEN NOT ${overflows} THEN ${operand} END))`;
}
