import { afterEach, describe, expect, it } from 'vitest';
import type { ElasticsearchBackend } from './elasticsearch';
import { startFakeElasticsearch, type FakeElasticsearch } from './testing/fake-elasticsearch';
import { fastBackend } from './testing/backend';

const answer = { columns: [{ name: 'n', type: 'long' }], values: [[42]], warnings: ['No limit defined, adding default limit of [1000]'] };

let fake: FakeElasticsearch | undefined;
let backend: ElasticsearchBackend | undefined;
afterEach(async () => {
  await backend?.close();
  await fake?.close();
  fake = undefined;
  backend = undefined;
});

const calls = (f: FakeElasticsearch) => f.requests.map((r) => `${r.method} ${r.path.replace(/async\/.+$/, 'async/:id')}`);

describe('async queries', () => {
  it('polls a running query until it completes, then frees the stored result', async () => {
    fake = await startFakeElasticsearch({ handler: () => answer });
    backend = fastBackend(fake.url);
    fake.script({ kind: 'running', polls: 2 });
    const result = await backend.query({ query: 'FROM logs-* | STATS n = COUNT(*)' });
    expect(result).toMatchObject({ ok: true, response: { values: [[42]], warnings: ['No limit defined, adding default limit of [1000]'], took: 3 } });
    expect(calls(fake)).toEqual(['GET /', 'POST /_query/async', 'GET /_query/async/:id', 'GET /_query/async/:id', 'GET /_query/async/:id', 'DELETE /_query/async/:id']);
    const poll = fake.requests[2];
    expect(poll.query).toMatchObject({ wait_for_completion_timeout: '100ms' });
    expect(poll.path).toBe(`/_query/async/${fake.deleted[0]}`);
  });

  it('cancels with DELETE when the caller aborts', async () => {
    fake = await startFakeElasticsearch({ handler: () => answer });
    backend = fastBackend(fake.url);
    fake.script({ kind: 'running', polls: Infinity });
    const controller = new AbortController();
    const pending = backend.query({ query: 'FROM logs-*', signal: controller.signal });
    await waitUntil(() => fake!.requests.some((r) => r.method === 'GET' && r.path.startsWith('/_query/async/')));
    controller.abort();
    expect(await pending).toEqual({ ok: false, error: { kind: 'cancelled', message: 'The query was cancelled' } });
    expect(fake.deleted).toHaveLength(1);
    expect(fake.requests.at(-1)).toMatchObject({ method: 'DELETE', path: `/_query/async/${fake.deleted[0]}` });
  });

  it('does not send anything when already aborted', async () => {
    fake = await startFakeElasticsearch();
    backend = fastBackend(fake.url);
    const result = await backend.query({ query: 'ROW a = 1', signal: AbortSignal.abort() });
    expect(result).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(fake.requests.filter((r) => r.path !== '/')).toHaveLength(0);
  });

  it('cancels with DELETE when the query timeout passes', async () => {
    fake = await startFakeElasticsearch({ handler: () => answer });
    backend = fastBackend(fake.url, { queryTimeoutMs: 300 });
    fake.script({ kind: 'running', polls: Infinity });
    const result = await backend.query({ query: 'FROM logs-*' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(fake.deleted).toHaveLength(1);
  });

  it('waits out a 429 on a poll and polls again', async () => {
    fake = await startFakeElasticsearch({ handler: () => answer });
    backend = fastBackend(fake.url);
    fake.script({ kind: 'running', polls: 0 }, { on: 'poll', kind: 'status', status: 429, headers: { 'retry-after': '0' } });
    const result = await backend.query({ query: 'FROM logs-*' });
    expect(result.ok).toBe(true);
    expect(calls(fake).filter((c) => c === 'GET /_query/async/:id')).toHaveLength(2);
  });

  it('a poll failure is reported and the query is cancelled', async () => {
    fake = await startFakeElasticsearch({ handler: () => answer });
    backend = fastBackend(fake.url);
    fake.script({ kind: 'running', polls: 5 }, { on: 'poll', kind: 'status', status: 403 });
    const result = await backend.query({ query: 'FROM logs-*' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'authorization', status: 403 } });
    expect(fake.deleted).toHaveLength(1);
  });

  it('retries a 503 on a poll (idempotent) but reports it when it persists', async () => {
    fake = await startFakeElasticsearch({ handler: () => answer });
    backend = fastBackend(fake.url);
    fake.script({ kind: 'running', polls: 0 }, { on: 'poll', kind: 'status', status: 503 });
    expect((await backend.query({ query: 'FROM logs-*' })).ok).toBe(true);
    fake.script({ kind: 'running', polls: 0 }, { on: 'poll', kind: 'status', status: 503 }, { on: 'poll', kind: 'status', status: 503 });
    expect(await backend.query({ query: 'FROM logs-*' })).toMatchObject({ ok: false, error: { kind: 'server', status: 503 } });
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  if (!condition()) throw new Error('condition not reached');
}
