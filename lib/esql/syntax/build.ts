/**
 * Building AST nodes in code (a drill-down's filters, a rewritten now()): nodes made here have no
 * place in any source text, hence NO_SPAN; params are named, never spliced values.
 */
import type { Expression, Param, Span } from '../ast';
import type { Query } from '../ast';
import { collect } from './walker';

export const NO_SPAN: Span = { start: 0, end: 0 };

/** `count` param names `<base>1`, `<base>2`, … that the query does not already use. */
export function freshParamNames(query: Query, base: string, count: number): string[] {
  const used = new Set(collect<Param>(query, (n) => n.kind === 'param').map((p) => p.name));
  const names: string[] = [];
  for (let i = 1; names.length < count; i++) if (!used.has(`${base}${i}`)) names.push(`${base}${i}`);
  return names;
}

export const param = (name: string): Param => ({ kind: 'param', style: 'named', name, span: NO_SPAN });
export const column = (name: string): Expression => ({ kind: 'column', name, span: NO_SPAN });
export function and(parts: Expression[]): Expression {
  return parts.reduce((left, right) => ({ kind: 'binary', op: 'and', left, right, span: NO_SPAN }));
}
export function equals(left: Expression, right: Expression): Expression {
  return { kind: 'binary', op: '==', left, right, span: NO_SPAN };
}
export const isNull = (operand: Expression): Expression => ({ kind: 'isNull', operand, negated: false, span: NO_SPAN });
