/**
 * Recognising the `@timestamp > now() - 7 day` style predicate hunts use to bound their window.
 * Shared by lint (which points it out) and the dashboard's window control (which rewrites it).
 */
import type { BinaryExpression, ComparisonOperator, Expression, TimeSpanLiteral } from '../ast';

/** A comparison of `@timestamp` with `now() - <time span>`, read from `@timestamp`'s side. */
export interface TimestampComparison {
  predicate: BinaryExpression;
  /** The operator as if `@timestamp` were on the left (`now() - 7d < @timestamp` → `>`). */
  op: ComparisonOperator;
  span: TimeSpanLiteral;
}

const FLIPPED: Record<ComparisonOperator, ComparisonOperator> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '==': '==', '!=': '!=' };
const COMPARISONS = new Set<string>(Object.keys(FLIPPED));

const isTimestamp = (e: Expression) => e.kind === 'column' && e.name === '@timestamp';

/** `now() - N unit` → the time span literal; anything else → undefined. */
function nowMinusSpan(e: Expression): TimeSpanLiteral | undefined {
  if (e.kind !== 'binary' || e.op !== '-') return undefined;
  const isNow = e.left.kind === 'function' && e.left.name === 'now' && e.left.args.length === 0;
  return isNow && e.right.kind === 'timeSpan' ? e.right : undefined;
}

export function timestampComparison(e: Expression): TimestampComparison | undefined {
  if (e.kind !== 'binary' || !COMPARISONS.has(e.op)) return undefined;
  const op = e.op as ComparisonOperator;
  if (isTimestamp(e.left)) {
    const span = nowMinusSpan(e.right);
    return span && { predicate: e, op, span };
  }
  if (isTimestamp(e.right)) {
    const span = nowMinusSpan(e.left);
    return span && { predicate: e, op: FLIPPED[op], span };
  }
  return undefined;
}

/** A lower bound on `@timestamp` (`>` or `>=`): the predicate that defines a hunt's window. */
export function isWindowStart(c: TimestampComparison): boolean {
  return c.op === '>' || c.op === '>=';
}

/**
 * The conjuncts of a WHERE condition: the AND chain's leaves. Only these can be replaced without
 * changing the meaning of the rest (a predicate under OR or NOT is not the query's window).
 */
export function conjuncts(e: Expression): Expression[] {
  const found: Expression[] = [];
  const stack: Expression[] = [e];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.kind === 'binary' && node.op === 'and') stack.push(node.right, node.left);
    else found.push(node);
  }
  return found;
}
