#!/usr/bin/env node
// Screenshots for docs/ and the README: the overview, the seed hunt page, a drill-down and its
// event flyout, Explore, a run's review and the lead's week, in light and dark. Runs the e2e server (fixture store, pinned now)
// on a spare port and drives Debian's Chromium. Usage: npm run build && node scripts/screenshots.mjs
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const port = 3117;
const base = `http://127.0.0.1:${port}`;
const seed = '/hunts/low_volume_external_network_connections_from_process';

const server = spawn(process.execPath, [path.join(root, 'scripts/e2e-server.mjs')], {
  cwd: root,
  env: { ...process.env, E2E_PORT: String(port), HUNTBOARD_NOW: '2026-01-08T12:00:00.000Z', NEXT_TELEMETRY_DISABLED: '1' },
  stdio: 'ignore',
});

async function waitForServer() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the e2e server did not start');
}

const shots = [
  { name: 'overview', url: '/', ready: (page) => page.getByRole('region', { name: 'Hunts' }).waitFor() },
  { name: 'hunt', url: `${seed}?q=1`, ready: (page) => page.locator('[data-query] table tbody tr').first().waitFor() },
  {
    name: 'drilldown',
    url: `${seed}/events?q=1&key=${encodeURIComponent(JSON.stringify(['kworkerds']))}`,
    ready: (page) => page.locator('.events-workspace table tbody tr[data-row-index]').first().waitFor(),
  },
  {
    name: 'flyout',
    url: `${seed}/events?q=1&key=${encodeURIComponent(JSON.stringify(['kworkerds']))}&event=0`,
    ready: (page) => page.getByRole('dialog').getByRole('tab', { name: 'Table' }).waitFor(),
  },
  {
    // A pivot as the drill-down opens one: the value is a param, never in the text.
    name: 'explore',
    url: `/explore?${new URLSearchParams({
      esql: 'FROM logs-endpoint.events.network-* METADATA _id, _index\n| WHERE process.name == ?name\n| SORT @timestamp DESC',
      params: JSON.stringify([{ name: 'kworkerds' }]),
      window: '30d',
    })}`,
    ready: (page) => page.locator('.events-view table tbody tr[data-row-index]').first().waitFor(),
  },
  {
    // The schedule's run of the seed hunt's first query, saved at the server's start.
    name: 'review',
    url: '/runs',
    open: (page) => page.locator('tbody tr').filter({ hasText: 'low_volume_external_network_connections_from_process' }).filter({ hasText: 'schedule' }).first().getByRole('link').click(),
    ready: (page) => page.getByRole('table', { name: 'Findings week over week' }).waitFor(),
  },
  { name: 'week', url: '/week', ready: (page) => page.getByRole('table', { name: 'Runs this week' }).waitFor() },
];

try {
  await waitForServer();
  mkdirSync(path.join(root, 'docs'), { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, colorScheme: scheme, timezoneId: 'UTC', locale: 'en-US' });
    for (const shot of shots) {
      await page.goto(`${base}${shot.url}`);
      await shot.open?.(page);
      await shot.ready(page);
      await page.waitForLoadState('networkidle');
      const file = path.join(root, 'docs', `${shot.name}-${scheme}.png`);
      await page.screenshot({ path: file, fullPage: false });
      console.log(`wrote ${path.relative(root, file)}`);
    }
    await page.close();
  }
  await browser.close();
} finally {
  server.kill('SIGTERM');
}
