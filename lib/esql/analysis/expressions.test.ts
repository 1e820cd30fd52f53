import { describe, expect, it } from 'vitest';
import type { EsqlParams } from '../../model/esql';
import { errorsOf, NET, run } from '../testing/network-index';
import {
  and, anon, as, bin, bool, cast, col, countStar, dbl, evalc, fn, from, inList, int, isNull, like, list, named, neg, not, nul, positional, row, span, stats, str, where, type X,
} from '../testing/builders';

/** The type the analyzer gives `x` when evaluated over the network index. */
function typeOf(x: X, params?: EsqlParams): string {
  const { result } = run([from([NET]), evalc(as(x, 'v'))], params);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.analyzed.output.at(-1)!.type;
}

/** Problems with `x` used as a WHERE condition, as `message @ source`. */
const whereErrors = (x: X, params?: EsqlParams) => errorsOf([from([NET]), where(x)], params);
const evalErrors = (x: X, params?: EsqlParams) => errorsOf([from([NET]), evalc(as(x, 'v'))], params);

// Types and widening: operators.ts cites Elasticsearch's pages.
describe('literals and arithmetic', () => {
  it('types literals', () => {
    expect(typeOf(int(2147483647))).toBe('integer');
    expect(typeOf(int(2147483648))).toBe('long');
    expect(typeOf(int(18446744073709551615n))).toBe('unsigned_long');
    expect(typeOf(dbl(1.5))).toBe('double');
    expect(typeOf(str('a'))).toBe('keyword');
    expect(typeOf(bool(true))).toBe('boolean');
    expect(typeOf(nul())).toBe('null');
    expect(typeOf(list(int(1), int(5_000_000_000)))).toBe('long');
  });

  it('widens integer, long and double', () => {
    expect(typeOf(bin(int(1), '+', int(2)))).toBe('integer');
    expect(typeOf(bin(int(1), '*', col('process.pid')))).toBe('long');
    expect(typeOf(bin(col('process.pid'), '/', dbl(2.5)))).toBe('double');
    expect(typeOf(bin(nul(), '+', int(1)))).toBe('integer');
    expect(typeOf(neg(col('process.pid')))).toBe('long');
  });

  it('does date math with periods and durations', () => {
    expect(typeOf(bin(fn('now'), '-', span(7, 'day')))).toBe('date');
    expect(typeOf(bin(span(1, 'hour'), '+', col('@timestamp')))).toBe('date');
    expect(typeOf(bin(str('2024-01-01'), '-', span(1, 'day')))).toBe('date');
    expect(evalErrors(bin(span(1, 'day'), '-', fn('now')))).toEqual([
      '[-] arguments are in unsupported order: cannot subtract a [DATETIME] value [now()] from a [DATE_PERIOD] amount [1 day] @ 1 day - now()',
    ]);
    expect(evalErrors(bin(col('@timestamp'), '+', col('@timestamp')))).toEqual([
      '[+] has arguments with incompatible types [datetime] and [datetime] @ @timestamp + @timestamp',
    ]);
    expect(evalErrors(bin(int(18446744073709551615n), '+', int(1)))).toEqual([
      'first argument of [18446744073709551615 + 1] is [unsigned_long] and second is [integer]. [unsigned_long] can only be operated on together with another [unsigned_long] @ 18446744073709551615 + 1',
    ]);
    expect(evalErrors(bin(col('process.name'), '*', int(2)))).toEqual([
      'first argument of [process.name * 2] must be [numeric], found value [process.name] type [keyword] @ process.name * 2',
    ]);
  });
});

describe('unsigned_long', () => {
  it('types a numeric list as the widest of double, unsigned_long, long, integer', () => {
    expect(typeOf(list(int(1), int(18446744073709551615n)))).toBe('unsigned_long');
    expect(typeOf(list(int(5_000_000_000), int(9223372036854775808n)))).toBe('unsigned_long');
    expect(typeOf(list(dbl(1.5), int(18446744073709551615n)))).toBe('double');
  });

  it('converts with TO_UNSIGNED_LONG, TO_UL and TO_ULONG, and the ::unsigned_long cast', () => {
    for (const name of ['to_unsigned_long', 'TO_UL', 'to_ulong']) expect(typeOf(fn(name, str('12')))).toBe('unsigned_long');
    expect(typeOf(cast(int(1), 'unsigned_long'))).toBe('unsigned_long');
    expect(evalErrors(fn('to_ul', col('source.ip')))).toEqual([
      'argument of [to_ul(source.ip)] must be [boolean, date, keyword, numeric or text], found value [source.ip] type [ip] @ to_ul(source.ip)',
    ]);
  });

  it('refuses the negation of an unsigned_long, as the verifier of Elasticsearch does', () => {
    expect(evalErrors(neg(fn('to_ul', int(1))))).toEqual([
      'negation unsupported for arguments of type [unsigned_long] in expression [-to_ul(1)] @ -to_ul(1)',
    ]);
  });
});

