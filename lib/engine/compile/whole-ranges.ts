/**
 * The whole-number types' ranges (docs/esql-semantics.md §3), and the one way a wide (HUGEINT)
 * result is narrowed to one of them: past the range it is null, and the caller warns.
 */
import 'server-only';

export type WholeType = 'integer' | 'long' | 'unsigned_long';

export const WHOLE_RANGES: Readonly<Record<WholeType, { min: string; max: string; sql: string }>> = {
  integer: { min: '-2147483648', max: '2147483647', sql: 'INTEGER' },
  long: { min: '-9223372036854775808', max: '9223372036854775807', sql: 'BIGINT' },
  unsigned_long: { min: '0', max: '18446744073709551615', sql: 'UBIGINT' },
};

export function isWholeType(type: string): type is WholeType {
  return Object.hasOwn(WHOLE_RANGES, type);
}

/** `wide` as `type`: the value, null outside the range; `outside` is the condition to warn on. */
export function narrowWide(wide: string, type: WholeType): { sql: string; outside: string } {
  const r = WHOLE_RANGES[type];
  const fits = `(${wide} BETWEEN ${r.min} AND ${r.max})`;
  return { sql: `(CASE WHEN ${fits} THEN CAST(${wide} AS ${r.sql}) END)`, outside: `(NOT ${fits})` };
}
