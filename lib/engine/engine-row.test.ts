/** ROW-based semantics: expressions, 3VL, functions, multi-values (sources: the compile/ modules' comments). */
import { afterAll, describe, expect, it } from 'vitest';
import { DuckDbHost } from './duckdb';
import { answer } from './testing/run';
import {
  bin, bool, buildQuery, col, countStar, dbl, dissect, evalCmd, fn, inList, int, isNull, keep, like, limit, list, mvExpand, not, nul, param,
  row, sort, span, stats, str, where,
} from './testing/query';

const host = new DuckDbHost();
afterAll(() => host.close());

const values = async (...cmds: Parameters<typeof buildQuery>[0]) => {
  const a = await answer(host, buildQuery([...cmds, limit(100)]));
  if ('error' in a) throw new Error(a.error);
  return a.values;
};

describe('three-valued logic', () => {
  it('AND/OR/NOT/comparisons with null', async () => {
    expect(
      await values(
        row(
          ['a', bin(bool(true), 'or', nul())],
          ['b', bin(bool(false), 'or', nul())],
          ['c', bin(bool(false), 'and', nul())],
          ['d', not(nul())],
          ['e', bin(nul(), '==', int(1))],
          ['f', isNull(nul())],
        ),
      ),
    ).toEqual([[true, null, false, null, null, true]]);
  });

  it('IN with a null in the list is true or null, never false', async () => {
    expect(await values(row(['a', inList(int(1), [int(1), nul()])], ['b', inList(int(2), [int(1), nul()])], ['c', inList(int(2), [int(1), int(3)])]))).toEqual([
      [true, null, false],
    ]);
  });

  it('WHERE keeps only true rows', async () => {
    expect(await values(row(['a', int(1)]), where(bin(col('a'), '>', nul())))).toEqual([]);
    expect(await values(row(['a', int(1)]), where(not(bin(col('a'), '>', nul()))))).toEqual([]);
    expect(await values(row(['a', int(1)]), where(bin(col('a'), '==', int(1))))).toEqual([[1]]);
  });
});

