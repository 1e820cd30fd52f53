/** Test helper: an Elasticsearch backend pointed at a fake, with short timeouts. */
import type { ElasticsearchAuth, ElasticsearchConfig } from '../config';
import { createElasticsearchBackend, type ElasticsearchBackend } from '../elasticsearch';

export function fastConfig(url: string, overrides: Partial<ElasticsearchConfig> = {}): ElasticsearchConfig {
  const auth: ElasticsearchAuth = { kind: 'none' };
  return {
    kind: 'elasticsearch',
    node: url,
    displayTarget: url,
    auth,
    tlsVerify: true,
    requestTimeoutMs: 2000,
    queryTimeoutMs: 3000,
    ...overrides,
  };
}

export function fastBackend(url: string, overrides: Partial<ElasticsearchConfig> = {}): ElasticsearchBackend {
  return createElasticsearchBackend(fastConfig(url, overrides), {
    waitForCompletion: '100ms',
    defaultRetryAfterMs: 10,
    idempotentRetries: 1,
    retryBackoff: () => 0,
  });
}
