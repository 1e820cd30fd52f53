/**
 * Numeric functions (docs/esql-semantics.md §8.5); LOG, SIGNUM, CBRT and trigonometry are in
 * ./trigonometry.ts. SQRT, LOG10 and POW give null plus Elasticsearch's warning where Java would
 * throw; GREATEST/LEAST reduce each argument with MV_MAX/MV_MIN first (as Elasticsearch's
 * evaluators do) and are null when any argument is.
 */
import 'server-only';
import type { FunctionCall } from '../../esql';
import { argScalars, scalar } from './arguments';
import { asList, CompileContext, type Val } from './context';
import { compileExpr } from './expressions';
import { compileTrigonometry } from './trigonometry';
import { widened } from './conditionals';
import { FDLIBM } from '../udfs';
import { roundUnsignedLong, UL_OVERFLOW } from './unsigned-long';

function roundUnsignedLongCall(ctx: CompileContext, call: FunctionCall): Val {
  const s = argScalars(ctx, call);
  if (call.args.length < 2) return scalar(s(0));
  const { sql, overflow } = roundUnsignedLong(s(0), s(1));
  if (ctx.aggregateMode) ctx.aggregateChecks.push({ span: call.span, condition: overflow, reason: UL_OVERFLOW });
  else ctx.addProbe(call.span, overflow, UL_OVERFLOW);
  return scalar(sql);
}

export function compileMathFunction(ctx: CompileContext, call: FunctionCall, name: string): Val | undefined {
  const s = argScalars(ctx, call);
  switch (name) {
    case 'abs':
    case 'floor':
    case 'ceil': {
      // Elasticsearch returns the argument itself (a multi-value included) where the function is the identity.
      const type = ctx.typeOf(call.args[0]);
      if (type === 'unsigned_long' || (name !== 'abs' && (type === 'integer' || type === 'long'))) return compileExpr(ctx, call.args[0]);
      return scalar(`${name}(${s(0)})`);
    }
    case 'sqrt':
    case 'log10': {
      const x = s(0);
      const bad = name === 'sqrt' ? `${x} < 0` : `${x} <= 0`;
      ctx.addProbe(call.span, `(${bad})`, name === 'sqrt' ? 'java.lang.ArithmeticException: Square root of negative' : 'java.lang.ArithmeticException: Log of non-positive number');
      const fn = name === 'sqrt' ? 'sqrt' : FDLIBM.log10.name;
      return scalar(`(CASE WHEN NOT (${bad}) THEN ${fn}(CAST(${x} AS DOUBLE)) END)`);
    }
    case 'pow': {
      const p = `pow(CAST(${s(0)} AS DOUBLE), CAST(${s(1)} AS DOUBLE))`;
      // NumericUtils.asFiniteNumber names the value: `not a finite double number: NaN` (or `: Infinity`).
      const nonFinite = `(CASE WHEN isnan(${p}) THEN 'NaN' WHEN ${p} > 0 THEN 'Infinity' ELSE '-Infinity' END)`;
      if (!ctx.aggregateMode) ctx.addProbe(call.span, `(NOT isfinite(${p}))`, undefined, `'java.lang.ArithmeticException: not a finite double number: ' || ${nonFinite}`);
      return scalar(`(CASE WHEN isfinite(${p}) THEN ${p} END)`);
    }
    case 'round':
      if (ctx.typeOf(call.args[0]) === 'unsigned_long') return roundUnsignedLongCall(ctx, call);
      return scalar(call.args.length > 1 ? `round(${s(0)}, ${s(1)})` : `round(${s(0)})`);
    case 'greatest':
    case 'least': {
      const reduce = name === 'greatest' ? 'list_max' : 'list_min';
      const values = call.args.map((a) => {
        const v = widened(ctx, call, a);
        return v.kind === 'scalar' ? v.sql : `${reduce}(${asList(v)})`;
      });
      const anyNull = values.map((v) => `(${v}) IS NULL`).join(' OR ');
      return scalar(values.length === 1 ? values[0] : `(CASE WHEN ${anyNull} THEN NULL ELSE ${name}(${values.join(', ')}) END)`);
    }
  }
  return compileTrigonometry(ctx, call, name);
}
