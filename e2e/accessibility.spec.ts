import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { bodyRows, SEED, waitForResult } from './helpers';
import { expectNoSeriousViolations, expectTheme, useTheme, type Theme } from './support/axe';

/**
 * Every page of the product, in both themes, with its data loaded: axe's WCAG 2.0/2.1 A and AA
 * rules find no serious or critical violation. Pages that open a dialog are scanned with it open too.
 */
const DRILL_KEY = encodeURIComponent(JSON.stringify(['dbus-daemon-lnx']));

async function open(page: Page, url: string, theme: Theme): Promise<void> {
  await page.goto(url);
  await expectTheme(page, theme);
}

/** Opens the flyout of the first event of the page's events table and scans the page with it open. */
async function scanWithFlyout(page: Page, label: string): Promise<void> {
  const table = page.getByRole('table', { name: /^Events, / });
  await expect(bodyRows(table).first()).toBeVisible();
  await expectNoSeriousViolations(page, label);
  await bodyRows(table).first().click();
  const flyout = page.getByRole('dialog');
  await expect(flyout).toBeVisible();
  await expect(flyout).toContainText('host.name');
  await expectNoSeriousViolations(page, `${label}, flyout open`);
}

for (const theme of ['light', 'dark'] as const) {
  test.describe(`${theme} theme`, () => {
    test.beforeEach(async ({ page }) => useTheme(page, theme));

    test('overview, hunt page and its drill-down with the flyout open', async ({ page }) => {
      await open(page, '/', theme);
      await expect(page.getByRole('region', { name: 'Hunts' }).getByRole('table')).toBeVisible();
      await expect(page.getByRole('region', { name: 'Backend' })).toContainText('Embedded store');
      await expectNoSeriousViolations(page, `${theme}: overview /`);

      await open(page, `${SEED}?q=1`, theme);
      await waitForResult(page);
      await expectNoSeriousViolations(page, `${theme}: hunt page`);

      await open(page, `${SEED}/events?q=1&key=${DRILL_KEY}`, theme);
      await scanWithFlyout(page, `${theme}: drill-down`);
    });

    test('saved runs, a run’s review and its events page with the flyout open', async ({ page }) => {
      await open(page, '/runs', theme);
      const runs = page.getByRole('region', { name: 'Saved runs' });
      const seedRun = runs.getByRole('row').filter({ hasText: 'low_volume_external_network_connections_from_process' }).first();
      await expect(seedRun).toBeVisible();
      await expectNoSeriousViolations(page, `${theme}: /runs`);

      await seedRun.getByRole('link', { name: /^#\d+$/ }).click();
      await expect(page).toHaveURL(/\/runs\/\d+$/);
      const findings = page.getByRole('region', { name: 'Run review' }).getByRole('table', { name: 'Findings week over week' });
      await expect(findings.getByRole('link', { name: 'Events' }).first()).toBeVisible();
      await expectNoSeriousViolations(page, `${theme}: /runs/ID`);

      await findings.getByRole('link', { name: 'Events' }).first().click();
      await expect(page).toHaveURL(/\/runs\/\d+\/events\?/);
      await scanWithFlyout(page, `${theme}: /runs/ID/events`);
    });

    test('the week, the allow-list, bundles and sign-in', async ({ page }) => {
      await open(page, '/week', theme);
      const week = page.getByRole('region', { name: "The lead's week" });
      await expect(week.getByRole('table', { name: 'Findings per status' })).toBeVisible();
      await expectNoSeriousViolations(page, `${theme}: /week`);

      await open(page, '/allow-list', theme);
      await expect(page.getByRole('region', { name: 'Allow-list' }).getByRole('heading', { level: 1 })).toBeVisible();
      await expectNoSeriousViolations(page, `${theme}: /allow-list`);

      await open(page, '/bundles', theme);
      await expect(page.getByRole('form', { name: 'Export a week' })).toBeVisible();
      await expectNoSeriousViolations(page, `${theme}: /bundles`);

      // Single-user mode: the page says there is nothing to sign in to (e2e-accounts scans the form).
      await open(page, '/signin', theme);
      await expect(page.getByRole('region', { name: 'Sign in' })).toContainText('local single-user mode');
      await expectNoSeriousViolations(page, `${theme}: /signin`);
    });

    test.describe('not found', () => {
      test.use({ expectedConsoleErrors: [/status of 404/] });

      test('the not-found page', async ({ page }) => {
        await open(page, '/no-such-page', theme);
        await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
        await expectNoSeriousViolations(page, `${theme}: not found`);
      });
    });
  });
}
