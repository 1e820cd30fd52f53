import type { Page } from '@playwright/test';
import { expectedFindings, PLANTED } from '../lib/demo/planted';
import { test, expect } from './fixtures';
import { bodyRows, resultTable, SEED } from './helpers';

/**
 * The hunt page's table and the drill-down's first rows come with the page (issue 16: a usable
 * table within 500 ms, one round trip): the server answers the page's first call while it renders,
 * and the browser does not ask again.
 */
const DBUS = PLANTED.find((p) => p.name === 'dbus-daemon-lnx')!;
const DRILL = `${SEED}/events?q=1&key=${encodeURIComponent(JSON.stringify([DBUS.name]))}`;
const eventsTable = (page: Page) => page.getByRole('table', { name: /^Events, / });

/** POSTs to the hunt API, by their last path step (run, context, histogram, events…). */
function apiCalls(page: Page): string[] {
  const calls: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.method() === 'POST' && path.startsWith('/api/hunts/')) calls.push(path.slice(path.lastIndexOf('/') + 1));
  });
  return calls;
}

/** The rows of a server-rendered table in an HTML document: `<tr data-row-index=…>` with their text. */
function htmlRows(html: string): string[] {
  return [...html.matchAll(/<tr[^>]*data-row-index="\d+"[^>]*>(.*?)<\/tr>/gs)].map((m) => m[1]);
}

test('the hunt page’s HTML carries the result rows, and the drill-down’s its events: one round trip', async ({ page }) => {
  // The document itself, as the server sends it: an answer in within the page's wait is inline,
  // a later one streams in the same response (React's streamed HTML); either way no second request.
  const hunt = await (await page.request.get(`${SEED}?q=1`)).text();
  const rows = htmlRows(hunt);
  expect(rows).toHaveLength(expectedFindings('allUsers').length);
  expect(rows.some((r) => r.includes('kworkerds'))).toBe(true);
  const drill = await (await page.request.get(DRILL)).text();
  const events = htmlRows(drill);
  expect(events).toHaveLength(DBUS.count);
  expect(events.every((r) => r.includes(DBUS.destinations[0].ip))).toBe(true);
});

test('without JavaScript a prompt answer shows: the hunt page’s rows and the drill-down’s events', async ({ browser, page }) => {
  // Warm: the page waits a moment for its answer; an answer in by then is in the HTML itself and
  // needs no script. (A slower one streams, and React needs its script to put it in place.)
  await page.request.get(`${SEED}?q=1`);
  await page.request.get(DRILL);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const noScript = await context.newPage();
  await noScript.goto(`${SEED}?q=1`);
  const table = resultTable(noScript);
  await expect(bodyRows(table)).toHaveCount(expectedFindings('allUsers').length);
  await expect(bodyRows(table).filter({ hasText: 'kworkerds' })).toBeVisible();
  await noScript.goto(DRILL);
  await expect(bodyRows(eventsTable(noScript))).toHaveCount(DBUS.count);
  await expect(eventsTable(noScript)).toContainText(DBUS.destinations[0].ip);
  await context.close();
});

test('the server’s answer is not run again: no run call on navigation, one per "Run again" or other tab', async ({ page }) => {
  const calls = apiCalls(page);
  await page.goto(`${SEED}?q=1`);
  const table = resultTable(page);
  await expect(bodyRows(table)).toHaveCount(expectedFindings('allUsers').length);
  // The context columns follow from the browser: once they are in, the page has made its calls.
  await expect(table.locator('th.context-group')).toHaveText('Context');
  await expect(table.getByRole('columnheader', { name: /^users/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(calls.filter((c) => c === 'run')).toEqual([]);

  await page.getByRole('button', { name: 'Run again' }).click();
  await expect(bodyRows(table)).toHaveCount(expectedFindings('allUsers').length);
  await page.waitForLoadState('networkidle');
  expect(calls.filter((c) => c === 'run')).toEqual(['run']);

  // Another tab has no server answer: it runs from the browser, once.
  await page.getByRole('tab', { name: 'Root only' }).click();
  await expect(bodyRows(resultTable(page))).toHaveCount(expectedFindings('rootOnly').length);
  await page.waitForLoadState('networkidle');
  expect(calls.filter((c) => c === 'run')).toEqual(['run', 'run']);
});

test('the drill-down’s events come with the page, also when opened from a row link', async ({ page }) => {
  const calls = apiCalls(page);
  await page.goto(DRILL);
  await expect(bodyRows(eventsTable(page))).toHaveCount(DBUS.count);
  await page.waitForLoadState('networkidle');
  expect(calls.filter((c) => c === 'events')).toEqual([]);

  await page.goto(`${SEED}?q=1`);
  await bodyRows(resultTable(page)).filter({ hasText: DBUS.name }).getByRole('link').click();
  await expect(page).toHaveURL(/\/events\?/);
  await expect(bodyRows(eventsTable(page))).toHaveCount(DBUS.count);
  await page.waitForLoadState('networkidle');
  expect(calls.filter((c) => c === 'events' || c === 'run')).toEqual([]);
});
