import type { Browser, Page } from '@playwright/test';
import { test, expect } from '../e2e/fixtures';
import { SEED, waitForResult } from '../e2e/helpers';
import { BIG_RUN_FINDINGS } from '../playwright.big.config';

/**
 * A run of a million findings (imported from a bundle) must open in under a second on its first
 * page, and must not stall anyone else: another analyst's hunt page, loaded while the big run is
 * being opened, still starts arriving in under a second (issue 13). The hunt page carries its
 * query's result (page-answers.ts), which shares the 2 cores with the big run's work: its table
 * must be on screen within two seconds.
 */
const LIMIT_MS = 1_000;
const RESULT_LIMIT_MS = 2_000;

async function bigRunId(page: Page): Promise<string> {
  await page.goto('/runs');
  const row = page.getByRole('region', { name: 'Saved runs' }).getByRole('row').filter({ hasText: String(BIG_RUN_FINDINGS) });
  await expect(row).toHaveCount(1);
  return (await row.getByRole('link', { name: /^#\d+$/ }).innerText()).replace(/\D/g, '');
}

/** Milliseconds from the navigation's request to the last byte of the server's page (Chromium's own timing). */
async function timedVisit(page: Page, url: string): Promise<number> {
  const response = await page.goto(url, { waitUntil: 'domcontentloaded' });
  expect(response?.status()).toBe(200);
  return Math.round(response!.request().timing().responseEnd);
}

/** The hunt page visited: its first byte, and its first result row on screen, in ms from the navigation's start. */
async function timedHuntVisit(page: Page, url: string): Promise<{ firstByte: number; result: number }> {
  const response = await page.goto(url, { waitUntil: 'commit' });
  expect(response?.status()).toBe(200);
  // Timed in the page, frame by frame: the moment the first row is laid out.
  const shown = await page.waitForFunction(
    () => {
      const row = document.querySelector('[role="tabpanel"] table tbody tr[data-row-index]');
      return row && row.getBoundingClientRect().height > 0 ? performance.now() : false;
    },
    undefined,
    { polling: 'raf', timeout: 10_000 },
  );
  const result = (await shown.jsonValue()) as number;
  return { firstByte: Math.round(response!.request().timing().responseStart), result: Math.round(result) };
}

async function analystPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

test('a run of a million findings opens in under a second while another analyst’s hunt page still answers at once and shows its result', async ({ page, browser }) => {
  const id = await bigRunId(page);
  const other = await analystPage(browser);
  // The other analyst's hunt page, alone, for the record.
  const alone = await timedVisit(other, `${SEED}?q=1`);
  await waitForResult(other);

  const opening = timedVisit(page, `/runs/${id}`);
  // Give the run page's request a head start so both are in the server at once.
  await new Promise((r) => setTimeout(r, 50));
  const beside = await timedHuntVisit(other, `${SEED}?q=2`);
  const runMs = await opening;
  console.log(`hunt page alone ${alone} ms; beside the big run: first byte ${beside.firstByte} ms, result on screen ${beside.result} ms; the big run's first page ${runMs} ms`);

  expect(beside.firstByte).toBeLessThan(LIMIT_MS);
  expect(beside.result).toBeLessThan(RESULT_LIMIT_MS);
  expect(runMs).toBeLessThan(LIMIT_MS);
  await waitForResult(other);

  const review = page.getByRole('region', { name: 'Run review' });
  await expect(review.getByText(/^1–100 of 1,000,000$/).first()).toBeVisible();
  const table = review.getByRole('table', { name: 'Findings week over week' });
  // One page of findings, not a million rows.
  const rows = await table.getByRole('row').count();
  expect(rows).toBeGreaterThan(1);
  expect(rows).toBeLessThanOrEqual(201);
  await other.context().close();
});
