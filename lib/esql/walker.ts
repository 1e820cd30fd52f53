/**
 * Generic traversal of the AST: `walk`/`collect` to read it, `transformExpressions` to rewrite a
 * query immutably, `withoutSpans` to compare trees by structure alone.
 */
import type { AggregateField, Command, Expression, Field, Node, Query, Span } from './ast';

/** The direct child nodes of a node, in source order. */
export function children(node: Node): Node[] {
  switch (node.kind) {
    case 'query':
      return node.commands;
    case 'list':
      return node.items;
    case 'function':
      return node.args;
    case 'unary':
    case 'isNull':
    case 'cast':
      return [node.operand];
    case 'binary':
      return [node.left, node.right];
    case 'in':
      return [node.operand, ...node.list];
    case 'like':
      return [node.operand, ...node.patterns];
    case 'field': {
      const f = node as AggregateField;
      return [...(f.name ? [f.name] : []), f.expression, ...(f.filter ? [f.filter] : [])];
    }
    case 'order':
      return [node.expression];
    case 'rename':
      return [node.from, node.to];
    case 'from':
      return [...node.sources, ...node.metadata];
    case 'row':
    case 'eval':
      return node.fields;
    case 'where':
      return [node.condition];
    case 'stats':
      return [...node.aggregates, ...node.groupings];
    case 'sort':
      return node.orders;
    case 'keep':
    case 'drop':
      return node.columns;
    case 'renameCommand':
      return node.renames;
    case 'mvExpand':
      return [node.column];
    case 'dissect':
    case 'grok':
      return [node.input];
    case 'enrich':
      return [...(node.on ? [node.on] : []), ...node.with];
    default:
      return [];
  }
}

/** Depth-first, parents before children; returning 'skip' leaves a node's children unvisited. */
export function walk(node: Node, visitor: (node: Node, parent: Node | undefined) => void | 'skip'): void {
  const visit = (n: Node, parent: Node | undefined): void => {
    if (visitor(n, parent) === 'skip') return;
    for (const child of children(n)) visit(child, n);
  };
  visit(node, undefined);
}

export function collect<T extends Node>(node: Node, predicate: (node: Node) => node is T): T[];
export function collect<T extends Node>(node: Node, predicate: (node: Node) => boolean): T[];
export function collect<T extends Node>(node: Node, predicate: (node: Node) => boolean): T[] {
  const found: T[] = [];
  walk(node, (n) => {
    if (predicate(n)) found.push(n as T);
  });
  return found;
}

type Rewrite = (e: Expression) => Expression | undefined;

/** Rewrites an expression bottom-up: children first, then `fn` on the rebuilt node. */
export function transformExpression(e: Expression, fn: Rewrite): Expression {
  const sub = (x: Expression) => transformExpression(x, fn);
  let rebuilt: Expression;
  switch (e.kind) {
    case 'function':
      rebuilt = { ...e, args: e.args.map(sub) };
      break;
    case 'unary':
    case 'isNull':
    case 'cast':
      rebuilt = { ...e, operand: sub(e.operand) };
      break;
    case 'binary':
      rebuilt = { ...e, left: sub(e.left), right: sub(e.right) };
      break;
    case 'in':
      rebuilt = { ...e, operand: sub(e.operand), list: e.list.map(sub) };
      break;
    case 'like':
      rebuilt = { ...e, operand: sub(e.operand), patterns: e.patterns.map(sub) };
      break;
    default:
      rebuilt = e;
  }
  return fn(rebuilt) ?? rebuilt;
}

/**
 * Applies `fn` to every expression in value position (conditions, field values, aggregate
 * filters, sort keys, DISSECT/GROK inputs). Names being defined (`x =`, RENAME targets, FROM
 * metadata) and column operands of MV_EXPAND/ENRICH are not expressions to rewrite.
 */
export function transformExpressions(query: Query, fn: Rewrite): Query {
  const t = (e: Expression) => transformExpression(e, fn);
  const field = <F extends Field & { filter?: Expression }>(f: F): F => {
    const out = { ...f, expression: t(f.expression) };
    if (f.filter) out.filter = t(f.filter);
    return out;
  };
  const command = (c: Command): Command => {
    switch (c.kind) {
      case 'where':
        return { ...c, condition: t(c.condition) };
      case 'row':
      case 'eval':
        return { ...c, fields: c.fields.map(field) };
      case 'stats':
        return { ...c, aggregates: c.aggregates.map(field), groupings: c.groupings.map(field) };
      case 'sort':
        return { ...c, orders: c.orders.map((o) => ({ ...o, expression: t(o.expression) })) };
      case 'dissect':
      case 'grok':
        return { ...c, input: t(c.input) };
      default:
        return c;
    }
  };
  return { ...query, commands: query.commands.map(command) };
}

const ZERO: Span = { start: 0, end: 0 };

/** A deep copy with every span zeroed, so trees compare by structure. */
export function withoutSpans<T>(node: T): T {
  if (Array.isArray(node)) return node.map((x) => withoutSpans(x)) as T;
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) out[key] = key === 'span' ? { ...ZERO } : withoutSpans(value);
  return out as T;
}
