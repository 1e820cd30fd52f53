/**
 * Faults (issue 5) that elasticsearch-failures.test.ts and elasticsearch-async.test.ts leave out:
 * the submit (`POST /_query/async`, not idempotent) is sent exactly once whatever fails; faults
 * on the poll (GET, idempotent) are bounded and end with the stored query deleted; `is_partial`
 * reaches the caller from a polled answer too. Every case is bounded in time (no hung request).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ElasticsearchBackend } from './elasticsearch';
import { startFakeElasticsearch, type FakeElasticsearch, type FakeStep } from './testing/fake-elasticsearch';
import { fastBackend } from './testing/backend';
import type { BackendError, QueryResult } from '../model/esql';

const API_KEY = 'ZmF1bHQta2V5LWlkOmZhdWx0LWtleS1zZWNyZXQ=';
// fastBackend: request timeout 2 s, query timeout 3 s; a bounded fault answers well inside both.
const BOUND_MS = 3_500;

let fake: FakeElasticsearch | undefined;
let backend: ElasticsearchBackend | undefined;
afterEach(async () => {
  await backend?.close();
  await fake?.close();
  fake = undefined;
  backend = undefined;
});

const submits = () => fake?.requests.filter((r) => r.method === 'POST' && r.path.startsWith('/_query')).length;
const polls = () => fake?.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/_query/async/')).length;

async function timed(steps: FakeStep[], answer = { columns: [{ name: 'n', type: 'long' }], values: [[1]] }, overrides = {}) {
  fake = await startFakeElasticsearch({ apiKey: API_KEY, handler: () => answer });
  backend = fastBackend(fake.url, { auth: { kind: 'api_key', apiKey: API_KEY }, ...overrides });
  fake.script(...steps);
  const started = performance.now();
  const result: QueryResult = await backend.query({ query: 'FROM logs-* | LIMIT 1' });
  return { result, ms: performance.now() - started };
}

function errorOf(result: QueryResult): BackendError {
  if (result.ok) throw new Error('expected a failure');
  expect(result.error.message.length).toBeGreaterThan(10);
  expect(result.error.message).not.toContain(API_KEY);
  expect(result.error.message).not.toMatch(/\n\s+at /);
  return result.error;
}

describe('the submit is never retried', () => {
  const cases: [string, FakeStep, BackendError['kind'], RegExp][] = [
    ['401', { kind: 'status', status: 401 }, 'authentication', /authenticate/],
    ['403', { kind: 'status', status: 403 }, 'authorization', /unauthorized/],
    ['429 with Retry-After', { kind: 'status', status: 429, headers: { 'retry-after': '30' } }, 'rate_limited', /\S/],
    ['500', { kind: 'status', status: 500 }, 'server', /\S/],
    ['503', { kind: 'status', status: 503 }, 'server', /\S/],
    ['malformed JSON', { kind: 'malformed' }, 'bad_response', /\S/],
    ['a truncated body', { kind: 'truncated' }, 'bad_response', /\S/],
    ['a hangup', { kind: 'hangup' }, 'unreachable', /\S/],
    ['an answer slower than the request timeout', { kind: 'delay', ms: 2_500 }, 'timeout', /\S/],
  ];
  it.each(cases)('%s on submit: one POST, a clear error of the right kind, bounded', async (_what, step, kind, message) => {
    // The same fault twice: a retry would meet the second one and still fail, but show in the count.
    const { result, ms } = await timed([step, { ...step }]);
    const error = errorOf(result);
    expect(error.kind).toBe(kind);
    expect(error.message).toMatch(message);
    expect(submits()).toBe(1);
    expect(ms).toBeLessThan(BOUND_MS);
  }, 10_000);

  it('429 keeps the server’s Retry-After for the caller instead of sleeping on it', async () => {
    const { result, ms } = await timed([{ kind: 'status', status: 429, headers: { 'retry-after': '30' } }]);
    expect(errorOf(result)).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 30 });
    expect(ms).toBeLessThan(1_000);
  });
});

describe('faults while polling a running query', () => {
  it.each([
    ['malformed JSON', { on: 'poll', kind: 'malformed' }],
    ['a truncated body', { on: 'poll', kind: 'truncated' }],
    ['a 500', { on: 'poll', kind: 'status', status: 500 }],
  ] as [string, FakeStep][])('%s on every poll: reported, bounded, the stored query deleted', async (_what, step) => {
    const { result, ms } = await timed([{ kind: 'running', polls: Infinity }, step, { ...step }, { ...step }, { ...step }]);
    expect(['bad_response', 'server']).toContain(errorOf(result).kind);
    expect(submits()).toBe(1);
    expect(polls()).toBeLessThanOrEqual(3);
    expect(ms).toBeLessThan(BOUND_MS);
    await expect.poll(() => fake?.deleted.length, { timeout: 2_000 }).toBe(1);
  }, 10_000);

  it('a poll slower than the request timeout: timeout, bounded, query deleted', async () => {
    const { result, ms } = await timed([{ kind: 'running', polls: Infinity }, { on: 'poll', kind: 'delay', ms: 2_500 }], undefined, { requestTimeoutMs: 300 });
    expect(errorOf(result).kind).toBe('timeout');
    expect(submits()).toBe(1);
    expect(ms).toBeLessThan(BOUND_MS);
    await expect.poll(() => fake?.deleted.length, { timeout: 2_000 }).toBe(1);
  }, 10_000);

  it('the cluster going away mid-query: unreachable, bounded', async () => {
    fake = await startFakeElasticsearch({ apiKey: API_KEY });
    backend = fastBackend(fake.url, { auth: { kind: 'api_key', apiKey: API_KEY } });
    fake.script({ kind: 'running', polls: Infinity });
    const started = performance.now();
    const pending = backend.query({ query: 'FROM logs-* | LIMIT 1' });
    await expect.poll(() => submits(), { timeout: 2_000 }).toBe(1);
    await fake.refuseConnections();
    const error = errorOf(await pending);
    expect(['unreachable', 'timeout']).toContain(error.kind);
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
  }, 10_000);
});

describe('is_partial reaches the caller', () => {
  it('from an answer that completes on a poll', async () => {
    const answer = { columns: [{ name: 'n', type: 'long' }], values: [[1]], is_partial: true };
    const { result } = await timed([{ kind: 'running', polls: 1 }], answer);
    expect(result).toMatchObject({ ok: true, response: { is_partial: true, values: [[1]] } });
    expect(polls()).toBeGreaterThanOrEqual(1);
  });

  it('and a complete answer says it is not partial', async () => {
    const { result } = await timed([]);
    expect(result).toMatchObject({ ok: true, response: { is_partial: false } });
  });
});
