/**
 * Test-only builders that write ES|QL text and its AST together (with exact spans), so analyzer
 * tests do not depend on the parser. `q(from(...), where(...))` gives `{ query, text }`.
 */
import type {
  AggregateField,
  BinaryOperator,
  Command,
  Expression,
  Field,
  Literal,
  Param,
  Query,
  Span,
  TimeUnit,
} from '../ast';
import type { ResolvedField, SourceResolver } from '../types';

/** Something that prints as `text` and builds its node when told where it starts. */
export interface B<T> {
  text: string;
  build(offset: number): T;
}
export type X = B<Expression>;
type Part = string | B<unknown>;

const sp = (start: number, text: string): Span => ({ start, end: start + text.length });

/** Lays out `parts` in order; `make` receives the built sub-nodes and the whole span. */
function seq<T>(parts: Part[], make: (nodes: unknown[], span: Span) => T): B<T> {
  const text = parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');
  return {
    text,
    build(offset) {
      let at = offset;
      const nodes: unknown[] = [];
      for (const p of parts) {
        if (typeof p === 'string') at += p.length;
        else {
          nodes.push(p.build(at));
          at += p.text.length;
        }
      }
      return make(nodes, sp(offset, text));
    },
  };
}

const leaf = <T>(text: string, make: (span: Span) => T): B<T> => ({ text, build: (o) => make(sp(o, text)) });
function joined(items: Part[], sep: string): Part[] {
  return items.flatMap((item, i) => (i === 0 ? [item] : [sep, item]));
}

// expressions
export const col = (name: string, written = /^[\w.@]+$/.test(name) ? name : '`' + name + '`'): X =>
  leaf(written, (span) => ({ kind: 'column', name, span }));
const lit = (text: string, value: Literal['value']) => leaf<Literal>(text, (span) => ({ kind: 'literal', value, span }));
export const str = (v: string) => lit(JSON.stringify(v), { type: 'string', value: v });
export const int = (v: number | bigint) => lit(String(v), { type: 'integer', value: BigInt(v) });
export const dbl = (v: number) => lit(String(v).includes('.') ? String(v) : `${v}.0`, { type: 'decimal', value: v });
export const bool = (v: boolean) => lit(String(v), { type: 'boolean', value: v });
export const nul = () => lit('null', { type: 'null' });
export const list = (...items: B<Literal>[]): X =>
  seq(['[', ...joined(items, ', '), ']'], (nodes, span) => ({ kind: 'list', items: nodes as Literal[], span }));
export const span = (quantity: number, unit: TimeUnit, unitText: string = unit): X =>
  leaf(`${quantity} ${unitText}`, (s) => ({ kind: 'timeSpan', quantity, unit, unitText, span: s }));
export const named = (name: string): X => leaf(`?${name}`, (s): Param => ({ kind: 'param', style: 'named', name, span: s }));
export const positional = (index: number): X => leaf(`?${index}`, (s): Param => ({ kind: 'param', style: 'positional', index, span: s }));
export const anon = (index: number): X => leaf('?', (s): Param => ({ kind: 'param', style: 'anonymous', index, span: s }));
export const fn = (written: string, ...args: X[]): X =>
  seq([`${written}(`, ...joined(args, ', '), ')'], (nodes, span) => ({ kind: 'function', name: written.toLowerCase(), args: nodes as Expression[], span }));
export const countStar = (written = 'count'): X =>
  leaf(`${written}(*)`, (span) => ({ kind: 'function', name: written.toLowerCase(), args: [], star: true, span }));
export const bin = (left: X, op: BinaryOperator, right: X): X =>
  seq([left, ` ${op} `, right], ([l, r], span) => ({ kind: 'binary', op, left: l as Expression, right: r as Expression, span }));
export const and = (l: X, r: X) => bin(l, 'and', r);
export const not = (x: X): X => seq(['not ', x], ([operand], span) => ({ kind: 'unary', op: 'not', operand: operand as Expression, span }));
export const neg = (x: X): X => seq(['-', x], ([operand], span) => ({ kind: 'unary', op: '-', operand: operand as Expression, span }));
export const isNull = (x: X, negated = false): X =>
  seq([x, negated ? ' is not null' : ' is null'], ([operand], span) => ({ kind: 'isNull', operand: operand as Expression, negated, span }));
export const inList = (x: X, items: X[], negated = false): X =>
  seq([x, negated ? ' not in (' : ' in (', ...joined(items, ', '), ')'], ([operand, ...rest], span) => ({
    kind: 'in',
    operand: operand as Expression,
    list: rest as Expression[],
    negated,
    span,
  }));
export const like = (x: X, pattern: string, operator: 'like' | 'rlike' = 'like'): X =>
  seq([x, ` ${operator} `, str(pattern)], ([operand, p], span) => ({
    kind: 'like',
    operator,
    operand: operand as Expression,
    patterns: [p as Expression],
    negated: false,
    listForm: false,
    span,
  }));
export const cast = (x: X, targetType: string): X =>
  seq([x, `::${targetType}`], ([operand], span) => ({ kind: 'cast', operand: operand as Expression, targetType: targetType.toLowerCase(), span }));

// fields
const FIELD_BUILDERS = new WeakSet<object>();
function registered<T extends object>(f: T): T {
  FIELD_BUILDERS.add(f);
  return f;
}
/** `name = x`, or the bare expression `x` when no name is given. */
export const field = (x: X, name?: string): B<Field> =>
  registered(
    name === undefined
      ? seq([x], ([e], span) => ({ kind: 'field', expression: e as Expression, span }))
      : seq([col(name), ' = ', x], ([n, e], span) => ({ kind: 'field', name: n as Field['name'], expression: e as Expression, span })),
  );
