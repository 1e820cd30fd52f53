import { afterEach, describe, expect, it } from 'vitest';
import type { ElasticsearchBackend } from './elasticsearch';
import { errorBody } from './testing/fake-elasticsearch-responses';
import { startFakeElasticsearch, unusedUrl, type FakeElasticsearch } from './testing/fake-elasticsearch';
import { fastBackend } from './testing/backend';
import type { BackendError, QueryResult } from '../model/esql';

const API_KEY = 'c2VjcmV0LWtleS1pZDpzZWNyZXQta2V5LXZhbHVl';
let fake: FakeElasticsearch | undefined;
let backend: ElasticsearchBackend | undefined;
afterEach(async () => {
  await backend?.close();
  await fake?.close();
  fake = undefined;
  backend = undefined;
});

async function failWith(...steps: Parameters<FakeElasticsearch['script']>): Promise<BackendError> {
  fake = await startFakeElasticsearch({ apiKey: API_KEY, handler: () => ({ columns: [], values: [] }) });
  backend = fastBackend(fake.url, { auth: { kind: 'api_key', apiKey: API_KEY } });
  fake.script(...steps);
  return errorOf(await backend.query({ query: 'FROM logs-* | LIMIT 1' }));
}

function errorOf(result: QueryResult): BackendError {
  if (result.ok) throw new Error('expected a failure');
  expect(result.error.message).not.toContain(API_KEY);
  expect(result.error.message).not.toMatch(/\n\s+at /);
  return result.error;
}

