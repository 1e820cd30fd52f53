import { describe, expect, it } from 'vitest';
import type { Expression, Query } from '../ast';
import { formatError } from '../errors';
import { parse, parseExpression } from '../parser/parse';
import { print } from './printer';
import { withoutSpans } from './walker';

function query(text: string): Query {
  const r = parse(text);
  if (!r.ok) throw new Error(`${formatError(r.errors[0])} in ${text}`);
  return r.query;
}

function expression(text: string): Expression {
  const r = parseExpression(text);
  if (!r.ok) throw new Error(formatError(r.errors[0]));
  return r.expression;
}

/** Hunt-like queries written for these tests (not taken from any library). */
const HAND_CORPUS = [
  'from logs-endpoint.events.process-* | where host.os.type == "windows" and process.name == "rundll32.exe" | limit 10',
  'from logs-* | stats c = count(*) by host.name | sort c desc | limit 5',
  'FROM logs-endpoint.events.network-* | WHERE @timestamp > NOW() - 1 day AND destination.port IN (22, 3389)',
  'from a, b, remote:c-* metadata _index, _id | keep _index, _id',
  'from "weird index" | limit 1',
  'row a = 1, b = "two", c = true, d = null, e = 1.5, f = [1, 2, 3]',
  'row x = -1, y = - x, z = -(1), w = +2',
  'from i | eval d = date_trunc(1 hour, @timestamp) | stats n = count(*) by d',
  'from i | where not process.name is null and process.args is not null',
  'from i | where (a or b) and c',
  'from i | where a or b and c',
  'from i | where not (a and b)',
  'from i | where x like "*cmd*" or x rlike ".*powershell.*"',
  'from i | where x not like ("*a", "b*") and y like ("c")',
  'from i | where user.name not in ("root", "admin") or user.id in ("0")',
  'from i | eval r = (a + b) * (c - d) / e % 3',
  'from i | eval r = a - (b - c) - d',
  'from i | eval r = a * (b * c)',
  'from i | where destination.ip::ip == "10.0.0.1"::ip',
  'from i | eval n = to_long(x)::string, m = (a + b)::double',
  'from i | stats min(@timestamp), max(@timestamp), count_distinct(host.id) by process.executable',
  'from i | stats failures = count(*) where event.outcome == "failure", total = count(*) by user.name',
  'from i | stats by host.name, host.os.family',
  'from i | sort @timestamp desc nulls last, host.name asc nulls first, user.name',
  'from i | keep @timestamp, host.*, process.name | drop host.ip',
  'from i | rename process.name as pname, host.name as h',
  'from i | rename pname = process.name',
  'from i | mv_expand process.args',
  'from i | dissect message "%{user} logged in from %{ip}" append_separator = "-"',
  'from i | grok message "%{IP:client} %{WORD:method}"',
  'from i | grok message "%{IP:client}", "%{WORD:method}"',
  'from i | enrich threat-intel on source.ip with indicator = threat.indicator, confidence',
  'from i | enrich my_policy',
  'from i | where `weird name` == 1 | keep `weird name`, `COUNT(*)`',
  'from i | eval `and` = 1, `first` = 2',
  'from i | where message == "quote \\" backslash \\\\ newline \\n tab \\t cr \\r"',
  'from i | where x == """raw "quoted" \\d+"""',
  'from i | where @timestamp >= ?start and @timestamp < ?2 and host.name == ?',
  'from i | where a < b and c <= d and e > f and g >= h and i != j',
  'from i | eval span = 7 days, s2 = 1 hour, s3 = 30s, s4 = 2 weeks',
  'from i | where cidr_match(source.ip, "10.0.0.0/8", "192.168.0.0/16") and not cidr_match(destination.ip, "127.0.0.0/8")',
  'from i | eval c = case(x > 10, "high", x > 5, "medium", "low")',
  'from i | where match(url.domain, "example.com", {"fuzziness": "AUTO", "max_expansions": 10})',
  'from i | eval t = concat(a, " ", b) | where length(t) > 100 | sort t | limit 20',
  'from i | where ( a + 1 ) * 2 is null',
  'from i | where (a == b) is null',
  'from i | eval n = - - 1, m = -(-x)',
  'from i | eval e = 1e10, f = 2.5e-3, g = .5',
  'from i | where a + b == c - d or not e',
  'from i | where x in (a + 1, b * 2, -3)',
];

describe('printer round trip', () => {
  it.each(HAND_CORPUS)('%s', (text) => {
    const ast = query(text);
    const printed = print(ast);
    expect(withoutSpans(query(printed))).toEqual(withoutSpans(ast));
    // Printing is canonical: printing the reparsed tree gives the same text.
    expect(print(query(printed))).toBe(printed);
  });

  it('has at least 40 queries', () => {
    expect(HAND_CORPUS.length).toBeGreaterThanOrEqual(40);
  });
});

describe('canonical text', () => {
  it.each([
    ['from logs-* | where a == 1 | stats c = count(*) by h | sort c desc | limit 3', 'FROM logs-* | WHERE a == 1 | STATS c = COUNT(*) BY h | SORT c DESC | LIMIT 3'],
    ['row x = count_distinct(agent.id)', 'ROW x = COUNT_DISTINCT(agent.id)'],
    ['from i | keep `COUNT(*)`', 'FROM i | KEEP `COUNT(*)`'],
    ['from i | where not x is null', 'FROM i | WHERE NOT x IS NULL'],
    ['from i | where x not in (1,2)', 'FROM i | WHERE x NOT IN (1, 2)'],
    ['from i | where ((a))', 'FROM i | WHERE a'],
    ['from i | sort a asc nulls first', 'FROM i | SORT a ASC NULLS FIRST'],
    ['from i metadata _id', 'FROM i METADATA _id'],
    ['from i | rename a as b', 'FROM i | RENAME a AS b'],
    ['from i | eval `a.b` = 1', 'FROM i | EVAL a.b = 1'],
    ['from i | eval x = "multi\nline"'.replace('\n', '\\n'), 'FROM i | EVAL x = "multi\\nline"'],
    ['row e = 1e3', 'ROW e = 1000.0'],
    ['from i | inline stats c = count(*) by h', 'FROM i | INLINE STATS c = COUNT(*) BY h'],
  ])('%s', (text, expected) => {
    expect(print(query(text))).toBe(expected);
  });

  it('prints lone expressions and commands', () => {
    expect(print(expression('a and (b or c)'))).toBe('a AND (b OR c)');
    expect(print(query('from i | where x > 1').commands[1])).toBe('WHERE x > 1');
  });

  it('quotes names that are not plain identifiers', () => {
    const col = (name: string): Expression => ({ kind: 'column', name, span: { start: 0, end: 0 } });
    expect(print(col('@timestamp'))).toBe('@timestamp');
    expect(print(col('host.os.type'))).toBe('host.os.type');
    expect(print(col('a b'))).toBe('`a b`');
    expect(print(col('a`b'))).toBe('`a``b`');
    expect(print(col('1abc'))).toBe('`1abc`');
    expect(print(col('not'))).toBe('`not`');
    expect(print(col('_'))).toBe('`_`');
  });
});
