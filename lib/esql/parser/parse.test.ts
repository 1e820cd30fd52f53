import { describe, expect, it } from 'vitest';
import type { Command, Expression, Query } from '../ast';
import { formatError } from '../errors';
import { parse, parseExpression } from './parse';
import { print } from '../syntax/printer';
import { withoutSpans } from '../syntax/walker';
import { SEED_ALL_USERS as SEED } from '../testing/seed-queries';

function query(text: string): Query {
  const r = parse(text);
  if (!r.ok) throw new Error(formatError(r.errors[0]));
  return r.query;
}

function expression(text: string): Expression {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(formatError(r.errors[0]));
  return r.expression;
}

/** The printed form shows the tree shape compactly: parentheses appear only where needed. */
const shape = (text: string) => print(expression(text));

function firstError(text: string) {
  const r = parse(text);
  expect(r.ok).toBe(false);
  if (r.ok) throw new Error('parsed');
  return r.errors[0];
}

describe('seed queries', () => {
  it('parse to the expected shape', () => {
    const q = query(SEED);
    expect(q.commands.map((c) => c.kind)).toEqual(['from', 'where', 'where', 'stats', 'where', 'limit', 'sort']);
    const [from, since, filter, stats, , limit, sort] = q.commands as [Command, ...Command[]];
    expect(from).toMatchObject({ kind: 'from', sources: [{ name: 'logs-endpoint.events.network-*' }], metadata: [] });
    expect(print(since)).toBe('WHERE @timestamp > NOW() - 7 day');
    if (filter.kind !== 'where') throw new Error();
    // A left-deep AND chain whose last two conjuncts are the NOTs.
    const c = filter.condition;
    expect(c).toMatchObject({ kind: 'binary', op: 'and', right: { kind: 'unary', op: 'not', operand: { kind: 'function', name: 'cidr_match' } } });
    if (c.kind !== 'binary' || c.left.kind !== 'binary') throw new Error();
    expect(c.left.right).toMatchObject({ kind: 'unary', op: 'not', operand: { kind: 'isNull', negated: false, operand: { kind: 'column', name: 'process.name' } } });
    const cidr = (c.right as { operand: { args: Expression[] } }).operand.args;
    expect(cidr).toHaveLength(27);
    expect(stats).toMatchObject({
      kind: 'stats',
      aggregates: [
        { name: { name: 'connection_count' }, expression: { kind: 'function', name: 'count', star: true, args: [] } },
        { name: { name: 'unique_agent_count' }, expression: { kind: 'function', name: 'count_distinct', args: [{ kind: 'column', name: 'agent.id' }] } },
      ],
      groupings: [{ expression: { kind: 'column', name: 'process.name' } }],
    });
    expect(limit).toMatchObject({ kind: 'limit', count: 100 });
    expect(sort).toMatchObject({ orders: [{ expression: { name: 'connection_count' } }, { expression: { name: 'unique_agent_count' }, direction: 'asc' }] });
    expect((sort as { orders: { direction?: string }[] }).orders[0].direction).toBeUndefined();
  });

  it('parses the root-only variant', () => {
    const root = SEED.replace('event.action == "connection_attempted"', 'event.action == "connection_attempted" and user.id == "0"');
    expect(print(query(root))).toContain('event.action == "connection_attempted" AND user.id == "0" AND NOT process.name IS NULL');
  });
});

