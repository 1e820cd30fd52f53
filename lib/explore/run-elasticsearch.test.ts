/**
 * Explore's run on the Elasticsearch backend: the official client against the fake cluster, whose
 * `_query` the embedded engine answers. The same answers as on the embedded backend, on 9.x and on
 * 8.x (its compatibility headers); an unreachable cluster is a clear failure with what to check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExploreResponse } from '../model/api';
import type { Backend } from '../backends/types';
import { fastBackend } from '../backends/testing/backend';
import { startEngineCluster, type EngineCluster } from '../backends/testing/engine-cluster';
import { unusedUrl } from '../backends/testing/fake-elasticsearch';
import { createSourceCatalog } from './sources';
import { runExplore } from './run';
import type { ExploreInput } from './request';
import { exploreStore, NOW, type ExploreStore } from './testing/store';

let store: ExploreStore;
beforeAll(async () => {
  store = await exploreStore();
});
afterAll(async () => {
  await store.close();
});

const INPUTS: ExploreInput[] = [
  { query: 'FROM logs-net | KEEP event.id | SORT event.id', params: [], window: { id: '7d' } },
  { query: 'FROM logs-net | WHERE destination.ip == TO_IP(?ip) | STATS n = COUNT(*) BY host.name | SORT host.name', params: [{ ip: '203.0.113.9' }], window: { id: '24h' } },
  { query: 'FROM logs-net | KEEP event.id | SORT event.id', params: [], window: { id: 'custom', from: '2026-01-03', to: '2026-01-07T12:00:00Z' } },
  { query: 'FROM assets | KEEP owner | SORT owner', params: [], window: { id: '30d' } },
  { query: 'ROW a = 1, t = now()', params: [], window: { id: 'hunt' } },
  { query: 'FROM logs-net | WHERE b == 1', params: [], window: { id: 'hunt' } },
];

/** The answer without what legitimately differs between backends: timings and the engine's warnings wording. */
function comparable(answer: ExploreResponse) {
  if (!answer.ok) return { ok: false, kind: answer.error.kind, message: answer.error.message.replace(/^Found 1 problem\n/, '') };
  const { took: _took, warnings: _warnings, is_partial: _partial, ...result } = answer.result;
  return { ...answer, result };
}

describe.each(['9.1.0', '8.17.0'])('runExplore on an Elasticsearch %s cluster', (version) => {
  let cluster: EngineCluster;
  let backend: Backend;
  beforeAll(async () => {
    cluster = await startEngineCluster({ engine: store.engine, now: NOW, version });
    backend = fastBackend(cluster.url);
  });
  afterAll(async () => {
    await backend.close();
    await cluster.close();
  });

  it('answers exactly as the embedded backend does, window params and the pinned now sent as params', async () => {
    for (const input of INPUTS) {
      const viaCluster = await runExplore(backend, input, NOW, createSourceCatalog());
      const embedded = await runExplore(store.engine, input, NOW, createSourceCatalog());
      expect(comparable(viaCluster)).toEqual(comparable(embedded));
    }
    const sent = cluster.fake.requests.filter((r) => r.path.startsWith('/_query')).map((r) => r.body as { query: string; params?: unknown });
    expect(sent).toContainEqual(expect.objectContaining({ params: [{ ip: '203.0.113.9' }, { _now1: NOW.toISOString() }] }));
    if (version.startsWith('8.')) expect(cluster.fake.requests.at(-1)?.headers.accept).toContain('compatible-with=8');
  });
});

describe('runExplore on an unreachable cluster', () => {
  it('says so and names the setting to check', async () => {
    const backend = fastBackend(await unusedUrl());
    const answer = await runExplore(backend, { query: 'FROM logs-net', params: [], window: { id: '7d' } }, NOW, createSourceCatalog());
    expect(answer).toMatchObject({ ok: false, error: { kind: 'unreachable', hint: expect.stringContaining('ELASTICSEARCH_URL') } });
    await backend.close();
  });
});
