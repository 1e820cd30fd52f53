/**
 * A test-only query builder: writes ES|QL text and its analyzed form together (spans, types,
 * names, schemas), so engine tests run without depending on the parser and analyzer modules.
 * Its typing covers only what the tests use.
 */
import type { AnalyzedQuery, AnalyzedStep, BoundParam, ColumnSchema, AggregateField, Command, Expression, Field, FunctionCall, Literal, Param, Span, TimeUnit, EsqlType } from '../../esql';

type Ctx = { types: Map<Expression, EsqlType>; functions: Map<FunctionCall, string>; params: Map<Param, BoundParam>; schema: Map<string, EsqlType> };
/** An expression not yet placed: given its offset, it yields its node (typed in ctx). */
export type X = { text: string; build(offset: number, ctx: Ctx): Expression };

const FN_TYPES: Record<string, (args: EsqlType[]) => EsqlType> = {
  count: () => 'long',
  count_distinct: () => 'long',
  min: (a) => a[0],
  max: (a) => a[0],
  sum: (a) => (a[0] === 'double' ? 'double' : 'long'),
  avg: () => 'double',
  values: (a) => a[0],
  now: () => 'date',
  to_datetime: () => 'date',
  date_trunc: () => 'date',
  length: () => 'integer',
  mv_count: () => 'integer',
  to_integer: () => 'integer',
  to_long: () => 'long',
  to_double: () => 'double',
  to_ip: () => 'ip',
  case: (a) => a.filter((_, i) => i % 2 === 1 || i === a.length - 1).find((t) => t !== 'null') ?? 'null',
  coalesce: (a) => a.find((t) => t !== 'null') ?? 'null',
};
const BOOLEAN_FNS = new Set(['cidr_match', 'starts_with', 'ends_with', 'to_boolean']);

function typed(ctx: Ctx, e: Expression, t: EsqlType): Expression {
  ctx.types.set(e, t);
  return e;
}

const leaf = (text: string, make: (span: Span, ctx: Ctx) => Expression): X => ({ text, build: (o, ctx) => make({ start: o, end: o + text.length }, ctx) });

export const col = (name: string): X =>
  leaf(/^[\w.@]+$/.test(name) ? name : '`' + name + '`', (span, ctx) => typed(ctx, { kind: 'column', name, span }, ctx.schema.get(name) ?? 'null'));
export const str = (value: string): X => leaf(JSON.stringify(value), (span, ctx) => typed(ctx, { kind: 'literal', value: { type: 'string', value }, span }, 'keyword'));
export const int = (value: number): X =>
  leaf(String(value), (span, ctx) => typed(ctx, { kind: 'literal', value: { type: 'integer', value: BigInt(value) }, span }, Math.abs(value) > 2 ** 31 - 1 ? 'long' : 'integer'));
export const dbl = (value: number): X => leaf(String(value), (span, ctx) => typed(ctx, { kind: 'literal', value: { type: 'decimal', value }, span }, 'double'));
export const nul = (): X => leaf('null', (span, ctx) => typed(ctx, { kind: 'literal', value: { type: 'null' }, span }, 'null'));
export const bool = (value: boolean): X => leaf(String(value), (span, ctx) => typed(ctx, { kind: 'literal', value: { type: 'boolean', value }, span }, 'boolean'));
export const span = (quantity: number, unit: TimeUnit): X =>
  leaf(`${quantity} ${unit}`, (s, ctx) => typed(ctx, { kind: 'timeSpan', quantity, unit, unitText: unit, span: s }, ['hour', 'minute', 'second', 'millisecond'].includes(unit) ? 'time_duration' : 'date_period'));
export const param = (name: string, bound: BoundParam): X =>
  leaf(`?${name}`, (s, ctx) => {
    const p: Param = { kind: 'param', style: 'named', name, span: s };
    ctx.params.set(p, bound);
    return typed(ctx, p, bound.type);
  });