describe('literals', () => {
  it.each([
    ['null', { type: 'null' }],
    ['TRUE', { type: 'boolean', value: true }],
    ['false', { type: 'boolean', value: false }],
    ['42', { type: 'integer', value: 42n }],
    ['9223372036854775807', { type: 'integer', value: 9223372036854775807n }],
    ['1.5', { type: 'decimal', value: 1.5 }],
    ['.5', { type: 'decimal', value: 0.5 }],
    ['1e3', { type: 'decimal', value: 1000 }],
    ['2.5E-1', { type: 'decimal', value: 0.25 }],
    ['-3', { type: 'integer', value: -3n }],
    ['+3', { type: 'integer', value: 3n }],
    ['"a\\"b\\\\c\\nd\\re\\tf"', { type: 'string', value: 'a"b\\c\nd\re\tf' }],
    ['"""raw \\n "quoted" text"""', { type: 'string', value: 'raw \\n "quoted" text' }],
  ])('%s', (text, value) => {
    expect(expression(text)).toMatchObject({ kind: 'literal', value });
  });

  it('lists', () => {
    expect(withoutSpans(expression('[1, -2, 3]'))).toMatchObject({ kind: 'list', items: [{ value: { value: 1n } }, { value: { value: -2n } }, { value: { value: 3n } }] });
    expect(expression('["a", "b"]')).toMatchObject({ kind: 'list', items: [{ value: { value: 'a' } }, { value: { value: 'b' } }] });
    expect(expression('[1, 2.5, +3]')).toMatchObject({ kind: 'list', items: [{ value: { type: 'integer' } }, { value: { type: 'decimal' } }, { value: { value: 3n } }] });
    expect(expression('[true, false]')).toMatchObject({ kind: 'list', items: [{ value: { value: true } }, { value: { value: false } }] });
  });

  it('lists are non-empty, of one kind, without null', () => {
    expect(firstError('row a = []')).toMatchObject({ column: 10, message: expect.stringMatching(/^mismatched input '\]' expecting \{QUOTED_STRING/) });
    expect(firstError('row a = [1, "x"]')).toMatchObject({ column: 13, message: "mismatched input '\"x\"' expecting {INTEGER_LITERAL, DECIMAL_LITERAL, '+', '-'}" });
    expect(firstError('row a = [null]')).toMatchObject({ column: 10 });
  });

  it.each([
    ['7 day', 7, 'day', 'day'], ['7 days', 7, 'day', 'days'], ['7d', 7, 'day', 'd'], ['7 d', 7, 'day', 'd'],
    ['1 HOUR', 1, 'hour', 'HOUR'], ['2 years', 2, 'year', 'years'], ['1y', 1, 'year', 'y'], ['1 yr', 1, 'year', 'yr'],
    ['1 quarter', 1, 'quarter', 'quarter'], ['3q', 3, 'quarter', 'q'], ['1 mo', 1, 'month', 'mo'], ['2 months', 2, 'month', 'months'],
    ['1w', 1, 'week', 'w'], ['2 weeks', 2, 'week', 'weeks'], ['5 h', 5, 'hour', 'h'], ['5 min', 5, 'minute', 'min'],
    ['5m', 5, 'minute', 'm'], ['10 minutes', 10, 'minute', 'minutes'], ['30 sec', 30, 'second', 'sec'], ['30s', 30, 'second', 's'],
    ['1 second', 1, 'second', 'second'], ['100 ms', 100, 'millisecond', 'ms'], ['1 millisecond', 1, 'millisecond', 'millisecond'],
    ['-7 days', -7, 'day', 'days'],
  ])('time span %s', (text, quantity, unit, unitText) => {
    expect(expression(text)).toMatchObject({ kind: 'timeSpan', quantity, unit, unitText });
  });

  it('rejects an unknown unit and a decimal quantity', () => {
    expect(firstError('row x = 7 fortnights')).toMatchObject({ line: 1, column: 9, message: "Unexpected temporal unit: 'fortnights'" });
    expect(firstError('row x = 1.5 days').message).toBe("mismatched input 'days' expecting {<EOF>, '|', ',', 'and', 'or', '::', '==', '!=', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', 'is', 'in', 'like', 'rlike', 'not'}");
  });

  it('params', () => {
    const q = query('row a = ?, b = ?2, c = ?name, d = ?');
    const values = (q.commands[0] as { fields: { expression: Expression }[] }).fields.map((f) => withoutSpans(f.expression));
    expect(values).toMatchObject([
      { kind: 'param', style: 'anonymous', index: 1 },
      { kind: 'param', style: 'positional', index: 2 },
      { kind: 'param', style: 'named', name: 'name' },
      { kind: 'param', style: 'anonymous', index: 2 },
    ]);
  });
});

describe('columns and functions', () => {
  it('dotted, @ and back-quoted names', () => {
    expect(expression('host.os.type')).toMatchObject({ kind: 'column', name: 'host.os.type' });
    expect(expression('@timestamp')).toMatchObject({ kind: 'column', name: '@timestamp' });
    expect(expression('_index')).toMatchObject({ kind: 'column', name: '_index' });
    expect(expression('`COUNT(*)`')).toMatchObject({ kind: 'column', name: 'COUNT(*)' });
    expect(expression('`a``b`.c')).toMatchObject({ kind: 'column', name: 'a`b.c' });
  });

  it('calls store lower-case names', () => {
    expect(expression('COUNT(*)')).toMatchObject({ kind: 'function', name: 'count', star: true, args: [] });
    expect(expression('count()')).toMatchObject({ kind: 'function', name: 'count', args: [] });
    expect(expression('Count_Distinct(agent.id)')).toMatchObject({ kind: 'function', name: 'count_distinct', args: [{ name: 'agent.id' }] });
    expect(expression('concat(a, "-", to_string(b + 1))')).toMatchObject({ name: 'concat', args: [{}, {}, { name: 'to_string' }] });
  });

  it('named options map', () => {
    expect(expression('match(url.domain, "x", { "fuzziness": "AUTO", "max_expansions": 10 })')).toMatchObject({
      kind: 'function', name: 'match', args: [{ name: 'url.domain' }, { value: { value: 'x' } }],
      options: { kind: 'options', entries: [{ key: 'fuzziness', value: { value: { value: 'AUTO' } } }, { key: 'max_expansions', value: { value: { value: 10n } } }] },
    });
  });

  it('casts', () => {
    expect(expression('destination.ip::IP')).toMatchObject({ kind: 'cast', targetType: 'ip', operand: { name: 'destination.ip' } });
    expect(shape('-x::long')).toBe('-x::long');
    expect(expression('-x::long')).toMatchObject({ kind: 'unary', operand: { kind: 'cast' } });
    expect(expression('-1::long')).toMatchObject({ kind: 'cast', operand: { value: { value: -1n } } });
    expect(expression('(a + b)::double::string')).toMatchObject({ kind: 'cast', targetType: 'string', operand: { kind: 'cast', operand: { op: '+' } } });
  });
});

describe('precedence', () => {
  it.each([
    ['not process.name is null', 'NOT process.name IS NULL', { kind: 'unary', op: 'not', operand: { kind: 'isNull' } }],
    ['a or b and c', 'a OR b AND c', { op: 'or', right: { op: 'and' } }],
    ['a and b or c', 'a AND b OR c', { op: 'or', left: { op: 'and' } }],
    ['not a and b', 'NOT a AND b', { op: 'and', left: { kind: 'unary' } }],
    ['not (a and b)', 'NOT (a AND b)', { kind: 'unary', operand: { op: 'and' } }],
    ['not a == 1', 'NOT a == 1', { kind: 'unary', operand: { op: '==' } }],
    ['a + b * c', 'a + b * c', { op: '+', right: { op: '*' } }],
    ['(a + b) * c', '(a + b) * c', { op: '*', left: { op: '+' } }],
    ['a - b - c', 'a - b - c', { op: '-', left: { op: '-' } }],
    ['a - (b - c)', 'a - (b - c)', { op: '-', right: { op: '-' } }],
    ['a / b % c', 'a / b % c', { op: '%', left: { op: '/' } }],
    ['-a * b', '-a * b', { op: '*', left: { kind: 'unary', op: '-' } }],
    ['a + 1 > b * 2', 'a + 1 > b * 2', { op: '>', left: { op: '+' }, right: { op: '*' } }],
    ['a > 1 and b < 2', 'a > 1 AND b < 2', { op: 'and', left: { op: '>' }, right: { op: '<' } }],
    ['a + 1 is not null', 'a + 1 IS NOT NULL', { kind: 'isNull', negated: true, operand: { op: '+' } }],
    ['x not in (1, 2)', 'x NOT IN (1, 2)', { kind: 'in', negated: true }],
    ['not x in (1, 2)', 'NOT x IN (1, 2)', { kind: 'unary', operand: { kind: 'in', negated: false } }],
    ['x like "a*" or y rlike "b.*"', 'x LIKE "a*" OR y RLIKE "b.*"', { op: 'or', left: { kind: 'like', operator: 'like' }, right: { kind: 'like', operator: 'rlike' } }],
    ['x not like ("a*", "b*")', 'x NOT LIKE ("a*", "b*")', { kind: 'like', negated: true, listForm: true }],
    ['- - a', '--a', { kind: 'unary', operand: { kind: 'unary' } }],
    ['-(1)', '-(1)', { kind: 'unary', operand: { kind: 'literal' } }],
  ])('%s', (text, printed, tree) => {
    expect(shape(text)).toBe(printed);
    expect(expression(text)).toMatchObject(tree);
  });

  it('comparisons do not chain', () => {
    expect(parseExpression('a < b < c').ok).toBe(false);
  });

  it('keywords are case-insensitive', () => {
    expect(withoutSpans(expression('A AnD NoT b Is NuLl'))).toEqual(withoutSpans(expression('a and not b is null')) && withoutSpans(expression('A and not b is null')));
    expect(query('FrOm x | WhErE a | LiMiT 1').commands.map((c) => c.kind)).toEqual(['from', 'where', 'limit']);
  });
});

describe('commands', () => {
  it('FROM patterns, clusters, quoted names and METADATA', () => {
    expect(query('FROM logs-*, remote:logs-endpoint.*, "my index", -excluded* METADATA _index, _id').commands[0]).toMatchObject({
      kind: 'from',
      sources: [{ name: 'logs-*' }, { name: 'remote:logs-endpoint.*' }, { name: 'my index' }, { name: '-excluded*' }],
      metadata: [{ name: '_index' }, { name: '_id' }],
    });
  });

  it('ROW, EVAL with named and bare fields', () => {
    expect(query('row a = 1, 2 + 3').commands[0]).toMatchObject({ kind: 'row', fields: [{ name: { name: 'a' } }, { expression: { op: '+' } }] });
    const evalCmd = query('from i | eval x.y = a * 2, length(b)').commands[1];
    expect(evalCmd).toMatchObject({ kind: 'eval', fields: [{ name: { name: 'x.y' } }, { expression: { name: 'length' } }] });
    expect((evalCmd as { fields: { name?: unknown }[] }).fields[1].name).toBeUndefined();
  });

  it('STATS with filters, groupings only, and nothing', () => {
    expect(query('from i | stats c = count(*) where x > 1, m = max(y) by h = host.name, user.name').commands[1]).toMatchObject({
      kind: 'stats',
      aggregates: [{ name: { name: 'c' }, filter: { op: '>' } }, { name: { name: 'm' } }],
      groupings: [{ name: { name: 'h' } }, { expression: { name: 'user.name' } }],
    });
    expect(query('from i | stats by host.name').commands[1]).toMatchObject({ aggregates: [], groupings: [{}] });
  });

  it('SORT with directions and nulls ordering', () => {
    expect(query('from i | sort a desc nulls first, b nulls last, c asc').commands[1]).toMatchObject({
      orders: [{ direction: 'desc', nulls: 'first' }, { nulls: 'last' }, { direction: 'asc' }],
    });
  });

  it('KEEP, DROP, RENAME, MV_EXPAND', () => {
    const q = query('from i | keep @timestamp, process.*, `COUNT(*)` | drop *.id | rename a as b, c = d | mv_expand tags');
    expect(q.commands[1]).toMatchObject({ kind: 'keep', columns: [{ pattern: '@timestamp' }, { pattern: 'process.*' }, { pattern: 'COUNT(*)' }] });
    expect(q.commands[2]).toMatchObject({ kind: 'drop', columns: [{ pattern: '*.id' }] });
    expect(q.commands[3]).toMatchObject({
      kind: 'renameCommand',
      renames: [{ from: { pattern: 'a' }, to: { name: 'b' }, syntax: 'as' }, { from: { pattern: 'd' }, to: { name: 'c' }, syntax: 'assign' }],
    });
    expect(q.commands[4]).toMatchObject({ kind: 'mvExpand', column: { name: 'tags' } });
  });

  it('DISSECT, GROK, ENRICH', () => {
    const q = query('row a = "x y" | dissect a "%{b} %{c}" append_separator = "," | grok a "%{WORD:w}" | enrich hosts-policy on host.name with os = host.os, ip');
    expect(q.commands[1]).toMatchObject({ kind: 'dissect', input: { name: 'a' }, pattern: '%{b} %{c}', appendSeparator: ',' });
    expect(q.commands[2]).toMatchObject({ kind: 'grok', pattern: '%{WORD:w}' });
    expect(q.commands[2]).not.toHaveProperty('alternatives');
    expect(query('row a = "x" | grok a "A %{WORD:w}", "B %{WORD:v}","%{INT:n}"').commands[1]).toMatchObject({ kind: 'grok', pattern: 'A %{WORD:w}', alternatives: ['B %{WORD:v}', '%{INT:n}'] });
    expect(q.commands[3]).toMatchObject({
      kind: 'enrich', policy: 'hosts-policy', on: { name: 'host.name' },
      with: [{ to: { name: 'os' }, from: { pattern: 'host.os' }, syntax: 'assign' }, { to: { name: 'ip' }, from: { pattern: 'ip' }, syntax: 'as' }],
    });
    expect(firstError('row a = 1 | dissect a "%{b}" sep = ","').message).toBe('Invalid option for dissect: [sep]');
  });

  it('comments and CRLF line ends', () => {
    const q = query('// hunt\r\nfrom a /* inline */\r\n| where /* x */ b == 1 // trailing\r\n| limit 5');
    expect(q.commands.map((c) => c.kind)).toEqual(['from', 'where', 'limit']);
  });
});

describe('spans', () => {
  it('cover exactly the source text', () => {
    const text = 'FROM i | STATS couNt(*), x = max( a.b ) BY h | WHERE (a + b) * 2 > -1';
    const q = query(text);
    const slice = (s: { start: number; end: number }) => text.slice(s.start, s.end);
    const stats = q.commands[1] as Extract<Command, { kind: 'stats' }>;
    expect(slice(stats.aggregates[0].expression.span)).toBe('couNt(*)');
    expect(slice(stats.aggregates[1].span)).toBe('x = max( a.b )');
    expect(slice(stats.aggregates[1].expression.span)).toBe('max( a.b )');
    expect(slice(stats.span)).toBe('STATS couNt(*), x = max( a.b ) BY h');
    const where = q.commands[2] as Extract<Command, { kind: 'where' }>;
    expect(slice(where.condition.span)).toBe('(a + b) * 2 > -1');
    if (where.condition.kind !== 'binary' || where.condition.left.kind !== 'binary') throw new Error();
    expect(slice(where.condition.left.span)).toBe('(a + b) * 2');
    expect(slice(where.condition.left.left.span)).toBe('(a + b)');
    expect(slice(where.condition.right.span)).toBe('-1');
    expect(slice(q.span)).toBe(text);
  });
});

describe('errors', () => {
  it('single = in WHERE is reported at the =', () => {
    const e = firstError('from a | where b = 1');
    expect(e).toMatchObject({ kind: 'parsing', line: 1, column: 18, span: { start: 17, end: 18 } });
    expect(e.message).toMatch(/^mismatched input '=' expecting \{<EOF>, '\|'/);
  });

  it('positions on later lines', () => {
    expect(firstError('from a\n| where x == 1 or\n)')).toMatchObject({ line: 3, column: 1 });
    expect(firstError('from a\n| where b\n| stats c = by d')).toMatchObject({ line: 3, column: 13, message: expect.stringMatching(/^mismatched input 'by' expecting/) });
  });

  it('unknown and unsupported commands', () => {
    expect(firstError('sql\nfrom a')).toMatchObject({ line: 1, column: 1, message: "mismatched input 'sql' expecting {'from', 'row'}" });
    expect(firstError('from a | lookup join b on c')).toMatchObject({ line: 1, column: 10, message: expect.stringMatching(/^mismatched input 'lookup' expecting \{'dissect', 'drop'/) });
    expect(firstError('from a | inlinestats count(*)')).toMatchObject({ column: 10 });
    expect(firstError('from a | fork (where x)')).toMatchObject({ column: 10 });
  });

  it('extraneous and missing tokens', () => {
    expect(firstError('row x = f(a b)')).toMatchObject({ column: 13, message: "extraneous input 'b' expecting {',', ')'}" });
    expect(firstError('row x = f(a')).toMatchObject({ column: 12, message: "missing ')' at '<EOF>'" });
    expect(firstError('from i | where (a or b | limit 1')).toMatchObject({ column: 24, message: "missing ')' at '|'" });
  });

  it('end of input', () => {
    expect(firstError('from a | where')).toMatchObject({ column: 15, message: expect.stringMatching(/^mismatched input '<EOF>' expecting/) });
    expect(firstError('')).toMatchObject({ line: 1, column: 1, message: "mismatched input '<EOF>' expecting {'from', 'row'}" });
  });

  it('token recognition errors', () => {
    expect(firstError('from a | where x == "unterminated')).toMatchObject({ column: 21, message: `token recognition error at: '"unterminated'` });
    expect(firstError('from a | where x # 1')).toMatchObject({ column: 18, message: "token recognition error at: '#'" });
    expect(firstError('from a | where x == "bad \\q"').message).toBe(`token recognition error at: '"bad \\q'`);
  });

  it('deep nesting gives a positioned error, not a stack overflow', () => {
    const deep = `row x = ${'('.repeat(5000)}1${')'.repeat(5000)}`;
    const e = firstError(deep);
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/maximum expression depth allowed \(400\)/);
    expect(firstError(`row x = ${'not '.repeat(5000)}true`).message).toMatch(/maximum expression depth allowed \(400\)/);
    expect(firstError(`row x = ${'-'.repeat(5000)}a`).message).toMatch(/maximum expression depth allowed \(400\)/);
  });
});

describe('INLINE STATS', () => {
  it('parses as STATS that keeps its input', () => {
    const c = query('FROM i | INLINE STATS c = COUNT(*) BY h').commands[1];
    expect(c).toMatchObject({ kind: 'stats', inline: true, groupings: [{ kind: 'field' }] });
    expect(query('FROM i | STATS c = COUNT(*)').commands[1]).not.toHaveProperty('inline');
  });

  it('needs STATS after INLINE, and is not a source command', () => {
    expect(formatError(firstError('FROM i | INLINE c = COUNT(*)'))).toBe("line 1:17: mismatched input 'c' expecting 'stats'");
    expect(formatError(firstError('INLINE STATS c = COUNT(*)'))).toMatch(/^line 1:1: mismatched input 'INLINE'/);
  });
});
