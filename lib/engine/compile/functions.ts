/**
 * Scalar functions → DuckDB SQL, dispatched by family. Single-value functions read the scalar
 * side of their arguments (null + warning for a multi-value, docs/esql-semantics.md §4); MV_* functions read all
 * values. Functions the engine cannot reproduce exactly are positioned `unsupported` errors.
 * compileQuery hands compileFunction to the context (./context.ts), through which the expression
 * compiler reaches it.
 */
import 'server-only';
import type { FunctionCall } from '../../esql';
import { compileAggregate, isAggregateName, isMultiValuedAggregate } from './aggregates';
import type { FamilyCompiler } from './arguments';
import { compileConditional } from './conditionals';
import { CompileContext, CompileFailure, type Val } from './context';
import { compileConversion, CONVERSIONS } from './conversions';
import { compileDateFunction } from './dates';
import { compileIpFunction } from './ips';
import { compileMathFunction } from './math';
import { compileMultiValueFunction } from './multivalue';
import { compileStringFunction } from './strings';

const FAMILIES: readonly FamilyCompiler[] = [
  compileConditional,
  compileStringFunction,
  compileMathFunction,
  compileMultiValueFunction,
  compileDateFunction,
  compileIpFunction,
];

export function canonicalName(ctx: CompileContext, call: FunctionCall): string {
  return ctx.analyzed.functions.get(call) ?? call.name;
}

export function compileFunction(ctx: CompileContext, call: FunctionCall): Val {
  const name = canonicalName(ctx, call);
  if (CONVERSIONS.has(name)) return compileConversion(ctx, call, name);
  if (isAggregateName(name) && ctx.aggregateMode) {
    ctx.aggregateMode = false;
    try {
      const sql = compileAggregate(ctx, call, name, ctx.aggregateFilter);
      // VALUES is a multi-value: an MV_* function or MV_COUNT over it reads all of its values.
      return isMultiValuedAggregate(name) ? { kind: 'list', sql } : { kind: 'scalar', sql };
    } finally {
      ctx.aggregateMode = true;
    }
  }
  if (isAggregateName(name)) {
    throw new CompileFailure(call.span, `aggregate function [${ctx.sourceText(call.span)}] is only allowed in STATS`, 'verification');
  }
  for (const family of FAMILIES) {
    const val = family(ctx, call, name);
    if (val) return val;
  }
  throw new CompileFailure(call.span, `function [${name}] is not supported by the embedded engine`);
}
