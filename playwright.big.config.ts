import { defineConfig } from '@playwright/test';
import base, { E2E_NOW } from './playwright.config';

/**
 * A store whose app state holds a run of a million findings, imported from a bundle the way an
 * outside tester froze the server with one (issue 13): scripts/e2e-server.mjs with E2E_BIG_BUNDLE
 * writes the bundle (scripts/big-bundle.ts) and imports it with `huntboard bundle import` before it
 * serves.
 */
const port = Number(process.env.E2E_BIG_PORT || 3111);
export const BIG_RUN_FINDINGS = 1_000_000;

export default defineConfig({
  ...base,
  testDir: 'e2e-big',
  outputDir: 'test-results/big',
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    command: 'node scripts/e2e-server.mjs',
    url: `http://127.0.0.1:${port}/api/health`,
    // The bundle is written and imported before the server listens.
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { E2E_PORT: String(port), HUNTBOARD_NOW: E2E_NOW, E2E_BIG_BUNDLE: String(BIG_RUN_FINDINGS) },
  },
});
