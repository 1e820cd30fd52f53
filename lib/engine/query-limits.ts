/**
 * How large a query the embedded engine takes (issue 13: no request may stall other users). Parse,
 * analysis and compilation run on the server's one JavaScript thread, so each limit is checked
 * before the step whose cost it bounds — the text before parsing, the parsed shape before analysis
 * — and a query is either compiled in about 100 ms of JavaScript or refused at once, with a
 * positioned message naming the limit. A cluster may still run what is refused here
 * (docs/esql-semantics.md §13).
 *
 * Elastic's hunting library's largest query has 3,917 characters, 207 expressions and 6 EVAL
 * fields: the limits are 38 to 240 times that. Figures: 2-core development machine, loaded, warm
 * JIT (the first query of a shape costs up to twice as much), parse + analyze + compile.
 */
import 'server-only';
import { type Expression, type Node, type Query, countExpressions, firstTooDeep, esqlError, type EsqlError } from '../esql';

/**
 * Parsing the densest texts (`[1,1,…]`, `a+a+…`, `x in (1,1,…)`) costs up to 0.6 µs a character:
 * at 300,000 they took 115–130 ms before the shape check could refuse them, at 200,000 up to
 * 125 ms, at 150,000 up to 80 ms.
 */
export const ENGINE_MAX_QUERY_CHARS = 150_000;

/**
 * Analysis and compilation cost about 1 µs an expression: a 10,000-term `a == N or …` (40,000
 * expressions, 130,000 characters; measured through parseTree, since parse now refuses such a
 * chain as Elasticsearch does) parses, analyzes and compiles in 60–90 ms; DuckDB then runs
 * it for about 1.4 s on its own threads.
 */
export const ENGINE_MAX_EXPRESSIONS = 50_000;

/**
 * A field that reads an earlier one of its EVAL gets a CTE of its own (compile/commands.ts), and
 * DuckDB plans a chain of them slowly and then not at all: 250 chained fields 0.3 s, 500 0.7 s,
 * 1,000 fail. Counted over every EVAL of the query.
 */
export const ENGINE_MAX_EVAL_FIELDS = 500;

/**
 * Nesting the compiler and DuckDB both take. DuckDB gives up on expressions nested deeper than its
 * `max_expression_depth` (1000 of its own levels, and one ES|QL operator becomes two or three of
 * them: `TRY((l + r))`), and the compiler recurses once per level (measured: 125 chained `+` run,
 * 150 exceed DuckDB's limit). An AND/OR chain compiles in a loop and DuckDB flattens it, so its
 * length is free; any other nesting counts.
 */
export const ENGINE_MAX_DEPTH = 100;

/**
 * Warning probes DuckDB plans in time: each is a scalar subquery over the relation, and planning
 * grows about cubically with their number (measured on this machine: 100 probes 1 s, 200 6 s,
 * 400 72 s; 1,000 exceed DuckDB's expression depth). Past this many, refuse rather than burn
 * minutes. Checked by the compiler, which is where the probes are known.
 */
export const ENGINE_MAX_PROBES = 250;

export function tooLargeMessage(what: string): string {
  return `the query is too large for the embedded engine (${what})`;
}

export const TOO_DEEP_MESSAGE = tooLargeMessage(`expressions nested more than ${ENGINE_MAX_DEPTH} deep`);

/** An AND/OR chain is one level: the left operand of the same logical operator is free. */
const sameLogicalChain = (node: Node, index: number, child: Node) =>
  node.kind === 'binary' && (node.op === 'and' || node.op === 'or') && index === 0 && child.kind === 'binary' && child.op === node.op;

/**
 * The first expression nested deeper than ENGINE_MAX_DEPTH, counting AND/OR chains as one level.
 * Iterative, so it cannot overflow on the query it refuses.
 */
export function tooDeepForEngine(query: Query): Expression | undefined {
  return firstTooDeep(query, ENGINE_MAX_DEPTH, sameLogicalChain);
}

const WHOLE_QUERY = { start: 0, end: 0 };

/** Checked before parsing: a length, so it costs nothing whatever the text. */
export function checkQueryText(text: string): EsqlError | undefined {
  if (text.length <= ENGINE_MAX_QUERY_CHARS) return undefined;
  return esqlError('unsupported', '', WHOLE_QUERY, tooLargeMessage(`${text.length} characters; at most ${ENGINE_MAX_QUERY_CHARS}`));
}

/** Checked after parsing, before analysis: one linear walk of the tree. */
export function checkQueryShape(query: Query, text: string): EsqlError | undefined {
  let evalFields = 0;
  for (const command of query.commands) {
    if (command.kind !== 'eval') continue;
    const over = ENGINE_MAX_EVAL_FIELDS - evalFields;
    if (command.fields.length > over) {
      const total = query.commands.reduce((n, c) => n + (c.kind === 'eval' ? c.fields.length : 0), 0);
      // At the first field past the limit, so the analyst sees where the query outgrew it.
      return esqlError('unsupported', text, command.fields[over].span, tooLargeMessage(`${total} EVAL fields; at most ${ENGINE_MAX_EVAL_FIELDS}`));
    }
    evalFields += command.fields.length;
  }
  const expressions = countExpressions(query);
  if (expressions > ENGINE_MAX_EXPRESSIONS) {
    return esqlError('unsupported', text, WHOLE_QUERY, tooLargeMessage(`${expressions} expressions; at most ${ENGINE_MAX_EXPRESSIONS}`));
  }
  // Before analysis and compilation, which both recurse once per level.
  const deep = tooDeepForEngine(query);
  return deep && esqlError('unsupported', text, deep.span, TOO_DEEP_MESSAGE);
}
