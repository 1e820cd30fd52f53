/**
 * The hunt page's histogram route on the embedded demo store and through an Elasticsearch cluster
 * (the fake cluster answered by the same engine): the buckets add up to the events the hunt's last
 * STATS aggregates, counted here by a query of our own, and both backends give the same buckets.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistogramResponse } from '../../model/api';
import { resetBackend } from '../../backends';
import { startEngineCluster, type EngineCluster } from '../../backends/testing/engine-cluster';
import { writeDemo } from '../../demo';
import { createEmbeddedEngine, type EmbeddedEngine } from '../../engine';
import { SEED_ALL_USERS, SEED_ROOT_ONLY } from '../../esql/testing';
import { huntToml, tempHuntsDir } from '../../hunts/testing/fixtures';
import { openStore } from '../../store';
import { histogramRoute } from './hunts';
import { TEST_ORIGIN, writeHeaders } from '../testing/write-headers';

const NOW = '2026-01-08T12:00:00.000Z';
const HUNT = 'low_volume_external_network_connections_from_process';
const ALL_DATA = 'from logs-endpoint.events.network-*\n| where event.category == "network"\n| stats c = count(*) by process.name\n';
const saved = { ...process.env };

type Ok = Extract<HistogramResponse, { ok: true }>;

async function histogram(body: unknown, id = HUNT, n = '1', headers = writeHeaders(), signal?: AbortSignal): Promise<{ status: number; body: HistogramResponse }> {
  const request = new Request(`${TEST_ORIGIN}/api`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body), ...(signal ? { signal } : {}) });
  const response = await histogramRoute(request, { params: Promise.resolve({ id, n }) });
  return { status: response.status, body: (await response.json()) as HistogramResponse };
}

async function ok(body: unknown, id = HUNT, n = '1'): Promise<Ok> {
  const answer = await histogram(body, id, n);
  if (!answer.body.ok) throw new Error(answer.body.error.message);
  expect(answer.status).toBe(200);
  return answer.body;
}

const sum = (answer: Ok) => answer.buckets.reduce((n, b) => n + b.count, 0) + answer.undated;

/** The seed's pipeline up to its STATS, its window replaced by `window`, counted: written here, not by the route's builder. */
function seedCount(seed: string, window: string): string {
  const before = seed.split('\n| stats')[0].replace('| where @timestamp > now() - 7 day', window);
  return `${before}\n| stats n = count(*)`;
}

function expectBuckets(answer: Ok, label: string, ms: number) {
  expect(answer.step).toEqual({ label, ms });
  const starts = answer.buckets.map((b) => b.start);
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
  for (const b of answer.buckets) {
    expect(b.start % ms).toBe(0);
    expect(b.count).toBeGreaterThan(0);
  }
}

