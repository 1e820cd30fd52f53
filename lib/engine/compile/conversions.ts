/**
 * TO_* conversions (and `::type` casts; docs/esql-semantics.md §8.7). They convert every value of a multi-value, so a list
 * argument maps element by element instead of reading as null. Constants fold at compile time.
 */
import 'server-only';
import type { FunctionCall, EsqlType } from '../../esql';
import { asList, CompileContext, type Val } from './context';
import { constSql, convertConst, foldConst } from './constants';
import { compileExpr } from './expressions';
import { compileToIpLeadingZeros, leadingZerosOption } from './ip-leading-zeros';
import { quoteString } from '../sql';
import { IP_TO_TEXT, TEXT_TO_DATE, TEXT_TO_IP } from '../udfs';
import { compileCheckedConversion, unsignedLongConversion, type Converted } from './unsigned-long';
import { numericConversion } from './numeric-conversions';
import { compileRadixConversion } from './radix-conversions';

export const CONVERSIONS = new Set(['to_string', 'to_integer', 'to_long', 'to_double', 'to_boolean', 'to_ip', 'to_datetime', 'to_version', 'to_unsigned_long', 'to_text']);

const ISO_FORMAT = quoteString('%Y-%m-%dT%H:%M:%S.%gZ');

/** SQL converting the single value `x` of type `from` with conversion `name`. */
function convertOne(name: string, from: EsqlType, x: string): string {
  const isString = from === 'keyword' || from === 'text';
  switch (name) {
    case 'to_string':
      if (isString || from === 'version') return x;
      if (from === 'date') return `strftime(epoch_ms(${x}), ${ISO_FORMAT})`;
      if (from === 'ip') return `${IP_TO_TEXT}(${x})`;
      return `CAST(${x} AS VARCHAR)`;
    case 'to_boolean':
      if (isString) return `(lower(${x}) = 'true')`;
      if (from === 'boolean') return x;
      return `(${x} <> 0)`;
    case 'to_ip':
      return from === 'ip' ? x : `${TEXT_TO_IP}(${x})`;
    case 'to_datetime':
      // DuckDB's cast also reads `1964-06-02 00:00:00`; Elasticsearch's strict_date_optional_time does not.
      if (isString) return `${TEXT_TO_DATE}(${x})`;
      return `CAST(${x} AS BIGINT)`;
    default:
      return x;
  }
}

export function compileConversion(ctx: CompileContext, call: FunctionCall, name: string): Val {
  if ((name === 'to_integer' || name === 'to_long') && call.args.length === 2) return compileRadixConversion(ctx, call, name === 'to_long' ? 'long' : 'integer');
  const arg = call.args[0];
  const from = ctx.typeOf(arg);
  if (name === 'to_ip' && call.options) {
    const mode = leadingZerosOption(ctx, call);
    if (mode !== 'reject' && from !== 'ip') return compileToIpLeadingZeros(ctx, call, mode);
  }
  if (name === 'to_ip' || name === 'to_datetime') {
    const folded = name === 'to_ip' && from === 'ip' ? undefined : convertConst(ctx, arg, name === 'to_ip' ? 'ip' : 'date', true);
    if (folded?.kind === 'value') return { kind: 'scalar', sql: constSql(ctx, folded) };
  } else {
    const folded = foldConst(ctx, arg);
    if (folded?.kind === 'value' && folded.value === null) return { kind: 'scalar', sql: 'NULL' };
  }
  const val = compileExpr(ctx, arg);
  const unsignedLong = unsignedLongConversion(name, from);
  if (unsignedLong) return compileCheckedConversion(ctx, call.span, val, unsignedLong);
  // TO_INTEGER, TO_LONG, TO_DOUBLE: out-of-range or unreadable values are null plus a warning.
  const numeric = numericConversion(name, from);
  if (numeric) return compileCheckedConversion(ctx, call.span, val, numeric);
  // TO_IP, TO_DATETIME of text: a value that does not parse is dropped with Elasticsearch's message for it.
  const parse = textParse(name, from);
  if (parse) return compileCheckedConversion(ctx, call.span, val, parse);
  if (val.kind !== 'scalar') {
    return { kind: 'list', sql: `list_transform(${asList(val)}, __x -> ${convertOne(name, from, '__x')})` };
  }
  return { kind: 'scalar', sql: convertOne(name, from, val.sql) };
}

/** TO_IP / TO_DATETIME of text as a checked conversion: the parse, or null with the message for that value. */
function textParse(name: string, from: EsqlType): ((x: string) => Converted) | undefined {
  if (from !== 'keyword' && from !== 'text') return undefined;
  if (name === 'to_ip') {
    return (x) => ({
      sql: `${TEXT_TO_IP}(${x})`,
      failure: { condition: `${TEXT_TO_IP}(${x}) IS NULL`, reasonSql: `'java.lang.IllegalArgumentException: ''' || ${x} || ''' is not an IP string literal.'` },
    });
  }
  if (name !== 'to_datetime') return undefined;
  // DuckDB's cast also reads `1964-06-02 00:00:00`; Elasticsearch's strict_date_optional_time does not.
  return (x) => ({
    sql: `${TEXT_TO_DATE}(${x})`,
    failure: {
      condition: `${TEXT_TO_DATE}(${x}) IS NULL`,
      reasonSql: `'java.lang.IllegalArgumentException: failed to parse date field [' || ${x} || '] with format [strict_date_optional_time]'`,
    },
  });
}
