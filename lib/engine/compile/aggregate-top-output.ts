/**
 * TOP(field, limit, order, outputField) (Elasticsearch 9.2+, docs/esql-semantics.md §8.1): the
 * outputField values of the `limit` rows whose field sorts first. Rows where either is null do
 * not count; a null outputField (or field) type gives null. Elasticsearch pairs the values of a
 * multi-valued row in a way its docs leave open, so a multi-valued argument is refused here.
 */
import 'server-only';
import type { FunctionCall } from '../../esql';
import { CompileContext, CompileFailure } from './context';
import { compileExpr } from './expressions';

/** The types the docs list for both TOP arguments when outputField is given. */
const PAIRABLE = new Set(['integer', 'long', 'double', 'date']);

export function compileTopOutput(ctx: CompileContext, call: FunctionCall, n: number, dir: 'asc' | 'desc', filter: string | undefined): string {
  const [field, , , output] = call.args;
  const fieldType = ctx.typeOf(field);
  const outType = ctx.typeOf(output);
  if (fieldType === 'null' || outType === 'null') return 'NULL';
  for (const [arg, type] of [[field, fieldType], [output, outType]] as const) {
    if (!PAIRABLE.has(type)) throw new CompileFailure(arg.span, `TOP with an output field of type [${type}] is not supported by the embedded engine`);
  }
  const key = compileExpr(ctx, field);
  const value = compileExpr(ctx, output);
  for (const [arg, v] of [[field, key], [output, value]] as const) {
    if (v.kind !== 'scalar') throw new CompileFailure(arg.span, 'TOP with an output field over a multi-valued argument is not supported by the embedded engine');
  }
  const k = key.kind === 'scalar' ? key.sql : '';
  const v = value.kind === 'scalar' ? value.sql : '';
  const where = [`${k} IS NOT NULL`, `${v} IS NOT NULL`, ...(filter ? [filter] : [])].join(' AND ');
  // Sorting the {k, v} pairs orders ties by the output value: Elasticsearch leaves ties open, this keeps them stable.
  const pairs = `list_sort(list({'k': ${k}, 'v': ${v}}) FILTER (WHERE ${where}), '${dir.toUpperCase()}')`;
  const top = `list_slice(list_transform(${pairs}, p -> p.v), 1, ${n})`;
  return `(CASE WHEN len(${top}) > 0 THEN ${top} END)`;
}
