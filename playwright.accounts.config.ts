import { randomBytes } from 'node:crypto';
import { defineConfig } from '@playwright/test';
import base, { fixtureServer } from './playwright.config';

/**
 * The dashboard with accounts: scripts/e2e-server.mjs with E2E_ACCOUNTS creates a viewer, an
 * analyst and a lead (`huntboard users add`) before it serves, so every page and route asks who
 * is there. Passwords are random per run, made here once: workers inherit them.
 */
const port = Number(process.env.E2E_ACCOUNTS_PORT || 3109);
process.env.E2E_ACCOUNTS_PASSWORD ??= `pw-${randomBytes(12).toString('hex')}`;

export default defineConfig({
  ...base,
  testDir: 'e2e-accounts',
  outputDir: 'test-results/accounts',
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: fixtureServer(port, { E2E_ACCOUNTS: 'viewer-vic:viewer,analyst-ann:analyst,lead-lou:lead', E2E_ACCOUNTS_PASSWORD: process.env.E2E_ACCOUNTS_PASSWORD }),
});
