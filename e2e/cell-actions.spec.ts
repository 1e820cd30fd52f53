// Cell actions (issue 16): filter for / out on a drill-down cell narrows the events through the
// server (the URL keeps it, a chip removes it), copy puts the raw value on the clipboard, pivots
// open Explore with the query and its params, and the field sidebar shows top values and adds columns.
import type { Locator, Page } from '@playwright/test';
import { PLANTED } from '../lib/demo/planted';
import { test, expect } from './fixtures';
import { bodyRows, columnTexts, SEED, waitForResult } from './helpers';

const miner = PLANTED.find((p) => p.name === 'kworkerds')!;
const drillUrl = `${SEED}/events?q=1&key=${encodeURIComponent(JSON.stringify([miner.name]))}`;

function eventsTable(page: Page): Locator {
  return page.getByRole('table', { name: /^Events, / });
}

/** The cell of `column` in `row`, by the header's position. */
async function cellOf(table: Locator, row: Locator, column: string): Promise<Locator> {
  const names = await table.locator('thead th').evaluateAll((ths) => ths.map((th) => (th.querySelector('.sort-name, .column-name') ?? th).textContent?.trim() ?? ''));
  const index = names.indexOf(column);
  if (index < 0) throw new Error(`no column [${column}] among ${JSON.stringify(names)}`);
  return row.locator('td').nth(index);
}

/**
 * Opens a cell's menu as a pointer does: rest on the cell, then click its button. A drill-down
 * row's button shows only while the pointer rests on its cell, so a late layout shift (a panel
 * loading above) moving the cell away from the pointer is met by hovering again.
 */
async function openMenu(page: Page, cell: Locator, column: string): Promise<Locator> {
  const menu = page.getByRole('menu', { name: `Actions for ${column}` });
  await expect(async () => {
    await cell.hover();
    await cell.getByRole('button', { name: `Actions for ${column}` }).click({ timeout: 2_000 });
    await expect(menu).toBeVisible({ timeout: 1_000 });
  }).toPass();
  return menu;
}

