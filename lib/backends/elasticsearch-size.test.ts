/** A huge `_query` answer is refused at the size cap, quickly, with the cap named; answers under it pass. */
import { afterEach, describe, expect, it } from 'vitest';
import { createElasticsearchBackend, MAX_RESPONSE_BYTES, type ElasticsearchBackend } from './elasticsearch';
import { startFakeElasticsearch, type FakeElasticsearch } from './testing/fake-elasticsearch';
import { fastConfig } from './testing/backend';

let fake: FakeElasticsearch | undefined;
let backend: ElasticsearchBackend | undefined;
afterEach(async () => {
  await backend?.close();
  await fake?.close();
  fake = backend = undefined;
});

const COLUMNS = [
  { name: 'process.name', type: 'keyword' },
  { name: 'c', type: 'long' },
];
const rows = (n: number) => Array.from({ length: n }, (_, i) => [`process-number-${i}.exe`, i]);

async function cluster(values: unknown[][], maxResponseBytes: number): Promise<ElasticsearchBackend> {
  fake = await startFakeElasticsearch({ handler: () => ({ columns: COLUMNS, values }) });
  backend = createElasticsearchBackend(fastConfig(fake.url, { requestTimeoutMs: 10_000, queryTimeoutMs: 15_000 }), {
    waitForCompletion: '5s',
    idempotentRetries: 0,
    maxResponseBytes,
  });
  return backend;
}

describe('the size of an Elasticsearch answer', () => {
  it('defaults to a cap that holds 10,000 wide rows and parses quickly', () => {
    expect(MAX_RESPONSE_BYTES).toBe(32 * 1024 * 1024);
  });

  it('refuses an answer over the cap without reading it, naming the cap', async () => {
    // 300,000 rows ≈ 10 MB of JSON against a 1 MiB cap.
    const es = await cluster(rows(300_000), 1024 * 1024);
    const started = performance.now();
    const result = await es.query({ query: 'FROM logs-* | STATS c = COUNT(*) BY process.name' });
    const ms = performance.now() - started;
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('bad_request');
    expect(result.error.message).toMatch(/larger than 1 MiB, the most Huntboard reads from one query/);
    expect(result.error.message).toMatch(/LIMIT/);
    expect(result.error.message).toContain(fake!.url);
    // The fake serialises its 10 MB answer in this same process; the refusal itself adds little.
    expect(ms).toBeLessThan(5_000);
  });

  it('reads an answer under the cap as before', async () => {
    const es = await cluster(rows(1_000), 1024 * 1024);
    const result = await es.query({ query: 'FROM logs-* | STATS c = COUNT(*) BY process.name' });
    expect(result.ok && result.response.values.length).toBe(1_000);
  });
});
