import type { Page } from '@playwright/test';
import { test, expect } from '../e2e/fixtures';
import { SEED, waitForResult } from '../e2e/helpers';
import { pageWriteHeaders } from '../e2e/support/csrf';

/**
 * Runs of record with accounts (issue 14): a viewer looks at hunts as often as they like and
 * never creates a run — no "Save as run" on the page, and the save route refuses them; an
 * analyst's "Save as run" creates exactly one.
 */
const PASSWORD = process.env.E2E_ACCOUNTS_PASSWORD!;
const SAVE = '/api/hunts/low_volume_external_network_connections_from_process/queries/1/save';

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/signin?next=%2F');
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('User name').fill(username);
  await form.getByLabel('Password').fill(PASSWORD);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText(username);
}

async function savedRunIds(page: Page): Promise<string[]> {
  await page.goto('/runs');
  const runs = page.getByRole('region', { name: 'Saved runs' });
  await expect(runs.getByRole('heading', { name: 'Saved runs' })).toBeVisible();
  return runs.locator('tbody tr td:first-child a').allInnerTexts();
}

test('a viewer opening the hunt five times creates no run and is offered no “Save as run”; an analyst’s save creates one', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'viewer-vic');
  const before = await savedRunIds(page);
  for (let i = 0; i < 5; i++) {
    await page.goto(`${SEED}?q=${(i % 2) + 1}${i > 2 ? '&window=14d' : ''}`);
    await waitForResult(page);
    await page.getByRole('tab').nth(i % 2 === 0 ? 1 : 0).click();
    await waitForResult(page);
    await expect(page.getByRole('button', { name: 'Save as run' })).toHaveCount(0);
  }
  // Made anyway, the save is refused by the server.
  const forged = await page.request.post(SAVE, { data: {}, headers: await pageWriteHeaders(page) });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toMatchObject({ error: { message: 'Your role (viewer) cannot save runs for the review.' } });
  expect(await savedRunIds(page)).toEqual(before);

  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'analyst-ann');
  for (let i = 0; i < 5; i++) {
    await page.goto(`${SEED}?q=1`);
    await waitForResult(page);
  }
  expect(await savedRunIds(page)).toEqual(before);
  await page.goto(`${SEED}?q=1`);
  await waitForResult(page);
  await page.getByRole('button', { name: 'Save as run' }).click();
  const saved = page.getByRole('link', { name: /^Saved as run #\d+$/ });
  await expect(saved).toBeVisible();
  const id = (await saved.innerText()).replace(/\D/g, '');
  expect(await savedRunIds(page)).toEqual([`#${id}`, ...before]);
});
