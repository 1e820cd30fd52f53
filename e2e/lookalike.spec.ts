import { PLANTED } from '../lib/demo/planted';
import { test, expect } from './fixtures';
import { bodyRows, columnTexts, SEED, waitForResult } from './helpers';

// The demo plants `сurl` with a Cyrillic es (U+0441): it reads as curl.
const CURL_LOOKALIKE = '\u0441url';
const planted = PLANTED.find((p) => p.name === CURL_LOOKALIKE)!;
const BADGE_NAME = /^Look-alike of curl: U\+0441 Cyrillic/;

test('сurl is badged with its code point, and only a look-alike filter for curl finds it', async ({ page }) => {
  await page.goto(`${SEED}?q=1`);
  const table = await waitForResult(page);
  const row = bodyRows(table).filter({ hasText: CURL_LOOKALIKE });
  await expect(row).toHaveCount(1);
  const badge = row.getByRole('img', { name: BADGE_NAME });
  await expect(badge).toBeVisible();
  await expect(badge).toHaveAttribute('title', /U\+0441 Cyrillic/);
  // The label is drawn beside the value; the cell's own text stays the value alone.
  expect(await badge.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"look-alike of curl +1"');
  expect(await columnTexts(table, 'process.name')).toContain(CURL_LOOKALIKE);
  // A plain ASCII name gets no badge.
  await expect(bodyRows(table).filter({ hasText: 'kworkerds' }).getByRole('img')).toHaveCount(0);

  const filter = table.getByLabel('Filter process.name', { exact: true });
  await filter.fill('curl');
  await filter.press('Enter');
  await expect(page).toHaveURL(/filter\.process\.name=curl(&|$)/);
  await expect(table.getByText('No rows match the filters.')).toBeVisible();
  await expect(bodyRows(table)).toHaveCount(0);

  const toggle = table.getByRole('button', { name: 'Also match look-alikes in process.name' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(filter).toHaveValue('~curl');
  await expect(page).toHaveURL(/filter\.process\.name=(~|%7E)curl(&|$)/);
  await expect(bodyRows(table)).toHaveCount(1);
  expect(await columnTexts(table, 'process.name')).toEqual([CURL_LOOKALIKE]);

  // The option lives in the URL: a reload shows the same filtered view.
  await page.reload();
  const reloaded = await waitForResult(page);
  await expect(reloaded.getByLabel('Filter process.name', { exact: true })).toHaveValue('~curl');
  await expect(reloaded.getByRole('button', { name: 'Also match look-alikes in process.name' })).toHaveAttribute('aria-pressed', 'true');
  await expect(bodyRows(reloaded)).toHaveCount(1);

  // Switching it off again is the plain filter.
  await reloaded.getByRole('button', { name: 'Also match look-alikes in process.name' }).click();
  await expect(reloaded.getByLabel('Filter process.name', { exact: true })).toHaveValue('curl');
  await expect(bodyRows(reloaded)).toHaveCount(0);
});

test('the drill-down table and the flyout badge сurl too', async ({ page }) => {
  const key = encodeURIComponent(JSON.stringify([CURL_LOOKALIKE]));
  await page.goto(`${SEED}/events?q=1&key=${key}&event=0`);
  const eventsTable = page.getByRole('table', { name: /^Events, / });
  await expect(bodyRows(eventsTable)).toHaveCount(planted.count);
  await expect(eventsTable.getByRole('img', { name: BADGE_NAME }).first()).toBeVisible();
  const flyout = page.getByRole('dialog');
  const field = (name: string) => flyout.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  await expect(field('process.name').getByRole('img', { name: BADGE_NAME })).toBeVisible();
  // The executable's path holds the same impostor.
  await expect(field('process.executable').getByRole('img', { name: BADGE_NAME })).toBeVisible();
  await expect(field('host.name').getByRole('img')).toHaveCount(0);
});
