/**
 * Explore's routes on the Elasticsearch backend (local single-user mode): the official client
 * against the fake cluster answered by the embedded engine — a run over the window and the sources
 * lookup through resolve-index and `FROM … | LIMIT 0` — and an unreachable cluster's clear failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExploreResponse, SourcesResponse } from '../../model/api';
import { resetBackend } from '../../backends';
import { resetAccessForTests } from '../../auth/server-access';
import { startEngineCluster, type EngineCluster } from '../../backends/testing/engine-cluster';
import { unusedUrl } from '../../backends/testing/fake-elasticsearch';
import { exploreStore, NOW, type ExploreStore } from '../../explore/testing/store';
import { exploreRoute, sourcesRoute } from './explore';
import { TEST_ORIGIN, writeHeaders } from '../testing/write-headers';

const saved = { ...process.env };
let store: ExploreStore;
let cluster: EngineCluster;
let appDir: ExploreStore;

async function post(body: unknown): Promise<{ status: number; body: ExploreResponse }> {
  const r = await exploreRoute(new Request(`${TEST_ORIGIN}/api/explore`, { method: 'POST', headers: writeHeaders(), body: JSON.stringify(body) }));
  return { status: r.status, body: (await r.json()) as ExploreResponse };
}

async function get(query: string): Promise<{ status: number; body: SourcesResponse }> {
  const r = await sourcesRoute(new Request(`${TEST_ORIGIN}/api/explore/sources${query}`, { headers: { host: writeHeaders().host } }));
  return { status: r.status, body: (await r.json()) as SourcesResponse };
}

async function useCluster(url: string) {
  await resetBackend();
  process.env = { ...saved, HUNTBOARD_DATA_DIR: appDir.dataDir, HUNTBOARD_USER: 'solo', HUNTBOARD_NOW: NOW.toISOString(), ELASTICSEARCH_URL: url, ELASTICSEARCH_REQUEST_TIMEOUT_MS: '2000', HUNTBOARD_QUERY_TIMEOUT_MS: '3000' };
  for (const k of Object.keys(process.env)) if (k.startsWith('HUNTBOARD_AUTH_') || k === 'ELASTICSEARCH_CLOUD_ID' || k === 'ELASTICSEARCH_API_KEY') delete process.env[k];
  resetAccessForTests();
}

describe.each(['9.1.0', '8.17.0'])('Explore routes on an Elasticsearch %s cluster', (version) => {
  beforeAll(async () => {
    store = await exploreStore();
    // The app state lives apart from the cluster's data.
    appDir = await exploreStore();
    cluster = await startEngineCluster({ engine: store.engine, now: NOW, version });
    await useCluster(cluster.url);
  });

  afterAll(async () => {
    resetAccessForTests();
    await resetBackend();
    process.env = saved;
    await cluster.close();
    await store.close();
    await appDir.close();
  });

  it('runs the query with the window’s params on the cluster', async () => {
    const { status, body } = await post({ query: 'FROM logs-net | WHERE process.name == ?p | KEEP event.id', params: [{ p: 'сurl' }], window: { id: '7d' } });
    expect(status).toBe(200);
    if (!body.ok) throw new Error(body.error.message);
    expect(body.result.values).toEqual([['e2']]);
    const sent = cluster.fake.requests.filter((r) => r.path.startsWith('/_query')).at(-1)?.body as { query: string; params: unknown };
    expect(sent.params).toEqual([{ p: 'сurl' }, { _now1: NOW.toISOString() }]);
    expect(sent.query).not.toContain('сurl');
  });

  it('lists the cluster’s sources and resolves patterns to its ES|QL columns', async () => {
    const { status, body } = await get('?from=logs-*');
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, indices: ['assets', 'logs-net'], resolved: { indices: ['logs-net'], fields: expect.arrayContaining([{ name: 'host.name', type: 'keyword' }]) } });
  });

  it('still resolves a FROM’s columns when the key may not list indices (403 on resolve-index)', async () => {
    // A new backend: the cached list of the last test is not this one's.
    await useCluster(cluster.url);
    cluster.fake.script({ on: 'resolve', kind: 'status', status: 403 });
    const { status, body } = await get('?from=assets');
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, indices: [], resolved: { fields: expect.arrayContaining([{ name: 'owner', type: 'text' }, { name: 'owner.keyword', type: 'keyword' }]) } });
  });
});

describe('Explore routes on an unreachable cluster', () => {
  beforeAll(async () => {
    appDir = await exploreStore();
    await useCluster(await unusedUrl());
  });

  afterAll(async () => {
    resetAccessForTests();
    await resetBackend();
    process.env = saved;
    await appDir.close();
  });

  it('answers 502 naming the setting to check, for a run and for the sources', async () => {
    const run = await post({ query: 'FROM logs-net', window: { id: '24h' } });
    expect(run).toMatchObject({ status: 502, body: { ok: false, error: { kind: 'unreachable', hint: expect.stringContaining('ELASTICSEARCH_URL') } } });
    const sources = await get('');
    expect(sources).toMatchObject({ status: 502, body: { ok: false, error: { kind: 'unreachable', hint: expect.stringContaining('ELASTICSEARCH_URL') } } });
  });
});
