import { describe, expect, it } from 'vitest';
import { errorsOf, linesOf, NET, outputOf, run } from '../testing/network-index';
import {
  agg, and, as, bin, col, countStar, dissect, drop, enrich, evalc, fn, from, grok, int, keep, limit, mvExpand, nul, rename, row, sort, stats, str, where,
} from '../testing/builders';

describe('FROM', () => {
  it('lists the resolved fields sorted by name, then the METADATA columns', () => {
    const out = outputOf([from(['logs-mixed-*'], ['_index', '_id'])]);
    expect(out).toEqual(['client.ip:unsupported', 'n:integer', '_index:keyword', '_id:keyword']);
  });

  it('reports an unknown index at the pattern', () => {
    expect(linesOf([from([NET, 'nope-*'])])).toEqual(['line 1:38: Unknown index [nope-*]']);
  });

  it('reports an ambiguous field when it is used, not when it is only kept', () => {
    expect(outputOf([from(['logs-mixed-*']), keep('client.ip')])).toEqual(['client.ip:unsupported']);
    expect(errorsOf([from(['logs-mixed-*']), where(bin(col('client.ip'), '==', str('1.2.3.4')))])).toEqual([
      'Cannot use field [client.ip] due to ambiguities being mapped as [2] incompatible types: [ip] in [logs-mixed-a], [keyword] in [logs-mixed-b] @ client.ip',
    ]);
  });

  it('lets a conversion function or cast read an ambiguous field', () => {
    expect(outputOf([from(['logs-mixed-*']), evalc(as(fn('to_ip', col('client.ip')), 'ip')), keep('ip')])).toEqual(['ip:ip']);
    expect(outputOf([from(['logs-mixed-*']), evalc(as(fn('to_ip', col('client.ip')), 'ip'), as(col('n'), 'm')), keep('m')])).toEqual(['m:integer']);
  });
});

describe('ROW and EVAL', () => {
  it('types row literals (integer by magnitude, lists by element)', () => {
    expect(outputOf([row(as(int(1), 'a'), as(int(5_000_000_000), 'b'), as(str('x'), 'c'))])).toEqual(['a:integer', 'b:long', 'c:keyword']);
  });

  // As the EVAL page has it: https://www.elastic.co/docs/reference/query-languages/esql/commands/eval
  it('appends, replaces at the end, and sees earlier items', () => {
    const out = outputOf([
      row(as(int(1), 'x')),
      keep('x'),
      evalc(as(bin(col('x'), '+', int(1)), 'a1'), as(bin(col('x'), '+', int(1)), 'a2'), as(bin(col('a1'), '+', col('a2')), 'a3'), as(bin(col('a1'), '+', col('a2')), 'a1')),
    ]);
    expect(out).toEqual(['x:integer', 'a2:integer', 'a3:integer', 'a1:integer']);
  });

  it('names unnamed expressions by their source text as typed', () => {
    expect(outputOf([row(as(int(1), 'b')), evalc(bin(col('b'), '+', int(2)))])).toEqual(['b:integer', 'b + 2:integer']);
  });

  it('refuses a time span as an EVAL value', () => {
    expect(errorsOf([row(as(int(1), 'b')), evalc(as(spanOf(), 'n'))])).toEqual([
      'EVAL does not support type [time_duration] as the return data type of expression [1 hour] @ 1 hour',
    ]);
  });

  it('does not cascade: a column computed from a failed expression reports nothing more', () => {
    expect(errorsOf([row(as(int(1), 'b')), evalc(as(col('nope'), 'x')), evalc(as(bin(col('x'), '+', int(1)), 'y')), where(col('x'))])).toEqual([
      'Unknown column [nope] @ nope',
    ]);
  });
});

