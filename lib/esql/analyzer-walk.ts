/** Minimal traversal the analyzer needs before typing: every expression of a command, recursively. */
import type { Command, Expression } from './ast';

/** The top-level expressions a command holds. */
export function commandExpressions(command: Command): Expression[] {
  switch (command.kind) {
    case 'row':
    case 'eval':
      return command.fields.map((f) => f.expression);
    case 'where':
      return [command.condition];
    case 'stats':
      return [
        ...command.aggregates.flatMap((a) => (a.filter ? [a.expression, a.filter] : [a.expression])),
        ...command.groupings.map((g) => g.expression),
      ];
    case 'sort':
      return command.orders.map((o) => o.expression);
    case 'mvExpand':
      return [command.column];
    case 'dissect':
    case 'grok':
      return [command.input];
    case 'enrich':
      return command.on ? [command.on] : [];
    default:
      return [];
  }
}

export function childrenOf(e: Expression): Expression[] {
  switch (e.kind) {
    case 'list':
      return e.items;
    case 'function':
      return e.args;
    case 'unary':
    case 'isNull':
    case 'cast':
      return [e.operand];
    case 'binary':
      return [e.left, e.right];
    case 'in':
      return [e.operand, ...e.list];
    case 'like':
      return [e.operand, ...e.patterns];
    default:
      return [];
  }
}

/** Depth-first, parents before children. */
export function* descendants(e: Expression): Generator<Expression> {
  yield e;
  for (const child of childrenOf(e)) yield* descendants(child);
}
