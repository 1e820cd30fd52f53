import { test, expect } from './fixtures';
import { bodyRows, SEED, waitForResult } from './helpers';

// Query 2 (root only): no other test runs it over a custom window, so these two runs are its only history.
const week = (from: string, to: string) => `${SEED}?q=2&window=custom&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

test('runs saved from the page; a run’s review shows new, recurring and gone findings against the week before', async ({ page }) => {
  // The fixture store holds two demo weeks ending at HUNTBOARD_NOW (2026-01-08T12:00Z).
  await page.goto(week('2025-12-25T12:00:00.000Z', '2026-01-01T12:00:00.000Z'));
  await waitForResult(page);
  await page.getByRole('button', { name: 'Save as run' }).click();
  const lastWeek = page.getByRole('link', { name: /^Saved as run #\d+$/ });
  await expect(lastWeek).toBeVisible();
  const lastWeekId = (await lastWeek.innerText()).replace(/\D/g, '');

  await page.goto(week('2026-01-01T12:00:00.000Z', '2026-01-08T12:00:00.000Z'));
  await waitForResult(page);
  await page.getByRole('button', { name: 'Save as run' }).click();
  await page.getByRole('link', { name: /^Saved as run #\d+$/ }).click();

  const review = page.getByRole('region', { name: 'Run review' });
  await expect(review.locator('.diff-summary')).toContainText(`Compared with run #${lastWeekId} of 2026-01-08 12:00 UTC (saved from the page), the previous review run of this query text`);
  const table = review.getByRole('table', { name: 'Findings week over week' });
  const row = (name: string) => table.getByRole('row').filter({ hasText: name });
  await expect(row('sshd-helper').getByRole('cell').first()).toHaveText('new');
  await expect(row('kworkerds').getByRole('cell').first()).toHaveText('recurring');
  await expect(row('kworkerds').getByRole('cell').nth(1)).toHaveText('2');
  await expect(row('xmrig-lite').getByRole('cell').first()).toHaveText('gone');
  await expect(row('=HYPERLINK("http://evil.example","x")')).toHaveCount(1);

  // From the review straight to a finding's events.
  await row('kworkerds').getByRole('link', { name: 'Events' }).click();
  await expect(bodyRows(page.getByRole('table', { name: /^Events, / }))).toHaveCount(3);

  await page.goto('/runs');
  const runs = page.getByRole('region', { name: 'Saved runs' });
  await expect(runs.getByRole('link', { name: `#${lastWeekId}` })).toBeVisible();
  // The server ran the weekly schedule at start (no scheduled run yet for the latest Monday slot).
  await expect(runs.getByRole('row').filter({ hasText: 'schedule' }).filter({ hasText: 'low_volume_external_network_connections_from_process' })).toHaveCount(2);
  // The fixture hunt's broken query and its unknown index are saved as failed runs, with their message.
  const fixture = runs.getByRole('row').filter({ hasText: 'schedule' }).filter({ hasText: 'broken_query_fixture' });
  await expect(fixture).toHaveCount(3);
  await expect(fixture.filter({ hasText: 'failed' })).toHaveCount(2);
  await expect(fixture.filter({ hasText: 'Unknown index [logs-nothing-here-*]' })).toHaveCount(1);
});