export const list = (...items: X[]): X => {
  const text = '[' + items.map((i) => i.text).join(', ') + ']';
  return {
    text,
    build(o, ctx) {
      let at = o + 1;
      const built = items.map((i) => {
        const n = i.build(at, ctx) as Literal;
        at += i.text.length + 2;
        return n;
      });
      return typed(ctx, { kind: 'list', items: built, span: { start: o, end: o + text.length } }, ctx.types.get(built[0]) ?? 'null');
    },
  };
};

/** Builds `parts` in sequence: strings are literal text, X are sub-expressions. */
function seq(parts: (string | X)[], make: (nodes: Expression[], span: Span, ctx: Ctx) => Expression): X {
  const text = parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');
  return {
    text,
    build(o, ctx) {
      let at = o;
      const nodes: Expression[] = [];
      for (const p of parts) {
        if (typeof p === 'string') at += p.length;
        else {
          nodes.push(p.build(at, ctx));
          at += p.text.length;
        }
      }
      return make(nodes, { start: o, end: o + text.length }, ctx);
    },
  };
}

export const bin = (left: X, op: '==' | '!=' | '<' | '<=' | '>' | '>=' | 'and' | 'or' | '+' | '-' | '*' | '/' | '%', right: X): X =>
  seq([left, ` ${op} `, right], ([l, r], s, ctx) => {
    const lt = ctx.types.get(l) ?? 'null';
    const rt = ctx.types.get(r) ?? 'null';
    let t: EsqlType = 'boolean';
    if (['+', '-', '*', '/', '%'].includes(op)) {
      t = [lt, rt].some((x) => x === 'date' || x === 'date_period' || x === 'time_duration') ? 'date' : lt === 'double' || rt === 'double' ? 'double' : lt === 'long' || rt === 'long' ? 'long' : lt === 'null' ? rt : lt;
    }
    return typed(ctx, { kind: 'binary', op, left: l, right: r, span: s }, t);
  });
export const not = (x: X): X => seq(['not ', x], ([n], s, ctx) => typed(ctx, { kind: 'unary', op: 'not', operand: n, span: s }, 'boolean'));
export const paren = (x: X): X => seq(['(', x, ')'], ([n]) => n);
export const isNull = (x: X, negated = false): X =>
  seq([x, negated ? ' is not null' : ' is null'], ([n], s, ctx) => typed(ctx, { kind: 'isNull', operand: n, negated, span: s }, 'boolean'));
export const inList = (x: X, items: X[], negated = false): X =>
  seq([x, negated ? ' not in (' : ' in (', ...items.flatMap((i, k) => (k ? [', ', i] : [i])), ')'], ([n, ...rest], s, ctx) =>
    typed(ctx, { kind: 'in', operand: n, list: rest, negated, span: s }, 'boolean'),
  );
export const like = (x: X, pattern: string, operator: 'like' | 'rlike' = 'like', negated = false): X =>
  seq([x, ` ${negated ? 'not ' : ''}${operator} `, str(pattern)], ([n, p], s, ctx) =>
    typed(ctx, { kind: 'like', operator, operand: n, patterns: [p], negated, listForm: false, span: s }, 'boolean'),
  );
export const fn = (name: string, ...args: X[]): X =>
  seq([`${name}(`, ...args.flatMap((a, k) => (k ? [', ', a] : [a])), ')'], (nodes, s, ctx) => {
    const lower = name.toLowerCase();
    const f: FunctionCall = { kind: 'function', name: lower, args: nodes, span: s };
    ctx.functions.set(f, lower === 'to_int' ? 'to_integer' : lower);
    const canonical = ctx.functions.get(f)!;
    const argTypes = nodes.map((n) => ctx.types.get(n) ?? 'null');
    const t = BOOLEAN_FNS.has(canonical) ? 'boolean' : (FN_TYPES[canonical]?.(argTypes) ?? 'keyword');
    return typed(ctx, f, t);
  });
export const countStar = (): X => leaf('count(*)', (s, ctx) => {
  const f: FunctionCall = { kind: 'function', name: 'count', args: [], star: true, span: s };
  ctx.functions.set(f, 'count');
  return typed(ctx, f, 'long');
});

