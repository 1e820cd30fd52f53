import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { SEED, waitForResult } from './helpers';

/**
 * Runs of record (issue 14): viewing a hunt — opening it, reloading, switching tabs and windows —
 * is not a run. The saved runs, a run's review and the lead's week read the same before and after;
 * only "Save as run" adds a run, exactly one however often it is clicked.
 */
const WEEK = '2026-01-05';

/** What the review shows: the runs list, the newest run's review, the week page and its report. */
async function reviewState(page: Page) {
  await page.goto('/runs');
  const runs = page.getByRole('region', { name: 'Saved runs' });
  await expect(runs.getByRole('heading', { name: 'Saved runs' })).toBeVisible();
  const ids = await runs.locator('tbody tr td:first-child a').allInnerTexts();
  const list = await runs.innerText();
  let newest = '';
  if (ids.length > 0) {
    await page.goto(`/runs/${ids[0].replace('#', '')}`);
    newest = await page.getByRole('region', { name: 'Run review' }).innerText();
  }
  await page.goto(`/week?week=${WEEK}`);
  const week = await page.getByRole('region', { name: 'The lead\'s week' }).innerText();
  const report = await (await page.request.get(`/api/week/report?week=${WEEK}`)).text();
  return { ids, list, newest, week, report };
}

test('viewing a hunt five times, with tabs and windows, saves no run; “Save as run” saves exactly one', async ({ page }) => {
  test.setTimeout(120_000);
  const before = await reviewState(page);

  const tabs = page.getByRole('tab');
  const window = page.getByRole('combobox', { name: 'Time window' });
  for (let i = 0; i < 5; i++) {
    await page.goto(`${SEED}?q=${(i % 2) + 1}`);
    await waitForResult(page);
    await tabs.nth(i % 2 === 0 ? 1 : 0).click();
    await waitForResult(page);
    await window.selectOption(i % 2 === 0 ? '30d' : '14d');
    await expect(page).toHaveURL(/window=(30d|14d)/);
    await waitForResult(page);
    await page.reload();
    await waitForResult(page);
  }
  // The page says nothing of saving: a view is not a run.
  await expect(page.getByRole('tabpanel')).not.toContainText(/saved as run/i);

  expect(await reviewState(page)).toEqual(before);

  // Save the view the page shows: a double click still saves once.
  await page.goto(`${SEED}?q=2&window=7d`);
  await waitForResult(page);
  await page.getByRole('button', { name: 'Save as run' }).dblclick();
  const saved = page.getByRole('link', { name: /^Saved as run #\d+$/ });
  await expect(saved).toBeVisible();
  const id = (await saved.innerText()).replace(/\D/g, '');
  await expect(page.getByRole('button', { name: 'Save as run' })).toHaveCount(0);

  const after = await reviewState(page);
  expect(after.ids).toEqual([`#${id}`, ...before.ids]);
  await page.goto('/runs');
  const row = page.getByRole('region', { name: 'Saved runs' }).getByRole('row').filter({ has: page.getByRole('link', { name: `#${id}`, exact: true }) });
  await expect(row).toContainText('saved from the page');
  await row.getByRole('link', { name: `#${id}`, exact: true }).click();
  const review = page.getByRole('region', { name: 'Run review' });
  await expect(review).toContainText('saved from the page');
  // The review names its baseline: the previous review run of this query text, or none.
  await expect(review.locator('.diff-summary')).toContainText(/^(Compared with run #\d+ of \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(.+\), the previous review run of this query text|First run of this query text: everything is new)/);
});
