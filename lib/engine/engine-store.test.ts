/**
 * End to end through createEmbeddedEngine: the real parser, analyzer and store (documents ingested
 * with a mapping into a temp data dir), the two seed queries, describe() and unknown indices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store';
import { createEmbeddedEngine } from './index';
import { tempDir } from './test-fixtures';
import type { EmbeddedEngine } from './types';

const NOW = new Date('2026-01-08T00:00:00.000Z');
const CIDRS = `"10.0.0.0/8", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.0.0/29", "192.0.0.8/32", "192.0.0.9/32", "192.0.0.10/32", "192.0.0.170/32", "192.0.0.171/32", "192.0.2.0/24", "192.31.196.0/24", "192.52.193.0/24", "192.168.0.0/16", "192.88.99.0/24", "224.0.0.0/4", "100.64.0.0/10", "192.175.48.0/24","198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "240.0.0.0/4", "::1","FE80::/10", "FF00::/8"`;
const seed = (rootOnly: boolean) => `from logs-endpoint.events.network-*
| where @timestamp > now() - 7 day
| where host.os.type == "linux" and event.category == "network" and event.type == "start" and event.action == "connection_attempted"${rootOnly ? ' and user.id == "0"' : ''} and not process.name is null and
    not CIDR_MATCH(destination.ip, ${CIDRS})
| stats connection_count = count(*), unique_agent_count = count_distinct(agent.id) by process.name
| where connection_count <= 5 and unique_agent_count == 1
| limit 100
| sort connection_count, unique_agent_count asc`;

const MAPPING = {
  properties: {
    '@timestamp': { type: 'date' },
    host: { properties: { os: { properties: { type: { type: 'keyword' } } } } },
    event: { properties: { category: { type: 'keyword' }, type: { type: 'keyword' }, action: { type: 'keyword' } } },
    process: { properties: { name: { type: 'keyword' } } },
    destination: { properties: { ip: { type: 'ip' } } },
    agent: { properties: { id: { type: 'keyword' } } },
    user: { properties: { id: { type: 'keyword' } } },
  },
};

let engine: EmbeddedEngine;

beforeAll(async () => {
  const dataDir = tempDir();
  const store = openStore(dataDir);
  const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000).toISOString();
  const conn = (name: string, agent: string, ip: string, user = '1000', h = 1, type: string | string[] = 'start') => ({
    '@timestamp': hoursAgo(h),
    host: { os: { type: 'linux' } },
    event: { category: 'network', type, action: 'connection_attempted' },
    process: { name },
    destination: { ip },
    agent: { id: agent },
    user: { id: user },
  });
  await store.ingestDocuments(
    'logs-endpoint.events.network-default',
    [
      conn('curl', 'a1', '8.8.8.8', '0'),
      conn('curl', 'a1', '1.1.1.1', '0'),
      conn('nc', 'a2', '203.0.114.1', '0'),
      conn('wget', 'a1', '8.8.4.4'),
      conn('wget', 'a2', '8.8.4.4'),
      conn('ssh', 'a3', '10.0.0.1'),
      conn('dig', 'a3', 'fe80::1'),
      conn('stale', 'a4', '8.8.8.8', '0', 24 * 8),
      conn('dns', 'a5', '8.8.8.8', '0', 1, ['protocol', 'info']),
    ],
    { mapping: MAPPING },
  );
  engine = createEmbeddedEngine({ dataDir, now: () => NOW });
});
afterAll(() => engine.close());

describe('seed queries (DESIGN.md)', () => {
  it('all users', async () => {
    const r = await engine.query({ query: seed(false) });
    expect(r).toMatchObject({
      ok: true,
      response: {
        columns: [
          { name: 'connection_count', type: 'long' },
          { name: 'unique_agent_count', type: 'long' },
          { name: 'process.name', type: 'keyword' },
        ],
        values: [
          [1, 1, 'nc'],
          [2, 1, 'curl'],
        ],
        is_partial: false,
      },
    });
  });

  it('root only', async () => {
    const r = await engine.query({ query: seed(true) });
    expect(r.ok && r.response.values).toEqual([
      [1, 1, 'nc'],
      [2, 1, 'curl'],
    ]);
  });
});

describe('engine over the store', () => {
  it('describes the indices with doc counts and time range', async () => {
    const d = await engine.describe();
    expect(d).toMatchObject({ ok: true, info: { kind: 'embedded', indices: [{ name: 'logs-endpoint.events.network-default', docCount: 9, maxTimestamp: '2026-01-07T23:00:00.000Z' }] } });
  });

  it('an unknown index is an unknown_index error', async () => {
    expect(await engine.query({ query: 'FROM nope | LIMIT 1' })).toMatchObject({ ok: false, error: { kind: 'unknown_index' } });
  });
});
