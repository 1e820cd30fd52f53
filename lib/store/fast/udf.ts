/**
 * The rarer IP and date forms (IPv6, offsets, epoch-millis text) read natively: DuckDB calls back
 * into the very parsers the JS path uses (ip.ts, dates.ts), so both paths agree by construction.
 * A value they refuse comes back NULL, which flags the row for the JS path and its exact message.
 * Non-ASCII text is lower-cased here too: JS and DuckDB disagree on some letters (final sigma).
 */
import { BIGINT, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { parseDate } from '../dates';
import { parseIp } from '../ip';
import { textFunction } from '../text-function';
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

export function registerParsers(conn: DuckDBConnection): void {
  const ip = cached(parseIp);
  conn.registerScalarFunction(textFunction(IP_UDF, VARCHAR, (text) => ip(text) ?? null));
  const date = cached(parseDate);
  conn.registerScalarFunction(
    textFunction(DATE_UDF, BIGINT, (text) => {
      const ms = date(text);
      return ms === undefined ? null : BigInt(ms);
    }),
  );
  // the keyword `lowercase` normalizer, exactly as coerce.ts applies it
  conn.registerScalarFunction(textFunction(LOWER_UDF, VARCHAR, (text) => text.toLowerCase()));
}