type FieldSpec = X | [string, X];
type CommandSpec = { text: string; build(offset: number, ctx: Ctx, q: QueryParts): Command };
interface QueryParts {
  names: Map<Field, string>;
  steps: AnalyzedStep[];
}

function fields(specs: FieldSpec[], o: number, ctx: Ctx, q: QueryParts): { fields: AggregateField[]; text: string } {
  let at = o;
  let text = '';
  const out: AggregateField[] = [];
  specs.forEach((spec, k) => {
    if (k) {
      text += ', ';
      at += 2;
    }
    const [name, x] = Array.isArray(spec) ? spec : [undefined, spec];
    const prefix = name !== undefined ? `${name} = ` : '';
    const expression = x.build(at + prefix.length, ctx);
    const f: AggregateField = {
      kind: 'field',
      name: name !== undefined ? { kind: 'column', name, span: { start: at, end: at + name.length } } : undefined,
      expression,
      span: { start: at, end: at + prefix.length + x.text.length },
    };
    q.names.set(f, name ?? x.text);
    out.push(f);
    text += prefix + x.text;
    at += prefix.length + x.text.length;
  });
  return { fields: out, text };
}
const fieldsText = (specs: FieldSpec[]) => specs.map((s) => (Array.isArray(s) ? `${s[0]} = ${s[1].text}` : s.text)).join(', ');

export const row = (...specs: FieldSpec[]): CommandSpec => ({
  text: `row ${fieldsText(specs)}`,
  build: (o, ctx, q) => ({ kind: 'row', fields: fields(specs, o + 4, ctx, q).fields, span: { start: o, end: o + 4 } }),
});
export const from = (index: string, metadata: string[] = []): CommandSpec => {
  const meta = metadata.length ? ` metadata ${metadata.join(', ')}` : '';
  return {
    text: `from ${index}${meta}`,
    build: (o) => ({
      kind: 'from',
      sources: [{ kind: 'source', name: index, span: { start: o + 5, end: o + 5 + index.length } }],
      metadata: metadata.map((name) => ({ kind: 'column', name, span: { start: o, end: o } })),
      span: { start: o, end: o + 4 },
    }),
  };
};
export const where = (x: X): CommandSpec => ({ text: `where ${x.text}`, build: (o, ctx) => ({ kind: 'where', condition: x.build(o + 6, ctx), span: { start: o, end: o + 5 } }) });
export const evalCmd = (...specs: FieldSpec[]): CommandSpec => ({
  text: `eval ${fieldsText(specs)}`,
  build: (o, ctx, q) => ({ kind: 'eval', fields: fields(specs, o + 5, ctx, q).fields, span: { start: o, end: o + 4 } }),
});
export const stats = (aggs: FieldSpec[], by: FieldSpec[] = []): CommandSpec => {
  const aggText = fieldsText(aggs);
  const byText = by.length ? `${aggs.length ? ' ' : ''}by ${fieldsText(by)}` : '';
  return {
    text: `stats ${aggText}${byText}`,
    build: (o, ctx, q) => {
      const a = fields(aggs, o + 6, ctx, q).fields;
      const g = fields(by, o + 6 + aggText.length + (by.length ? (aggs.length ? 4 : 3) : 0), ctx, q).fields;
      return { kind: 'stats', aggregates: a, groupings: g, span: { start: o, end: o + 5 } };
    },
  };
};
export const sort = (...orders: [X, ('asc' | 'desc')?, ('first' | 'last')?][]): CommandSpec => {
  const parts = orders.map(([x, d, n]) => x.text + (d ? ` ${d}` : '') + (n ? ` nulls ${n}` : ''));
  return {
    text: `sort ${parts.join(', ')}`,
    build: (o, ctx) => {
      let at = o + 5;
      const built = orders.map(([x, direction, nulls], k) => {
        const expression = x.build(at, ctx);
        const s = { start: at, end: at + parts[k].length };
        at += parts[k].length + 2;
        return { kind: 'order' as const, expression, direction, nulls, span: s };
      });
      return { kind: 'sort', orders: built, span: { start: o, end: o + 4 } };
    },
  };
};
export const limit = (count: number): CommandSpec => ({ text: `limit ${count}`, build: (o) => ({ kind: 'limit', count, span: { start: o, end: o + 5 } }) });
export const keep = (...names: string[]): CommandSpec => ({
  text: `keep ${names.join(', ')}`,
  build: (o) => ({ kind: 'keep', columns: names.map((pattern) => ({ kind: 'columnPattern', pattern, span: { start: o, end: o } })), span: { start: o, end: o + 4 } }),
});
export const mvExpand = (name: string): CommandSpec => ({
  text: `mv_expand ${name}`,
  build: (o) => ({ kind: 'mvExpand', column: { kind: 'column', name, span: { start: o + 10, end: o + 10 + name.length } }, span: { start: o, end: o + 9 } }),
});
export const dissect = (input: X, pattern: string): CommandSpec => ({
  text: `dissect ${input.text} ${JSON.stringify(pattern)}`,
  build: (o, ctx) => ({ kind: 'dissect', input: input.build(o + 8, ctx), pattern, span: { start: o, end: o + 7 } }),
});

