/**
 * TO_DEGREES and TO_RADIANS (docs/esql-semantics.md §8.5). Elasticsearch implements them as
 * conversion functions: each value of a multi-value converts on its own instead of the whole
 * being null. Java multiplies by a constant (Math.toDegrees: x * 57.29577951308232,
 * Math.toRadians: x * 0.017453292519943295); a degree value past the double range is null plus
 * `not a finite double number`.
 */
import 'server-only';
import type { FunctionCall } from '../../esql';
import type { CompileContext, Val } from './context';
import { compileExpr } from './expressions';
import { compileCheckedConversion, type Converted } from './unsigned-long';

const FACTORS = { to_degrees: '57.29577951308232::DOUBLE', to_radians: '0.017453292519943295::DOUBLE' } as const;

export function compileAngleConversion(ctx: CompileContext, call: FunctionCall, name: 'to_degrees' | 'to_radians'): Val {
  const convert = (x: string): Converted => {
    const v = `(CAST(${x} AS DOUBLE) * ${FACTORS[name]})`;
    if (name === 'to_radians') return { sql: v };
    return {
      sql: `(CASE WHEN isfinite(${v}) THEN ${v} END)`,
      failure: { condition: `(NOT isfinite(${v}))`, reasonSql: `'java.lang.ArithmeticException: not a finite double number: ' || (CASE WHEN ${v} > 0 THEN 'Infinity' ELSE '-Infinity' END)` },
    };
  };
  return compileCheckedConversion(ctx, call.span, compileExpr(ctx, call.args[0]), convert);
}
