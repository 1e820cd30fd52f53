/**
 * A cell's pivots into Explore: from a field's value to the ES|QL that shows its other activity
 * over the same sources and window. The value travels as a named param, never spliced into the
 * text, and the text is printed from an AST by lib/esql's printer.
 */
import type { WindowInfo } from '../../model/api';
import type { EsqlScalar } from '../../model/esql';
import { column, equals, freshParamNames, NO_SPAN, param, printMultiline, type Command, type Expression, type Query } from '../../esql';
import { exploreHref, type ExploreLink } from '../url/explore-url';
import { isIpField, pivotSpecFor, type PivotKind } from './ecs-fields';
import { windowChoiceOf } from './window';

/** Where the pivoted value came from: the hunt's FROM patterns and the window the page ran. */
export interface PivotContext {
  sources: readonly string[];
  window: WindowInfo | undefined;
}

export interface Pivot {
  kind: PivotKind;
  label: string;
  link: ExploreLink;
  href: string;
}

function fromCommand(sources: readonly string[]): Command {
  return {
    kind: 'from',
    sources: sources.map((name) => ({ kind: 'source', name, span: NO_SPAN })),
    metadata: [
      { kind: 'column', name: '_id', span: NO_SPAN },
      { kind: 'column', name: '_index', span: NO_SPAN },
    ],
    span: NO_SPAN,
  };
}

const toIp = (arg: Expression): Expression => ({ kind: 'function', name: 'to_ip', args: [arg], span: NO_SPAN });
const or = (left: Expression, right: Expression): Expression => ({ kind: 'binary', op: 'or', left, right, span: NO_SPAN });

function condition(kind: PivotKind, field: string, name: string, ip: boolean): Expression {
  const value = ip ? toIp(param(name)) : param(name);
  if (kind === 'process-tree') return or(equals(column(field), value), equals(column('process.parent.entity_id'), value));
  return equals(column(field), value);
}

/** The Explore link of one pivot, or undefined when the column has none, the value is null or no source is known. */
export function pivotFor(columnName: string, type: string, value: EsqlScalar, context: PivotContext): Pivot | undefined {
  const spec = pivotSpecFor(columnName);
  if (!spec || value === null || typeof value === 'boolean' || context.sources.length === 0) return undefined;
  const base: Query = { kind: 'query', commands: [fromCommand(context.sources)], span: NO_SPAN };
  const [name] = freshParamNames(base, spec.param, 1);
  const where: Command = { kind: 'where', condition: condition(spec.kind, spec.field, name, isIpField(spec.field, type)), span: NO_SPAN };
  const sort: Command = {
    kind: 'sort',
    orders: [{ kind: 'order', expression: column('@timestamp'), direction: 'desc', span: NO_SPAN }],
    span: NO_SPAN,
  };
  const query: Query = { ...base, commands: [...base.commands, where, sort] };
  const link: ExploreLink = { query: printMultiline(query), params: [{ [name]: value }], window: windowChoiceOf(context.window) };
  return { kind: spec.kind, label: spec.label, link, href: exploreHref(link) };
}