function outputOf(cmd: Command, input: ColumnSchema[], ctx: Ctx, q: QueryParts): ColumnSchema[] {
  const typeOf = (f: Field) => ctx.types.get(f.expression) ?? 'null';
  const upsert = (cols: ColumnSchema[], f: Field) => [...cols.filter((c) => c.name !== q.names.get(f)), { name: q.names.get(f)!, type: typeOf(f) }];
  switch (cmd.kind) {
    case 'row':
    case 'eval':
      return cmd.fields.reduce(upsert, input);
    case 'stats': {
      const all = [...cmd.aggregates, ...cmd.groupings].map((f) => ({ name: q.names.get(f)!, type: typeOf(f) }));
      return all.filter((c, i) => all.findIndex((d, j) => j > i && d.name === c.name) < 0);
    }
    case 'keep':
      return cmd.columns.flatMap((p) => input.filter((c) => c.name === p.pattern));
    case 'dissect': {
      const keys = [...cmd.pattern.matchAll(/%\{([^}?+&]*?)(?:->)?\}/g)].map((m) => m[1]).filter(Boolean);
      return [...input.filter((c) => !keys.includes(c.name)), ...keys.map((name) => ({ name, type: 'keyword' as const }))];
    }
    default:
      return input;
  }
}

/** The query text and its analyzed form. `schema` gives the FROM index's fields. */
export function buildQuery(commands: CommandSpec[], schema: Record<string, EsqlType> = {}): AnalyzedQuery {
  const text = commands.map((c) => c.text).join(' | ');
  const ctx: Ctx = { types: new Map(), functions: new Map(), params: new Map(), schema: new Map(Object.entries(schema)) };
  const q: QueryParts = { names: new Map(), steps: [] };
  let at = 0;
  let input: ColumnSchema[] = [];
  const built: Command[] = [];
  const sourceFields = Object.entries(schema).map(([name, type]) => ({ name, type })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const spec of commands) {
    const cmd = spec.build(at, ctx, q);
    const output = cmd.kind === 'from' ? [...sourceFields, ...cmd.metadata.map((m) => ({ name: m.name, type: 'keyword' as const }))] : outputOf(cmd, input, ctx, q);
    q.steps.push({ command: cmd, input, output });
    output.forEach((c) => ctx.schema.set(c.name, c.type));
    input = output;
    built.push(cmd);
    at += spec.text.length + 3;
  }
  const hasLimit = built.some((c) => c.kind === 'limit');
  return {
    query: { kind: 'query', commands: built, span: { start: 0, end: text.length } },
    text,
    steps: q.steps,
    types: ctx.types,
    names: q.names,
    functions: ctx.functions,
    params: ctx.params,
    sources: built[0]?.kind === 'from' ? { indices: [], fields: sourceFields } : undefined,
    implicitLimit: hasLimit ? { count: 10000 } : { count: 1000, warning: 'No limit defined, adding default limit of [1000]' },
    output: input,
  };
}
