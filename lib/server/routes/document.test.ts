/**
 * `POST /api/document`: one document by index and `_id` on the embedded store and through an
 * Elasticsearch cluster (the fake cluster answered by the same engine; the real client sends the
 * query): every non-empty field, the id as a param, and a clear 400 for what is not one index.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentResponse } from '../../model/api';
import { resetBackend } from '../../backends';
import { startEngineCluster, type EngineCluster } from '../../backends/testing/engine-cluster';
import { createEmbeddedEngine, type EmbeddedEngine } from '../../engine';
import { openStore } from '../../store';
import { documentRoute } from './document';
import { TEST_ORIGIN, writeHeaders } from '../testing/write-headers';

const NOW = '2026-01-08T12:00:00.000Z';
const INDEX = 'logs-endpoint.events.network-default';
const saved = { ...process.env };

/** Network events as Elastic Defend writes them; the second has no event.id and no _id of its own. */
const LINES = [
  { _id: 'given-1', '@timestamp': '2026-01-08T10:00:00Z', event: { id: 'e-1', category: 'network', type: 'start' }, process: { name: 'curl' }, destination: { ip: '203.0.113.7' } },
  { '@timestamp': '2026-01-08T11:00:00Z', event: { category: 'network', type: 'start' }, host: { os: { type: 'linux' } }, network: { direction: 'egress' }, process: { name: 'nc' } },
].map((d) => JSON.stringify(d));

async function lookup(body: unknown, headers = writeHeaders()): Promise<{ status: number; body: DocumentResponse }> {
  const request = new Request(`${TEST_ORIGIN}/api/document`, { method: 'POST', headers, body: JSON.stringify(body) });
  const response = await documentRoute(request);
  return { status: response.status, body: (await response.json()) as DocumentResponse };
}

function fields(answer: DocumentResponse): Record<string, unknown> {
  if (!answer.ok) throw new Error(answer.error.message);
  return Object.fromEntries(answer.result.columns.map((c, i) => [c.name, answer.result.values[0][i]]));
}

describe('the document route', () => {
  let dataDir: string;
  let engine: EmbeddedEngine;
  let assignedId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-document-'));
    await openStore(dataDir).ingestLines(INDEX, LINES);
    engine = createEmbeddedEngine({ dataDir, now: () => new Date(NOW) });
    const all = await engine.query({ query: `FROM ${INDEX} METADATA _id | WHERE process.name == "nc" | KEEP _id` });
    if (!all.ok) throw new Error(all.error.message);
    assignedId = String(all.response.values[0][0]);
    await resetBackend();
    for (const k of Object.keys(process.env)) if (k.startsWith('ELASTICSEARCH_')) delete process.env[k];
    process.env.HUNTBOARD_DATA_DIR = dataDir;
    process.env.HUNTBOARD_NOW = NOW;
  });

  afterAll(async () => {
    await resetBackend();
    await engine.close();
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers every non-empty field of a document with an assigned _id, and one with its own', async () => {
    const nc = await lookup({ index: INDEX, id: assignedId });
    expect(nc.status).toBe(200);
    expect(fields(nc.body)).toEqual({
      '@timestamp': '2026-01-08T11:00:00.000Z',
      _id: assignedId,
      _index: INDEX,
      'event.category': 'network',
      'event.type': 'start',
      'host.os.type': 'linux',
      'network.direction': 'egress',
      'process.name': 'nc',
      'process.name.text': 'nc',
    });
    expect(nc.body).toMatchObject({ ok: true, index: INDEX, id: assignedId });
    expect(fields((await lookup({ index: INDEX, id: 'given-1' })).body)).toMatchObject({ _id: 'given-1', 'event.id': 'e-1', 'destination.ip': '203.0.113.7' });
  });

  it('an id that is not there is a 404; an unknown index says so', async () => {
    expect(await lookup({ index: INDEX, id: 'nope' })).toMatchObject({ status: 404, body: { ok: false, error: { kind: 'not_found' } } });
    expect(await lookup({ index: 'logs-nothing', id: 'x' })).toMatchObject({ body: { ok: false, error: { kind: 'unknown_index' } } });
  });

  it.each([
    ['logs-*', 'wildcard'],
    ['a,b', 'comma'],
    ['remote:logs-x', 'colon'],
    ['logs-x::failures', 'colon'],
    ['-logs', 'start with'],
    ['Logs', 'lower case'],
    ['logs x', 'character'],
    ['logs"|x', 'character'],
    ['logs\u202ex', 'character'],
    ['..', 'not an index'],
  ])('refuses %j as an index with a 400 that says why', async (index, why) => {
    const answer = await lookup({ index, id: 'x' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ ok: false, error: { kind: 'bad_request', message: expect.stringContaining(why) } });
  });

  it('refuses a body that is not { index, id }, and a request without the CSRF header', async () => {
    expect((await lookup({ index: INDEX })).status).toBe(400);
    expect((await lookup({ index: INDEX, id: 'x', extra: 1 })).status).toBe(400);
    expect((await lookup({ index: INDEX, id: 'x' }, writeHeaders(null))).status).toBe(403);
  });

  describe('through an Elasticsearch cluster', () => {
    let cluster: EngineCluster;

    beforeAll(async () => {
      cluster = await startEngineCluster({ engine, now: new Date(NOW), apiKey: 'document-key' });
    });

    afterAll(async () => {
      await cluster.close();
    });

    it('sends the lookup as ES|QL with the id as a param and answers the same document', async () => {
      const embedded = await lookup({ index: INDEX, id: assignedId });
      await resetBackend();
      process.env.ELASTICSEARCH_URL = cluster.url;
      process.env.ELASTICSEARCH_API_KEY = 'document-key';
      try {
        const remote = await lookup({ index: INDEX, id: assignedId });
        expect(fields(remote.body)).toEqual(fields(embedded.body));
        const sent = cluster.fake.requests.map((r) => r.body as { query?: string; params?: unknown }).find((b) => b?.query?.includes('METADATA'));
        expect(sent?.query).toBe(`FROM ${INDEX} METADATA _id, _index | WHERE _id == ?id1 | LIMIT 1`);
        expect(sent?.params).toEqual([{ id1: assignedId }]);
      } finally {
        delete process.env.ELASTICSEARCH_URL;
        delete process.env.ELASTICSEARCH_API_KEY;
        await resetBackend();
      }
    });
  });
});
