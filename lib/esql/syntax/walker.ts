/**
 * Generic traversal of the AST: `walk`/`collect` to read it, `transformExpressions` to rewrite a
 * query immutably, `withoutSpans` to compare trees by structure alone.
 */
import type { AggregateField, Command, Expression, Field, Node, Query, Span } from '../ast';
import { leftSpine } from './spine';

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

/**
 * Depth-first, parents before children; returning 'skip' leaves a node's children unvisited.
 * An explicit stack rather than recursion: a 10,000-term OR chain is 10,000 levels deep.
 */
export function walk(node: Node, visitor: (node: Node, parent: Node | undefined) => void | 'skip'): void {
  const stack: [Node, Node | undefined][] = [[node, undefined]];
  while (stack.length > 0) {
    const [n, parent] = stack.pop()!;
    if (visitor(n, parent) === 'skip') continue;
    const kids = children(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], n]);
  }
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

/**
 * Rewrites an expression bottom-up: children first, then `fn` on the rebuilt node. A binary
 * chain's left spine is followed in a loop (same order of `fn` calls as recursion would give).
 */
export function transformExpression(e: Expression, fn: Rewrite): Expression {
  const sub = (x: Expression) => transformExpression(x, fn);
  if (e.kind === 'binary') {
    const { leaf, chain } = leftSpine(e);
    let acc = sub(leaf);
    for (const b of chain) {
      const rebuilt: Expression = { ...b, left: acc, right: sub(b.right) };
      acc = fn(rebuilt) ?? rebuilt;
    }
    return acc;
  }
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

/** A deep copy with every span zeroed, so trees compare by structure (iterative: trees may be deep). */
export function withoutSpans<T>(node: T): T {
  const root: { value?: unknown } = {};
  const stack: [unknown, (copy: unknown) => void][] = [[node, (copy) => (root.value = copy)]];
  while (stack.length > 0) {
    const [value, place] = stack.pop()!;
    if (Array.isArray(value)) {
      const out: unknown[] = new Array(value.length);
      place(out);
      value.forEach((x, i) => stack.push([x, (copy) => (out[i] = copy)]));
    } else if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      place(out);
      for (const [key, v] of Object.entries(value)) {
        if (key === 'span') out[key] = { ...ZERO };
        else {
          out[key] = undefined;
          stack.push([v, (copy) => (out[key] = copy)]);
        }
      }
    } else {
      place(value);
    }
  }
  return root.value as T;
}
