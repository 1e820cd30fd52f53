/** The two seed hunt queries (../testing/seed-queries.ts) over an index with the ECS network fields. */
import { describe, expect, it } from 'vitest';
import { NET, run } from '../testing/network-index';
import { and, as, bin, col, countStar, fn, from, int, isNull, limit, not, sort, span, stats, str, where, type X } from '../testing/builders';

const BLOCKS = [
  '10.0.0.0/8', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.0.0/29', '192.0.0.8/32', '192.0.0.9/32',
  '192.0.0.10/32', '192.0.0.170/32', '192.0.0.171/32', '192.0.2.0/24', '192.31.196.0/24', '192.52.193.0/24', '192.168.0.0/16',
  '192.88.99.0/24', '224.0.0.0/4', '100.64.0.0/10', '192.175.48.0/24', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24',
  '240.0.0.0/4', '::1', 'FE80::/10', 'FF00::/8',
];

const eq = (name: string, value: string) => bin(col(name), '==', str(value));

function seedQuery(rootOnly: boolean) {
  const filters: X[] = [
    eq('host.os.type', 'linux'),
    eq('event.category', 'network'),
    eq('event.type', 'start'),
    eq('event.action', 'connection_attempted'),
    ...(rootOnly ? [eq('user.id', '0')] : []),
    not(isNull(col('process.name'))),
    not(fn('CIDR_MATCH', col('destination.ip'), ...BLOCKS.map(str))),
  ];
  return run([
    from([NET]),
    where(bin(col('@timestamp'), '>', bin(fn('now'), '-', span(7, 'day')))),
    where(filters.reduce((acc, f) => and(acc, f))),
    stats([as(countStar(), 'connection_count'), as(fn('count_distinct', col('agent.id')), 'unique_agent_count')], [col('process.name')]),
    where(and(bin(col('connection_count'), '<=', int(5)), bin(col('unique_agent_count'), '==', int(1)))),
    limit(100),
    sort([col('connection_count')], [col('unique_agent_count'), 'asc']),
  ]);
}

describe.each([false, true])('seed query (root only: %s)', (rootOnly) => {
  it('analyzes to connection_count, unique_agent_count, process.name', () => {
    const { result } = seedQuery(rootOnly);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const a = result.analyzed;
    expect(a.output).toEqual([
      { name: 'connection_count', type: 'long' },
      { name: 'unique_agent_count', type: 'long' },
      { name: 'process.name', type: 'keyword' },
    ]);
    expect(a.steps.map((s) => s.command.kind)).toEqual(['from', 'where', 'where', 'stats', 'where', 'limit', 'sort']);
    expect(a.steps[0].output.map((c) => c.name)).toContain('destination.ip');
    expect(a.implicitLimit).toEqual({ count: 10000 });
    expect(new Set(a.functions.values())).toEqual(new Set(['now', 'cidr_match', 'count', 'count_distinct']));
    expect(a.sources?.indices).toEqual(['logs-endpoint.events.network-default']);
  });

  it('types every expression node and names every field', () => {
    const { result, query } = seedQuery(rootOnly);
    if (!result.ok) throw new Error('analysis failed');
    const where1 = query.commands[1];
    if (where1.kind !== 'where' || where1.condition.kind !== 'binary') throw new Error('shape');
    expect(result.analyzed.types.get(where1.condition)).toBe('boolean');
    expect(result.analyzed.types.get(where1.condition.right)).toBe('date');
    const statsCmd = query.commands[3];
    if (statsCmd.kind !== 'stats') throw new Error('shape');
    expect(statsCmd.groupings.map((g) => result.analyzed.names.get(g))).toEqual(['process.name']);
    expect(statsCmd.aggregates.map((g) => result.analyzed.names.get(g))).toEqual(['connection_count', 'unique_agent_count']);
  });
});
