import type { Page } from '@playwright/test';
import { test, expect } from '../e2e/fixtures';
import { SEED } from '../e2e/helpers';
import { pageWriteHeaders } from '../e2e/support/csrf';

/**
 * Accounts and roles, on a server with a viewer, an analyst and a lead (playwright.accounts.config.ts).
 * Every refusal is checked twice: the page offers no way to do it, and the server refuses the
 * request when it is made anyway.
 */
const PASSWORD = process.env.E2E_ACCOUNTS_PASSWORD!;
const WEEK = '2026-01-05';
const finding = { huntId: 'low_volume_external_network_connections_from_process', queryNumber: 2, findingKey: '["sshd-helper"]' };

async function signIn(page: Page, username: string, next = '/'): Promise<void> {
  await page.goto(`/signin?next=${encodeURIComponent(next)}`);
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('User name').fill(username);
  await form.getByLabel('Password').fill(PASSWORD);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText(username);
}

/** A request made with the page's cookies, as a script on the page (or a forged form) would. */
async function post(page: Page, url: string, data: unknown) {
  return page.request.post(url, { data, headers: await pageWriteHeaders(page) });
}

test.describe('signing in', () => {
  test.use({ expectedConsoleErrors: [/status of 401/] });

  test('an anonymous visitor is sent to sign in and comes back; the API answers 401; a wrong password is refused', async ({ page }) => {
    await page.goto('/runs');
    await expect(page).toHaveURL(/\/signin\?next=%2Fruns$/);
    expect((await page.request.get('/api/triage?hunt=x&query=1&key=%5B%5D')).status()).toBe(401);
    expect((await post(page, '/api/triage', { ...finding, expectedVersion: 0, status: 'benign' })).status()).toBe(401);

    const form = page.getByRole('form', { name: 'Sign in' });
    await form.getByLabel('User name').fill('analyst-ann');
    await form.getByLabel('Password').fill('not the password');
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(form.getByRole('alert')).toHaveText('Wrong user name or password.');

    await form.getByLabel('Password').fill(PASSWORD);
    await form.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(/\/runs$/);
    await expect(page.getByRole('banner')).toContainText('analyst-ann (analyst)');

    await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/signin$/);
    await page.goto('/runs');
    await expect(page).toHaveURL(/\/signin\?next=%2Fruns$/);
  });
});

test('a viewer reads hunts and events but cannot triage', async ({ page }) => {
  await signIn(page, 'viewer-vic');
  await page.goto(`${SEED}/events?q=2&key=${encodeURIComponent('["sshd-helper"]')}`);
  const panel = page.getByRole('region', { name: 'Triage' });
  await expect(panel.locator('.triage-status')).toHaveText('new');
  await expect(panel).toContainText('Your role (viewer) cannot triage findings.');
  await expect(panel.getByRole('button', { name: 'Save triage' })).toBeDisabled();
  const forged = await post(page, '/api/triage', { ...finding, expectedVersion: 0, status: 'benign' });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toMatchObject({ error: { message: 'Your role (viewer) cannot triage findings.' } });
  expect((await post(page, '/api/allow-list', { processName: 'x', agentId: null, huntId: null, reason: 'r', expiresAt: '2026-02-01T00:00:00.000Z' })).status()).toBe(403);
});

test('an analyst triages but cannot sign off the week; a lead signs it off', async ({ page }) => {
  await signIn(page, 'analyst-ann');
  await page.goto(`${SEED}/events?q=2&key=${encodeURIComponent('["sshd-helper"]')}`);
  const panel = page.getByRole('region', { name: 'Triage' });
  await expect(panel.locator('.triage-status')).toHaveText('new');
  await panel.getByLabel('Status').selectOption('suspicious');
  await panel.getByLabel('Note').fill('reaches a Tor exit node');
  await panel.getByRole('button', { name: 'Save triage' }).click();
  await expect(panel.getByRole('listitem').first()).toContainText('analyst-ann: new → suspicious');

  await page.goto(`/week?week=${WEEK}`);
  const week = page.getByRole('region', { name: 'The lead\'s week' });
  await expect(week.getByRole('button', { name: 'Sign off the week' })).toBeDisabled();
  await expect(week).toContainText('Your role (analyst) cannot sign off the week.');
  expect((await post(page, '/api/week/signoff', { week: WEEK })).status()).toBe(403);
  expect((await post(page, '/api/bundle/import', {})).status()).toBe(403);

  await page.getByRole('banner').getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'lead-lou', `/week?week=${WEEK}`);
  await expect(week.getByRole('table', { name: 'Reviewers' }).getByRole('row').filter({ hasText: 'analyst-ann' })).toBeVisible();
  await week.getByRole('form', { name: 'Sign off the week' }).getByRole('button', { name: 'Sign off the week' }).click();
  // Findings are still untriaged: the sign-off asks first.
  const confirm = week.getByRole('alertdialog', { name: 'Confirm the sign-off' });
  await expect(confirm).toContainText(/untriaged: sign off anyway\?/);
  await confirm.getByRole('button', { name: 'Sign off anyway' }).click();
  await expect(week.getByText(/^Signed off by lead-lou at /)).toBeVisible();
});
