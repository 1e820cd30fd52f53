/**
 * How deep a query may nest, and the iterative helpers that let lib/esql walk a long
 * left-associative chain (`a == 1 or a == 2 or …`) without one stack frame per term.
 *
 * Elasticsearch's limits (docs/esql-semantics.md §13; x-pack/plugin/esql/.../parser):
 * - ExpressionBuilder.MAX_EXPRESSION_DEPTH = 400 (elastic/elasticsearch#108089 set 500, #111186
 *   lowered it to 400): `ESQL statement exceeded the maximum expression depth allowed (400)`;
 * - LogicalPlanBuilder.MAX_QUERY_DEPTH = 500 processing commands per query:
 *   `ESQL statement exceeded the maximum query depth allowed (500)`.
 * Elasticsearch counts one level per recursive visit of its parse tree (ExpressionBuilder
 * `expression()`), so a left-deep chain counts one level per operator: a cluster refuses an OR
 * chain of about 400 terms (a third-party test of an earlier limit of 300 saw chains of 294 terms
 * refused). Counted the same way here, every edge of the expression tree costs a level, so the
 * parser refuses what a cluster refuses, with its message (issue 13: flagged by `hunts check`,
 * never a different answer). The chains are still parsed and walked in loops, so refusing a
 * 10,000-term chain costs no stack.
 */
import type { AggregateField, Expression, Node, Query } from '../ast';
import { esqlError, type EsqlError } from '../errors';
import { children } from './walker';

export const MAX_EXPRESSION_DEPTH = 400;
export const MAX_QUERY_DEPTH = 500;

export const EXPRESSION_DEPTH_MESSAGE = `ESQL statement exceeded the maximum expression depth allowed (${MAX_EXPRESSION_DEPTH})`;
export const QUERY_DEPTH_MESSAGE = `ESQL statement exceeded the maximum query depth allowed (${MAX_QUERY_DEPTH})`;

/** Whether the edge from `node` to its `index`-th child adds no level. */
export type FreeEdge = (node: Node, index: number, child: Node) => boolean;

/** Elasticsearch's count: every edge of the expression tree is a level. */
const noFreeEdge: FreeEdge = () => false;

/**
 * The first expression (in source order) deeper than `max`, counting levels from each top-level
 * expression with `free` edges costing nothing; undefined when within the limit. Iterative, so it
 * cannot overflow on the tree it rejects.
 */
export function firstTooDeep(root: Node, max: number = MAX_EXPRESSION_DEPTH, free: FreeEdge = noFreeEdge): Expression | undefined {
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    const inExpression = isExpression(node);
    if (inExpression && depth > max) return node;
    const kids = children(node);
    for (let i = kids.length - 1; i >= 0; i--) {
      stack.push([kids[i], !inExpression || free(node, i, kids[i]) ? depth : depth + 1]);
    }
  }
  return undefined;
}

/** The expression-depth error for a parsed query or expression, positioned at the first node too deep. */
export function depthError(text: string, root: Node): EsqlError | undefined {
  const deep = firstTooDeep(root);
  return deep ? esqlError('parsing', text, deep.span, EXPRESSION_DEPTH_MESSAGE) : undefined;
}

/**
 * The value expressions under `root` (names being defined — `x =`, RENAME, KEEP, FROM — are not
 * counted), without recursion: the "N expressions" of a too-large message.
 */
export function countExpressions(root: Node | Query): number {
  let n = 0;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isExpression(node)) n++;
    for (const child of valueChildren(node)) stack.push(child);
  }
  return n;
}

function valueChildren(node: Node): Node[] {
  switch (node.kind) {
    case 'field': {
      const f = node as AggregateField;
      return f.filter ? [f.expression, f.filter] : [f.expression];
    }
    case 'from':
    case 'keep':
    case 'drop':
    case 'renameCommand':
    case 'mvExpand':
    case 'enrich':
      return [];
    default:
      return children(node);
  }
}

const EXPRESSION_KINDS = new Set(['literal', 'list', 'timeSpan', 'param', 'column', 'function', 'unary', 'binary', 'isNull', 'in', 'like', 'cast']);

export function isExpression(node: Node): node is Expression {
  return EXPRESSION_KINDS.has(node.kind);
}