describe('WHERE', () => {
  it('needs a boolean condition', () => {
    expect(linesOf([from([NET]), where(col('process.pid'))])).toEqual(['line 1:45: Condition expression needs to be boolean, found [LONG]']);
  });

  it('suggests a close column name that the query mentions', () => {
    expect(errorsOf([from([NET]), where(isNullOf('proces.pid')), keep('process.pid')])).toEqual([
      'Unknown column [proces.pid], did you mean [process.pid]? @ proces.pid',
    ]);
    // Subfields of a named field are fetched too, so they are candidates as well.
    expect(errorsOf([from([NET]), where(isNullOf('proces.name')), keep('process.name')])).toEqual([
      'Unknown column [proces.name], did you mean any of [process.name, process.name.caseless]? @ proces.name',
    ]);
    expect(errorsOf([from([NET]), where(isNullOf('proces.name'))])).toEqual(['Unknown column [proces.name] @ proces.name']);
  });

  it('reports every problem, in source order', () => {
    expect(errorsOf([from([NET]), where(and(bin(col('a'), '==', int(1)), bin(col('b'), '==', int(2))))])).toEqual([
      'Unknown column [a] @ a',
      'Unknown column [b] @ b',
    ]);
  });
});

function isNullOf(name: string) {
  return bin(col(name), '==', str('x'));
}

describe('STATS', () => {
  it('outputs aggregates in order then BY keys, named by source text', () => {
    expect(outputOf([from([NET]), stats([countStar('COUNT'), as(fn('count_distinct', col('agent.id')), 'agents')], [col('process.name')])])).toEqual([
      'COUNT(*):long',
      'agents:long',
      'process.name:keyword',
    ]);
  });

  it('lets a BY key shadow a same-named aggregate (rightmost wins)', () => {
    expect(outputOf([from([NET]), stats([as(countStar(), 'h')], [as(col('host.name'), 'h')])])).toEqual(['h:keyword']);
  });

  it('allows expressions over aggregates', () => {
    expect(outputOf([from([NET]), stats([as(bin(countStar(), '+', int(1)), 'x')])])).toEqual(['x:long']);
  });

  it('rejects a bare column that is not a BY key', () => {
    expect(errorsOf([from([NET]), stats([as(fn('avg', col('process.pid')), 'x'), col('host.name')], [col('agent.id')])])).toEqual([
      'column [host.name] must appear in the STATS BY clause or be used in an aggregate function @ host.name',
    ]);
  });

  it('rejects aggregates outside STATS and nested aggregates', () => {
    expect(errorsOf([from([NET]), evalc(as(countStar(), 'c'))])).toEqual(['aggregate function [count(*)] not allowed outside STATS command @ count(*)']);
    expect(errorsOf([from([NET]), stats([fn('max', fn('max', col('process.pid')))])])).toEqual([
      'nested aggregations [max(process.pid)] not allowed inside other aggregations [max(max(process.pid))] @ max(process.pid)',
    ]);
  });

  it('rejects aggregates in BY and constants as aggregates', () => {
    expect(errorsOf([from([NET]), stats([countStar()], [fn('max', col('process.pid'))])])).toEqual([
      'cannot use an aggregate [max(process.pid)] for grouping @ max(process.pid)',
    ]);
    expect(errorsOf([from([NET]), stats([bin(int(1), '+', int(2))])])).toEqual(['expected an aggregate function but found [1 + 2] @ 1 + 2']);
  });

  it('allows STATS with only BY keys, and scalars over BY keys', () => {
    expect(outputOf([from([NET]), stats([], [col('host.name'), col('user.id')])])).toEqual(['host.name:keyword', 'user.id:keyword']);
    expect(outputOf([from([NET]), stats([as(fn('to_upper', col('host.name')), 'u'), countStar()], [col('host.name')])])).toEqual([
      'u:keyword',
      'count(*):long',
      'host.name:keyword',
    ]);
  });

  it('types per-aggregate filters and BUCKET groupings', () => {
    const out = outputOf([
      from([NET]),
      stats([agg(countStar(), 'c', bin(col('process.pid'), '>', int(1)))], [as(fn('bucket', col('@timestamp'), spanOf()), 'b')]),
    ]);
    expect(out).toEqual(['c:long', 'b:date']);
  });
});

function spanOf() {
  return { text: '1 hour', build: (o: number) => ({ kind: 'timeSpan' as const, quantity: 1, unit: 'hour' as const, unitText: 'hour', span: { start: o, end: o + 6 } }) };
}

