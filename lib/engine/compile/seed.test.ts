/**
 * The two seed queries (lib/esql/testing) compiled from their analyzed form and run over a small fixture:
 * rare processes seen by one agent in the last 7 days, internal ranges excluded, all users and root.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnalyzedQuery, analyze, type EsqlType } from '../../esql';
import type { SourceSnapshot } from '../../store/types';
import { compileQuery } from './query';
import { DuckDbHost } from '../duckdb';
import { fixtureSnapshot, type FixtureValue } from '../testing/fixtures';
import { bin, buildQuery, col, countStar, fn, from, int, isNull, limit, not, sort, span, stats, str, where, type X } from '../testing/query';
import { answer, TEST_NOW } from '../testing/run';

const CIDRS = ['10.0.0.0/8', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.0.0/29', '192.0.0.8/32', '192.0.0.9/32', '192.0.0.10/32', '192.0.0.170/32', '192.0.0.171/32', '192.0.2.0/24', '192.31.196.0/24', '192.52.193.0/24', '192.168.0.0/16', '192.88.99.0/24', '224.0.0.0/4', '100.64.0.0/10', '192.175.48.0/24', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '240.0.0.0/4', '::1', 'FE80::/10', 'FF00::/8'];
const FIELDS: Record<string, EsqlType> = {
  '@timestamp': 'date',
  'host.os.type': 'keyword',
  'event.category': 'keyword',
  'event.type': 'keyword',
  'event.action': 'keyword',
  'process.name': 'keyword',
  'destination.ip': 'ip',
  'agent.id': 'keyword',
  'user.id': 'keyword',
};
const DAY = 86_400_000;

/** The builder's AST and text, analyzed by the real analyzer (lib/esql/analysis/analyze.ts). */
function seedQuery(rootOnly: boolean): AnalyzedQuery {
  const built = builtSeedQuery(rootOnly);
  const fields = Object.entries(FIELDS).map(([name, type]) => ({ name, type }));
  const result = analyze(built.query, built.text, () => ({ indices: ['logs-endpoint.events.network-default'], fields }));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.analyzed;
}

function builtSeedQuery(rootOnly: boolean) {
  const and = (...xs: X[]) => xs.reduce((a, b) => bin(a, 'and', b));
  const eq = (field: string, value: string) => bin(col(field), '==', str(value));
  const conditions = [eq('host.os.type', 'linux'), eq('event.category', 'network'), eq('event.type', 'start'), eq('event.action', 'connection_attempted')];
  if (rootOnly) conditions.push(eq('user.id', '0'));
  conditions.push(not(isNull(col('process.name'))), not(fn('CIDR_MATCH', col('destination.ip'), ...CIDRS.map(str))));
  return buildQuery(
    [
      from('logs-endpoint.events.network-*'),
      where(bin(col('@timestamp'), '>', bin(fn('now'), '-', span(7, 'day')))),
      where(and(...conditions)),
      stats([['connection_count', countStar()], ['unique_agent_count', fn('count_distinct', col('agent.id'))]], [col('process.name')]),
      where(bin(bin(col('connection_count'), '<=', int(5)), 'and', bin(col('unique_agent_count'), '==', int(1)))),
      limit(100),
      sort([col('connection_count')], [col('unique_agent_count'), 'asc']),
    ],
    FIELDS,
  );
}

const host = new DuckDbHost();
let snapshot: SourceSnapshot;

beforeAll(async () => {
  const conn = (name: string | null, agent: string, ip: string | string[], opts: { user?: string; age?: number; os?: string; type?: FixtureValue } = {}) => ({
    '@timestamp': TEST_NOW - (opts.age ?? 1) * 3_600_000,
    'host.os.type': opts.os ?? 'linux',
    'event.category': 'network',
    'event.type': opts.type ?? 'start',
    'event.action': 'connection_attempted',
    'process.name': name,
    'destination.ip': ip,
    'agent.id': agent,
    'user.id': opts.user ?? '1000',
  });
  snapshot = await fixtureSnapshot('logs-endpoint.events.network-default', FIELDS, [
    [
      conn('curl', 'a1', '8.8.8.8', { user: '0' }),
      conn('curl', 'a1', '1.1.1.1', { user: '0' }),
      conn('wget', 'a1', '8.8.4.4'),
      conn('wget', 'a2', '8.8.4.4'),
      conn('nc', 'a3', '2001:db8::1'),
      conn('nc', 'a3', '10.1.2.3'),
      conn('socat', 'a3', '203.0.114.9', { user: '0' }),
      conn('old', 'a4', '8.8.8.8', { age: 8 * 24 }),
      conn('win', 'a5', '8.8.8.8', { os: 'windows' }),
      conn(null, 'a6', '8.8.8.8'),
      conn('loop', 'a7', '::1'),
      conn('link', 'a7', 'fe80::1'),
      conn('mcast', 'a7', 'ff02::1'),
      conn('cgnat', 'a7', '100.64.1.1'),
    ],
    [
      conn('mv', 'a8', ['8.8.8.8', '9.9.9.9']),
      conn('dns', 'a8', '8.8.8.8', { type: ['protocol', 'info'] }),
      ...Array.from({ length: 6 }, () => conn('busy', 'a9', '7.7.7.7')),
    ],
  ]);
});
afterAll(() => host.close());

describe('seed hunt: low volume external connections by unique agent', () => {
  it('all users: sorted by count, with the multi-value warnings', async () => {
    const a = await answer(host, seedQuery(false), snapshot);
    if ('error' in a) throw new Error(a.error);
    expect(a.columns).toEqual([
      { name: 'connection_count', type: 'long' },
      { name: 'unique_agent_count', type: 'long' },
      { name: 'process.name', type: 'keyword' },
    ]);
    expect(a.values).toEqual([
      [1, 1, 'nc'],
      [1, 1, 'socat'],
      [2, 1, 'curl'],
    ]);
    expect(a.warnings.filter((w) => w.includes('evaluation of'))).toEqual([
      expect.stringMatching(/^Line 1:\d+: evaluation of \[event.type == "start"\] failed/),
      expect.stringMatching(/^Line 1:\d+: evaluation of \[CIDR_MATCH\(destination.ip, "10.0.0.0\/8", .*"FF00::\/8"\)\] failed/),
    ]);
  });

  it('root only', async () => {
    const a = await answer(host, seedQuery(true), snapshot);
    expect('values' in a && a.values).toEqual([
      [1, 1, 'socat'],
      [2, 1, 'curl'],
    ]);
  });

  it('compiles to lean SQL: plain column filters, CIDR as hex ranges, no #mv read on the hot path', () => {
    const c = compileQuery(seedQuery(false), snapshot, { nowMs: TEST_NOW });
    if (!c.ok) throw new Error('compile failed');
    expect(c.sql).toContain(`> ${TEST_NOW - 7 * DAY}::BIGINT`);
    expect(c.sql).toContain("BETWEEN '00000000000000000000ffff0a000000' AND '00000000000000000000ffff0affffff'");
    expect(c.sql).toContain('count(DISTINCT');
    const main = c.sql.split('\n').slice(1).join('\n');
    expect(main).not.toMatch(/\bm\d+\b/);
  });
});
