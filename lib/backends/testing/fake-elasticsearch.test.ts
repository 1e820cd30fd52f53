import { afterEach, describe, expect, it } from 'vitest';
import type { ElasticsearchBackend } from '../elasticsearch';
import { startFakeElasticsearch, unusedUrl, type FakeElasticsearch, type FakeOutcome } from './fake-elasticsearch';
import { durationMs } from './fake-elasticsearch-http';
import { fastBackend } from './backend';

const answer = { columns: [{ name: 'n', type: 'long' }], values: [[7]], took: 12 };
const verification: FakeOutcome = { error: { status: 400, type: 'verification_exception', reason: 'Found 1 problem\nline 1:18: Unknown column [b]' } };

let fake: FakeElasticsearch | undefined;
let backend: ElasticsearchBackend | undefined;
afterEach(async () => {
  await backend?.close();
  await fake?.close();
  fake = undefined;
  backend = undefined;
});

const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
const calls = (f: FakeElasticsearch) => f.requests.map((r) => `${r.method} ${r.path.replace(/async\/.+$/, 'async/:id')}`);

describe('the fake Elasticsearch with asynchronous handlers', () => {
  it('answers a handler that is quick enough in the submit, with its took', async () => {
    fake = await startFakeElasticsearch({ handler: () => later(5, answer) });
    backend = fastBackend(fake.url);
    expect(await backend.query({ query: 'ROW n = 7' })).toMatchObject({ ok: true, response: { values: [[7]], took: 12 } });
    expect(calls(fake)).toEqual(['GET /', 'POST /_query/async']);
  });

  it('reports a slow handler as running, then serves its answer to a poll and frees it', async () => {
    fake = await startFakeElasticsearch({ handler: () => later(300, answer) });
    backend = fastBackend(fake.url); // waits 100ms per submit/poll
    expect(await backend.query({ query: 'ROW n = 7' })).toMatchObject({ ok: true, response: { values: [[7]] } });
    const seen = calls(fake);
    expect(seen.slice(0, 3)).toEqual(['GET /', 'POST /_query/async', 'GET /_query/async/:id']);
    expect(seen.at(-1)).toBe('DELETE /_query/async/:id');
    expect(fake.deleted).toHaveLength(1);
  });

  it('sends a returned error as Elasticsearch does: status, envelope, product header, vendored type', async () => {
    fake = await startFakeElasticsearch({ handler: () => verification });
    const response = await fetch(`${fake.url}/_query`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'ROW a = 1 | KEEP b' }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-elastic-product')).toBe('Elasticsearch');
    expect(response.headers.get('content-type')).toBe('application/vnd.elasticsearch+json;compatible-with=9');
    expect(await response.json()).toEqual({
      error: {
        root_cause: [{ type: 'verification_exception', reason: 'Found 1 problem\nline 1:18: Unknown column [b]' }],
        type: 'verification_exception',
        reason: 'Found 1 problem\nline 1:18: Unknown column [b]',
      },
      status: 400,
    });
  });

  it('lets the backend classify a returned error, from the submit or from a poll', async () => {
    fake = await startFakeElasticsearch({ handler: () => later(250, verification) });
    backend = fastBackend(fake.url);
    const result = await backend.query({ query: 'ROW a = 1 | KEEP b' });
    expect(result).toEqual({ ok: false, error: { kind: 'verification', status: 400, message: 'Found 1 problem\nline 1:18: Unknown column [b]' } });
    expect(calls(fake)).toContain('GET /_query/async/:id');
  });

  it('turns a handler that throws into a 500', async () => {
    fake = await startFakeElasticsearch({
      handler: () => {
        throw new Error('engine exploded');
      },
    });
    backend = fastBackend(fake.url);
    expect(await backend.query({ query: 'ROW a = 1' })).toMatchObject({ ok: false, error: { kind: 'server', status: 500, message: expect.stringContaining('engine exploded') } });
  });

  it('keeps scripted running polls working with a promised answer', async () => {
    fake = await startFakeElasticsearch({ handler: async () => answer });
    backend = fastBackend(fake.url);
    fake.script({ kind: 'running', polls: 1 });
    expect(await backend.query({ query: 'ROW n = 7' })).toMatchObject({ ok: true, response: { values: [[7]] } });
    expect(calls(fake).filter((c) => c === 'GET /_query/async/:id')).toHaveLength(2);
  });

  it('listens on the port it is given', async () => {
    const port = Number(new URL(await unusedUrl()).port);
    fake = await startFakeElasticsearch({ port });
    expect(fake.url).toBe(`http://127.0.0.1:${port}`);
    await expect(startFakeElasticsearch({ port })).rejects.toThrow(/EADDRINUSE/);
  });
});

describe('durationMs', () => {
  it('reads Elasticsearch time values, defaulting to 1s', () => {
    expect([durationMs('100ms'), durationMs('2s'), durationMs('1m'), durationMs(undefined), durationMs('soon')]).toEqual([100, 2000, 60_000, 1000, 1000]);
  });
});
