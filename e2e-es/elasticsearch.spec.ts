import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from '../e2e/fixtures';
import { bodyRows, resultTable, SEED, waitForResult } from '../e2e/helpers';
import { expectedFindings } from '../lib/demo';
import { escapeVisible } from '../lib/view/text/escape';
import { E2E_ES_CLUSTER_NAME, E2E_ES_VERSION } from './cluster';
import { filesUnder, leakedForms, secretForms } from './secrets';
import { rawWriteHeaders } from '../e2e/support/csrf';

/**
 * The dashboard on its Elasticsearch backend. Every answer comes from the fake cluster
 * (scripts/fake-cluster.mts), which refuses requests without `Authorization: ApiKey <key>`:
 * rows on screen prove the server holds the key, and the last test proves the browser never does.
 */
const API_KEY = process.env.E2E_ES_API_KEY ?? '';
const HUNT_ID = SEED.split('/').pop() ?? '';

/**
 * The texts of one result column, found by its header (the leaf header row: the one with
 * `scope="col"` cells, not the column-group or the filter row).
 */
async function columnCells(table: Locator, name: string): Promise<string[]> {
  const headerRow = table.locator('thead tr').filter({ has: table.page().locator('th[scope="col"]') }).last();
  const headers = (await headerRow.locator('th, td').allInnerTexts()).map((text) => text.trim());
  const index = headers.findIndex((text) => text.startsWith(name));
  expect(index, `a column [${name}] among ${JSON.stringify(headers)}`).toBeGreaterThanOrEqual(0);
  return (await bodyRows(table).evaluateAll((rows, at) => rows.map((row) => (row.children[at] as HTMLElement | undefined)?.innerText ?? ''), index)).map((t) => t.trim());
}

async function expectFindings(page: Page, which: 'allUsers' | 'rootOnly'): Promise<void> {
  const table = await waitForResult(page);
  const expected = expectedFindings(which);
  await expect(bodyRows(table)).toHaveCount(expected.length);
  // One cell per planted name, as is or with its control characters spelled out (`\u202e`).
  const unmatched = await columnCells(table, 'process.name');
  for (const name of expected) {
    const at = unmatched.findIndex((text) => text === name || text === escapeVisible(name));
    expect(at, `a row for ${JSON.stringify(name)} among ${JSON.stringify(unmatched)}`).toBeGreaterThanOrEqual(0);
    unmatched.splice(at, 1);
  }
  expect(unmatched).toEqual([]);
}

/** Opens the second query's tab and waits for its own answer (the first tab's table is still up until then). */
async function switchToRootOnly(page: Page): Promise<void> {
  const tab = page.getByRole('tab', { name: 'Root only' });
  const answered = page.waitForResponse((response) => /\/queries\/2\/run$/.test(new URL(response.url()).pathname));
  await tab.click();
  await expect(tab).toHaveAttribute('aria-selected', 'true');
  expect((await answered).ok()).toBe(true);
}

/** Follows the first row's "Events" link and waits for the events table to have rows. */
async function openFirstEvents(page: Page): Promise<void> {
  const rows = bodyRows(resultTable(page));
  await expect(rows.getByRole('link', { name: 'Events' })).toHaveCount(await rows.count());
  await rows.first().getByRole('link', { name: 'Events' }).click();
  await expect(page).toHaveURL(/\/events(\?|$)/);
  const events = page.locator('table').filter({ has: page.locator('tbody tr[data-row-index]') }).first();
  await expect(bodyRows(events).first()).toBeVisible();
}

test('the overview names the Elasticsearch cluster and its version', async ({ page }) => {
  await page.goto('/');
  const backend = page.getByRole('region', { name: 'Backend' });
  await expect(backend).toContainText('Elasticsearch cluster');
  await expect(backend).toContainText(E2E_ES_CLUSTER_NAME);
  await expect(backend).toContainText(E2E_ES_VERSION);
  await expect(backend).not.toContainText('Embedded');
});

test('the seed hunt lists the planted processes of both queries from the cluster', async ({ page }) => {
  await page.goto(SEED);
  await expectFindings(page, 'allUsers');
  await switchToRootOnly(page);
  await expectFindings(page, 'rootOnly');
});

