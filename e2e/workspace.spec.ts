// The smaller workspace defects of issue 16: filter edits never lost, plural-correct counts, row
// links named by their key, the skip link, focus back on the row, the timeline over the window,
// ISO UTC inputs for a custom range.
import type { Locator, Page } from '@playwright/test';
import { expectedFindings, PLANTED } from '../lib/demo/planted';
import { test, expect } from './fixtures';
import { bodyRows, SEED, waitForResult } from './helpers';

const countOf = (name: string) => PLANTED.find((p) => p.name === name)!.count;

function box(page: Page, column: string): Locator {
  return page.getByRole('tabpanel').getByLabel(`Filter ${column}`, { exact: true });
}

/** The URL's filters and the boxes' values, once they have settled, must be the same. */
async function expectAgreement(page: Page, expected: Record<string, string>): Promise<void> {
  const columns = ['connection_count', 'process.name'];
  await expect
    .poll(async () => {
      const params = new URL(page.url()).searchParams;
      const url = Object.fromEntries(columns.map((c) => [c, params.get(`filter.${c}`) ?? '']));
      const boxes = Object.fromEntries(await Promise.all(columns.map(async (c) => [c, await box(page, c).inputValue()] as const)));
      return { url, boxes };
    })
    .toEqual({ url: { ...Object.fromEntries(columns.map((c) => [c, ''])), ...expected }, boxes: { ...Object.fromEntries(columns.map((c) => [c, ''])), ...expected } });
}

test('rapid edits of two filter boxes keep the URL and the boxes in agreement, with the right rows', async ({ page }) => {
  await page.goto(`${SEED}?q=1&filter.connection_count=%3E%3D2`);
  const table = await waitForResult(page);
  const all = expectedFindings('allUsers');
  const count = box(page, 'connection_count');
  const name = box(page, 'process.name');

  // Each step edits one box and, within a few milliseconds, the other (the lost clear).
  await count.fill('');
  await name.fill('kworkerds');
  await expectAgreement(page, { 'process.name': 'kworkerds' });
  await expect(bodyRows(table)).toHaveCount(1);

  await name.fill('');
  await count.fill('>=3');
  await expectAgreement(page, { connection_count: '>=3' });
  await expect(bodyRows(table)).toHaveCount(all.filter((n) => countOf(n) >= 3).length);

  await name.fill('dbus');
  await count.fill('>=5');
  await expectAgreement(page, { connection_count: '>=5', 'process.name': 'dbus' });
  await expect(bodyRows(table)).toHaveCount(1);

  await count.fill('');
  await name.fill('');
  await expectAgreement(page, {});
  await expect(bodyRows(table)).toHaveCount(all.length);
  await expect(page.getByRole('status').filter({ hasText: /of \d+ rows/ })).toHaveCount(0);
});

test('row links are named by the row’s key, and focus comes back to the row after the Back link and the browser’s back', async ({ page }) => {
  await page.goto(`${SEED}?q=1&sort=-connection_count`);
  const table = await waitForResult(page);
  const link = table.getByRole('link', { name: 'Events for kworkerds', exact: true });
  await expect(link).toBeVisible();
  await expect(table.getByRole('link', { name: /for row \d+/ })).toHaveCount(0);

  await link.click();
  await expect(page).toHaveURL(/\/events\?/);
  await page.getByRole('link', { name: /Back to/ }).click();
  await expect(page).toHaveURL(/sort=-connection_count/);
  await expect(page.getByRole('tabpanel').getByRole('link', { name: 'Events for kworkerds', exact: true })).toBeFocused();

  await page.getByRole('tabpanel').getByRole('link', { name: 'Events for sshd-helper', exact: true }).click();
  await expect(page).toHaveURL(/\/events\?/);
  await expect(page.getByRole('table', { name: /^Events, / })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('tabpanel').getByRole('link', { name: 'Events for sshd-helper', exact: true })).toBeFocused();
});

test('"Skip to results" is the first Tab stop and lands on the first result, on the hunt page and the drill-down', async ({ page }) => {
  await page.goto(`${SEED}?q=1&sort=-connection_count`);
  const table = await waitForResult(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to results' })).toBeFocused();
  await page.keyboard.press('Enter');
  const firstLink = bodyRows(table).first().getByRole('link', { name: /^Events for / });
  await expect(firstLink).toBeFocused();

  const key = encodeURIComponent(JSON.stringify(['dbus-daemon-lnx']));
  await page.goto(`${SEED}/events?q=1&key=${key}`);
  const events = page.getByRole('table', { name: /^Events, / });
  await expect(bodyRows(events)).toHaveCount(countOf('dbus-daemon-lnx'));
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to results' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(bodyRows(events).first()).toBeFocused();
  // One more Enter opens that event: the analyst is on the results, not in the page's controls.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
});

test('a one-event drill-down: singular counts, and a timeline over the whole window', async ({ page }) => {
  const key = encodeURIComponent(JSON.stringify(['update-notifier2']));
  await page.goto(`${SEED}/events?q=1&key=${key}`);
  const events = page.getByRole('region', { name: 'Drill-down events' });
  await expect(bodyRows(events.getByRole('table', { name: /^Events, / }))).toHaveCount(1);
  await expect(events.getByRole('status').first()).toHaveText(/^1 event; /);
  await expect(page.getByRole('table', { name: 'Events, 1 row' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export 1 row as CSV' })).toBeVisible();
  await expect(events.getByRole('img', { name: /^1 (event|connection) on / })).toBeVisible();
  // The hunt's 7-day window in 3-hour buckets: one event is one bar among 56, not the whole chart.
  await expect(events.locator('.events-chart-data summary').first()).toHaveText('Counts per 3h bucket (56)');
  await expect(page.locator('body')).not.toContainText(/\b1 (events|rows)\b/);
});

test('the custom range takes ISO text in UTC and says what is wrong with anything else', async ({ page }) => {
  await page.goto(`${SEED}?q=1`);
  await waitForResult(page);
  await page.getByRole('combobox', { name: 'Time window' }).selectOption('custom');
  const from = page.getByLabel('From', { exact: true });
  const to = page.getByLabel('To', { exact: true });
  await expect(from).toHaveAttribute('type', 'text');
  // The default range is the window that ran, in the form the box takes.
  await expect(to).toHaveValue('2026-01-08T12:00');
  await from.fill('01/05/2026 12:00 AM');
  await from.blur();
  await expect(page.getByRole('alert').filter({ hasText: 'YYYY-MM-DDTHH:MM' })).toBeVisible();
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await from.fill('2026-02-30T00:00');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'not a real date' })).toBeVisible();
  await expect(page).not.toHaveURL(/window=custom/);
  await from.fill('2026-01-05T00:00');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.window-ran')).toHaveText('2026-01-05T00:00:00.000Z to 2026-01-08T12:00:00.000Z');
});
