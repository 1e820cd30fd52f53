import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command, Expression, Field, Literal, Query, Rename, TimeUnit } from '../ast';
import { positionOf } from '../errors';
import { parse } from './parse';
import { print } from '../syntax/printer';
import { RESERVED_WORDS, TIME_UNITS } from '../syntax/tokens';
import { withoutSpans } from '../syntax/walker';

const SPAN = { start: 0, end: 0 };

// ---------------------------------------------------------------------------------------------
// (1) parse never throws and errors are positioned inside the text

const VALID = [
  'from logs-* | where a == 1 and not b is null | stats c = count(*) by h | sort c desc | limit 10',
  'row x = [1, 2], y = "s\\"q" | eval z = x::string, t = 7 days | keep x, y*',
  'from a, "b c" metadata _id | where x like ("a*", "b*") or y not in (1, -2.5, ?p) | drop z',
  'from a | dissect m "%{a} %{b}" append_separator = "," | grok m "%{IP:ip}" | rename a as b, c = d',
  'from a /* c */ | // line\n where `q``x`.y >= ?1 | enrich p on k with n = f, g | mv_expand v',
  'from a | stats m = max(x) where x > 1, count() by b = bucket(@timestamp, 1 hour) | sort m nulls first',
];

const TOKENS = [
  '|', 'from', 'row', 'where', 'eval', 'stats', 'by', 'sort', 'limit', 'keep', 'drop', 'rename', 'as', 'enrich', 'on', 'with',
  'dissect', 'grok', 'mv_expand', 'metadata', '(', ')', '[', ']', '{', '}', ',', '.', '=', '==', '!=', '<', '>=', '+', '-',
  '*', '/', '%', '::', ':', 'and', 'or', 'not', 'is', 'null', 'in', 'like', 'rlike', 'true', '"', '"""', '`', '\\', '?',
  '?x', '?1', '1', '1.5', '.5', '1e', 'day', 'x', '@', '_', '/*', '*/', '//', '\n', '\r\n', ' ', '#', '$', '\u00e9', '😀',
];

function checkNeverThrows(text: string): void {
  let result: ReturnType<typeof parse> | undefined;
  expect(() => {
    result = parse(text);
  }).not.toThrow();
  if (!result || result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const e of result.errors) {
    expect(e.span.start).toBeGreaterThanOrEqual(0);
    expect(e.span.start).toBeLessThanOrEqual(text.length);
    expect({ line: e.line, column: e.column }).toEqual(positionOf(text, e.span.start));
  }
}

type Mutation = { at: number; op: 'insert' | 'delete' | 'replace'; piece: string; chars: boolean };

function mutate(text: string, mutations: Mutation[]): string {
  let s = text;
  for (const m of mutations) {
    const at = s.length === 0 ? 0 : m.at % (s.length + 1);
    const width = m.chars ? 1 : Math.max(1, /^\S+/.exec(s.slice(at))?.[0].length ?? 1);
    if (m.op === 'insert') s = s.slice(0, at) + m.piece + s.slice(at);
    else if (m.op === 'delete') s = s.slice(0, at) + s.slice(at + width);
    else s = s.slice(0, at) + m.piece + s.slice(at + width);
  }
  return s;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('insert', 'delete', 'replace'),
  piece: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 3 })),
  chars: fc.boolean(),
});

describe('parse never throws', () => {
  it('on random strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60, unit: 'binary' }), checkNeverThrows), { numRuns: 2000 });
  });

  it('on random token soups', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }), (parts) => checkNeverThrows(parts.join(' '))), { numRuns: 2000 });
  });

  it('on mutations of valid queries', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (q, ms) => checkNeverThrows(mutate(q, ms))),
      { numRuns: 3000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// (2) parse(print(ast)) equals the generated AST

const identArb = fc
  .stringMatching(/^[a-z][a-z0-9_]{0,6}$/)
  .filter((s) => !RESERVED_WORDS.has(s) && !TIME_UNITS.has(s));
const oddNameArb = fc.constantFrom('COUNT(*)', 'a b', 'weird`tick', 'first', 'not', '1x', 'x-y', 'é');
const columnNameArb = fc.oneof(
  { weight: 4, arbitrary: fc.array(identArb, { minLength: 1, maxLength: 3 }).map((p) => p.join('.')) },
  { weight: 1, arbitrary: fc.constantFrom('@timestamp', '_index', 'host.@x') },
  { weight: 1, arbitrary: oddNameArb },
);

const literalArb: fc.Arbitrary<Literal> = fc
  .oneof(
    fc.constant({ type: 'null' as const }),
    fc.boolean().map((value) => ({ type: 'boolean' as const, value })),
    fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((value) => ({ type: 'integer' as const, value })),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0)).map((value) => ({ type: 'decimal' as const, value })),
    fc.string({ maxLength: 8 }).map((value) => ({ type: 'string' as const, value })),
  )
  .map((value) => ({ kind: 'literal', value, span: SPAN }) as Literal);