test('each result row links to its events, which come from the cluster', async ({ page }) => {
  await page.goto(SEED);
  await waitForResult(page);
  await openFirstEvents(page);
});

test('a query the hunt does not have is a 404 with a message', async ({ request, baseURL }) => {
  const response = await request.post(`/api/hunts/${HUNT_ID}/queries/9/run`, { data: {}, headers: rawWriteHeaders(baseURL!) });
  expect(response.status()).toBe(404);
  expect(response.headers()['content-type']).toContain('application/json');
  const body = (await response.json()) as { ok: boolean; error?: { kind: string; message: string } };
  expect(body).toMatchObject({ ok: false, error: { kind: 'not_found' } });
  expect(body.error?.message).toMatch(/no query 9/);
});

test('the leak check finds the key in each form it could leak in', () => {
  const key = 'hb-e2e-00112233445566778899aabbccddeeff';
  const forms = secretForms(key);
  const carriers = [
    `{"auth":"${key}"}`,
    `Authorization: ApiKey ${Buffer.from(key).toString('base64')}`,
    `x=${encodeURIComponent(key)}`,
    `"${Buffer.from(`ApiKey ${key}`).toString('base64')}"`,
    // id:key pairs, at each alignment of the key inside the base64 whole.
    ...['id:', 'i:', 'k'].map((id) => `prefix ${Buffer.from(`${id}${key}`).toString('base64')} suffix`),
    `random part only: 00112233445566778899aabbccddeeff`,
  ];
  for (const carrier of carriers) expect(leakedForms(carrier, forms), carrier).not.toEqual([]);
  expect(leakedForms('nothing secret here, hb-e2e- alone', forms)).toEqual([]);
});

test('the Elasticsearch API key never reaches the browser', async ({ page, request, baseURL }) => {
  expect(API_KEY, 'playwright.es.config.ts hands the key to the spec').toMatch(/^hb-e2e-[0-9a-f]{32}$/);
  const forms = secretForms(API_KEY);
  const leaks: string[] = [];
  const check = (where: string, text: string) => {
    for (const form of leakedForms(text, forms)) leaks.push(`${where}: ${form}`);
  };

  // Everything the pages load while an analyst goes overview → hunt → both queries → events.
  const seen: Promise<void>[] = [];
  const urls: string[] = [];
  page.on('response', (response) => {
    urls.push(new URL(response.url()).pathname);
    seen.push(
      (async () => {
        check(`headers of ${response.url()}`, JSON.stringify(await response.allHeaders()));
        const body = await response.body().catch(() => undefined); // redirects have none
        if (body !== undefined) check(response.url(), body.toString('latin1'));
      })(),
    );
  });
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Backend' })).toContainText('Elasticsearch cluster');
  await page.goto(SEED);
  await waitForResult(page);
  await switchToRootOnly(page);
  await waitForResult(page);
  await openFirstEvents(page);
  check('rendered events page', await page.content());
  await Promise.all(seen);
  // The answers were among the checked responses: the first query's run and the events come inside
  // their pages (the server runs a page's first call while rendering it), the other tab's run from the API.
  expect(urls).toContainEqual(SEED);
  expect(urls).toContainEqual(expect.stringMatching(/^\/hunts\/.+\/events$/));
  expect(urls).toContainEqual(expect.stringMatching(/^\/api\/hunts\/.+\/queries\/2\/run$/));

  for (const url of ['/', SEED]) {
    const response = await request.get(url);
    expect(response.ok()).toBe(true);
    check(`GET ${url}`, await response.text());
  }
  const failed = await request.post(`/api/hunts/${HUNT_ID}/queries/9/run`, { data: {}, headers: rawWriteHeaders(baseURL!) });
  check('the 404 API answer', await failed.text());

  const staticFiles = filesUnder(path.resolve(__dirname, '../.next/static'));
  expect(staticFiles.length, 'the production build’s client files').toBeGreaterThan(0);
  for (const [file, text] of staticFiles) check(`.next/static/${file}`, text);

  expect(leaks).toEqual([]);
});
