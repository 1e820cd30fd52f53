/**
 * The rarer IP and date forms (IPv6, offsets, epoch-millis text) read natively: DuckDB calls back
 * into the very parsers the JS path uses (ip.ts, dates.ts), so both paths agree by construction.
 * A value they refuse comes back NULL, which flags the row for the JS path and its exact message.
 * Non-ASCII text is lower-cased here too: JS and DuckDB disagree on some letters (final sigma).
 */
import { BIGINT, DuckDBScalarFunction, VARCHAR, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import { parseDate } from '../dates';
import { parseIp } from '../ip';
import { DATE_UDF, IP_UDF, LOWER_UDF } from './batch-sql';

/** Repeated values (a host's addresses, one per event) are parsed once. */
function cached<T>(parse: (text: string) => T | undefined, limit = 10_000): (text: string) => T | undefined {
  const memo = new Map<string, T | null>();
  return (text) => {
    const hit = memo.get(text);
    if (hit !== undefined) return hit ?? undefined;
    const value = parse(text);
    if (memo.size >= limit) memo.clear();
    memo.set(text, value ?? null);
    return value;
  };
}

/** A one-argument VARCHAR function whose NULL-or-value answer comes from `fn`. */
function registerTextFunction(conn: DuckDBConnection, name: string, returnType: DuckDBType, fn: (text: string) => DuckDBValue): void {
  conn.registerScalarFunction(
    DuckDBScalarFunction.create({
      name,
      returnType,
      parameterTypes: [VARCHAR],
      mainFunction: (_info, input, output) => {
        const values = input.getColumnVector(0);
        for (let i = 0; i < input.rowCount; i++) {
          const text = values.getItem(i);
          output.setItem(i, typeof text === 'string' ? fn(text) : null);
        }
        output.flush();
      },
    }),
  );
}

export function registerParsers(conn: DuckDBConnection): void {
  const ip = cached(parseIp);
  registerTextFunction(conn, IP_UDF, VARCHAR, (text) => ip(text) ?? null);
  const date = cached(parseDate);
  registerTextFunction(conn, DATE_UDF, BIGINT, (text) => {
    const ms = date(text);
    return ms === undefined ? null : BigInt(ms);
  });
  // the keyword `lowercase` normalizer, exactly as coerce.ts applies it
  registerTextFunction(conn, LOWER_UDF, VARCHAR, (text) => text.toLowerCase());
}
