import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';
import base, { E2E_NOW } from './playwright.config';
import { E2E_ES_CLUSTER_NAME, E2E_ES_VERSION } from './e2e-es/cluster';

/**
 * The same dashboard on its Elasticsearch backend: scripts/e2e-es-server.mjs starts an
 * Elasticsearch-speaking fake cluster (the embedded engine over the demo world behind `_query`)
 * and `next start` pointed at it with an API key. The key is random per run and made here, once,
 * in the runner process: workers inherit the environment, so the spec can look for leaks of it.
 */
const port = Number(process.env.E2E_ES_PORT || 3108);
process.env.E2E_ES_API_KEY ??= `hb-e2e-${randomBytes(16).toString('hex')}`;

export default defineConfig({
  ...base,
  testDir: 'e2e-es',
  // Its own folder: each run empties its outputDir, and the embedded run's traces must survive this one.
  outputDir: 'test-results/elasticsearch',
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    command: 'node scripts/e2e-es-server.mjs',
    url: `http://127.0.0.1:${port}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    // SIGTERM, not the default SIGKILL: the fake cluster then deletes its demo store.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      E2E_ES_PORT: String(port),
      HUNTBOARD_NOW: E2E_NOW,
      E2E_ES_API_KEY: process.env.E2E_ES_API_KEY,
      FAKE_ES_CLUSTER_NAME: E2E_ES_CLUSTER_NAME,
      FAKE_ES_VERSION: E2E_ES_VERSION,
    },
  },
});
