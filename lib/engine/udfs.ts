/**
 * Scalar functions the engine registers in DuckDB for what SQL cannot say compactly: ip text ↔
 * the store's 32-hex form (TO_STRING of an ip, TO_IP of a non-constant string), TO_DATETIME of text,
 * FROM_BASE64 with Java's decoder, REVERSE, the URL codecs, and the math functions Java computes
 * with fdlibm. Invalid input is NULL; DuckDB passes NULL through without calling them.
 */
import 'server-only';
import { BIGINT, BOOLEAN, DOUBLE, DuckDBScalarFunction, INTEGER, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { formatIp, parseCidr, parseIp } from '../model/ip';
import { parseIpLeadingZeros } from '../model/ip-leading-zeros';
import { parseIsoDate } from '../store/dates';
import { fromBase64 } from './base64';
import { hypot } from './hypot';
import { numberRefusal, parseJavaDouble, parseJavaWhole } from './java-numbers';
import { javaDoubleText } from '../view/text/java-double';
import { textFunction } from '../store/text-function';
import { reverseText } from './reverse';
import { radixFunctions } from './radix-udfs';
import { urlDecode, urlEncode } from './url-codec';

export const IP_TO_TEXT = 'esql_ip_to_text';
export const TEXT_TO_IP = 'esql_text_to_ip';
/** TO_IP with `{"leading_zeros": "decimal" | "octal"}` (lib/model/ip-leading-zeros.ts). */
export const TEXT_TO_IP_LEADING_ZEROS = { decimal: 'esql_text_to_ip_decimal', octal: 'esql_text_to_ip_octal' } as const;
/** TO_DATETIME of text: epoch ms in strict_date_optional_time, as Elasticsearch parses it; else NULL. */
export const TEXT_TO_DATE = 'esql_text_to_date';
/** FROM_BASE64 as Java's basic decoder reads it: the text, or NULL; the second gives the refusal. */
export const FROM_BASE64 = 'esql_from_base64';
export const FROM_BASE64_REFUSAL = 'esql_from_base64_refusal';
/** CIDR_MATCH against a block known only per row: null when the block is not a CIDR. */
export const CIDR_CONTAINS = 'esql_cidr_contains';
export const REVERSE = 'esql_reverse';
export const URL_ENCODE = 'esql_url_encode';
export const URL_ENCODE_COMPONENT = 'esql_url_encode_component';
/** URL_DECODE as java.net.URLDecoder reads it: the text, or NULL; the second gives the refusal. */
export const URL_DECODE = 'esql_url_decode';
export const URL_DECODE_REFUSAL = 'esql_url_decode_refusal';
/** TO_INTEGER/TO_LONG/TO_DOUBLE of text as Java parses it (./java-numbers.ts): the number or NULL; then the refusal. */
export const TEXT_TO_NUMBER = { integer: 'esql_text_to_integer', long: 'esql_text_to_long', double: 'esql_text_to_double' } as const;
export const TEXT_TO_DOUBLE_REFUSAL = 'esql_text_to_double_refusal';
/** A double as Java's Double.toString writes it, for warning texts (`[1.0E19] out of [long] range`). */
export const JAVA_DOUBLE_TEXT = 'esql_java_double_text';

/**
 * Math functions Java computes with StrictMath (fdlibm), which V8's Math also ports, where DuckDB's
 * C library may differ in the last bit (CBRT(27.0) is 3.0000000000000004 there). Non-finite
 * results come back as they are, for the compiler to turn into null plus a warning.
 */
export const FDLIBM: Readonly<Record<string, { name: string; fn: (...x: number[]) => number }>> = {
  cbrt: { name: 'esql_cbrt', fn: Math.cbrt },
  asin: { name: 'esql_asin', fn: Math.asin },
  acos: { name: 'esql_acos', fn: Math.acos },
  atan: { name: 'esql_atan', fn: Math.atan },
  atan2: { name: 'esql_atan2', fn: Math.atan2 },
  sinh: { name: 'esql_sinh', fn: Math.sinh },
  cosh: { name: 'esql_cosh', fn: Math.cosh },
  tanh: { name: 'esql_tanh', fn: Math.tanh },
  hypot: { name: 'esql_hypot', fn: hypot },
  // Java's Math.log10 is correctly rounded where the C library's is not (log10(56371)); V8's is fdlibm's.
  log10: { name: 'esql_log10', fn: Math.log10 },
};

function doubleFunction(name: string, fn: (...x: number[]) => number): DuckDBScalarFunction {
  return DuckDBScalarFunction.create({
    name,
    mainFunction: (_info, input, output) => {
      const columns = Array.from({ length: fn.length }, (_, i) => input.getColumnVector(i));
      for (let row = 0; row < input.rowCount; row++) {
        const args = columns.map((c) => c.getItem(row));
        output.setItem(row, args.every((a) => typeof a === 'number') ? fn(...(args as number[])) : null);
      }
      output.flush();
    },
    returnType: DOUBLE,
    parameterTypes: Array.from({ length: fn.length }, () => DOUBLE),
  });
}

function javaDoubleTextFunction(): DuckDBScalarFunction {
  return DuckDBScalarFunction.create({
    name: JAVA_DOUBLE_TEXT,
    mainFunction: (_info, input, output) => {
      const values = input.getColumnVector(0);
      for (let row = 0; row < input.rowCount; row++) {
        const v = values.getItem(row);
        output.setItem(row, typeof v === 'number' ? javaDoubleText(v) : null);
      }
      output.flush();
    },
    returnType: VARCHAR,
    parameterTypes: [DOUBLE],
  });
}

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
  for (const mode of ['decimal', 'octal'] as const) {
    connection.registerScalarFunction(textFunction(TEXT_TO_IP_LEADING_ZEROS[mode], VARCHAR, (t) => parseIpLeadingZeros(t, mode) ?? null));
  }
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
  connection.registerScalarFunction(textFunction(REVERSE, VARCHAR, reverseText));
  connection.registerScalarFunction(textFunction(URL_ENCODE, VARCHAR, (t) => urlEncode(t, true)));
  connection.registerScalarFunction(textFunction(URL_ENCODE_COMPONENT, VARCHAR, (t) => urlEncode(t, false)));
  connection.registerScalarFunction(textFunction(URL_DECODE, VARCHAR, (t) => {
    const decoded = urlDecode(t);
    return decoded.ok ? decoded.text : null;
  }));
  connection.registerScalarFunction(textFunction(URL_DECODE_REFUSAL, VARCHAR, (t) => {
    const decoded = urlDecode(t);
    return decoded.ok ? null : `java.lang.IllegalArgumentException: ${decoded.message}`;
  }));
  connection.registerScalarFunction(textFunction(TEXT_TO_NUMBER.integer, INTEGER, (t) => {
    const n = parseJavaWhole(t, 'integer');
    return n === null ? null : Number(n);
  }));
  connection.registerScalarFunction(textFunction(TEXT_TO_NUMBER.long, BIGINT, (t) => parseJavaWhole(t, 'long')));
  connection.registerScalarFunction(textFunction(TEXT_TO_NUMBER.double, DOUBLE, (t) => {
    const d = parseJavaDouble(t);
    return d.ok ? d.value : null;
  }));
  connection.registerScalarFunction(textFunction(TEXT_TO_DOUBLE_REFUSAL, VARCHAR, (t) => numberRefusal(t, 'double')));
  connection.registerScalarFunction(javaDoubleTextFunction());
  for (const radix of radixFunctions()) connection.registerScalarFunction(radix);
  for (const { name, fn } of Object.values(FDLIBM)) connection.registerScalarFunction(doubleFunction(name, fn));
}