describe('KEEP, DROP, RENAME', () => {
  const base = [row(as(int(1), 'a'), as(int(2), 'ab'), as(str('x'), 'b'), as(str('y'), 'c'))];

  it('orders KEEP by pattern with exact > partial wildcard > *', () => {
    expect(outputOf([...base, keep('c', '*')])).toEqual(['c:keyword', 'a:integer', 'ab:integer', 'b:keyword']);
    expect(outputOf([...base, keep('*', 'a')])).toEqual(['ab:integer', 'b:keyword', 'c:keyword', 'a:integer']);
    expect(outputOf([...base, keep('a*', 'b')])).toEqual(['a:integer', 'ab:integer', 'b:keyword']);
  });

  it('reports unknown columns and unmatched patterns', () => {
    expect(errorsOf([...base, keep('zz', 'q*')])).toEqual(['Unknown column [zz] @ zz', 'No matches found for pattern [q*] @ q*']);
  });

  it('drops by pattern and refuses DROP *', () => {
    expect(outputOf([...base, drop('a*')])).toEqual(['b:keyword', 'c:keyword']);
    expect(errorsOf([...base, drop('*')])).toEqual(['Removing all fields is not allowed [drop *] @ *']);
  });

  it('renames in place, replacing a column of the new name', () => {
    expect(outputOf([...base, rename(['a', 'c'])])).toEqual(['c:integer', 'ab:integer', 'b:keyword']);
    expect(errorsOf([...base, rename(['zz', 'y'])])).toEqual(['Unknown column [zz] @ zz']);
  });
});

describe('other commands', () => {
  it('DISSECT adds keyword keys in order; GROK adds typed captures sorted by name', () => {
    expect(outputOf([row(as(str('a b'), 's')), dissect(col('s'), '%{first} %{?skip} %{+first} %{last->}')])).toEqual([
      's:keyword',
      'first:keyword',
      'last:keyword',
    ]);
    expect(outputOf([row(as(str('a 1'), 's')), grok(col('s'), '%{WORD:word} %{NUMBER:num:int} (?<base>.+) %{NUMBER:f:float}')])).toEqual([
      's:keyword',
      'base:keyword',
      'f:double',
      'num:integer',
      'word:keyword',
    ]);
    expect(errorsOf([row(as(int(1), 'n')), dissect(col('n'), '%{a}')])).toEqual(['Dissect only supports KEYWORD or TEXT values, found expression [n] type [INTEGER] @ n']);
    expect(errorsOf([row(as(str('x'), 's')), grok(col('s'), '%{WORD:a} %{INT:a:int}')])).toEqual([
      'Invalid GROK pattern [%{WORD:a} %{INT:a:int}]: the attribute [a] is defined multiple times with different types @ grok s "%{WORD:a} %{INT:a:int}"',
    ]);
  });

  it('GROK over several patterns adds their union; a null input is accepted', () => {
    expect(outputOf([row(as(str('A x'), 's')), grok(col('s'), 'A %{WORD:w}', 'B %{INT:n:int}')])).toEqual(['s:keyword', 'n:integer', 'w:keyword']);
    expect(errorsOf([row(as(nul(), 'n')), grok(col('n'), '%{WORD:w}')])).toEqual([]);
  });

  it('MV_EXPAND needs a known column; SORT types its keys', () => {
    expect(errorsOf([from([NET]), mvExpand('nope'), sort([col('process.name'), 'desc'])])).toEqual(['Unknown column [nope] @ nope']);
  });

  it('ENRICH is refused as unsupported', () => {
    const { result } = run([from([NET]), enrich('hosts')]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatchObject({ kind: 'unsupported', message: 'ENRICH is not supported by the embedded engine', column: 39 });
  });

  it('adds the implicit limit with a warning only when no LIMIT exists', () => {
    const a = run([from([NET]), keep('process.name')]).result;
    const b = run([from([NET]), limit(5), keep('process.name')]).result;
    expect(a.ok && a.analyzed.implicitLimit).toEqual({ count: 1000, warning: 'No limit defined, adding default limit of [1000]' });
    expect(b.ok && b.analyzed.implicitLimit).toEqual({ count: 10000 });
  });
});
