/**
 * TO_INTEGER(text, base) / TO_LONG(text, base) other than base 10, as Elasticsearch's
 * ToIntegerBase / ToLongBase read text (docs/esql-semantics.md §8.7): a leading `0x` is dropped for
 * base 16, the rest is Java's Integer.parseInt / Long.parseLong in that radix. NULL where Java throws.
 */
import 'server-only';
import { BIGINT, DuckDBScalarFunction, INTEGER, VARCHAR } from '@duckdb/node-api';
import { parseJavaRadix } from './java-numbers';

export const TEXT_TO_NUMBER_RADIX = { integer: 'esql_text_to_integer_radix', long: 'esql_text_to_long_radix' } as const;

/** The text ToLongBase parses and names in its warning: without a leading `0x` for base 16. */
export function radixDigits(text: string, radix: number): string {
  return radix === 16 && text.startsWith('0x') ? text.slice(2) : text;
}

function radixFunction(type: 'integer' | 'long'): DuckDBScalarFunction {
  return DuckDBScalarFunction.create({
    name: TEXT_TO_NUMBER_RADIX[type],
    mainFunction: (_info, input, output) => {
      const texts = input.getColumnVector(0);
      const radixes = input.getColumnVector(1);
      for (let row = 0; row < input.rowCount; row++) {
        const text = texts.getItem(row);
        const radix = radixes.getItem(row);
        const n = typeof text === 'string' && typeof radix === 'number' ? parseJavaRadix(radixDigits(text, radix), radix, type) : null;
        output.setItem(row, n === null ? null : type === 'integer' ? Number(n) : n);
      }
      output.flush();
    },
    returnType: type === 'integer' ? INTEGER : BIGINT,
    parameterTypes: [VARCHAR, INTEGER],
  });
}

export function radixFunctions(): DuckDBScalarFunction[] {
  return [radixFunction('integer'), radixFunction('long')];
}
