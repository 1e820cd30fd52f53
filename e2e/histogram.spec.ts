import { test, expect } from './fixtures';
import { SEED, waitForResult } from './helpers';

const histogramOf = (page: import('@playwright/test').Page) => page.getByRole('tabpanel').locator('.hunt-histogram');

test('the hunt page charts its matching events over the window above the table, asked once per window', async ({ page }) => {
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/histogram')) asked.push(r.postData() ?? '');
  });
  await page.goto(`${SEED}?q=1`);
  await waitForResult(page);
  const histogram = histogramOf(page);
  const chart = histogram.getByRole('img', { name: /^[\d,]+ matching events from 2026-01-0\d to 2026-01-0\d, peak [\d,]+ at 2026-01-0\d \d\d:00 UTC \(3h buckets\)$/ });
  await expect(chart).toBeVisible();
  // Every 3-hour bucket of the 7 days, the empty ones too.
  await expect(histogram.locator('.events-chart-data summary')).toHaveText('Counts per 3h bucket (56)');
  await expect(histogram.locator('.events-chart-note')).toHaveText((await chart.getAttribute('aria-label'))!);
  // Above the result table, and compact.
  const chartBox = (await chart.boundingBox())!;
  const tableBox = (await page.getByRole('tabpanel').getByRole('table').first().boundingBox())!;
  expect(chartBox.y + chartBox.height).toBeLessThan(tableBox.y);
  expect(chartBox.height).toBeLessThanOrEqual(120);

  // Sorting is the table's business: no second histogram query.
  await page.getByRole('columnheader', { name: /^connection_count/ }).getByRole('button').click();
  await expect(page).toHaveURL(/sort=connection_count/);
  await expect(chart).toBeVisible();
  expect(asked).toHaveLength(1);

  // Another window is another histogram: 15-minute buckets over the last 24 hours, where no
  // process is rare enough to be a finding: the chart still shows the traffic, beside an empty table.
  await page.goto(`${SEED}?q=1&window=24h`);
  await expect(page.getByRole('table', { name: 'All users: 0 rows' })).toBeVisible();
  await expect(histogramOf(page).getByRole('img', { name: /\(15m buckets\)$/ })).toBeVisible();
  await expect(histogramOf(page).locator('.events-chart-data summary')).toHaveText('Counts per 15m bucket (96)');
  expect(JSON.parse(asked.at(-1)!)).toEqual({ window: { id: '24h' } });
});

test('the histogram reads in the dark theme too', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${SEED}?q=2`);
  await waitForResult(page);
  const chart = histogramOf(page).getByRole('img', { name: /matching events/ });
  await expect(chart).toBeVisible();
  const bar = chart.locator('.recharts-bar-rectangle path').first();
  await expect(bar).toBeVisible();
  // The bars take the theme's accent, not a fixed colour.
  expect(await bar.evaluate((el) => getComputedStyle(el).fill)).toBe('rgb(54, 162, 239)');
});
