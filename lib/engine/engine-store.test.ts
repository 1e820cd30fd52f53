/**
 * End to end through createEmbeddedEngine: the real parser, analyzer and store (documents ingested
 * with a mapping into a temp data dir), the two seed queries, describe() and unknown indices.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store';
import { createEmbeddedEngine } from './index';
import { tempDir } from './testing/fixtures';
import type { EmbeddedEngine } from './types';
import { SEED_ALL_USERS, SEED_ROOT_ONLY } from '../esql/testing';

const NOW = new Date('2026-01-08T00:00:00.000Z');
const seed = (rootOnly: boolean) => (rootOnly ? SEED_ROOT_ONLY : SEED_ALL_USERS);

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

describe('seed queries', () => {
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
