import { defineConfig } from '@playwright/test';
import base, { fixtureServer } from './playwright.config';

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
  // The bundle is written and imported before the server listens.
  webServer: fixtureServer(port, { E2E_BIG_BUNDLE: String(BIG_RUN_FINDINGS) }, 300_000),
});
