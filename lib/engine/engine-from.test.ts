/** FROM over fixture Parquet parts: projection, missing columns, multi-values, CIDR, ordering, cancellation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EsqlType } from '../esql';
import type { SourceSnapshot } from '../store/types';
import { compileQuery } from './compile/query';
import { DuckDbHost } from './duckdb';
import { runCompiled } from './run';
import { fixtureSnapshot } from './testing/fixtures';
import { bin, buildQuery, col, countStar, fn, from, inList, isNull, keep, limit, not, param, sort, stats, str, where } from './testing/query';
import { answer, TEST_NOW } from './testing/run';

const FIELDS: Record<string, EsqlType> = {
  '@timestamp': 'date',
  'process.name': 'keyword',
  'destination.ip': 'ip',
  'user.id': 'keyword',
  'event.duration': 'long',
  'only.in.mapping': 'keyword',
};
const host = new DuckDbHost();
let snapshot: SourceSnapshot;

beforeAll(async () => {
  const at = (h: number) => TEST_NOW - h * 3_600_000;
  snapshot = await fixtureSnapshot('logs-x', FIELDS, [
    [
      { '@timestamp': at(1), 'process.name': 'curl', 'destination.ip': '8.8.8.8', 'user.id': '0', 'event.duration': 5 },
      { '@timestamp': at(2), 'process.name': 'ssh', 'destination.ip': '10.0.0.5', 'user.id': '1000', 'event.duration': 7 },
      { '@timestamp': at(3), 'process.name': 'dig', 'destination.ip': '2001:db8::1', 'user.id': '0', 'event.duration': null },
    ],
    [
      { '@timestamp': at(4), 'process.name': 'nc', 'destination.ip': ['8.8.8.8', '10.0.0.1'], 'user.id': ['0', '1'], 'event.duration': 1 },
      { '@timestamp': at(5), 'process.name': 'curl', 'destination.ip': '::ffff:1.2.3.4', 'user.id': '0', 'event.duration': 3 },
    ],
  ]);
});
afterAll(() => host.close());

const q = (...cmds: Parameters<typeof buildQuery>[0]) => buildQuery(cmds, FIELDS);

describe('FROM over Parquet parts', () => {
  it('reads only the columns the query needs', () => {
    const c = compileQuery(q(from('logs-x'), where(bin(col('user.id'), '==', str('0'))), keep('process.name'), limit(10)), snapshot, { nowMs: TEST_NOW });
    if (!c.ok) throw new Error('compile failed');
    expect(c.sql).toContain('"process.name"');
    expect(c.sql).toContain('"user.id"');
    expect(c.sql).not.toContain('"event.duration"');
    expect(c.sql).toContain('union_by_name = true');
  });

  it('formats ips and dates; a field no part holds is null', async () => {
    const a = await answer(host, q(from('logs-x'), sort([col('@timestamp'), 'desc']), keep('@timestamp', 'destination.ip', 'only.in.mapping'), limit(10)), snapshot);
    expect(a).toMatchObject({
      columns: [
        { name: '@timestamp', type: 'date' },
        { name: 'destination.ip', type: 'ip' },
        { name: 'only.in.mapping', type: 'keyword' },
      ],
      values: [
        ['2026-01-07T23:00:00.000Z', '8.8.8.8', null],
        ['2026-01-07T22:00:00.000Z', '10.0.0.5', null],
        ['2026-01-07T21:00:00.000Z', '2001:db8::1', null],
        ['2026-01-07T20:00:00.000Z', ['8.8.8.8', '10.0.0.1'], null],
        ['2026-01-07T19:00:00.000Z', '1.2.3.4', null],
      ],
      warnings: [],
    });
  });

  it('sorts ips in 16-byte order and multi-valued keys by min ascending', async () => {
    const a = await answer(host, q(from('logs-x'), sort([col('destination.ip')]), keep('destination.ip'), limit(10)), snapshot);
    expect('values' in a && a.values).toEqual([['1.2.3.4'], ['8.8.8.8'], [['8.8.8.8', '10.0.0.1']], ['10.0.0.5'], ['2001:db8::1']]);
  });

  it('a comparison on a multi-valued field drops the row and warns', async () => {
    const a = await answer(host, q(from('logs-x'), where(bin(col('user.id'), '==', str('0'))), stats([['c', countStar()]])), snapshot);
    expect(a).toEqual({
      columns: [{ name: 'c', type: 'long' }],
      values: [[3]],
      warnings: [
        'No limit defined, adding default limit of [1000]',
        'Line 1:21: evaluation of [user.id == "0"] failed, treating result as null. Only first 20 failures recorded.',
        'Line 1:21: java.lang.IllegalArgumentException: single-value function encountered multi-value',
      ],
    });
  });

  it('NOT CIDR_MATCH drops a multi-valued ip (≤9.5), any-value matches any element (9.6)', async () => {
    const query = q(from('logs-x'), where(not(fn('cidr_match', col('destination.ip'), str('10.0.0.0/8'), str('::1')))), keep('process.name'), sort([col('process.name')]), limit(10));
    const single = await answer(host, query, snapshot);
    expect('values' in single && single.values).toEqual([['curl'], ['curl'], ['dig']]);
    expect('warnings' in single && single.warnings[0]).toMatch(/^Line 1:25: evaluation of \[cidr_match\(destination.ip, "10.0.0.0\/8", "::1"\)\] failed/);
    const any = await answer(host, query, snapshot, { cidrMatchMultiValue: 'any-value' });
    expect('values' in any && any.values).toEqual([['curl'], ['curl'], ['dig']]);
    const matches = q(from('logs-x'), where(fn('cidr_match', col('destination.ip'), str('10.0.0.0/8'))), keep('process.name'), sort([col('process.name')]), limit(10));
    const anyMatch = await answer(host, matches, snapshot, { cidrMatchMultiValue: 'any-value' });
    expect('values' in anyMatch && anyMatch.values).toEqual([['nc'], ['ssh']]);
  });

  it('an invalid CIDR block is an error, not an answer', async () => {
    const a = await answer(host, q(from('logs-x'), where(fn('cidr_match', col('destination.ip'), str('10.0.0.0/40'))), limit(1)), snapshot);
    expect(a).toMatchObject({ error: expect.stringMatching(/^Found 1 problem\nline 1:\d+: Illegal prefix length \[40\] in \[10.0.0.0\/40\]/) });
  });

  // https://www.elastic.co/docs/reference/query-languages/esql/esql-implicit-casting
  it('string literals auto-cast against dates and ips', async () => {
    const a = await answer(
      host,
      q(from('logs-x'), where(bin(bin(col('@timestamp'), '>=', str('2026-01-07T21:00:00Z')), 'and', bin(col('destination.ip'), '!=', str('8.8.8.8')))), keep('process.name'), limit(10)),
      snapshot,
    );
    expect('values' in a && a.values).toEqual([['ssh'], ['dig']]);
  });

  it('IN over ips and a date parameter compare in the physical encoding', async () => {
    const query = q(
      from('logs-x'),
      where(bin(inList(col('destination.ip'), [str('8.8.8.8'), str('10.0.0.5')]), 'and', bin(col('@timestamp'), '>', param('since', { type: 'keyword', value: '2026-01-07T21:30:00Z' })))),
      keep('process.name'),
      limit(10),
    );
    const c = compileQuery(query, snapshot, { nowMs: TEST_NOW });
    expect(c.ok && c.params).toEqual([BigInt(Date.parse('2026-01-07T21:30:00Z'))]);
    const a = await answer(host, query, snapshot);
    expect('values' in a && a.values).toEqual([['curl'], ['ssh']]);
  });

  it('STATS counts values of a multi-valued field and groups it by every value', async () => {
    const a = await answer(host, q(from('logs-x'), stats([['c', countStar()], ['v', fn('count', col('user.id'))]], [col('user.id')]), limit(10)), snapshot);
    expect('values' in a && a.values).toEqual([
      [4, 5, '0'],
      [1, 2, '1'],
      [1, 1, '1000'],
    ]);
  });

  it('gives the same rows in the same order on every run', async () => {
    const query = q(from('logs-x'), where(isNull(col('process.name'), true)), stats([['c', countStar()]], [col('process.name')]), limit(3));
    const first = await answer(host, query, snapshot);
    for (let i = 0; i < 5; i++) expect(await answer(host, query, snapshot)).toEqual(first);
    expect('values' in first && first.values).toEqual([
      [2, 'curl'],
      [1, 'dig'],
      [1, 'nc'],
    ]);
  });

  it('METADATA _index names the index of each row', async () => {
    const a = await answer(host, q(from('logs-x', ['_index']), stats([['c', countStar()]], [col('_index')]), limit(5)), snapshot);
    expect('values' in a && a.values).toEqual([[5, 'logs-x']]);
  });

  it('COUNT(*) reads no column and counts every row', async () => {
    const a = await answer(host, q(from('logs-x'), stats([['c', countStar()]])), snapshot);
    expect('values' in a && a.values).toEqual([[5]]);
  });

  it('an empty snapshot answers with the columns and no rows', async () => {
    const empty: SourceSnapshot = { ...snapshot, partFiles: [], partColumns: {}, multiValued: [] };
    const a = await answer(host, q(from('logs-x'), keep('process.name'), limit(5)), empty);
    expect(a).toMatchObject({ columns: [{ name: 'process.name', type: 'keyword' }], values: [] });
  });
});

describe('cancellation', () => {
  it('an abort interrupts DuckDB and reports cancelled', async () => {
    const controller = new AbortController();
    const slow = { ok: true as const, sql: 'SELECT sum(a.range * b.range) FROM range(100000000) a, range(1000) b', params: [], output: [], probes: [] };
    setTimeout(() => controller.abort(), 100);
    const started = Date.now();
    const outcome = await runCompiled(host, slow, controller.signal);
    expect(outcome).toEqual({ ok: false, cancelled: true });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
