/**
 * The only place that turns names and constants into SQL text: every identifier and string literal
 * in generated SQL goes through these helpers, so quoting rules live in one spot.
 */
import 'server-only';
import type { EsqlType } from '../esql';

export { quoteIdent, quoteString } from '../store/sql-text';

/**
 * A bigint or integer number as SQL text (always integral). A negative one is parenthesized: in
 * `-2147483648::INTEGER` DuckDB casts before negating, and 2147483648 is no INTEGER.
 */
export function intLiteral(value: bigint | number): string {
  const text = typeof value === 'bigint' ? value.toString() : Math.trunc(value).toString();
  return text.startsWith('-') ? `(${text})` : text;
}

/** A double constant: typed so DuckDB does not infer DECIMAL arithmetic. */
export function doubleLiteral(value: number): string {
  if (Number.isNaN(value)) return "'NaN'::DOUBLE";
  if (!Number.isFinite(value)) return value > 0 ? "'Infinity'::DOUBLE" : "'-Infinity'::DOUBLE";
  return `${String(value)}::DOUBLE`;
}

/** Physical DuckDB type of an ES|QL type (lib/store/layout.ts encoding). */
export function sqlTypeOf(type: EsqlType): string {
  switch (type) {
    case 'long':
    case 'date':
    case 'date_nanos':
      return 'BIGINT';
    case 'integer':
      return 'INTEGER';
    case 'double':
      return 'DOUBLE';
    case 'unsigned_long':
      return 'UBIGINT';
    case 'boolean':
      return 'BOOLEAN';
    case 'null':
      return 'INTEGER';
    default:
      return 'VARCHAR';
  }
}

export function typedNull(type: EsqlType): string {
  return `NULL::${sqlTypeOf(type)}`;
}