const lit = (value: Literal['value']): Literal => ({ kind: 'literal', value, span: SPAN });
const listArb: fc.Arbitrary<Expression> = fc
  .oneof(
    fc.array(fc.oneof(fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }).map((value) => lit({ type: 'integer', value })), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((v) => !Object.is(v, -0)).map((value) => lit({ type: 'decimal', value }))), { minLength: 1, maxLength: 3 }),
    fc.array(fc.boolean().map((value) => lit({ type: 'boolean', value })), { minLength: 1, maxLength: 3 }),
    fc.array(fc.string({ maxLength: 4 }).map((value) => lit({ type: 'string', value })), { minLength: 1, maxLength: 3 }),
  )
  .map((items) => ({ kind: 'list', items, span: SPAN }));
const stringLit = (value: string): Literal => ({ kind: 'literal', value: { type: 'string', value }, span: SPAN });
const column = (name: string) => ({ kind: 'column' as const, name, span: SPAN });

const UNIT_SPELLINGS = [...TIME_UNITS.entries()];

const leafArb: fc.Arbitrary<Expression> = fc.oneof(
  { weight: 3, arbitrary: literalArb },
  { weight: 3, arbitrary: columnNameArb.map(column) },
  { weight: 1, arbitrary: listArb },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: -500, max: 500 }), fc.constantFrom(...UNIT_SPELLINGS), fc.boolean()).map(
      ([quantity, [spelling, unit], upper]) => ({ kind: 'timeSpan' as const, quantity, unit: unit as TimeUnit, unitText: upper ? spelling.toUpperCase() : spelling, span: SPAN }),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.oneof(
      identArb.map((name) => ({ kind: 'param' as const, style: 'named' as const, name, span: SPAN })),
      fc.integer({ min: 1, max: 30 }).map((index) => ({ kind: 'param' as const, style: 'positional' as const, index, span: SPAN })),
    ),
  },
);

const { expr: exprArb } = fc.letrec<{ expr: Expression }>((tie) => {
  const e = tie('expr');
  return {
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leafArb,
      fc.tuple(fc.constantFrom('not', '-', '+'), e).map(([op, operand]) => ({ kind: 'unary', op, operand, span: SPAN }) as Expression),
      fc.tuple(fc.constantFrom('+', '-', '*', '/', '%', '==', '!=', '<', '<=', '>', '>=', 'and', 'or'), e, e)
        .map(([op, left, right]) => ({ kind: 'binary', op, left, right, span: SPAN }) as Expression),
      fc.tuple(e, fc.boolean()).map(([operand, negated]) => ({ kind: 'isNull', operand, negated, span: SPAN }) as Expression),
      fc.tuple(e, fc.array(e, { minLength: 1, maxLength: 3 }), fc.boolean())
        .map(([operand, list, negated]) => ({ kind: 'in', operand, list, negated, span: SPAN }) as Expression),
      fc.tuple(e, fc.constantFrom('like', 'rlike'), fc.array(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 3 }), fc.boolean(), fc.boolean())
        .map(([operand, operator, pats, negated, listForm]) => ({
          kind: 'like', operator, operand, negated, listForm,
          patterns: (listForm ? pats : pats.slice(0, 1)).map(stringLit), span: SPAN,
        }) as Expression),
      fc.tuple(e, fc.constantFrom('ip', 'long', 'double', 'datetime', 'keyword'))
        .map(([operand, targetType]) => ({ kind: 'cast', operand, targetType, span: SPAN }) as Expression),
      fc.tuple(identArb, fc.array(e, { maxLength: 3 }))
        .map(([name, args]) => ({ kind: 'function', name, args, span: SPAN }) as Expression),
      fc.constant({ kind: 'function', name: 'count', args: [], star: true, span: SPAN } as Expression),
    ),
  };
});

const fieldArb: fc.Arbitrary<Field> = fc.tuple(fc.option(columnNameArb, { nil: undefined }), exprArb).map(([name, expression]) =>
  name === undefined ? { kind: 'field', expression, span: SPAN } : { kind: 'field', name: column(name), expression, span: SPAN },
);
const patternArb = fc.oneof(
  fc.array(fc.oneof(identArb, fc.constant('*'), identArb.map((s) => `${s}*`)), { minLength: 1, maxLength: 3 }).map((p) => p.join('.')),
  fc.constantFrom('COUNT(*)', '@timestamp'),
);
const patternsArb = fc.array(patternArb, { minLength: 1, maxLength: 3 }).map((ps) => ps.map((pattern) => ({ kind: 'columnPattern' as const, pattern, span: SPAN })));
const renameArb = (syntaxes: Rename['syntax'][]) =>
  fc.tuple(identArb, identArb, fc.constantFrom(...syntaxes)).map(
    ([from, to, syntax]): Rename => ({ kind: 'rename', from: { kind: 'columnPattern', pattern: from, span: SPAN }, to: column(to), syntax, span: SPAN }),
  );
