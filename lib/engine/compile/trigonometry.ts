/**
 * LOG, EXP, HYPOT, SIGNUM, CBRT, the trigonometric and hyperbolic functions, TO_DEGREES/TO_RADIANS
 * (./angles.ts) and PI/E/TAU
 * (docs/esql-semantics.md §8.5). Each returns a double; where Java's evaluator throws (a log of a
 * non-positive number or of base 1, ASIN/ACOS outside [-1, 1], SINH/COSH overflow) the value is
 * null plus Elasticsearch's warning. SIN, COS and TAN use DuckDB's C library (Java's Math
 * intrinsics); the functions Java takes from StrictMath use the fdlibm UDFs (lib/engine/udfs.ts).
 */
import 'server-only';
import type { FunctionCall } from '../../esql';
import { argScalars, scalar } from './arguments';
import { CompileContext, type Val } from './context';
import { doubleLiteral } from '../sql';
import { FDLIBM } from '../udfs';
import { compileAngleConversion } from './angles';

const ARITHMETIC = 'java.lang.ArithmeticException: ';
const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E, tau: 2 * Math.PI };
/** Where Java throws, given the argument as a DOUBLE: the condition and the exception text. */
const DOMAIN: Record<string, { bad: (x: string) => string; reason: string }> = {
  asin: { bad: (x) => `abs(${x}) > 1`, reason: 'Asin input out of range' },
  acos: { bad: (x) => `abs(${x}) > 1`, reason: 'Acos input out of range' },
};
const OVERFLOWS: Record<string, string> = { sinh: 'sinh overflow', cosh: 'cosh overflow' };

export function compileTrigonometry(ctx: CompileContext, call: FunctionCall, name: string): Val | undefined {
  if (name in CONSTANTS) return scalar(doubleLiteral(CONSTANTS[name]));
  const s = argScalars(ctx, call);
  const dbl = (i: number) => `CAST(${s(i)} AS DOUBLE)`;
  const probe = (condition: string, reason: string, reasonSql?: string) => {
    if (!ctx.aggregateMode) ctx.addProbe(call.span, `(${condition})`, reasonSql ? undefined : ARITHMETIC + reason, reasonSql);
  };
  switch (name) {
    case 'sin':
    case 'cos':
    case 'tan':
      return scalar(`${name}(${dbl(0)})`);
    case 'signum': {
      // Math.signum: ±1.0, and zero keeps its sign.
      const x = dbl(0);
      return scalar(`(CASE WHEN ${x} > 0 THEN 1.0::DOUBLE WHEN ${x} < 0 THEN -1.0::DOUBLE ELSE ${x} END)`);
    }
    case 'log':
      return call.args.length === 1 ? naturalLog(dbl(0), probe) : logToBase(dbl(0), dbl(1), probe);
    case 'cbrt':
    case 'atan':
    case 'tanh':
      return scalar(`${FDLIBM[name].name}(${dbl(0)})`);
    case 'atan2':
      return scalar(`${FDLIBM.atan2.name}(${dbl(0)}, ${dbl(1)})`);
    case 'hypot': {
      // Math.hypot never throws; past the double range the value is infinite, which the engine reports as null.
      const v = `${FDLIBM.hypot.name}(${dbl(0)}, ${dbl(1)})`;
      return scalar(`(CASE WHEN isfinite(${v}) THEN ${v} END)`);
    }
    case 'exp': {
      // Math.exp is a JIT intrinsic in Java, as is the C library's exp in DuckDB (both within 1 ulp, agreeing on the examples).
      const v = `exp(${dbl(0)})`;
      return scalar(`(CASE WHEN isfinite(${v}) THEN ${v} END)`);
    }
    case 'to_degrees':
    case 'to_radians':
      return compileAngleConversion(ctx, call, name);
    case 'asin':
    case 'acos': {
      const x = dbl(0);
      const bad = DOMAIN[name].bad(x);
      probe(bad, DOMAIN[name].reason);
      return scalar(`(CASE WHEN NOT (${bad}) THEN ${FDLIBM[name].name}(${x}) END)`);
    }
    case 'sinh':
    case 'cosh': {
      const v = `${FDLIBM[name].name}(${dbl(0)})`;
      probe(`NOT isfinite(${v})`, OVERFLOWS[name]);
      return scalar(`(CASE WHEN isfinite(${v}) THEN ${v} END)`);
    }
  }
  return undefined;
}

type Probe = (condition: string, reason: string, reasonSql?: string) => void;

function naturalLog(x: string, probe: Probe): Val {
  probe(`${x} <= 0`, 'Log of non-positive number');
  return scalar(`(CASE WHEN ${x} > 0 THEN ln(${x}) END)`);
}

/**
 * Java's Math.log10(value) / Math.log10(base), checked as Elasticsearch's Log does. log10 is
 * fdlibm's (V8's Math.log10): the C library's is one ulp off for some values (log10(56371)), which
 * shows in the ratio's last digit.
 */
function logToBase(base: string, value: string, probe: Probe): Val {
  const nonPositive = `(${base} <= 0 OR ${value} <= 0)`;
  const bad = `(${nonPositive} OR ${base} = 1)`;
  const reason = `(CASE WHEN ${nonPositive} THEN '${ARITHMETIC}Log of non-positive number' ELSE '${ARITHMETIC}Log of base 1' END)`;
  probe(bad, '', reason);
  const log10 = FDLIBM.log10.name;
  return scalar(`(CASE WHEN NOT ${bad} THEN ${log10}(${value}) / ${log10}(${base}) END)`);
}