export const as = field;
/** A STATS aggregate with an optional `WHERE` filter. */
export const agg = (x: X, name?: string, filter?: X): B<AggregateField> => {
  const base = field(x, name);
  if (!filter) return base;
  return registered(seq([base, ' where ', filter], ([f, cond], span) => ({ ...(f as Field), filter: cond as Expression, span })));
};
const asField = (f: X | B<Field>): B<Field> => (FIELD_BUILDERS.has(f) ? (f as B<Field>) : field(f as X));

// commands
const pattern = (p: string) => leaf(p, (s) => ({ kind: 'columnPattern' as const, pattern: p, span: s }));
export const from = (sources: string[], metadata: string[] = []): B<Command> =>
  seq(
    [
      'from ',
      ...joined(sources.map((s) => leaf(s, (span) => ({ kind: 'source', name: s, span }))), ', '),
      ...(metadata.length ? [' metadata ', ...joined(metadata.map((m) => col(m)), ', ')] : []),
    ],
    (nodes, span) => ({
      kind: 'from',
      sources: nodes.slice(0, sources.length) as never,
      metadata: nodes.slice(sources.length) as never,
      span,
    }),
  );
export const row = (...fields: (X | B<Field>)[]): B<Command> =>
  seq(['row ', ...joined(fields.map(asField), ', ')], (nodes, span) => ({ kind: 'row', fields: nodes as Field[], span }));
export const where = (x: X): B<Command> => seq(['where ', x], ([c], span) => ({ kind: 'where', condition: c as Expression, span }));
export const evalc = (...fields: (X | B<Field>)[]): B<Command> =>
  seq(['eval ', ...joined(fields.map(asField), ', ')], (nodes, span) => ({ kind: 'eval', fields: nodes as Field[], span }));
export const stats = (aggs: (X | B<Field>)[], groupings: (X | B<Field>)[] = []): B<Command> => {
  const a = aggs.map(asField);
  const g = groupings.map(asField);
  return seq(['stats ', ...joined(a, ', '), ...(g.length ? [' by ', ...joined(g, ', ')] : [])], (nodes, span) => ({
    kind: 'stats',
    aggregates: nodes.slice(0, a.length) as AggregateField[],
    groupings: nodes.slice(a.length) as Field[],
    span,
  }));
};
export const sort = (...orders: [X, ('asc' | 'desc')?][]): B<Command> =>
  seq(
    ['sort ', ...joined(orders.map(([x, dir]) => seq([x, dir ? ` ${dir}` : ''], ([e], s) => ({ kind: 'order' as const, expression: e as Expression, direction: dir, span: s }))), ', ')],
    (nodes, span) => ({ kind: 'sort', orders: nodes as never, span }),
  );
export const limit = (n: number): B<Command> => leaf(`limit ${n}`, (span) => ({ kind: 'limit', count: n, span }));
export const keep = (...ps: string[]): B<Command> =>
  seq(['keep ', ...joined(ps.map(pattern), ', ')], (nodes, span) => ({ kind: 'keep', columns: nodes as never, span }));
export const drop = (...ps: string[]): B<Command> =>
  seq(['drop ', ...joined(ps.map(pattern), ', ')], (nodes, span) => ({ kind: 'drop', columns: nodes as never, span }));
export const rename = (...pairs: [string, string][]): B<Command> =>
  seq(
    ['rename ', ...joined(pairs.map(([f, t]) => seq([pattern(f), ' as ', col(t)], ([a, b], s) => ({ kind: 'rename' as const, from: a as never, to: b as never, syntax: 'as' as const, span: s }))), ', ')],
    (nodes, span) => ({ kind: 'renameCommand', renames: nodes as never, span }),
  );
export const mvExpand = (name: string): B<Command> => seq(['mv_expand ', col(name)], ([c], span) => ({ kind: 'mvExpand', column: c as never, span }));
export const dissect = (x: X, p: string): B<Command> =>
  seq(['dissect ', x, ' ', JSON.stringify(p)], ([input], span) => ({ kind: 'dissect', input: input as Expression, pattern: p, span }));
export const grok = (x: X, p: string, ...alternatives: string[]): B<Command> =>
  seq(['grok ', x, ' ', [p, ...alternatives].map((s) => JSON.stringify(s)).join(', ')], ([input], span) =>
    alternatives.length ? { kind: 'grok', input: input as Expression, pattern: p, alternatives, span } : { kind: 'grok', input: input as Expression, pattern: p, span });
export const enrich = (policy: string): B<Command> => leaf(`enrich ${policy}`, (span) => ({ kind: 'enrich', policy, with: [], span }));

/** The query and its text: commands joined by ` | `. */
export function q(...commands: B<Command>[]): { query: Query; text: string } {
  const whole = seq(joined(commands, ' | '), (nodes, span): Query => ({ kind: 'query', commands: nodes as Command[], span }));
  return { query: whole.build(0), text: whole.text };
}

/** A resolver over named indices, each a list of `[name, type]` fields (wildcards in patterns). */
export function resolverOf(indices: Record<string, ResolvedField[]>): SourceResolver {
  return (patterns) => {
    const matched = new Set<string>();
    for (const p of patterns) {
      const re = new RegExp('^' + p.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
      const hits = Object.keys(indices).filter((i) => re.test(i));
      if (hits.length === 0) return { unknown: p };
      hits.forEach((h) => matched.add(h));
    }
    const fields = new Map<string, ResolvedField>();
    for (const index of matched) for (const f of indices[index]) if (!fields.has(f.name)) fields.set(f.name, f);
    return { indices: [...matched].sort(), fields: [...fields.values()] };
  };
}
