import { afterEach, describe, expect, it } from 'vitest';
import type { ElasticsearchBackend } from './elasticsearch';
import { startFakeElasticsearch, type FakeElasticsearch } from './testing/fake-elasticsearch';
import { fastBackend } from './testing/backend';
import { TEST_TLS_CERT, TEST_TLS_KEY } from './testing/tls';

const answer = { columns: [{ name: 'a', type: 'integer' }], values: [[1]] };
let fake: FakeElasticsearch | undefined;
let backend: ElasticsearchBackend | undefined;
afterEach(async () => {
  await backend?.close();
  await fake?.close();
});

describe('TLS', () => {
  it('an untrusted certificate → unreachable with a TLS hint', async () => {
    fake = await startFakeElasticsearch({ tls: { cert: TEST_TLS_CERT, key: TEST_TLS_KEY }, handler: () => answer });
    backend = fastBackend(fake.url);
    const result = await backend.query({ query: 'ROW a = 1' });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
    expect(!result.ok && result.error.message).toContain('ELASTICSEARCH_CA_CERT');
  });

  it('trusts the configured CA', async () => {
    fake = await startFakeElasticsearch({ tls: { cert: TEST_TLS_CERT, key: TEST_TLS_KEY }, handler: () => answer });
    backend = fastBackend(fake.url, { caCert: TEST_TLS_CERT });
    expect(await backend.query({ query: 'ROW a = 1' })).toMatchObject({ ok: true, response: { values: [[1]] } });
  });

  it('skips verification when ELASTICSEARCH_TLS_VERIFY=false', async () => {
    fake = await startFakeElasticsearch({ tls: { cert: TEST_TLS_CERT, key: TEST_TLS_KEY }, handler: () => answer });
    backend = fastBackend(fake.url, { tlsVerify: false });
    expect((await backend.query({ query: 'ROW a = 1' })).ok).toBe(true);
  });
});
