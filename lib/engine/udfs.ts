/**
 * Scalar functions the engine registers in DuckDB for what SQL cannot say compactly: ip text ↔
 * the store's 32-hex form (TO_STRING of an ip, TO_IP of a non-constant string), TO_DATETIME of text,
 * FROM_BASE64 with Java's decoder. Invalid input is
 * NULL; DuckDB passes NULL through without calling them.
 */
import 'server-only';
import { BIGINT, BOOLEAN, DuckDBScalarFunction, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { formatIp, parseCidr, parseIp } from '../model/ip';
import { parseIsoDate } from '../store/dates';
import { fromBase64 } from './base64';
import { textFunction } from '../store/text-function';

export const IP_TO_TEXT = 'esql_ip_to_text';
export const TEXT_TO_IP = 'esql_text_to_ip';
/** TO_DATETIME of text: epoch ms in strict_date_optional_time, as Elasticsearch parses it; else NULL. */
export const TEXT_TO_DATE = 'esql_text_to_date';
/** FROM_BASE64 as Java's basic decoder reads it: the text, or NULL; the second gives the refusal. */
export const FROM_BASE64 = 'esql_from_base64';
export const FROM_BASE64_REFUSAL = 'esql_from_base64_refusal';
/** CIDR_MATCH against a block known only per row: null when the block is not a CIDR. */
export const CIDR_CONTAINS = 'esql_cidr_contains';

function cidrContains(): DuckDBScalarFunction {
  return DuckDBScalarFunction.create({
    name: CIDR_CONTAINS,
    mainFunction: (_info, input, output) => {
      const ips = input.getColumnVector(0);
      const blocks = input.getColumnVector(1);
      for (let row = 0; row < input.rowCount; row++) {
        const ip = ips.getItem(row);
        const block = blocks.getItem(row);
        const range = typeof block === 'string' ? parseCidr(block) : undefined;
        const inRange = typeof ip === 'string' && range && !('error' in range) ? ip >= range.lo && ip <= range.hi : null;
        output.setItem(row, inRange);
      }
      output.flush();
    },
    returnType: BOOLEAN,
    parameterTypes: [VARCHAR, VARCHAR],
  });
}

export function registerUdfs(connection: DuckDBConnection): void {
  connection.registerScalarFunction(textFunction(IP_TO_TEXT, VARCHAR, formatIp));
  connection.registerScalarFunction(textFunction(TEXT_TO_IP, VARCHAR, (t) => parseIp(t) ?? null));
  connection.registerScalarFunction(textFunction(TEXT_TO_DATE, BIGINT, (t) => {
    const ms = parseIsoDate(t);
    return ms === undefined ? null : BigInt(ms);
  }));
  connection.registerScalarFunction(textFunction(FROM_BASE64, VARCHAR, (t) => {
    const decoded = fromBase64(t);
    return decoded.ok ? decoded.text : null;
  }));
  connection.registerScalarFunction(textFunction(FROM_BASE64_REFUSAL, VARCHAR, (t) => {
    const decoded = fromBase64(t);
    return decoded.ok ? null : decoded.message;
  }));
  connection.registerScalarFunction(cidrContains());
}
