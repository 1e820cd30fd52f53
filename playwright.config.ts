import { defineConfig, type PlaywrightTestConfig } from '@playwright/test';

type WebServer = Exclude<NonNullable<PlaywrightTestConfig['webServer']>, unknown[]>;

/**
 * End-to-end tests drive Debian's Chromium against the production server (`next start`), on the
 * embedded backend over a fixture store written by scripts/e2e-server.mjs, with now() pinned.
 */
const port = Number(process.env.E2E_PORT || 3107);
export const E2E_NOW = '2026-01-08T12:00:00.000Z';

/** scripts/e2e-server.mjs on `port`: the fixture store with now pinned, plus what `env` adds. */
export function fixtureServer(port: number, env: Record<string, string | undefined>, timeout = 180_000): WebServer {
  return {
    command: 'node scripts/e2e-server.mjs',
    url: `http://127.0.0.1:${port}/api/health`,
    timeout,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { E2E_PORT: String(port), HUNTBOARD_NOW: E2E_NOW, ...env },
  };
}

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    timezoneId: 'UTC',
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: fixtureServer(port, {}),
});