describe('strings', () => {
  it('compares keywords in UTF-8 byte order', async () => {
    expect(await values(row(['a', bin(str('\uE000'), '<', str('😀'))], ['b', bin(str('B'), '<', str('a'))]))).toEqual([[true, true]]);
  });

  it('LIKE is whole-string and case-sensitive; RLIKE is anchored', async () => {
    expect(
      await values(
        row(
          ['a', like(str('curl.exe'), 'curl*')],
          ['b', like(str('Curl'), 'curl')],
          ['c', like(str('a%b'), 'a%b')],
          ['d', like(str('axb'), 'a?b')],
          ['e', like(str('evil123'), 'evil[0-9]+', 'rlike')],
          ['f', like(str('xevil1'), 'evil[0-9]+', 'rlike')],
        ),
      ),
    ).toEqual([[true, false, true, true, true, false]]);
  });

  it('length, substring and case functions count code points', async () => {
    expect(
      await values(
        row(
          ['l', fn('length', str('héllo😀'))],
          ['s', fn('substring', str('héllo😀'), int(2), int(3))],
          ['t', fn('substring', str('hello'), int(-3))],
          ['u', fn('to_upper', str('abc'))],
          ['c', fn('concat', str('a'), str('b'), str('c'))],
          ['n', fn('concat', str('a'), nul())],
        ),
      ),
    ).toEqual([[6, 'éll', 'llo', 'ABC', 'abc', null]]);
  });

  it('REPLACE takes a regex and STARTS_WITH/ENDS_WITH test affixes', async () => {
    expect(
      await values(row(['r', fn('replace', str('a1b22c'), str('[0-9]+'), str('#'))], ['s', fn('starts_with', str('curl'), str('cu'))], ['e', fn('ends_with', str('curl'), str('rl'))])),
    ).toEqual([['a#b#c', true, true]]);
  });

  it('REPLACE reads Java replacement syntax: backslash escapes and $n groups', async () => {
    expect(
      await values(
        row(
          ['p', fn('replace', str('C:\\Users\\bob\\x.exe'), str('[cC]:\\\\[uU]sers\\\\[a-z]+\\\\'), str('C:\\\\users\\\\user\\\\'))],
          ['g', fn('replace', str('ab'), str('(a)(b)'), str('$2$1'))],
        ),
      ),
    ).toEqual([['C:\\users\\user\\x.exe', 'ba']]);
    const a = await answer(host, buildQuery([row(['p', fn('replace', str('ab'), str('a(?=b)'), str('x'))])]));
    expect(a).toMatchObject({ error: expect.stringContaining('Java regex features') });
  });

  it('TO_STRING of an ip and TO_IP of a computed string', async () => {
    expect(
      await values(
        row(['s', str('fe80::0:1')]),
        evalCmd(['ip', fn('to_ip', fn('to_lower', col('s')))], ['v4', fn('to_string', fn('to_ip', str('::ffff:10.0.0.1')))], ['bad', fn('to_ip', fn('to_lower', str('x')))]),
        evalCmd(['t', fn('to_string', col('ip'))]),
        keep('t', 'v4', 'bad'),
      ),
    ).toEqual([['fe80::1', '10.0.0.1', null]]);
  });

  it('conversions map every value of a multi-value; a bad ip is null with its own message', async () => {
    const a = await answer(host, buildQuery([row(['s', list(str('10.0.0.1'), str('8.8.8.8'))], ['b', str('foo')]), evalCmd(['ips', fn('to_ip', col('s'))], ['bad', fn('to_ip', col('b'))]), keep('ips', 'bad'), limit(1)]));
    expect(a).toEqual({
      columns: [
        { name: 'ips', type: 'ip' },
        { name: 'bad', type: 'ip' },
      ],
      values: [[['10.0.0.1', '8.8.8.8'], null]],
      warnings: [
        'Line 1:73: evaluation of [to_ip(b)] failed, treating result as null. Only first 20 failures recorded.',
        "Line 1:73: java.lang.IllegalArgumentException: 'foo' is not an IP string literal.",
      ],
    });
  });

  it('CIDR_MATCH with a block computed per row', async () => {
    expect(await values(row(['ip', fn('to_ip', str('10.1.2.3'))], ['b', str('10.0.0.0/8')]), evalCmd(['m', fn('cidr_match', col('ip'), fn('concat', col('b'), str('')), str('1.0.0.0/8'))]), keep('m'))).toEqual([[true]]);
  });

  it('FROM_BASE64 and TO_STRING', async () => {
    expect(await values(row(['b', fn('from_base64', str('aGVsbG8='))], ['s', fn('to_string', int(42))]))).toEqual([['hello', '42']]);
  });
});

