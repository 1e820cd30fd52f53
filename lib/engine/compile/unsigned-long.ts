/**
 * The unsigned_long type in SQL (docs/esql-semantics.md §7): values are DuckDB UBIGINT, exact up to
 * 2^64-1. Conversions to and from it, ROUND and arithmetic give null plus Elasticsearch's warning
 * where Java throws, instead of DuckDB's error or a silently wrapped value.
 */
import 'server-only';
import type { EsqlType, Literal, Span } from '../../esql';
import { asList, CompileContext, CompileFailure, type Val } from './context';
import { quoteString } from '../sql';
import { JAVA_DOUBLE_TEXT } from '../udfs';
import { WHOLE_RANGES } from './whole-ranges';

const UL_MAX = WHOLE_RANGES.unsigned_long.max;
const LONG_MAX = WHOLE_RANGES.long.max;
const INT_MAX = WHOLE_RANGES.integer.max;
/** The class Elasticsearch 8.15+ names for a value out of a type's range (8.13 and earlier: QL's QlIllegalArgumentException). */
const CORE_INVALID = 'org.elasticsearch.xpack.esql.core.InvalidArgumentException';
export const UL_OVERFLOW = 'java.lang.ArithmeticException: unsigned_long overflow';

/** A single-value conversion: its SQL and, where Elasticsearch can fail, the failing condition and message (SQL). */
export interface Converted {
  sql: string;
  failure?: { condition: string; reasonSql: string };
}

const outOfRange = (x: string, type: string) => `'${CORE_INVALID}: [' || CAST(${x} AS VARCHAR) || '] out of [${type}] range'`;

/** What java.math.BigDecimal accepts: Elasticsearch parses a string to unsigned_long with it. */
const DECIMAL_TEXT = quoteString('[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?');

/** BigDecimal's message for text it cannot read (the common cases). */
function numberFormatMessage(x: string): string {
  const bad = `regexp_extract(${x}, '[^0-9.eE+-]')`;
  return (
    `'java.lang.NumberFormatException: ' || CASE ` +
    `WHEN ${bad} <> '' THEN 'Character ' || ${bad} || ' is neither a decimal digit number, decimal point, nor "e" notation exponential mark.' ` +
    `WHEN length(${x}) - length(replace(${x}, '.', '')) > 1 THEN 'Character array contains more than one decimal point.' ` +
    `ELSE 'No digits found.' END`
  );
}

/** TO_UNSIGNED_LONG of one value `x` of type `from`; fractions truncate (BigDecimal.toBigInteger). */
export function toUnsignedLong(from: EsqlType, x: string): Converted {
  switch (from) {
    case 'unsigned_long':
      return { sql: x };
    case 'boolean':
      return { sql: `CAST(${x} AS UBIGINT)` };
    case 'integer':
    case 'long':
    case 'date':
      // explicit CASEs, not TRY_CAST: DuckDB's optimizer may drop a narrowing TRY_CAST under a comparison (./numeric-conversions.ts)
      return { sql: `(CASE WHEN ${x} >= 0 THEN CAST(${x} AS UBIGINT) END)`, failure: { condition: `(${x} < 0)`, reasonSql: outOfRange(x, 'unsigned_long') } };
    case 'double': {
      const inRange = `(${x} >= 0 AND ${x} < 18446744073709551616.0)`;
      return {
        sql: `(CASE WHEN ${inRange} THEN CAST(trunc(${x}) AS UBIGINT) END)`,
        failure: { condition: `(NOT ${inRange})`, reasonSql: `'${CORE_INVALID}: [' || ${JAVA_DOUBLE_TEXT}(${x}) || '] out of [unsigned_long] range'` },
      };
    }
    case 'keyword':
    case 'text': {
      const numeric = `regexp_full_match(${x}, ${DECIMAL_TEXT})`;
      // digits with or without a fraction read exactly (the fraction truncates); exponents through a double
      const whole = `regexp_full_match(${x}, '\\+?[0-9]+(\\.[0-9]*)?')`;
      const asDouble = toUnsignedLong('double', `TRY_CAST(${x} AS DOUBLE)`).sql;
      const sql = `(CASE WHEN ${whole} THEN TRY_CAST(regexp_extract(${x}, '[0-9]+') AS UBIGINT) WHEN ${numeric} THEN ${asDouble} END)`;
      return {
        sql,
        failure: {
          condition: `(NOT ${numeric} OR ${sql} IS NULL)`,
          reasonSql: `(CASE WHEN NOT ${numeric} THEN ${numberFormatMessage(x)} ELSE ${outOfRange(x, 'unsigned_long')} END)`,
        },
      };
    }
    default:
      return { sql: `CAST(${x} AS UBIGINT)` };
  }
}

