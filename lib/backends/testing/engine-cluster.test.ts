import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectedFindings } from '../../demo';
import { createEmbeddedEngine, type EmbeddedEngine } from '../../engine';
import { builtinHuntsDir, findHunt, loadDirectory } from '../../hunts/catalogue';
import { runHuntQuery } from '../../hunts/run/as-written';
import type { Hunt } from '../../hunts/types';
import { createElasticsearchBackend, type ElasticsearchBackend } from '../elasticsearch';
import { startDemoCluster, startEngineCluster, toFakeFailure, type DemoCluster, type EngineCluster } from './engine-cluster';
import { fastConfig } from './backend';

const NOW = new Date('2026-01-08T12:00:00.000Z');
const API_KEY = 'hb-test-0123456789abcdef';
const SEED = 'low_volume_external_network_connections_from_process';

let dataDir: string;
let cluster: DemoCluster;
let embedded: EmbeddedEngine;
let hunt: Hunt;

/** The REAL Elasticsearch backend, as the dashboard configures it from ELASTICSEARCH_API_KEY. */
function backendFor(url: string, apiKey = API_KEY): ElasticsearchBackend {
  return createElasticsearchBackend(fastConfig(url, { auth: { kind: 'api_key', apiKey }, requestTimeoutMs: 20_000, queryTimeoutMs: 30_000 }), {
    waitForCompletion: '50ms',
  });
}

async function withBackend<T>(url: string, run: (backend: ElasticsearchBackend) => Promise<T>, apiKey?: string): Promise<T> {
  const backend = backendFor(url, apiKey);
  try {
    return await run(backend);
  } finally {
    await backend.close();
  }
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-engine-cluster-'));
  cluster = await startDemoCluster({ dataDir, now: NOW, scale: 0.05, apiKey: API_KEY, clusterName: 'engine-test' });
  embedded = createEmbeddedEngine({ dataDir, now: () => NOW });
  const found = findHunt(await loadDirectory(builtinHuntsDir(), 'builtin'), SEED);
  if (!found) throw new Error('seed hunt missing from the builtin catalogue');
  hunt = found;
});

afterAll(async () => {
  await cluster?.close();
  await embedded?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a cluster answered by the embedded engine, through the real Elasticsearch backend', () => {
  it.each([
    [1, 'allUsers'],
    [2, 'rootOnly'],
  ] as const)('seed query %i gives the embedded engine’s rows (%s)', async (number, which) => {
    const viaCluster = await withBackend(cluster.url, (backend) => runHuntQuery(backend, hunt, number));
    const direct = await runHuntQuery(embedded, hunt, number, { now: NOW });
    if (!viaCluster.ok) throw new Error(viaCluster.error.message);
    if (!direct.ok) throw new Error(direct.error.message);
    expect(viaCluster.response.columns).toEqual(direct.response.columns);
    expect(viaCluster.response.values).toEqual(direct.response.values);
    expect(viaCluster.response.warnings).toEqual(direct.response.warnings);
    expect(viaCluster.response.values.map((row) => row[2]).sort()).toEqual(expectedFindings(which));
  });

  it('describes itself with its name and version', async () => {
    const described = await withBackend(cluster.url, (backend) => backend.describe());
    expect(described).toEqual({ ok: true, info: { kind: 'elasticsearch', clusterName: 'engine-test', version: '9.1.0' } });
  });

  it('sends the engine’s warnings as Warning headers the backend reads back', async () => {
    const result = await withBackend(cluster.url, (backend) => backend.query({ query: 'FROM logs-endpoint.events.network-* | KEEP destination.ip' }));
    // The fake sends warnings only as `Warning: 299 Elasticsearch-…` headers: this is the header path.
    expect(result).toMatchObject({ ok: true, response: { warnings: ['No limit defined, adding default limit of [1000]'] } });
  });

  it('passes params through to the engine', async () => {
    const result = await withBackend(cluster.url, (backend) => backend.query({ query: 'ROW a = ?x | EVAL b = a + 1', params: [{ x: 41 }] }));
    expect(result).toMatchObject({ ok: true, response: { columns: [{ name: 'a' }, { name: 'b' }], values: [[41, 42]] } });
  });

  it('answers engine errors as Elasticsearch error bodies', async () => {
    const [unknownColumn, unknownIndex, parsing] = await withBackend(cluster.url, (backend) =>
      Promise.all([
        backend.query({ query: 'ROW a = 1 | KEEP b' }),
        backend.query({ query: 'FROM nope-* | LIMIT 1' }),
        backend.query({ query: 'FROM | LIMIT' }),
      ]),
    );
    expect(unknownColumn).toEqual({ ok: false, error: { kind: 'verification', status: 400, message: expect.stringContaining('Unknown column [b]') } });
    expect(unknownIndex).toEqual({ ok: false, error: { kind: 'unknown_index', status: 400, message: expect.stringContaining('Unknown index [nope-*]') } });
    expect(parsing).toMatchObject({ ok: false, error: { kind: 'parsing', status: 400 } });
    const bodies = cluster.fake.requests.filter((r) => r.path === '/_query/async').map((r) => (r.body as { query: string }).query);
    expect(bodies).toEqual(expect.arrayContaining(['ROW a = 1 | KEEP b', 'FROM nope-* | LIMIT 1']));
  });

  it('refuses a request without the API key', async () => {
    const result = await withBackend(cluster.url, (backend) => backend.query({ query: 'ROW a = 1' }), 'wrong-key');
    expect(result).toMatchObject({ ok: false, error: { kind: 'authentication', status: 401 } });
    expect(JSON.stringify(result)).not.toContain('wrong-key');
  });
});

describe('an 8.x cluster', () => {
  let eight: EngineCluster;
  beforeAll(async () => {
    eight = await startEngineCluster({ engine: embedded, now: NOW, version: '8.17.2', apiKey: API_KEY });
  });
  afterAll(() => eight?.close());

  it('answers the seed hunt with compatible-with=8 headers', async () => {
    const result = await withBackend(eight.url, (backend) => runHuntQuery(backend, hunt, 1));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.response.values.map((row) => row[2]).sort()).toEqual(expectedFindings('allUsers'));
    const submit = eight.fake.requests.find((r) => r.path === '/_query/async');
    expect(submit?.headers.accept).toContain('compatible-with=8');
  });
});

describe('toFakeFailure', () => {
  it('maps engine error kinds to Elasticsearch exception types', () => {
    expect(toFakeFailure({ kind: 'parsing', message: 'line 1:1: x' })).toEqual({ error: { status: 400, type: 'parsing_exception', reason: 'line 1:1: x' } });
    expect(toFakeFailure({ kind: 'unknown_index', message: 'Unknown index [a]' }).error).toMatchObject({ status: 400, type: 'verification_exception' });
    expect(toFakeFailure({ kind: 'unsupported', message: 'ENRICH' }).error).toMatchObject({ status: 400, type: 'illegal_argument_exception' });
    expect(toFakeFailure({ kind: 'internal', message: 'boom' }).error).toMatchObject({ status: 500, type: 'exception' });
  });
});