describe('numbers and dates', () => {
  it('integer division truncates, division by zero is null', async () => {
    expect(await values(row(['a', bin(int(-7), '/', int(2))], ['b', bin(int(7), '/', int(0))], ['c', bin(dbl(7), '/', int(2))]))).toEqual([[-3, null, 3.5]]);
  });

  it('integer overflow and division by zero are null plus a warning', async () => {
    const a = await answer(host, buildQuery([row(['a', int(2147483647)]), evalCmd(['b', bin(col('a'), '+', int(1))], ['c', bin(col('a'), '/', int(0))]), keep('b', 'c'), limit(1)]));
    expect(a).toEqual({
      columns: [
        { name: 'b', type: 'integer' },
        { name: 'c', type: 'integer' },
      ],
      values: [[null, null]],
      warnings: [
        'Line 1:31: evaluation of [a + 1] failed, treating result as null. Only first 20 failures recorded.',
        'Line 1:31: java.lang.ArithmeticException: integer overflow',
        'Line 1:42: evaluation of [a / 0] failed, treating result as null. Only first 20 failures recorded.',
        'Line 1:42: java.lang.ArithmeticException: / by zero',
      ],
    });
  });

  it('SQRT of a negative is null plus a warning', async () => {
    const a = await answer(host, buildQuery([row(['a', int(-4)], ['b', int(16)]), evalCmd(['x', fn('sqrt', col('a'))], ['y', fn('sqrt', col('b'))]), keep('x', 'y'), limit(1)]));
    expect(a).toMatchObject({ values: [[null, 4]], warnings: [expect.stringContaining('evaluation of [sqrt(a)] failed'), expect.stringContaining('Square root of negative')] });
  });

  it('folds now() and date math, formats dates with millis and Z', async () => {
    const a = await values(row(['n', fn('now')], ['w', bin(fn('now'), '-', span(7, 'day'))], ['m', bin(fn('to_datetime', str('2026-01-31T10:00:00Z')), '+', span(1, 'month'))], ['s', bin(str('2024-03-01'), '-', span(1, 'day'))]));
    expect(a).toEqual([['2026-01-08T00:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-02-28T10:00:00.000Z', '2024-02-29T00:00:00.000Z']]);
  });

  it('DATE_TRUNC and DATE_FORMAT', async () => {
    const d = fn('to_datetime', str('2026-01-08T13:47:12.345Z'));
    expect(
      await values(
        row(
          ['h', fn('date_trunc', span(1, 'hour'), d)],
          ['m', fn('date_trunc', span(1, 'month'), d)],
          ['w', fn('date_trunc', span(7, 'day'), d)],
          ['t', fn('date_trunc', span(10, 'minute'), d)],
          ['f', fn('date_format', str('yyyy-MM-dd HH:mm'), d)],
        ),
      ),
    ).toEqual([
      ['2026-01-08T13:00:00.000Z', '2026-01-01T00:00:00.000Z', '2026-01-05T00:00:00.000Z', '2026-01-08T13:40:00.000Z', '2026-01-08 13:47'],
    ]);
  });

  it('conversions', async () => {
    expect(await values(row(['i', fn('to_integer', str('12'))], ['l', fn('to_long', dbl(2.5))], ['d', fn('to_double', str('1.5'))], ['x', fn('to_integer', str('x'))], ['r', fn('to_integer', dbl(-2.5))], ['s', fn('to_long', str('7.6'))]))).toEqual([
      [12, 3, 1.5, null, -2, 8],
    ]);
  });
});

describe('multi-values', () => {
  it('returns arrays and counts values', async () => {
    expect(await values(row(['a', list(int(1), int(2), int(3))]), evalCmd(['n', fn('mv_count', col('a'))], ['s', fn('mv_slice', col('a'), int(1), int(2))]))).toEqual([
      [[1, 2, 3], 3, [2, 3]],
    ]);
    expect(await values(row(['a', list(str('x'), str('y'))]), evalCmd(['c', fn('mv_concat', col('a'), str('-'))]))).toEqual([[['x', 'y'], 'x-y']]);
    expect(await values(row(['a', list(int(3), int(1))]), evalCmd(['s', fn('mv_sum', col('a'))], ['o', fn('mv_sort', col('a'))], ['f', fn('mv_first', col('a'))]), keep('s', 'o', 'f'))).toEqual([[4, [1, 3], 3]]);
  });

  it('single-value functions give null plus the warning pair', async () => {
    const q = buildQuery([row(['a', list(int(1), int(2))]), evalCmd(['b', bin(col('a'), '+', int(1))]), keep('b')]);
    const a = await answer(host, q);
    expect(a).toEqual({
      columns: [{ name: 'b', type: 'integer' }],
      values: [[null]],
      warnings: [
        'No limit defined, adding default limit of [1000]',
        'Line 1:27: evaluation of [a + 1] failed, treating result as null. Only first 20 failures recorded.',
        'Line 1:27: java.lang.IllegalArgumentException: single-value function encountered multi-value',
      ],
    });
  });

  it('COALESCE and CASE return a multi-value whole', async () => {
    expect(await values(row(['a', list(int(1), int(2))], ['n', nul()]), evalCmd(['c', fn('coalesce', col('n'), col('a'))], ['k', fn('case', bool(true), col('a'), int(0))]), keep('c', 'k'))).toEqual([
      [
        [1, 2],
        [1, 2],
      ],
    ]);
  });

  it('IS NULL sees a multi-value as not null', async () => {
    expect(await values(row(['a', list(int(1), int(2))]), evalCmd(['n', isNull(col('a'))]), keep('n'))).toEqual([[false]]);
  });

  it('MV_EXPAND makes one row per value', async () => {
    expect(await values(row(['a', list(int(1), int(2))], ['b', str('x')]), mvExpand('a'))).toEqual([
      [1, 'x'],
      [2, 'x'],
    ]);
  });
});