describe('the hunt histogram route', () => {
  let dataDir: string;
  let huntsDir: string;
  let engine: EmbeddedEngine;

  async function count(text: string): Promise<number> {
    const result = await engine.query({ query: text, now: new Date(NOW) });
    if (!result.ok) throw new Error(result.error.message);
    return Number(result.response.values[0][0]);
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-histogram-'));
    huntsDir = tempHuntsDir({
      'all-data.toml': huntToml({ name: 'All data', uuid: '00000000-0000-4000-8000-0000000000a1', queries: [ALL_DATA] }),
      'events.toml': huntToml({ name: 'Events', uuid: '00000000-0000-4000-8000-0000000000a2', queries: ['from logs-endpoint.events.network-* | limit 5\n'] }),
    });
    await writeDemo(openStore(dataDir), { now: new Date(NOW), scale: 0.05, weeks: 2 });
    engine = createEmbeddedEngine({ dataDir, now: () => new Date(NOW) });
    await resetBackend();
    for (const k of Object.keys(process.env)) if (k.startsWith('ELASTICSEARCH_')) delete process.env[k];
    process.env.HUNTBOARD_DATA_DIR = dataDir;
    process.env.HUNTBOARD_NOW = NOW;
    process.env.HUNTBOARD_HUNTS_DIR = huntsDir;
  });

  afterAll(async () => {
    await resetBackend();
    await engine.close();
    process.env = saved;
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(huntsDir, { recursive: true, force: true });
  });

  it.each([
    ['1', SEED_ALL_USERS],
    ['2', SEED_ROOT_ONLY],
  ])('query %s: 3-hour buckets over the hunt’s 7 days that add up to the events its STATS aggregates', async (n, seed) => {
    const answer = await ok({}, HUNT, n);
    expectBuckets(answer, '3h', 3 * 3_600_000);
    const expected = await count(seedCount(seed, `| where @timestamp > TO_DATETIME("${NOW}") - 7 day`));
    expect(expected).toBeGreaterThan(100);
    expect(sum(answer)).toBe(expected);
    expect(answer.window).toEqual({ id: '7d', description: 'last 7 days', from: '2026-01-01T12:00:00.000Z', to: NOW, openEnded: true });
    expect(answer.effectiveQuery).toContain('BY bucket = BUCKET(@timestamp, 3 hours) | SORT bucket');
    expect(answer.params).toEqual([{ _now1: NOW }]);
    expect(answer.buckets[0].start).toBeGreaterThanOrEqual(Date.parse('2026-01-01T12:00:00.000Z') - 3 * 3_600_000);
    expect(answer.first).toBeGreaterThan(Date.parse('2026-01-01T12:00:00.000Z'));
    expect(answer.last).toBeLessThanOrEqual(Date.parse(NOW));
  });

  it('follows the window: 15-minute buckets over 24 hours, and a custom range’s bounds as params', async () => {
    const day = await ok({ window: { id: '24h' } });
    expectBuckets(day, '15m', 15 * 60_000);
    expect(sum(day)).toBe(await count(seedCount(SEED_ALL_USERS, `| where @timestamp > TO_DATETIME("${NOW}") - 24 hour`)));
    const custom = await ok({ window: { id: 'custom', from: '2025-12-25', to: '2026-01-01T12:00:00Z' } });
    expectBuckets(custom, '3h', 3 * 3_600_000);
    expect(custom.params).toEqual([{ _tstart: '2025-12-25T00:00:00.000Z' }, { _tend: '2026-01-01T12:00:00.000Z' }]);
    expect(custom.effectiveQuery).not.toContain('2025-12-25');
    const expected = await count(seedCount(SEED_ALL_USERS, '| where @timestamp >= "2025-12-25T00:00:00.000Z" and @timestamp < "2026-01-01T12:00:00.000Z"'));
    expect(expected).toBeGreaterThan(0);
    expect(sum(custom)).toBe(expected);
  });

  it('the variant changes only what follows the STATS: the same buckets', async () => {
    const plain = await ok({});
    const variant = await ok({ variant: 'limit-before-sort' });
    expect(variant.buckets).toEqual(plain.buckets);
  });

  it('a hunt with no time window is bucketed over its data’s own span', async () => {
    const answer = await ok({}, 'all-data');
    expect(answer.window).toEqual({ id: 'hunt', description: 'no time window (all data)' });
    expect(answer.buckets.length).toBeGreaterThan(1);
    expect((answer.buckets.at(-1)!.start - answer.buckets[0].start) / answer.step.ms).toBeLessThan(120);
    expect(sum(answer)).toBe(await count(ALL_DATA.replace(/\| stats .*/, '| stats n = count(*)')));
  });

  it('refuses what it cannot chart, and what the guard refuses', async () => {
    expect(await histogram({}, 'events')).toMatchObject({ status: 400, body: { ok: false, error: { message: expect.stringContaining('no STATS') } } });
    expect(await histogram({ window: { id: '99y' } })).toMatchObject({ status: 400, body: { ok: false, error: { kind: 'bad_request' } } });
    expect(await histogram({ rows: [] })).toMatchObject({ status: 400 });
    expect(await histogram('{not json')).toMatchObject({ status: 400 });
    expect(await histogram({}, HUNT, '9')).toMatchObject({ status: 404 });
    expect((await histogram({}, HUNT, '1', writeHeaders(null))).status).toBe(403);
  });

  it('a client that went away cancels the query', async () => {
    const abort = new AbortController();
    abort.abort();
    expect(await histogram({}, HUNT, '1', writeHeaders(), abort.signal)).toMatchObject({ status: 499, body: { ok: false, error: { kind: 'cancelled' } } });
  });

  describe('through an Elasticsearch cluster', () => {
    let cluster: EngineCluster;

    beforeAll(async () => {
      cluster = await startEngineCluster({ engine, now: new Date(NOW), apiKey: 'histogram-key' });
    });

    afterAll(async () => {
      await cluster.close();
    });

    it('sends the same query with its params and gets the same buckets', async () => {
      const embedded = await ok({ window: { id: '24h' } });
      await resetBackend();
      process.env.ELASTICSEARCH_URL = cluster.url;
      process.env.ELASTICSEARCH_API_KEY = 'histogram-key';
      try {
        const remote = await ok({ window: { id: '24h' } });
        expect(remote).toEqual(embedded);
        const sent = cluster.fake.requests.map((r) => r.body as { query?: string; params?: unknown }).find((b) => b?.query?.includes('BUCKET('));
        expect(sent?.params).toEqual([{ _now1: NOW }]);
      } finally {
        delete process.env.ELASTICSEARCH_URL;
        delete process.env.ELASTICSEARCH_API_KEY;
        await resetBackend();
      }
    });
  });
});
