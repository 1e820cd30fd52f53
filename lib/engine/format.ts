/**
 * DuckDB values → `_query` cells as Elasticsearch's ResponseValueUtils writes them
 * (docs/esql-semantics.md §3): dates `2026-01-08T00:00:00.000Z`, ips dotted or
 * compressed IPv6, longs as JS numbers, multi-values as arrays, null as null.
 */
import 'server-only';
import type { EsqlScalar, EsqlValue } from '../model/esql';
import type { EsqlType } from '../esql';
import type { OutputColumn } from './compile/query';
import { formatDate } from '../store/dates';
import { formatIp } from '../model/ip';

export function formatScalar(type: EsqlType, value: unknown): EsqlScalar {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'date':
    case 'date_nanos':
      return formatDate(Number(value));
    case 'ip':
      return formatIp(String(value));
    case 'unsupported':
    case 'null':
      return null;
    case 'unsigned_long':
      return unsignedLongValue(value);
    default:
      if (typeof value === 'bigint') return Number(value);
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
      return String(value);
  }
}

/**
 * An unsigned_long past 2^53 would lose digits as a JS number: it travels as its decimal text, which
 * the JSON writers print as a bare number (lib/cli/format-json.ts; docs/esql-semantics.md §3).
 */
function unsignedLongValue(value: unknown): EsqlScalar {
  if (typeof value !== 'bigint') return typeof value === 'number' ? value : String(value);
  return value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

export function formatCell(column: OutputColumn, scalar: unknown, mv: unknown): EsqlValue {
  if (Array.isArray(mv) && mv.length > 0) {
    const values = mv.filter((v) => v !== null).map((v) => formatScalar(column.type, v));
    if (values.length === 1) return values[0];
    return values.length === 0 ? null : values;
  }
  return formatScalar(column.type, scalar);
}

/** Rows from `getRowsJS()` of the compiled statement → `_query` values, column order of `output`. */
export function formatRows(output: OutputColumn[], rows: unknown[][], columnNames: string[]): EsqlValue[][] {
  const position = new Map(columnNames.map((n, i) => [n, i]));
  const slots = output.map((c) => ({ column: c, scalar: position.get(c.scalar) ?? -1, mv: c.mv ? (position.get(c.mv) ?? -1) : -1 }));
  return rows.map((row) => slots.map((s) => formatCell(s.column, s.scalar >= 0 ? row[s.scalar] : null, s.mv >= 0 ? row[s.mv] : null)));
}