describe('STATS', () => {
  it('COUNT counts values, COUNT(*) rows, COUNT_DISTINCT distinct values incl. multi-value elements', async () => {
    expect(
      await values(
        row(['a', list(int(1), int(2), int(2))], ['n', nul()]),
        stats([['rows', countStar()], ['c', fn('count', col('a'))], ['cn', fn('count', col('n'))], ['d', fn('count_distinct', col('a'))], ['s', fn('sum', col('a'))], ['m', fn('max', col('a'))]]),
      ),
    ).toEqual([[1, 3, 0, 2, 5, 2]]);
  });

  it('a multi-valued key puts the row in every group; aggregates still see the whole value', async () => {
    expect(await values(row(['a', list(int(1), int(2))]), stats([['c', fn('sum', col('a'))]], [col('a')]), sort([col('a')]))).toEqual([
      [3, 1],
      [3, 2],
    ]);
  });

  it('null is a group key; empty input gives one row without BY and none with BY', async () => {
    expect(await values(row(['a', nul()]), stats([['c', countStar()]], [col('a')]))).toEqual([[1, null]]);
    expect(await values(row(['a', int(1)]), where(bool(false)), stats([['c', countStar()], ['s', fn('sum', col('a'))]]))).toEqual([[0, null]]);
    expect(await values(row(['a', int(1)]), where(bool(false)), stats([['c', countStar()]], [col('a')]))).toEqual([]);
  });

  it('VALUES collects distinct values', async () => {
    expect(await values(row(['a', list(str('b'), str('a'), str('b'))]), stats([['v', fn('values', col('a'))]]))).toEqual([[['a', 'b']]]);
  });
});

describe('SORT and LIMIT', () => {
  it('ASC nulls last, DESC nulls first, explicit NULLS FIRST', async () => {
    const base = [row(['a', list(int(3), int(2), int(1))]), mvExpand('a'), evalCmd(['b', fn('case', bin(col('a'), '==', int(2)), nul(), col('a'))]), keep('b')];
    expect(await values(...base, sort([col('b')]))).toEqual([[1], [3], [null]]);
    expect(await values(...base, sort([col('b'), 'desc']))).toEqual([[null], [3], [1]]);
    expect(await values(...base, sort([col('b'), 'asc', 'first']))).toEqual([[null], [1], [3]]);
  });

  it('LIMIT before SORT keeps the first rows, then sorts them', async () => {
    const base = [row(['a', list(int(3), int(1), int(2))]), mvExpand('a')];
    expect(await values(...base, limit(2), sort([col('a')]))).toEqual([[1], [3]]);
  });
});

describe('DISSECT and params', () => {
  it('DISSECT splits by delimiters; no match gives nulls', async () => {
    expect(await values(row(['m', str('GET /index.html 200')]), dissect(col('m'), '%{method} %{path} %{status}'), keep('method', 'path', 'status'))).toEqual([
      ['GET', '/index.html', '200'],
    ]);
    expect(await values(row(['m', str('nothing')]), dissect(col('m'), '%{a} - %{b}'), keep('a', 'b'))).toEqual([[null, null]]);
  });

  it('a parameter is a value, never SQL text', async () => {
    const evil = "x'; DROP TABLE t; --";
    const q = buildQuery([row(['a', param('v', { type: 'keyword', value: evil })]), evalCmd(['same', bin(col('a'), '==', param('w', { type: 'keyword', value: evil }))]), limit(1)]);
    const a = await answer(host, q);
    expect(a).toMatchObject({ values: [[evil, true]] });
  });
});

