import { afterEach, describe, expect, it } from 'vitest';
import type { ElasticsearchBackend } from './elasticsearch';
import { startFakeElasticsearch, type FakeElasticsearch } from './testing/fake-elasticsearch';
import { fastBackend } from './testing/backend';

const answer = {
  columns: [
    { name: 'host.name', type: 'keyword' },
    { name: 'c', type: 'long' },
    { name: 'ips', type: 'ip' },
  ],
  values: [
    ['ws-1', 3, ['10.0.0.1', '10.0.0.2']],
    [null, 1, '::1'],
  ],
};

let fake: FakeElasticsearch | undefined;
let backend: ElasticsearchBackend | undefined;
afterEach(async () => {
  await backend?.close();
  await fake?.close();
  fake = undefined;
  backend = undefined;
});

describe('elasticsearch backend against a 9.x cluster', () => {
  it('sends the async request Elasticsearch expects and passes values through', async () => {
    fake = await startFakeElasticsearch({ version: '9.1.0', handler: () => answer });
    backend = fastBackend(fake.url);
    const params: Record<string, string | number>[] = [{ host: 'ws-1' }, { n: 5 }];
    const result = await backend.query({ query: 'FROM logs-* | WHERE host.name == ?host | LIMIT 5', params, now: new Date('2024-05-01T00:00:00Z') });

    expect(result).toEqual({
      ok: true,
      response: { columns: answer.columns, values: answer.values, warnings: [], took: 3, is_partial: false },
    });
    const [info, submit] = fake.requests;
    expect(info).toMatchObject({ method: 'GET', path: '/' });
    expect(info.headers.accept).toBe('application/json');
    expect(submit).toMatchObject({ method: 'POST', path: '/_query/async', query: { format: 'json' } });
    expect(submit.body).toEqual({
      query: 'FROM logs-* | WHERE host.name == ?host | LIMIT 5',
      params,
      columnar: false,
      wait_for_completion_timeout: '100ms',
      keep_on_completion: false,
    });
    expect(submit.headers['content-type']).toBe('application/vnd.elasticsearch+json; compatible-with=9');
    expect(submit.headers.accept).toContain('compatible-with=9');
  });

  it('detects the version once for many queries', async () => {
    fake = await startFakeElasticsearch({ handler: () => answer });
    backend = fastBackend(fake.url);
    await backend.query({ query: 'ROW a = 1' });
    await backend.query({ query: 'ROW a = 2' });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /', 'POST /_query/async', 'POST /_query/async']);
  });

  it('sends an API key as Authorization: ApiKey', async () => {
    fake = await startFakeElasticsearch({ apiKey: 'a2V5OnNlY3JldA==', handler: () => answer });
    backend = fastBackend(fake.url, { auth: { kind: 'api_key', apiKey: 'a2V5OnNlY3JldA==' } });
    const result = await backend.query({ query: 'FROM logs-*' });
    expect(result.ok).toBe(true);
    expect(fake.requests.every((r) => r.headers.authorization === 'ApiKey a2V5OnNlY3JldA==')).toBe(true);
  });

  it('sends basic credentials', async () => {
    fake = await startFakeElasticsearch({ basic: { username: 'elastic', password: 'changeme' }, handler: () => answer });
    backend = fastBackend(fake.url, { auth: { kind: 'basic', username: 'elastic', password: 'changeme' } });
    expect((await backend.query({ query: 'FROM logs-*' })).ok).toBe(true);
    expect(fake.requests[1].headers.authorization).toBe(`Basic ${Buffer.from('elastic:changeme').toString('base64')}`);
  });

  it('parses warnings out of the 299 envelope and unescapes them', async () => {
    fake = await startFakeElasticsearch({
      handler: () => ({
        ...answer,
        warnings: ['No limit defined, adding default limit of [1000]', 'Line 1:20: evaluation of [a == "x"] failed, treating result as null. Only first 20 failures recorded.'],
      }),
    });
    backend = fastBackend(fake.url);
    const result = await backend.query({ query: 'FROM logs-*' });
    expect(result.ok && result.response.warnings).toEqual([
      'No limit defined, adding default limit of [1000]',
      'Line 1:20: evaluation of [a == "x"] failed, treating result as null. Only first 20 failures recorded.',
    ]);
  });

  it('reads a raw scripted warning header', async () => {
    fake = await startFakeElasticsearch({ handler: () => answer });
    backend = fastBackend(fake.url);
    fake.script({ kind: 'warnings', raw: ['299 Elasticsearch-9.1.0-abc "Field \\"x\\" shadowed, see caf%C3%A9"'] });
    const result = await backend.query({ query: 'FROM logs-*' });
    expect(result.ok && result.response.warnings).toEqual(['Field "x" shadowed, see café']);
  });

  it('passes is_partial through and tolerates extra column keys', async () => {
    fake = await startFakeElasticsearch({
      handler: () => ({ columns: [{ name: 'a', type: 'unsupported', original_types: ['ip', 'keyword'] } as { name: string; type: string }], values: [[null]] }),
    });
    backend = fastBackend(fake.url);
    fake.script({ kind: 'partial' });
    const result = await backend.query({ query: 'FROM logs-*' });
    expect(result).toMatchObject({ ok: true, response: { is_partial: true, columns: [{ name: 'a', type: 'unsupported' }], values: [[null]] } });
  });

  it('describes the cluster', async () => {
    fake = await startFakeElasticsearch({ version: '9.2.1', clusterName: 'soc-prod' });
    backend = fastBackend(fake.url);
    expect(await backend.describe()).toEqual({ ok: true, info: { kind: 'elasticsearch', clusterName: 'soc-prod', version: '9.2.1' } });
  });
});

describe('elasticsearch backend against an 8.x cluster', () => {
  it('the fake rejects compatible-with=9 like an 8.x cluster', async () => {
    fake = await startFakeElasticsearch({ version: '8.15.3' });
    const response = await fetch(`${fake.url}/_query`, {
      method: 'POST',
      headers: { accept: 'application/vnd.elasticsearch+json; compatible-with=9', 'content-type': 'application/vnd.elasticsearch+json; compatible-with=9' },
      body: JSON.stringify({ query: 'ROW a = 1' }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { type: string; caused_by: { reason: string } } };
    expect(body.error.type).toBe('media_type_header_exception');
    expect(body.error.caused_by.reason).toContain('Accept version must be either version 8 or 7, but found 9');
  });

  it('sends compatible-with=8 and measures took when 8.15 omits it', async () => {
    fake = await startFakeElasticsearch({ version: '8.15.3', handler: () => answer });
    backend = fastBackend(fake.url);
    const result = await backend.query({ query: 'FROM logs-*' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.response.took).toBeGreaterThanOrEqual(0);
    expect(result.response.values).toEqual(answer.values);
    const submit = fake.requests[1];
    expect(submit.headers.accept).toBe('application/vnd.elasticsearch+json; compatible-with=8');
    expect(submit.headers['content-type']).toBe('application/vnd.elasticsearch+json; compatible-with=8');
    expect(Object.keys(submit.body as object)).not.toContain('time_zone');
  });

  it('refuses clusters older than 8.15 with a clear error', async () => {
    fake = await startFakeElasticsearch({ version: '8.14.3' });
    backend = fastBackend(fake.url);
    const result = await backend.query({ query: 'ROW a = 1' });
    expect(result).toEqual({ ok: false, error: { kind: 'unsupported', message: 'Unsupported Elasticsearch version 8.14.3: Huntboard needs 8.15 or later' } });
    expect(fake.requests).toHaveLength(1);
  });
});
