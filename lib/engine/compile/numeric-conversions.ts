/**
 * TO_INTEGER, TO_LONG and TO_DOUBLE of one value (from unsigned_long: ./unsigned-long.ts), with the values Elasticsearch refuses
 * (docs/esql-semantics.md §8.7): out of the target's range, or text that does not read as a number.
 * A refused value is null plus Elasticsearch's warning text, never a wrapped or clamped number.
 *
 * The range checks are explicit CASEs, not TRY_CAST: DuckDB 1.5's optimizer drops a narrowing
 * TRY_CAST under a comparison (`TRY_CAST(100010000000 AS INTEGER) > 1` is true), which would turn
 * a null into a silently wrong answer.
 */
import 'server-only';
import type { EsqlType } from '../../esql';
import { JAVA_DOUBLE_TEXT, TEXT_TO_DOUBLE_REFUSAL, TEXT_TO_NUMBER } from '../udfs';
import type { Converted } from './unsigned-long';
import { WHOLE_RANGES } from './whole-ranges';


/** Elasticsearch 8.15+'s class for a value out of range (8.13 and earlier: QL's QlIllegalArgumentException). */
const OUT_OF_RANGE = 'org.elasticsearch.xpack.esql.core.InvalidArgumentException: ';
/** ±2^63 as doubles: Java's safeDoubleToLong compares against (double) Long.MAX_VALUE, which is 2^63. */
const TWO_63 = '9223372036854775808.0::DOUBLE';

const outOfRange = (valueText: string, type: 'integer' | 'long') => `('${OUT_OF_RANGE}[' || ${valueText} || '] out of [${type}] range')`;
const isString = (t: EsqlType) => t === 'keyword' || t === 'text';

/** The value when the condition holds, else null. */
const when = (condition: string, sql: string) => `(CASE WHEN ${condition} THEN ${sql} END)`;

/** Math.round of a double known to be within ±2^63: half up, exactly, saturating at 2^63. */
function javaRound(x: string): string {
  const rounded = `(CASE WHEN ${x} - floor(${x}) >= 0.5 THEN floor(${x}) + 1 ELSE floor(${x}) END)`;
  return `(CASE WHEN ${x} >= ${TWO_63} THEN ${WHOLE_RANGES.long.max}::BIGINT ELSE CAST(${rounded} AS BIGINT) END)`;
}

/** A whole number of another width, checked against the target's range. */
function narrow(x: string, target: 'integer' | 'long'): Converted {
  const r = WHOLE_RANGES[target];
  const fits = `(${x} BETWEEN ${r.min} AND ${r.max})`;
  return { sql: when(fits, `CAST(${x} AS ${r.sql})`), failure: { condition: `(NOT ${fits})`, reasonSql: outOfRange(`CAST(${x} AS VARCHAR)`, target) } };
}

/** A double: QL's safeDoubleToLong (range, then Math.round), then safeToInt for an integer. */
function fromDouble(x: string, target: 'integer' | 'long'): Converted {
  const longRange = `(${x} >= -${TWO_63} AND ${x} <= ${TWO_63})`;
  const asLong = when(longRange, javaRound(x));
  const longRefusal = outOfRange(`${JAVA_DOUBLE_TEXT}(${x})`, 'long');
  if (target === 'long') return { sql: asLong, failure: { condition: `(NOT ${longRange})`, reasonSql: longRefusal } };
  const int = narrow(asLong, 'integer');
  return {
    sql: int.sql,
    failure: {
      condition: `(NOT ${longRange} OR ${int.failure!.condition})`,
      reasonSql: `(CASE WHEN NOT ${longRange} THEN ${longRefusal} ELSE ${int.failure!.reasonSql} END)`,
    },
  };
}

/** TO_INTEGER / TO_LONG of one value of type `from`. */
export function toWhole(x: string, from: EsqlType, target: 'integer' | 'long'): Converted {
  const sqlType = WHOLE_RANGES[target].sql;
  if (from === target) return { sql: x };
  if (isString(from)) {
    const sql = `${TEXT_TO_NUMBER[target]}(${x})`;
    return { sql, failure: { condition: `(${sql} IS NULL)`, reasonSql: `('java.lang.NumberFormatException: For input string: "' || ${x} || '"')` } };
  }
  if (from === 'double') return fromDouble(x, target);
  if (target === 'integer' && from !== 'boolean') return narrow(x, 'integer');
  return { sql: `CAST(${x} AS ${sqlType})` };
}

/** TO_DOUBLE of one value of type `from`: only text can be refused. */
export function toDouble(x: string, from: EsqlType): Converted {
  if (from === 'double') return { sql: x };
  if (!isString(from)) return { sql: `CAST(${x} AS DOUBLE)` };
  const sql = `${TEXT_TO_NUMBER.double}(${x})`;
  return { sql, failure: { condition: `(${sql} IS NULL)`, reasonSql: `${TEXT_TO_DOUBLE_REFUSAL}(${x})` } };
}

/** The conversion of one value for TO_INTEGER, TO_LONG, TO_DOUBLE or TO_DATETIME of a double; undefined otherwise. */
export function numericConversion(name: string, from: EsqlType): ((x: string) => Converted) | undefined {
  if (name === 'to_integer') return (x) => toWhole(x, from, 'integer');
  if (name === 'to_long') return (x) => toWhole(x, from, 'long');
  if (name === 'to_double') return (x) => toDouble(x, from);
  // A date is epoch milliseconds: from a double, Math.round with the long range check, as TO_LONG.
  if (name === 'to_datetime' && from === 'double') return (x) => toWhole(x, from, 'long');
  return undefined;
}