// Three-valued logic as Elasticsearch's null.csv-spec tests it (x-pack/plugin/esql/qa/testFixtures/src/main/resources/);
// auto-casting and the null-param message: operators.ts cites their sources.
describe('comparisons and logic', () => {
  it('auto-casts string constants against dates and ips', () => {
    expect(whereErrors(bin(col('@timestamp'), '>', str('2024-01-01')))).toEqual([]);
    expect(whereErrors(bin(col('destination.ip'), '==', str('10.0.0.1')))).toEqual([]);
    expect(whereErrors(bin(str('1.2.3'), '<', col('agent.version')))).toEqual([]);
    expect(whereErrors(bin(col('message'), '==', col('process.name')))).toEqual([]);
    expect(whereErrors(bin(cast(col('process.name'), 'bool'), '==', str('true')))).toEqual([]);
    expect(typeOf(fn('date_diff', str('day'), str('2023-12-02T11:00:00.00Z'), col('@timestamp')))).toBe('integer');
  });

  it('reports incompatible comparisons with Elasticsearch wording', () => {
    expect(whereErrors(bin(col('process.pid'), '==', str('1')))).toEqual([
      'first argument of [process.pid == "1"] is [numeric] so second argument must also be [numeric] but was [keyword] @ process.pid == "1"',
    ]);
    expect(whereErrors(bin(col('destination.ip'), '==', col('process.name')))).toEqual([
      'first argument of [destination.ip == process.name] is [ip] so second argument must also be [ip] but was [keyword] @ destination.ip == process.name',
    ]);
    expect(whereErrors(bin(col('@timestamp'), '<', int(3)))).toEqual([
      'first argument of [@timestamp < 3] is [datetime] so second argument must also be [datetime] but was [integer] @ @timestamp < 3',
    ]);
  });

  it('accepts a null literal but not a null-valued param', () => {
    expect(whereErrors(bin(col('process.pid'), '==', nul()))).toEqual([]);
    expect(whereErrors(bin(col('process.name'), '==', named('n')), [{ n: null }])).toEqual([
      'first argument of [process.name == ?n] is [keyword] so second argument must also be [keyword] but was [null] @ process.name == ?n',
    ]);
  });

  it('needs booleans around AND, OR and NOT', () => {
    expect(whereErrors(and(col('process.pid'), bool(true)))).toEqual([
      'first argument of [process.pid and true] must be [boolean], found value [process.pid] type [long] @ process.pid and true',
    ]);
    expect(whereErrors(not(col('process.name')))).toEqual([
      'argument of [not process.name] must be [boolean], found value [process.name] type [keyword] @ not process.name',
    ]);
    expect(whereErrors(not(isNull(col('process.name'))))).toEqual([]);
  });

  it('checks IN lists and LIKE operands', () => {
    expect(whereErrors(inList(col('destination.port'), [int(22), int(443)]))).toEqual([]);
    expect(whereErrors(inList(col('destination.ip'), [str('10.0.0.1'), str('::1')]))).toEqual([]);
    expect(whereErrors(inList(col('destination.port'), [int(22), str('x')]))).toEqual([
      'third argument of [destination.port in (22, "x")] must be [long], found value ["x"] type [keyword] @ destination.port in (22, "x")',
    ]);
    expect(whereErrors(like(col('process.name'), 'ssh*'))).toEqual([]);
    expect(whereErrors(like(col('process.pid'), '1*', 'rlike'))).toEqual([
      'argument of [process.pid rlike "1*"] must be [string], found value [process.pid] type [long] @ process.pid rlike "1*"',
    ]);
  });
});

describe('casts', () => {
  it('types ::ip, ::int, ::long, ::double, ::string, ::datetime, ::boolean, ::version', () => {
    expect(typeOf(cast(str('10.0.0.1'), 'ip'))).toBe('ip');
    expect(typeOf(cast(col('process.name'), 'int'))).toBe('integer');
    expect(typeOf(cast(col('process.name'), 'LONG'))).toBe('long');
    expect(typeOf(cast(int(1), 'double'))).toBe('double');
    expect(typeOf(cast(col('destination.ip'), 'string'))).toBe('keyword');
    expect(typeOf(cast(str('2024-01-01'), 'datetime'))).toBe('date');
    expect(typeOf(cast(str('true'), 'bool'))).toBe('boolean');
    expect(typeOf(cast(str('1.2.3'), 'version'))).toBe('version');
  });

  it('rejects impossible casts', () => {
    expect(evalErrors(cast(col('process.pid'), 'ip'))).toEqual([
      'argument of [process.pid::ip] must be [ip or string], found value [process.pid] type [long] @ process.pid::ip',
    ]);
  });
});

