/**
 * Implicit casting of a string literal to a number where a scalar or grouping function's parameter
 * wants one: `ABS("10.0")` is `ABS(10.0)` (docs/esql-semantics.md §7). Elasticsearch picks one target
 * type per parameter from the types it declares, never for a parameter that takes strings, and casts
 * only a literal (a request parameter counts), not a constant expression such as CONCAT("1", "0").
 * The conversion itself, and its error for text that is not a number, is the engine's (at compile time).
 */
import type { Expression } from '../ast';
import type { EsqlType } from '../types';

/** Elasticsearch's order of preference among a parameter's declared types (EsqlFunctionRegistry). */
const CASTING_PRIORITY: readonly EsqlType[] = [
  'date', 'date_period', 'time_duration', 'double', 'long', 'integer', 'ip', 'version', 'boolean', 'unsigned_long',
];

export type NumericCastTarget = 'double' | 'long' | 'integer';

/** The numeric type a string literal becomes for a parameter accepting `accepted`; undefined when it is not cast to a number. */
export function numericStringTarget(accepted: readonly EsqlType[]): NumericCastTarget | undefined {
  if (accepted.some((t) => t === 'keyword' || t === 'text')) return undefined;
  const target = CASTING_PRIORITY.find((t) => accepted.includes(t));
  return target === 'double' || target === 'long' || target === 'integer' ? target : undefined;
}

/** A string literal or request parameter: what Elasticsearch's implicit casting rewrites (not a folded expression). */
export function isStringLiteral(e: Expression, type: EsqlType): boolean {
  return (e.kind === 'literal' || e.kind === 'param') && (type === 'keyword' || type === 'text');
}
