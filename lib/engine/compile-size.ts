/**
 * What the embedded engine refuses for size before compiling (issue 13): DuckDB gives up on
 * expressions nested deeper than its `max_expression_depth` (1000 of its own levels, and one
 * ES|QL operator becomes two or three of them: `TRY((l + r))`), and the compiler recurses once
 * per level. An AND/OR chain compiles in a loop and DuckDB flattens it, so its length is free;
 * any other nesting counts. Iterative, so it cannot overflow on the query it refuses.
 */
import type { AnalyzedQuery } from '../esql/analyzed';
import type { Expression, Node, Query } from '../esql/ast';
import { firstTooDeep } from '../esql/depth';
import { CompileFailure } from './compile-context';

/** Nesting the compiler and DuckDB both take (measured: 125 chained `+` run, 150 exceed DuckDB's limit). */
export const ENGINE_MAX_DEPTH = 100;

/**
 * Warning probes DuckDB plans in time: each is a scalar subquery over the relation, and planning
 * grows about cubically with their number (measured on this machine: 100 probes 1 s, 200 6 s,
 * 400 72 s; 1,000 exceed DuckDB's expression depth). Past this many, refuse rather than burn minutes.
 */
export const ENGINE_MAX_PROBES = 250;

/** An AND/OR chain is one level: the left operand of the same logical operator is free. */
const sameLogicalChain = (node: Node, index: number, child: Node) =>
  node.kind === 'binary' && (node.op === 'and' || node.op === 'or') && index === 0 && child.kind === 'binary' && child.op === node.op;

/** The first expression nested deeper than `max`, counting AND/OR chains as one level. */
export function tooDeepForEngine(query: Query, max: number = ENGINE_MAX_DEPTH): Expression | undefined {
  return firstTooDeep(query, max, sameLogicalChain);
}

/** Throws the positioned refusal when the query nests deeper than the engine takes. */
export function checkEngineSize(analyzed: AnalyzedQuery): void {
  const deep = tooDeepForEngine(analyzed.query);
  if (deep) throw new CompileFailure(deep.span, TOO_DEEP_MESSAGE);
}

export const TOO_DEEP_MESSAGE = `the query is too large for the embedded engine (expressions nested more than ${ENGINE_MAX_DEPTH} deep)`;