describe('functions', () => {
  it('resolves aliases and records canonical names', () => {
    const { result } = run([from([NET]), evalc(as(fn('TO_INT', col('process.name')), 'a'), as(fn('to_dbl', int(1)), 'b'))]);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect([...result.analyzed.functions.values()]).toEqual(['to_integer', 'to_double']);
      expect(result.analyzed.output.slice(-2)).toEqual([{ name: 'a', type: 'integer' }, { name: 'b', type: 'double' }]);
    }
  });

  it('reports unknown functions, with a suggestion when one is close', () => {
    expect(evalErrors(fn('xyzzy', int(1)))).toEqual(['Unknown function [xyzzy] @ xyzzy(1)']);
    expect(evalErrors(fn('foo', int(1)))).toEqual(['Unknown function [foo], did you mean [floor]? @ foo(1)']);
    // Best match first (Lucene similarity ≥ 0.5, as StringUtils.findSimilar).
    expect(evalErrors(fn('to_lowr', str('A')))[0]).toMatch(/^Unknown function \[to_lowr\], did you mean any of \[to_lower, to_long, .*\]\? @ to_lowr\("A"\)$/);
  });

  it('reports wrong arity and argument types', () => {
    expect(evalErrors(fn('to_lower', col('process.pid')))).toEqual([
      'argument of [to_lower(process.pid)] must be [string], found value [process.pid] type [long] @ to_lower(process.pid)',
    ]);
    expect(evalErrors(fn('starts_with', col('process.name'), int(1)))).toEqual([
      'second argument of [starts_with(process.name, 1)] must be [string], found value [1] type [integer] @ starts_with(process.name, 1)',
    ]);
    expect(evalErrors(fn('length'))).toEqual(['error building [length]: expects exactly one argument @ length()']);
    expect(evalErrors(fn('concat', str('a')))).toEqual(['error building [concat]: expects at least two arguments @ concat("a")']);
  });

  it('types the hunting library functions', () => {
    expect(typeOf(fn('cidr_match', col('destination.ip'), str('10.0.0.0/8'), str('::1')))).toBe('boolean');
    expect(typeOf(fn('date_trunc', span(1, 'hour'), col('@timestamp')))).toBe('date');
    expect(typeOf(fn('date_format', str('yyyy'), col('@timestamp')))).toBe('keyword');
    expect(typeOf(fn('date_format', col('@timestamp')))).toBe('keyword');
    expect(typeOf(fn('date_diff', str('day'), col('@timestamp'), fn('now')))).toBe('integer');
    expect(typeOf(fn('replace', col('message'), str('a'), str('b')))).toBe('keyword');
    expect(typeOf(fn('case', bin(col('process.pid'), '>', int(1)), str('hi'), col('message')))).toBe('keyword');
    expect(typeOf(fn('coalesce', nul(), col('process.pid')))).toBe('long');
    expect(typeOf(fn('mv_slice', col('process.name'), int(0), int(1)))).toBe('keyword');
    expect(typeOf(fn('ip_prefix', col('destination.ip'), int(24), int(112)))).toBe('ip');
    expect(typeOf(fn('round', col('process.pid')))).toBe('long');
  });

  it('checks CASE conditions and value types', () => {
    expect(evalErrors(fn('case', col('process.pid'), str('a')))).toEqual([
      'first argument of [case(process.pid, "a")] must be [boolean], found value [process.pid] type [long] @ case(process.pid, "a")',
    ]);
    expect(evalErrors(fn('case', bool(true), str('a'), int(1)))).toEqual([
      'third argument of [case(true, "a", 1)] must be [keyword], found value [1] type [integer] @ case(true, "a", 1)',
    ]);
  });

  it('requires a constant COUNT_DISTINCT precision', () => {
    const errors = errorsOf([from([NET]), stats([fn('count_distinct', col('agent.id'), col('process.pid'))])]);
    expect(errors).toEqual([
      'second argument of [count_distinct(agent.id, process.pid)] must be a constant, received [process.pid] @ count_distinct(agent.id, process.pid)',
    ]);
    expect(errorsOf([from([NET]), stats([fn('count_distinct', col('agent.id'), bin(int(9875), '+', int(1))), countStar()])])).toEqual([]);
  });
});

// Params as params.ts cites them.
describe('params', () => {
  it('types named, positional and anonymous params from their JSON values', () => {
    expect(typeOf(named('a'), [{ a: 'x' }])).toBe('keyword');
    expect(typeOf(named('a'), [{ a: 3 }])).toBe('integer');
    expect(typeOf(named('a'), [{ a: 2 ** 40 }])).toBe('long');
    expect(typeOf(named('a'), [{ a: 1.5 }])).toBe('double');
    expect(typeOf(positional(2), [1, true])).toBe('boolean');
    expect(typeOf(anon(1), [[1, 2]])).toBe('integer');
  });

  it('binds params into the analysis', () => {
    const { result } = run([from([NET]), where(bin(col('process.name'), '==', named('p')))], [{ p: 'curl' }]);
    expect(result.ok && [...result.analyzed.params.values()]).toEqual([{ type: 'keyword', value: 'curl' }]);
  });

  it('reports missing params and mixed styles', () => {
    expect(evalErrors(named('n2'), [{ n1: 5 }])).toEqual(['Unknown query parameter [n2], did you mean [n1]? @ ?n2']);
    expect(evalErrors(positional(3), [1])).toEqual(['No parameter is defined for position 3, did you mean position 1? @ ?3']);
    const mixed = errorsOf([row(as(named('a'), 'x'), as(positional(1), 'y'))], [1]);
    expect(mixed).toEqual([
      'Inconsistent parameter declaration, use one of positional, named or anonymous params but not a combination of named and positional @ ?1',
    ]);
  });
});
