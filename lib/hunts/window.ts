/**
 * The dashboard's time-window control: finds a hunt's `@timestamp > now() - N unit` predicate and
 * rewrites it to the window the analyst picked. Absolute bounds enter as named params
 * (`?_tstart`, `?_tend`), never as text.
 */
import 'server-only';
import { type BinaryExpression, type Column, type Command, type Expression, type Param, type Query, type Span, type TimeUnit, conjuncts, isWindowStart, timestampComparison, type TimestampComparison, operatorSpine, collect, transformExpression } from '../esql';

export type { TimeUnit } from '../esql';

export interface FoundTimeWindow {
  /** The whole predicate (`@timestamp > now() - 7 day`). */
  span: Span;
  quantity: number;
  unit: TimeUnit;
  /** The bound's operator read from `@timestamp`'s side. */
  op: '>' | '>=';
}

export type TimeWindow =
  | { kind: 'relative'; quantity: number; unit: TimeUnit }
  | { kind: 'absolute'; from: string; to: string };

export type ApplyTimeWindowResult =
  | { ok: true; query: Query; description: string; params: Record<string, string> }
  | { ok: false; reason: string };

/** Named params of an absolute window. Elasticsearch param names start with a letter. */
export const WINDOW_START_PARAM = '_tstart';
export const WINDOW_END_PARAM = '_tend';

export const PRESET_WINDOWS = [
  { id: '24h', label: 'Last 24 hours', window: { kind: 'relative', quantity: 24, unit: 'hour' } },
  { id: '7d', label: 'Last 7 days', window: { kind: 'relative', quantity: 7, unit: 'day' } },
  { id: '14d', label: 'Last 14 days', window: { kind: 'relative', quantity: 14, unit: 'day' } },
  { id: '30d', label: 'Last 30 days', window: { kind: 'relative', quantity: 30, unit: 'day' } },
] as const satisfies readonly { id: string; label: string; window: TimeWindow }[];

const NO_SPAN: Span = { start: 0, end: 0 };

/** The window-start predicates that are top-level conjuncts of a WHERE, in query order. */
function windowPredicates(query: Query): TimestampComparison[] {
  return query.commands.flatMap((c) =>
    c.kind === 'where' ? conjuncts(c.condition).flatMap((e) => timestampComparison(e) ?? []).filter(isWindowStart) : [],
  );
}

export function findTimeWindow(query: Query): FoundTimeWindow | undefined {
  const first = windowPredicates(query)[0];
  if (!first) return undefined;
  return { span: first.predicate.span, quantity: first.span.quantity, unit: first.span.unit, op: first.op as '>' | '>=' };
}

export function applyTimeWindow(query: Query, window: TimeWindow): ApplyTimeWindowResult {
  if (query.commands[0]?.kind !== 'from') return { ok: false, reason: 'Only a query that starts with FROM has a time window to set.' };
  if (window.kind === 'relative') {
    if (!Number.isSafeInteger(window.quantity) || window.quantity <= 0) {
      return { ok: false, reason: `A relative window needs a positive whole number of units (got ${window.quantity}).` };
    }
    return { ok: true, query: setRelative(query, window.quantity, window.unit), description: describeRelative(window.quantity, window.unit), params: {} };
  }
  if (collect<Param>(query, (n) => n.kind === 'param').some((p) => p.style !== 'named')) {
    return { ok: false, reason: 'The query uses ? or ?1 params; Elasticsearch does not mix them with the named params of an absolute window.' };
  }
  const from = isoInstant(window.from);
  const to = isoInstant(window.to);
  if (from === undefined) return { ok: false, reason: `The window start [${window.from}] is not a date.` };
  if (to === undefined) return { ok: false, reason: `The window end [${window.to}] is not a date.` };
  if (from >= to) return { ok: false, reason: `The window start (${from}) must be before its end (${to}).` };
  return {
    ok: true,
    query: replaceOrAdd(query, absolutePredicate, absolutePredicate()),
    description: `${from} to ${to}`,
    params: { [WINDOW_START_PARAM]: from, [WINDOW_END_PARAM]: to },
  };
}

/** The params of a window result in Elasticsearch's named form (`[{"_tstart": "…"}, …]`). */
export function windowParams(params: Record<string, string>): Record<string, string>[] {
  return Object.entries(params).map(([name, value]) => ({ [name]: value }));
}

export function describeRelative(quantity: number, unit: TimeUnit): string {
  return `last ${quantity} ${unit}${quantity === 1 ? '' : 's'}`;
}

/** ISO-8601 with a time zone (or a bare date, read as UTC) → canonical `…T…Z`; else undefined. */
function isoInstant(text: string): string | undefined {
  const shaped = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2}))?$/.test(text.trim());
  if (!shaped) return undefined;
  const ms = Date.parse(text.trim());
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

const timestamp = (): Column => ({ kind: 'column', name: '@timestamp', span: NO_SPAN });
const named = (name: string): Param => ({ kind: 'param', style: 'named', name, span: NO_SPAN });
const compare = (op: BinaryExpression['op'], left: Expression, right: Expression): BinaryExpression => ({
  kind: 'binary',
  op,
  left,
  right,
  span: NO_SPAN,
});

function absolutePredicate(): Expression {
  return compare('and', compare('>=', timestamp(), named(WINDOW_START_PARAM)), compare('<', timestamp(), named(WINDOW_END_PARAM)));
}

function relativePredicate(quantity: number, unit: TimeUnit): Expression {
  const now: Expression = { kind: 'function', name: 'now', args: [], span: NO_SPAN };
  const span: Expression = { kind: 'timeSpan', quantity, unit, unitText: unit, span: NO_SPAN };
  return compare('>', timestamp(), compare('-', now, span));
}

/** Every window-start predicate gets the new span; a query without one gains `@timestamp > now() - N unit`. */
function setRelative(query: Query, quantity: number, unit: TimeUnit): Query {
  const respan = (found: TimestampComparison) =>
    transformExpression(found.predicate, (e) => (e === found.span ? { ...found.span, quantity, unit, unitText: unit } : undefined));
  return replaceOrAdd(query, respan, relativePredicate(quantity, unit));
}

/**
 * Rewrites each WHERE's window-start conjuncts with `replace`; when no WHERE has one, adds
 * `WHERE missing` right after FROM. Only AND chains are descended: under OR/NOT a predicate is
 * not the query's window.
 */
function replaceOrAdd(query: Query, replace: (found: TimestampComparison) => Expression, missing: Expression): Query {
  if (windowPredicates(query).length === 0) return addAfterFrom(query, missing);
  const conjunct = (e: Expression): Expression => {
    const found = timestampComparison(e);
    return found && isWindowStart(found) ? replace(found) : e;
  };
  // Down the AND spine in a loop (a hunt may AND thousands of conditions); only a parenthesised
  // AND on the right recurses, and the parser bounds that nesting.
  const rewrite = (e: Expression): Expression => {
    if (e.kind !== 'binary' || e.op !== 'and') return conjunct(e);
    const { leaf, chain } = operatorSpine(e);
    let rebuilt = rewrite(leaf);
    for (const b of chain) rebuilt = { ...b, left: rebuilt, right: rewrite(b.right) };
    return rebuilt;
  };
  return { ...query, commands: query.commands.map((c) => (c.kind === 'where' ? { ...c, condition: rewrite(c.condition) } : c)) };
}

function addAfterFrom(query: Query, condition: Expression): Query {
  const where: Command = { kind: 'where', condition, span: NO_SPAN };
  const [from, ...rest] = query.commands;
  return { ...query, commands: [from, where, ...rest] };
}
