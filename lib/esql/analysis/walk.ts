/** Minimal traversal the analyzer needs before typing: every expression of a command, recursively. */
import type { Command, Expression } from '../ast';
import { children } from '../syntax/walker';

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

/** The sub-expressions of an expression (the walker's children; an expression has only expressions below it). */
export function childrenOf(e: Expression): Expression[] {
  return children(e) as Expression[];
}

/** Depth-first, parents before children; an explicit stack, as chains may be thousands of levels deep. */
export function* descendants(e: Expression): Generator<Expression> {
  const stack: Expression[] = [e];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    const kids = childrenOf(node);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
}