/** TO_LONG / TO_INTEGER / TO_DATETIME of an unsigned_long `x`: Elasticsearch goes through long first. */
export function fromUnsignedLong(target: 'long' | 'integer' | 'date', x: string): Converted {
  const overLong = `(${x} > ${LONG_MAX}::UBIGINT)`;
  if (target !== 'integer') {
    const reasonSql = outOfRange(x, 'long');
    return { sql: `(CASE WHEN NOT ${overLong} THEN CAST(${x} AS BIGINT) END)`, failure: { condition: overLong, reasonSql } };
  }
  return {
    sql: `(CASE WHEN ${x} <= ${INT_MAX}::UBIGINT THEN CAST(${x} AS INTEGER) END)`,
    failure: {
      condition: `(${x} > ${INT_MAX}::UBIGINT)`,
      reasonSql: `(CASE WHEN ${overLong} THEN ${outOfRange(x, 'long')} ELSE ${outOfRange(x, 'integer')} END)`,
    },
  };
}

/** An element of a list literal typed unsigned_long (`[1, 18446744073709551615]`). */
export function unsignedLongItem(item: Literal, source: string): string {
  const v = item.value;
  if (v.type === 'integer' && v.value >= 0n) return `${v.value.toString()}::UBIGINT`;
  throw new CompileFailure(item.span, `[${source}] cannot be an element of a list of unsigned_long values in the embedded engine`);
}

/**
 * ROUND of an unsigned_long to `decimals` (a whole number): negative decimals round half up in
 * exact (HUGEINT) arithmetic; a result past 2^64-1 is null with "unsigned_long overflow".
 */
export function roundUnsignedLong(x: string, decimals: string): { sql: string; overflow: string } {
  // 10^20 exceeds every unsigned_long: from there on the rounded value is 0; decimals >= 0 keep the value (p = 1).
  const p = `CAST(pow(10, greatest(least(-(${decimals}::HUGEINT), 20), 0)) AS HUGEINT)`;
  const wide = `((${x}::HUGEINT + ${p} // 2) // ${p} * ${p})`;
  return { sql: `(CASE WHEN ${wide} <= ${UL_MAX} THEN CAST(${wide} AS UBIGINT) END)`, overflow: `(${wide} > ${UL_MAX})` };
}

/** MV_MEDIAN of unsigned_long values, exactly: the mean of the two middle values rounds down. */
export function unsignedLongMedian(list: string): string {
  const sorted = `list_sort(list_filter(${list}, __v -> __v IS NOT NULL))`;
  const n = `len(${sorted})`;
  const lo = `${sorted}[(${n} + 1) // 2]`;
  const hi = `${sorted}[${n} // 2 + 1]`;
  return `(CASE WHEN ${n} > 0 THEN CAST((${lo}::HUGEINT + ${hi}::HUGEINT) // 2 AS UBIGINT) END)`;
}

/** The unsigned_long-specific conversion for `name` from `from`, if any (the rest are ./conversions.ts). */
export function unsignedLongConversion(name: string, from: EsqlType): ((x: string) => Converted) | undefined {
  if (name === 'to_unsigned_long') return (x) => toUnsignedLong(from, x);
  if (from !== 'unsigned_long') return undefined;
  if (name === 'to_long') return (x) => fromUnsignedLong('long', x);
  if (name === 'to_datetime') return (x) => fromUnsignedLong('date', x);
  if (name === 'to_integer') return (x) => fromUnsignedLong('integer', x);
  return undefined;
}

/**
 * A conversion applied to a value: each value of a multi-value converts on its own and a failed one
 * drops out (null plus a warning, as Elasticsearch's converters do); a single value is null plus the warning.
 */
export function compileCheckedConversion(ctx: CompileContext, span: Span, val: Val, convert: (x: string) => Converted): Val {
  if (val.kind === 'scalar') {
    const c = convert(val.sql);
    if (c.failure && !ctx.aggregateMode) ctx.addProbe(span, `(${val.sql} IS NOT NULL AND ${c.failure.condition})`, undefined, c.failure.reasonSql);
    return { kind: 'scalar', sql: c.sql };
  }
  const list = asList(val);
  const each = convert('__x');
  if (each.failure && !ctx.aggregateMode) {
    const failed = `list_filter(${list}, __x -> ${each.failure.condition})`;
    // one warning per refused value, as Elasticsearch records each failure (the probe keeps the first 20)
    ctx.addProbe(span, `(len(${failed}) > 0)`, undefined, `unnest(list_transform(${failed}, __x -> ${each.failure.reasonSql}))`);
  }
  return { kind: 'list', sql: `list_filter(list_transform(${list}, __x -> ${each.sql}), __y -> __y IS NOT NULL)` };
}
