/**
 * TO_* conversions (and `::type` casts; docs/esql-semantics.md §8.7). They convert every value of a multi-value, so a list
 * argument maps element by element instead of reading as null. Constants fold at compile time.
 */
import 'server-only';
import type { FunctionCall, EsqlType } from '../../esql';
import { asList, CompileContext, type Val } from './context';
import { constSql, convertConst, foldConst } from './constants';
import { compileExpr } from './expressions';
import { quoteString } from '../sql';
import { IP_TO_TEXT, TEXT_TO_DATE, TEXT_TO_IP } from '../udfs';

export const CONVERSIONS = new Set(['to_string', 'to_integer', 'to_long', 'to_double', 'to_boolean', 'to_ip', 'to_datetime', 'to_version']);

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
    case 'to_integer':
    case 'to_long': {
      const target = name === 'to_integer' ? 'INTEGER' : 'BIGINT';
      // Doubles convert with Java's Math.round (QL safeToLong): floor(x + 0.5); docs/esql-semantics.md §8.7.
      const rounded = (d: string) => `TRY_CAST(floor(${d} + 0.5) AS ${target})`;
      if (from === 'double') return rounded(x);
      if (from === 'boolean') return `CAST(${x} AS ${target})`;
      if (isString) return `coalesce(TRY_CAST(${x} AS ${target}), ${rounded(`TRY_CAST(${x} AS DOUBLE)`)})`;
      return `TRY_CAST(${x} AS ${target})`;
    }
    case 'to_double':
      return `TRY_CAST(${x} AS DOUBLE)`;
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
  const arg = call.args[0];
  const from = ctx.typeOf(arg);
  if (name === 'to_ip' || name === 'to_datetime') {
    const folded = name === 'to_ip' && from === 'ip' ? undefined : convertConst(ctx, arg, name === 'to_ip' ? 'ip' : 'date');
    if (folded?.kind === 'value') return { kind: 'scalar', sql: constSql(ctx, folded) };
  } else {
    const folded = foldConst(ctx, arg);
    if (folded?.kind === 'value' && folded.value === null) return { kind: 'scalar', sql: 'NULL' };
  }
  const val = compileExpr(ctx, arg);
  if (val.kind !== 'scalar') {
    return { kind: 'list', sql: `list_transform(${asList(val)}, __x -> ${convertOne(name, from, '__x')})` };
  }
  if (name === 'to_ip' && from !== 'ip') {
    // An unparsable string is null plus Elasticsearch's message for that value.
    ctx.addProbe(
      call.span,
      `(${val.sql} IS NOT NULL AND ${TEXT_TO_IP}(${val.sql}) IS NULL)`,
      undefined,
      `'java.lang.IllegalArgumentException: ''' || ${val.sql} || ''' is not an IP string literal.'`,
    );
  }
  if (name === 'to_datetime' && (from === 'keyword' || from === 'text')) {
    ctx.addProbe(
      call.span,
      `(${val.sql} IS NOT NULL AND ${TEXT_TO_DATE}(${val.sql}) IS NULL)`,
      undefined,
      `'java.lang.IllegalArgumentException: failed to parse date field [' || ${val.sql} || '] with format [strict_date_optional_time]'`,
    );
  }
  return { kind: 'scalar', sql: convertOne(name, from, val.sql) };
}
