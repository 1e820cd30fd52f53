import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { startSecondServer } from './support/second-server';

// The re-import at the end is refused with a 409 on purpose.
test.use({ expectedConsoleErrors: [/status of 409/] });

test('a week exported as a bundle opens in another Huntboard with no cluster: runs, findings, triage and events', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/bundles');
  const exportForm = page.getByRole('form', { name: 'Export a week' });
  await exportForm.getByLabel('Week starting (Monday)').fill('2026-01-05');
  const [download] = await Promise.all([page.waitForEvent('download'), exportForm.getByRole('button', { name: 'Download bundle' }).click()]);
  expect(download.suggestedFilename()).toMatch(/2026-01-05/);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'huntboard-bundle-file-')), download.suggestedFilename());
  await download.saveAs(file);

  // Another Huntboard: empty data folder, no cluster, nothing to query.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'huntboard-bundle-target-'));
  const other = await startSecondServer(3112, dataDir);
  try {
    await page.goto(`${other.base}/bundles`);
    const importForm = page.getByRole('form', { name: 'Import a bundle' });
    await importForm.getByLabel('Bundle file').setInputFiles(file);
    await importForm.getByRole('button', { name: 'Import bundle' }).click();
    await expect(importForm.getByRole('status')).toContainText(/Imported bundle #1: [\d,]+ runs?, [\d,]+ events? of [\d,]+ findings?/);

    const imported = page.getByRole('table', { name: 'Imported bundles' });
    await expect(imported).toContainText('2026-01-05 to 2026-01-12');
    // The scheduled run of the root-only query: its findings, their events from the bundle.
    await page.goto(`${other.base}/runs`);
    const runs = page.getByRole('region', { name: 'Saved runs' });
    const cell = (n: number, text: string | RegExp) => page.locator(`td:nth-child(${n})`, { hasText: text });
    const scheduledRootOnly = runs.locator('tbody tr').filter({ has: cell(3, 'low_volume_external_network_connections_from_process') }).filter({ has: cell(4, /^2$/) }).filter({ has: cell(8, 'schedule') });
    await expect(scheduledRootOnly).toHaveCount(1);
    await scheduledRootOnly.getByRole('link').click();
    const review = page.getByRole('region', { name: 'Run review' });
    await expect(review.getByRole('note')).toContainText('Imported from the bundle');
    const findings = review.getByRole('table', { name: 'Findings week over week' });
    const kworkerds = findings.getByRole('row').filter({ hasText: 'kworkerds' });
    await expect(kworkerds).toHaveCount(1);
    await kworkerds.getByRole('link', { name: 'Events' }).click();
    // The run's own events page: for an imported run, the events its bundle kept.
    await expect(page.getByText(/kept in bundle #1/)).toBeVisible();
    const events = page.getByRole('table', { name: /^Events, 3 rows/ });
    await expect(events).toContainText('45.9.148.35');

    // Importing the same file again is refused, and changes nothing.
    await page.goto(`${other.base}/bundles`);
    await importForm.getByLabel('Bundle file').setInputFiles(file);
    await importForm.getByRole('button', { name: 'Import bundle' }).click();
    await expect(importForm.getByRole('alert')).toContainText('already imported');
    await expect(page.getByRole('table', { name: 'Imported bundles' }).locator('tbody tr')).toHaveCount(1);
  } finally {
    // Leave the other server's page first: a prefetch still in flight to a killed server is a console error.
    await page.goto('about:blank');
    other.process.kill('SIGKILL');
    await other.exited;
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(path.dirname(file), { recursive: true, force: true });
  }
});
