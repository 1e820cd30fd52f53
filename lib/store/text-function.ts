/**
 * A one-argument DuckDB scalar function over text, answered in JS: `fn`'s value, or NULL for a
 * NULL or non-text argument. The engine's ip functions and the native ingest's parsers use it.
 */
import 'server-only';
import { DuckDBScalarFunction, VARCHAR, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';

export function textFunction(name: string, returnType: DuckDBType, fn: (text: string) => DuckDBValue): DuckDBScalarFunction {
  return DuckDBScalarFunction.create({
    name,
    returnType,
    parameterTypes: [VARCHAR],
    mainFunction: (_info, input, output) => {
      const values = input.getColumnVector(0);
      for (let row = 0; row < input.rowCount; row++) {
        const text = values.getItem(row);
        output.setItem(row, typeof text === 'string' ? fn(text) : null);
      }
      output.flush();
    },
  });
}