describe('elasticsearch failures come back as data', () => {
  it('parsing_exception → parsing with the server reason', async () => {
    const error = await failWith({ kind: 'status', status: 400, error: errorBody(400, 'parsing_exception', "line 1:1: mismatched input 'SELEC'") });
    expect(error).toEqual({ kind: 'parsing', status: 400, message: "line 1:1: mismatched input 'SELEC'" });
  });

  it('verification_exception → verification, or unknown_index', async () => {
    const reason = 'Found 1 problem\nline 1:25: Unknown column [ddl.name]';
    expect(await failWith({ kind: 'status', status: 400, error: errorBody(400, 'verification_exception', reason) })).toEqual({
      kind: 'verification',
      status: 400,
      message: reason,
    });
    await backend?.close();
    await fake?.close();
    const error = await failWith({ kind: 'status', status: 400, error: errorBody(400, 'verification_exception', 'Found 1 problem\nline 1:6: Unknown index [nope*]') });
    expect(error.kind).toBe('unknown_index');
    expect(error.message).toContain('Unknown index [nope*]');
  });

  it('other 400 → bad_request', async () => {
    const error = await failWith({ kind: 'status', status: 400, error: errorBody(400, 'x_content_parse_exception', '[1:2] [esql/query] unknown field [time_zone]') });
    expect(error).toEqual({ kind: 'bad_request', status: 400, message: '[1:2] [esql/query] unknown field [time_zone]' });
  });

  it('media_type_header_exception → bad_request with a version hint', async () => {
    const error = await failWith({ on: 'info', kind: 'status', status: 400, error: errorBody(400, 'media_type_header_exception', 'Invalid media-type value on headers [Accept]', { type: 'status_exception', reason: 'Accept version must be either version 8 or 7, but found 9' }) });
    expect(error.kind).toBe('bad_request');
    expect(error.message).toContain('Accept version must be either version 8 or 7, but found 9');
    expect(error.message).toContain('8.x');
  });

  it('401 → authentication, 403 → authorization', async () => {
    const denied = await failWith({ kind: 'status', status: 401 });
    expect(denied.kind).toBe('authentication');
    expect(denied.message).toContain('unable to authenticate user');
    await backend?.close();
    await fake?.close();
    const forbidden = await failWith({ kind: 'status', status: 403 });
    expect(forbidden).toMatchObject({ kind: 'authorization', status: 403 });
    expect(forbidden.message).toContain('is unauthorized for user [hunter]');
  });

  it('wrong credentials → authentication, without the key in the message', async () => {
    fake = await startFakeElasticsearch({ apiKey: 'the-right-key' });
    backend = fastBackend(fake.url, { auth: { kind: 'api_key', apiKey: API_KEY } });
    const error = errorOf(await backend.query({ query: 'ROW a = 1' }));
    expect(error.kind).toBe('authentication');
  });

  it('429 on submit → rate_limited with Retry-After', async () => {
    const error = await failWith({ kind: 'status', status: 429, headers: { 'retry-after': '7' } });
    expect(error).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterSeconds: 7 });
  });

  it('5xx → server; the submit is not retried', async () => {
    const error = await failWith({ kind: 'status', status: 503 }, { kind: 'status', status: 503 });
    expect(error).toMatchObject({ kind: 'server', status: 503 });
    expect(error.message).toContain('state not recovered');
    expect(fake?.requests.filter((r) => r.path === '/_query/async')).toHaveLength(1);
    await backend?.close();
    await fake?.close();
    expect(await failWith({ kind: 'status', status: 500 })).toMatchObject({ kind: 'server', status: 500 });
  });

  it('connection refused → unreachable', async () => {
    backend = fastBackend(await unusedUrl(), { auth: { kind: 'basic', username: 'elastic', password: 'hunter2-secret' } });
    const result = await backend.query({ query: 'ROW a = 1' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('unreachable');
    expect(result.error.message).toContain('refused');
    expect(result.error.message).not.toContain('hunter2-secret');
  });

  it('a cluster that goes down and comes back', async () => {
    fake = await startFakeElasticsearch();
    backend = fastBackend(fake.url);
    expect((await backend.query({ query: 'ROW a = 1' })).ok).toBe(true);
    await fake.refuseConnections();
    expect(await backend.query({ query: 'ROW a = 1' })).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
    await fake.acceptConnections();
    expect((await backend.query({ query: 'ROW a = 1' })).ok).toBe(true);
  });

  it('a slow answer → timeout', async () => {
    fake = await startFakeElasticsearch();
    backend = fastBackend(fake.url, { requestTimeoutMs: 150 });
    fake.script({ kind: 'delay', ms: 1000 });
    const error = errorOf(await backend.query({ query: 'ROW a = 1' }));
    expect(error.kind).toBe('timeout');
  });

  it('a query slower than the query timeout → timeout', async () => {
    fake = await startFakeElasticsearch();
    backend = fastBackend(fake.url, { queryTimeoutMs: 200 });
    fake.script({ kind: 'delay', ms: 3000 });
    const started = performance.now();
    const error = errorOf(await backend.query({ query: 'ROW a = 1' }));
    expect(error).toEqual({ kind: 'timeout', message: 'The query did not finish within 200 ms and was cancelled' });
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('a hangup before the answer → unreachable', async () => {
    expect((await failWith({ kind: 'hangup' })).kind).toBe('unreachable');
  });

  it('missing product header → bad_response', async () => {
    const error = await failWith({ kind: 'no-product-header' });
    expect(error.kind).toBe('bad_response');
    expect(error.message).toContain('did not identify itself as Elasticsearch');
  });

  it('malformed JSON and truncated bodies → bad_response', async () => {
    expect((await failWith({ kind: 'malformed' })).kind).toBe('bad_response');
    await backend?.close();
    await fake?.close();
    expect((await failWith({ kind: 'truncated' })).kind).toBe('bad_response');
  });

  it('a body that is not a query response → bad_response', async () => {
    fake = await startFakeElasticsearch({ handler: () => ({ columns: 'nope', values: [] }) as never });
    backend = fastBackend(fake.url);
    expect(errorOf(await backend.query({ query: 'ROW a = 1' })).kind).toBe('bad_response');
  });
});
