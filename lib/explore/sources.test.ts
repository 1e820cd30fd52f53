/**
 * The sources the ES|QL editor completes from, on the embedded engine and on an Elasticsearch
 * cluster (the fake server answering `_query` with the embedded engine, the official client in the
 * path): the names a FROM can use, hidden ones left out; patterns resolved to indices and ES|QL
 * columns; an unknown index named; a cache per backend object that never crosses backends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../backends/types';
import { fastBackend } from '../backends/testing/backend';
import { startEngineCluster, type EngineCluster } from '../backends/testing/engine-cluster';
import { startFakeElasticsearch, unusedUrl } from '../backends/testing/fake-elasticsearch';
import { createSourceCatalog } from './sources';
import { exploreStore, NOW, type ExploreStore } from './testing/store';

let store: ExploreStore;
beforeAll(async () => {
  store = await exploreStore();
});
afterAll(async () => {
  await store.close();
});

const FIELDS = [
  { name: '@timestamp', type: 'date' },
  { name: 'destination.ip', type: 'ip' },
  { name: 'event.id', type: 'keyword' },
  { name: 'host.name', type: 'keyword' },
  { name: 'process.name', type: 'keyword' },
];

async function expectSources(backend: Backend) {
  const catalog = createSourceCatalog();
  expect(await catalog.list(backend)).toEqual({ ok: true, sources: ['assets', 'logs-net'] });
  const resolved = await catalog.resolve(backend, 'logs-*');
  if (!resolved.ok) throw new Error(resolved.error.message);
  expect(resolved.resolved).toEqual({ indices: ['logs-net'], fields: expect.arrayContaining(FIELDS) });
  expect(await catalog.resolve(backend, 'logs-*,-logs-net,assets')).toMatchObject({ ok: true, resolved: { indices: ['assets'] } });
  expect(await catalog.resolve(backend, 'nope-*')).toEqual({ ok: true, resolved: { unknown: 'nope-*' } });
}

describe('sources on the embedded engine', () => {
  it('lists the store’s indices and resolves patterns through FROM … | LIMIT 0', async () => {
    await expectSources(store.engine);
  });

  it('refuses what is not a list of source patterns, and quotes what must be quoted', async () => {
    const catalog = createSourceCatalog();
    expect(await catalog.resolve(store.engine, 'logs-net,')).toMatchObject({ ok: false, error: { kind: 'bad_request', message: 'A FROM pattern is empty.' } });
    expect(await catalog.resolve(store.engine, 'logs net')).toMatchObject({ ok: false, error: { kind: 'bad_request' } });
    expect(await catalog.resolve(store.engine, 'a\u0000b')).toMatchObject({ ok: false, error: { message: expect.stringContaining('control character') } });
    // `|` and `"` end or break an unquoted source: printed quoted, they stay one pattern.
    expect(await catalog.resolve(store.engine, 'x|ROW"a"')).toEqual({ ok: true, resolved: { unknown: 'x|ROW"a"' } });
  });
});

describe('sources on an Elasticsearch cluster', () => {
  let cluster: EngineCluster;
  beforeAll(async () => {
    cluster = await startEngineCluster({ engine: store.engine, now: NOW });
  });
  afterAll(async () => {
    await cluster.close();
  });

  it('lists open indices, aliases and data streams through resolve-index, hidden ones left out', async () => {
    const fake = await startFakeElasticsearch({ sources: () => ({ indices: ['logs-a'], aliases: ['current'], dataStreams: ['logs-endpoint.events.network-default'], hidden: ['.ds-logs-1', '.kibana_1'] }) });
    try {
      const backend = fastBackend(fake.url);
      expect(await createSourceCatalog().list(backend)).toEqual({ ok: true, sources: ['current', 'logs-a', 'logs-endpoint.events.network-default'] });
      const asked = fake.requests.find((r) => r.path.startsWith('/_resolve/index/'));
      expect(asked).toMatchObject({ method: 'GET', path: '/_resolve/index/*', query: { expand_wildcards: 'open' } });
      await backend.close();
    } finally {
      await fake.close();
    }
  });

  it('a resolve-index answer it cannot read is a bad_response, not a crash', async () => {
    const fake = await startFakeElasticsearch();
    try {
      const backend = fastBackend(fake.url);
      fake.script({ on: 'resolve', kind: 'malformed' });
      expect(await createSourceCatalog().list(backend)).toMatchObject({ ok: false, error: { kind: 'bad_response' } });
      await backend.close();
    } finally {
      await fake.close();
    }
  });

  it('answers as the embedded engine does (9.x)', async () => {
    const backend = fastBackend(cluster.url);
    await expectSources(backend);
    await backend.close();
  });

  it('answers on an 8.x cluster, with its compatibility headers', async () => {
    const eight = await startEngineCluster({ engine: store.engine, now: NOW, version: '8.17.0' });
    try {
      const backend = fastBackend(eight.url);
      await expectSources(backend);
      const resolve = eight.fake.requests.find((r) => r.path.startsWith('/_resolve/index/'));
      expect(resolve?.headers.accept).toContain('compatible-with=8');
      await backend.close();
    } finally {
      await eight.close();
    }
  });

  it('an unreachable cluster is a clear failure', async () => {
    const backend = fastBackend(await unusedUrl());
    const catalog = createSourceCatalog();
    const listed = await catalog.list(backend);
    expect(listed).toMatchObject({ ok: false, error: { kind: 'unreachable', message: expect.stringMatching(/^Connection refused by http:\/\/127\.0\.0\.1:\d+: is Elasticsearch running\?$/) } });
    expect(await catalog.resolve(backend, 'logs-*')).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
    await backend.close();
  });
});

describe('the source cache', () => {
  function counting(backend: Backend) {
    const calls = { query: 0, describe: 0 };
    const wrapped: Backend = {
      kind: backend.kind,
      query: (r) => (calls.query++, backend.query(r)),
      describe: () => (calls.describe++, backend.describe()),
      close: async () => undefined,
    };
    return { wrapped, calls };
  }

  it('serves one backend from cache for its TTL, asks again after it, and never serves another backend', async () => {
    let clock = 0;
    const catalog = createSourceCatalog({ ttlMs: 30_000, clock: () => clock });
    const a = counting(store.engine);
    const b = counting(store.engine);
    await Promise.all([catalog.resolve(a.wrapped, 'logs-*'), catalog.resolve(a.wrapped, 'logs-*')]);
    await catalog.list(a.wrapped);
    expect(a.calls).toEqual({ query: 1, describe: 1 });
    clock = 29_000;
    await catalog.resolve(a.wrapped, 'logs-*');
    expect(a.calls.query).toBe(1);
    // Settings changed: a new backend object starts with nothing cached.
    await catalog.resolve(b.wrapped, 'logs-*');
    expect(b.calls.query).toBe(1);
    clock = 31_000;
    await catalog.resolve(a.wrapped, 'logs-*');
    expect(a.calls.query).toBe(2);
  });

  it('keeps no failure: the next lookup asks again', async () => {
    const catalog = createSourceCatalog();
    let fail = true;
    const flaky: Backend = {
      kind: 'embedded',
      query: async (r) => (fail ? { ok: false, error: { kind: 'internal', message: 'boom' } } : store.engine.query(r)),
      describe: () => store.engine.describe(),
      close: async () => undefined,
    };
    expect(await catalog.resolve(flaky, 'logs-*')).toMatchObject({ ok: false });
    fail = false;
    expect(await catalog.resolve(flaky, 'logs-*')).toMatchObject({ ok: true });
  });
});
