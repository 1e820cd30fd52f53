/**
 * Where Elasticsearch attributes the warnings of an OR chain (docs/esql-semantics.md §11.3). Its optimizer
 * (CombineDisjunctions) merges `f == c`, `f IN (…)` and CIDR_MATCH(f, …) over one field into a single IN or CIDR_MATCH
 * whose source is the field — its first occurrence in the chain — so a multi-valued `f` warns as
 * `evaluation of [f] failed` there, once, instead of at each comparison. The answer is the same; only the text moves.
 */
import 'server-only';
import type { Expression, Span } from '../../esql';
import type { CompileContext } from './context';
import { foldConst } from './constants';

/** The field an operand tests against constants, when CombineDisjunctions would merge it. */
function combinableField(ctx: CompileContext, e: Expression): Extract<Expression, { kind: 'column' }> | undefined {
  const constant = (x: Expression) => foldConst(ctx, x)?.kind === 'value';
  switch (e.kind) {
    case 'binary':
      if (e.op !== '==') return undefined;
      if (e.left.kind === 'column' && constant(e.right)) return e.left;
      if (e.right.kind === 'column' && constant(e.left)) return e.right;
      return undefined;
    case 'in':
      return !e.negated && e.operand.kind === 'column' ? e.operand : undefined;
    case 'function': {
      const name = ctx.analyzed.functions.get(e) ?? e.name;
      const field = e.args[0];
      return name === 'cidr_match' && field?.kind === 'column' ? field : undefined;
    }
    default:
      return undefined;
  }
}

/** For each operand merged with another over the same field: the span its warnings are attributed to. */
export function mergedWarningSpans(ctx: CompileContext, operands: readonly Expression[]): Map<Expression, Span> {
  const groups = new Map<string, { key: Span; members: Expression[] }>();
  for (const operand of operands) {
    const field = combinableField(ctx, operand);
    if (!field) continue;
    const group = groups.get(field.name) ?? { key: field.span, members: [] };
    group.members.push(operand);
    groups.set(field.name, group);
  }
  const spans = new Map<Expression, Span>();
  for (const { key, members } of groups.values()) {
    if (members.length > 1) members.forEach((m) => spans.set(m, key));
  }
  return spans;
}

/** Moves the warnings `operand` recorded since `from` (its own, attributed to its span) to `to`. */
export function reattributeProbes(ctx: CompileContext, from: number, operand: Expression, to: Span): void {
  for (const probe of ctx.probes.slice(from)) {
    if (probe.span.start === operand.span.start && probe.span.end === operand.span.end) probe.span = to;
  }
}