const sourceNameArb = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9.*-]{0,10}(:[a-z*-]{1,5})?$/), fc.constantFrom('my index', 'metadata', 'a|b'));

const sourceCommandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.tuple(fc.array(sourceNameArb, { minLength: 1, maxLength: 3 }), fc.subarray(['_id', '_index', '_score'])).map(([names, meta]) => ({
    kind: 'from', sources: names.map((name) => ({ kind: 'source' as const, name, span: SPAN })), metadata: meta.map(column), span: SPAN,
  }) as Command),
  fc.array(fieldArb, { minLength: 1, maxLength: 3 }).map((fields) => ({ kind: 'row', fields, span: SPAN }) as Command),
);

const processingCommandArb: fc.Arbitrary<Command> = fc.oneof(
  exprArb.map((condition) => ({ kind: 'where', condition, span: SPAN }) as Command),
  fc.array(fieldArb, { minLength: 1, maxLength: 3 }).map((fields) => ({ kind: 'eval', fields, span: SPAN }) as Command),
  fc.tuple(fc.array(fc.tuple(fieldArb, fc.option(exprArb, { nil: undefined })), { maxLength: 3 }), fc.array(fieldArb, { maxLength: 2 }))
    .map(([aggs, groupings]) => ({
      kind: 'stats',
      aggregates: aggs.map(([f, filter]) => (filter ? { ...f, filter } : f)),
      groupings,
      span: SPAN,
    }) as Command),
  fc.array(fc.tuple(exprArb, fc.constantFrom(undefined, 'asc', 'desc'), fc.constantFrom(undefined, 'first', 'last')), { minLength: 1, maxLength: 3 })
    .map((orders) => ({
      kind: 'sort',
      orders: orders.map(([expression, direction, nulls]) => ({ kind: 'order', expression, ...(direction ? { direction } : {}), ...(nulls ? { nulls } : {}), span: SPAN })),
      span: SPAN,
    }) as Command),
  fc.nat({ max: 100000 }).map((count) => ({ kind: 'limit', count, span: SPAN }) as Command),
  patternsArb.map((columns) => ({ kind: 'keep', columns, span: SPAN }) as Command),
  patternsArb.map((columns) => ({ kind: 'drop', columns, span: SPAN }) as Command),
  fc.array(renameArb(['as', 'assign']), { minLength: 1, maxLength: 3 }).map((renames) => ({ kind: 'renameCommand', renames, span: SPAN }) as Command),
  columnNameArb.map((name) => ({ kind: 'mvExpand', column: column(name), span: SPAN }) as Command),
  fc.tuple(exprArb, fc.string({ maxLength: 10 }), fc.option(fc.string({ maxLength: 3 }), { nil: undefined })).map(([input, pattern, sep]) =>
    ({ kind: 'dissect', input, pattern, ...(sep === undefined ? {} : { appendSeparator: sep }), span: SPAN }) as Command),
  fc.tuple(exprArb, fc.string({ maxLength: 10 })).map(([input, pattern]) => ({ kind: 'grok', input, pattern, span: SPAN }) as Command),
  fc.tuple(fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/), fc.option(identArb, { nil: undefined }), fc.array(renameArb(['assign']), { maxLength: 2 }), fc.array(identArb, { maxLength: 2 }))
    .map(([policy, on, assigned, bare]) => ({
      kind: 'enrich', policy, ...(on ? { on: column(on) } : {}),
      with: [...assigned, ...bare.map((n): Rename => ({ kind: 'rename', from: { kind: 'columnPattern', pattern: n, span: SPAN }, to: column(n), syntax: 'as', span: SPAN }))],
      span: SPAN,
    }) as Command),
);

const queryArb: fc.Arbitrary<Query> = fc.tuple(sourceCommandArb, fc.array(processingCommandArb, { maxLength: 4 }))
  .map(([first, rest]) => ({ kind: 'query', commands: [first, ...rest], span: SPAN }));

describe('printer/parser round trip on generated ASTs', () => {
  it('parse(print(expression)) equals the expression', () => {
    fc.assert(
      fc.property(exprArb, (e) => {
        const text = print({ kind: 'query', commands: [{ kind: 'where', condition: e, span: SPAN }], span: SPAN }).replace(/^/, 'FROM i | ');
        const r = parse(text);
        if (!r.ok) throw new Error(`${r.errors[0].message} in ${text}`);
        expect(withoutSpans((r.query.commands[1] as { condition: Expression }).condition)).toEqual(withoutSpans(e));
      }),
      { numRuns: 1500 },
    );
  });

  it('parse(print(query)) equals the query', () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const text = print(q);
        const r = parse(text);
        if (!r.ok) throw new Error(`${r.errors[0].message} in ${text}`);
        expect(withoutSpans(r.query)).toEqual(withoutSpans(q));
      }),
      { numRuns: 600 },
    );
  });
});
