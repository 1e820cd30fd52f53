import { test, expect } from './fixtures';
import { SEED, waitForResult } from './helpers';

// Query 1 over the two demo weeks; review.spec.ts keeps query 2's custom-window history to itself.
const week = (from: string, to: string) => `${SEED}?q=1&window=custom&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

test('first seen on a run’s findings; allow-listing hides a finding, counts it, shows it on demand; revoking brings it back', async ({ page }) => {
  await page.goto(week('2025-12-25T12:00:00.000Z', '2026-01-01T12:00:00.000Z'));
  await waitForResult(page);
  await page.getByRole('button', { name: 'Save as run' }).click();
  await expect(page.getByRole('link', { name: /^Saved as run #\d+$/ })).toBeVisible();
  await page.goto(week('2026-01-01T12:00:00.000Z', '2026-01-08T12:00:00.000Z'));
  await waitForResult(page);
  await page.getByRole('button', { name: 'Save as run' }).click();
  await page.getByRole('link', { name: /^Saved as run #\d+$/ }).click();
  const runUrl = page.url();

  const review = page.getByRole('region', { name: 'Run review' });
  const table = review.getByRole('table', { name: 'Findings week over week' });
  const row = (name: string) => table.getByRole('row').filter({ hasText: name });
  await expect(review.getByText(/^First seen: the earliest event of each process in the 30 days up to the run’s end/)).toBeVisible();
  // sshd-helper appeared this week; kworkerds ran the week before too, on one agent.
  await expect(row('sshd-helper')).toContainText('first seen this week');
  await expect(row('kworkerds')).not.toContainText('first seen this week');
  await expect(row('kworkerds').locator('time')).toHaveCount(2);

  await row('kworkerds').getByRole('button', { name: 'Allow kworkerds…' }).click();
  const form = review.getByRole('form', { name: 'Allow-list kworkerds' });
  const where = form.getByLabel('Where');
  const agent = await where.locator('option').nth(1).getAttribute('value');
  expect(agent).toBeTruthy();
  await where.selectOption(agent!);
  await form.getByLabel('Reason').fill('Lab cryptominer test rig, ticket OPS-7');
  await form.getByRole('button', { name: 'Add to allow-list' }).click();

  await expect(row('kworkerds')).toHaveCount(0);
  await expect(review.locator('.diff-summary')).toContainText('1 hidden by the allow-list');
  await review.getByText('1 finding hidden by the allow-list').click();
  const hidden = review.getByRole('table', { name: 'Findings hidden by the allow-list' });
  await expect(hidden.getByRole('row').filter({ hasText: 'kworkerds' })).toContainText('allowed by local analyst: Lab cryptominer test rig, ticket OPS-7');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Allow-list' }).click();
  const entries = page.getByRole('table', { name: 'Allow-list entries' });
  const entry = entries.getByRole('row').filter({ hasText: 'kworkerds' });
  await expect(entry).toContainText(agent!);
  await expect(entry).toContainText('local analyst');
  await expect(entry).toContainText('active');
  await entry.getByRole('button', { name: 'Revoke' }).click();
  await expect(entry).toContainText('revoked 2026-01-08');

  await page.goto(runUrl);
  await expect(row('kworkerds')).toHaveCount(1);
  await expect(review.locator('.diff-summary')).not.toContainText('hidden by the allow-list');
});
