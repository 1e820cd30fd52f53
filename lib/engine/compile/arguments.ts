/**
 * What every function family reads of a call: its arguments as single-value SQL (a multi-value
 * is null with a warning attributed to the call, docs/esql-semantics.md §4) and constant strings, which stay
 * prepared-statement parameters when a request parameter gave them.
 */
import 'server-only';
import type { Expression, FunctionCall } from '../../esql';
import { CompileContext, CompileFailure, type Val } from './context';
import { foldConst } from './constants';
import { scalarOf } from './expressions';
import { quoteString } from '../sql';

/** A family of functions: the call's value, or undefined when `name` is none of the family's. */
export type FamilyCompiler = (ctx: CompileContext, call: FunctionCall, name: string) => Val | undefined;

export const scalar = (sql: string): Val => ({ kind: 'scalar', sql });

/** Argument `i` of `call` as single-value SQL. */
export function argScalars(ctx: CompileContext, call: FunctionCall): (i: number) => string {
  return (i) => scalarOf(ctx, call.args[i], call.span);
}

/** A constant string and how to emit a text derived from it: request parameters stay parameters. */
export function constText(ctx: CompileContext, e: Expression): { value: string; emit(text: string): string } {
  const c = foldConst(ctx, e);
  if (!c || c.kind !== 'value' || typeof c.value !== 'string') {
    throw new CompileFailure(e.span, `[${ctx.sourceText(e.span)}] must be a constant string in the embedded engine`);
  }
  const fromParam = c.fromParam;
  return { value: c.value, emit: (text) => (fromParam ? ctx.addParam(text) : quoteString(text)) };
}