test('filter for on a drill-down cell narrows the events; the URL keeps it and its chip removes it', async ({ page }) => {
  await page.goto(drillUrl);
  const table = eventsTable(page);
  await expect(bodyRows(table)).toHaveCount(miner.count);
  const first = bodyRows(table).first();
  const stamp = (await (await cellOf(table, first, '@timestamp')).innerText()).trim();

  const menu = await openMenu(page, await cellOf(table, first, '@timestamp'), '@timestamp');
  await menu.getByRole('menuitem', { name: 'Filter for value' }).click();
  await expect(bodyRows(table)).toHaveCount(1);
  expect(await columnTexts(table, '@timestamp')).toEqual([stamp]);
  const filters = JSON.parse(new URL(page.url()).searchParams.get('filters') ?? '[]') as unknown;
  expect(filters).toEqual([{ field: '@timestamp', value: stamp, negate: false }]);
  // The value went to the server as a param, not into the query's text.
  const query = page.getByRole('region', { name: 'Drill-down ES|QL' });
  await expect(query).toContainText('@timestamp == TO_DATETIME(?f1)');

  await page.reload();
  await expect(bodyRows(eventsTable(page))).toHaveCount(1);
  const chips = page.getByRole('list', { name: 'Active filters' });
  await expect(chips).toContainText('@timestamp');
  await chips.getByRole('button', { name: /^Remove filter @timestamp/ }).click();
  await expect(bodyRows(eventsTable(page))).toHaveCount(miner.count);
  expect(new URL(page.url()).searchParams.has('filters')).toBe(false);

  // Filter out keeps the others; the keyboard reaches the cell's button from its row (Tab) and
  // works the menu (Enter opens, arrows move, Escape returns focus).
  const firstRow = bodyRows(eventsTable(page)).first();
  const trigger = (await cellOf(eventsTable(page), firstRow, '@timestamp')).getByRole('button', { name: 'Actions for @timestamp' });
  await firstRow.focus();
  await page.keyboard.press('Tab');
  await expect(trigger).toBeFocused();
  await page.keyboard.press('Enter');
  const keyMenu = page.getByRole('menu', { name: 'Actions for @timestamp' });
  await expect(keyMenu.getByRole('menuitem', { name: 'Filter for value' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(keyMenu).toBeHidden();
  await expect(trigger).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('ArrowDown');
  await expect(keyMenu.getByRole('menuitem', { name: 'Filter out value' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(bodyRows(eventsTable(page))).toHaveCount(miner.count - 1);
  expect(await columnTexts(eventsTable(page), '@timestamp')).not.toContain(stamp);
});

test('copy puts the raw value on the clipboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(drillUrl);
  const table = eventsTable(page);
  await expect(bodyRows(table)).toHaveCount(miner.count);
  const menu = await openMenu(page, await cellOf(table, bodyRows(table).first(), 'destination.ip'), 'destination.ip');
  await menu.getByRole('menuitem', { name: 'Copy value' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(miner.destinations[0].ip);
});

test('a pivot from a drill-down destination.ip opens Explore with that IP’s events over the window', async ({ page }) => {
  const ip = miner.destinations[0].ip;
  await page.goto(drillUrl);
  const table = eventsTable(page);
  await expect(bodyRows(table)).toHaveCount(miner.count);
  const menu = await openMenu(page, await cellOf(table, bodyRows(table).first(), 'destination.ip'), 'destination.ip');
  await menu.getByRole('menuitem', { name: 'This destination across the fleet' }).click();

  await expect(page).toHaveURL(/\/explore\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get('esql')).toContain('WHERE destination.ip == TO_IP(?dst1)');
  expect(url.searchParams.get('esql')).not.toContain(ip);
  expect(JSON.parse(url.searchParams.get('params') ?? '[]')).toEqual([{ dst1: ip }]);
  // The seed hunt's own window is the last 7 days: the pivot keeps it.
  expect(url.searchParams.get('window')).toBe('7d');

  const result = page.getByRole('region', { name: 'Explore result' });
  const rows = bodyRows(result.getByRole('table', { name: /^Events, / }));
  await expect(rows.first()).toBeVisible();
  for (const value of await columnTexts(result.getByRole('table', { name: /^Events, / }), 'destination.ip')) expect(value).toBe(ip);
});

test('the hunt table: filter for narrows through its own filter box, a context value pivots into Explore', async ({ page }) => {
  await page.goto(`${SEED}?q=1`);
  const table = await waitForResult(page);
  const row = bodyRows(table).filter({ hasText: miner.name });

  const nameMenu = await openMenu(page, row.locator('td:not(.action-cell):not(.context-cell)').filter({ hasText: miner.name }).first(), 'process.name');
  await nameMenu.getByRole('menuitem', { name: 'Filter for value' }).click();
  await expect(page.getByRole('tabpanel').getByLabel('Filter process.name', { exact: true })).toHaveValue(`=${miner.name}`);
  await expect(bodyRows(table)).toHaveCount(1);

  const hostCell = bodyRows(table).first().locator('td.context-cell').filter({ hasText: miner.hosts[0] }).first();
  const hostMenu = await openMenu(page, hostCell, 'host_names');
  await hostMenu.getByRole('menuitem', { name: /^Host’s other activity/ }).click();
  await expect(page).toHaveURL(/\/explore\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get('esql')).toContain('WHERE host.name == ?host1');
  expect(JSON.parse(url.searchParams.get('params') ?? '[]')).toEqual([{ host1: miner.hosts[0] }]);
});

test('the field sidebar shows a field’s top values and adds a field as a column', async ({ page }) => {
  await page.goto(drillUrl);
  const table = eventsTable(page);
  await expect(bodyRows(table)).toHaveCount(miner.count);
  const sidebar = page.getByRole('complementary', { name: 'Fields' });
  await sidebar.getByRole('searchbox', { name: 'Search fields' }).fill('destination.port');
  await sidebar.getByRole('button', { name: /destination\.port/ }).first().click();
  const top = sidebar.getByRole('list', { name: 'Top values of destination.port' });
  await expect(top).toContainText(String(miner.destinations[0].port));
  await expect(top.getByRole('listitem')).toHaveCount(1);
  await expect(top).toContainText(String(miner.count));

  await sidebar.getByRole('searchbox', { name: 'Search fields' }).fill('event.id');
  await expect(table.locator('thead')).not.toContainText('event.id');
  await sidebar.getByRole('button', { name: 'Add event.id as column' }).click();
  await expect(table.locator('thead')).toContainText('event.id');
  expect(new URL(page.url()).searchParams.get('cols')).toContain('event.id');
});
