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

test('without JavaScript the hunt page’s HTML already shows the result rows, and the drill-down its events', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${SEED}?q=1`);
  const table = resultTable(page);
  await expect(bodyRows(table)).toHaveCount(expectedFindings('allUsers').length);
  await expect(bodyRows(table).filter({ hasText: 'kworkerds' })).toBeVisible();
  await page.goto(DRILL);
  await expect(bodyRows(eventsTable(page))).toHaveCount(DBUS.count);
  await expect(eventsTable(page)).toContainText(DBUS.destinations[0].ip);
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
