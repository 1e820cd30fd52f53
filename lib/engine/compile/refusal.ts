/**
 * Refusals the data decides: SQL that fails the query with a positioned `unsupported` message
 * when the answer would depend on something the engine cannot reproduce (an estimate above an
 * exactness threshold). DuckDB's error() carries the message; ../engine-errors.ts recognises it.
 */
import 'server-only';
import { positionsIn, type Span } from '../../esql';
import type { CompileContext } from './context';
import { quoteString } from '../sql';

export function refusalSql(ctx: CompileContext, span: Span, message: string): string {
  const { line, column } = positionsIn(ctx.analyzed.text)(span.start);
  return `error(${quoteString(`ESQL_REFUSAL[line ${line}:${column}: ${message}]ESQL_REFUSAL`)})`;
}
