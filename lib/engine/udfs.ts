/**
 * Scalar functions the engine registers in DuckDB for what SQL cannot say compactly: ip text ↔
 * the store's 32-hex form (TO_STRING of an ip, TO_IP of a non-constant string). Invalid input is
 * NULL; DuckDB passes NULL through without calling them.
 */
import { BOOLEAN, DuckDBScalarFunction, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { formatIp, parseCidr, parseIp } from '../store/ip';

export const IP_TO_TEXT = 'esql_ip_to_text';
export const TEXT_TO_IP = 'esql_text_to_ip';
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

function stringFunction(name: string, convert: (s: string) => string | null): DuckDBScalarFunction {
  return DuckDBScalarFunction.create({
    name,
    mainFunction: (_info, input, output) => {
      const v = input.getColumnVector(0);
      for (let row = 0; row < input.rowCount; row++) {
        const item = v.getItem(row);
        output.setItem(row, typeof item === 'string' ? convert(item) : null);
      }
      output.flush();
    },
    returnType: VARCHAR,
    parameterTypes: [VARCHAR],
  });
}

export function registerUdfs(connection: DuckDBConnection): void {
  connection.registerScalarFunction(stringFunction(IP_TO_TEXT, formatIp));
  connection.registerScalarFunction(stringFunction(TEXT_TO_IP, (t) => parseIp(t) ?? null));
  connection.registerScalarFunction(cidrContains());
}
