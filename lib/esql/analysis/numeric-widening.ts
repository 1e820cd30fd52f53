/**
 * Mixed numeric arguments of COALESCE, CASE, GREATEST and LEAST (docs/esql-semantics.md §8.3), as
 * Elasticsearch's Analyzer.ImplicitCasting decides them: the first numeric argument's type is the
 * target, and when every other numeric argument widens to it (EsqlDataTypeConverter.commonType
 * gives the target back) they are all cast to it. So CASE(c, 1.0, d, 2, 3.0) is a double and
 * COALESCE(null, long, int) a long, but COALESCE(int, long) stays a type error.
 */
import { isNumeric, type EsqlType } from '../types';

export const MIXED_NUMERIC_FUNCTIONS: ReadonlySet<string> = new Set(['coalesce', 'case', 'greatest', 'least']);

/** commonType(from, to) === to: integer → long → double; whole numbers → unsigned_long; unsigned_long → double. */
export function widensTo(from: EsqlType, to: EsqlType): boolean {
  if (from === to) return true;
  if (!isNumeric(from)) return false;
  if (to === 'double') return true;
  if (to === 'long') return from === 'integer';
  if (to === 'unsigned_long') return from === 'integer' || from === 'long';
  return false;
}

/** The type every numeric value argument is cast to, or undefined when they do not mix that way. */
export function mixedNumericTarget(valueTypes: readonly EsqlType[]): EsqlType | undefined {
  const numeric = valueTypes.filter(isNumeric);
  const target = numeric[0];
  if (target === undefined || numeric.every((t) => t === target)) return undefined;
  return numeric.every((t) => widensTo(t, target)) ? target : undefined;
}
