import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResponse } from '../../model/api';
import { resetBackend } from '../../backends';
import { startFakeElasticsearch, unusedUrl, type FakeElasticsearch } from '../../backends/testing/fake-elasticsearch';
import { runRoute } from './hunts';
import { TEST_ORIGIN, writeHeaders } from '../testing/write-headers';

const HUNT = 'low_volume_external_network_connections_from_process';
const KEY = 'hb-test-secret-3f9a1c';
const saved = { ...process.env };

async function run(): Promise<{ status: number; body: RunResponse; text: string }> {
  const response = await runRoute(new Request(`${TEST_ORIGIN}/api`, { method: 'POST', headers: writeHeaders(), body: '{}' }), { params: Promise.resolve({ id: HUNT, n: '1' }) });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as RunResponse, text };
}

describe('hunt API routes on a failing Elasticsearch cluster', () => {
  let fake: FakeElasticsearch;

  beforeAll(async () => {
    fake = await startFakeElasticsearch({ apiKey: 'the-right-key', handler: () => ({ columns: [], values: [] }) });
  });

  afterAll(async () => {
    await resetBackend();
    process.env = saved;
    await fake.close();
  });

  async function useCluster(url: string, apiKey: string) {
    await resetBackend();
    process.env = { ...saved, ELASTICSEARCH_URL: url, ELASTICSEARCH_API_KEY: apiKey, ELASTICSEARCH_REQUEST_TIMEOUT_MS: '2000', HUNTBOARD_QUERY_TIMEOUT_MS: '3000' };
    delete process.env.ELASTICSEARCH_CLOUD_ID;
  }

  it('a rejected API key is an authentication error with what to check, and the key is not echoed', async () => {
    await useCluster(fake.url, KEY);
    const { status, body, text } = await run();
    expect(status).toBe(502);
    expect(body).toMatchObject({ ok: false, error: { kind: 'authentication', hint: expect.stringContaining('ELASTICSEARCH_API_KEY') } });
    expect(text).not.toContain(KEY);
    expect(text).not.toContain(Buffer.from(KEY).toString('base64'));
  });

  it('an unreachable cluster says so and names the setting to check', async () => {
    await useCluster(await unusedUrl(), KEY);
    const { body } = await run();
    expect(body).toMatchObject({ ok: false, error: { kind: 'unreachable', hint: expect.stringContaining('ELASTICSEARCH_URL') } });
  });
});
