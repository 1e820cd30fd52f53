import { PLANTED } from '../lib/demo/planted';
import { test, expect } from './fixtures';
import { bodyRows, columnTexts, SEED, waitForResult } from './helpers';

const miner = PLANTED.find((p) => p.name === 'kworkerds')!;

test('a hunt row opens its raw events: table, timeline, destinations, flyout, and back to the same sort', async ({ page }) => {
  await page.goto(`${SEED}?q=1&sort=-connection_count`);
  const table = await waitForResult(page);
  const row = bodyRows(table).filter({ hasText: 'kworkerds' });
  await row.getByRole('link', { name: 'Events' }).click();

  await expect(page).toHaveURL(/\/events\?/);
  const events = page.getByRole('region', { name: 'Drill-down events' });
  const eventsTable = events.getByRole('table', { name: /^Events, / });
  await expect(bodyRows(eventsTable)).toHaveCount(miner.count);
  for (const ip of await columnTexts(eventsTable, 'destination.ip')) expect(ip).toBe(miner.destinations[0].ip);
  expect(new Set(await columnTexts(eventsTable, 'host.name'))).toEqual(new Set(miner.hosts));
  const times = await columnTexts(eventsTable, '@timestamp');
  expect(times).toEqual([...times].sort().reverse());

  await expect(events.getByRole('img', { name: new RegExp(`^${miner.count} (events|connections)`) })).toBeVisible();
  const destinations = events.getByRole('table', { name: /destination/i });
  await expect(destinations).toContainText(miner.destinations[0].ip);
  await expect(destinations).toContainText(String(miner.destinations[0].port));

  // The drill-down query carries the key as a param, never in its text.
  await expect(page.getByRole('region', { name: 'Drill-down ES|QL' })).toContainText('process.name == ?k1');

  await bodyRows(eventsTable).first().click();
  const flyout = page.getByRole('dialog');
  await expect(flyout).toBeVisible();
  await expect(flyout).toContainText('process.executable');
  await expect(flyout).toContainText(miner.executable);
  await page.keyboard.press('Escape');
  await expect(flyout).toBeHidden();

  await page.getByRole('link', { name: /Back to/ }).click();
  await expect(page).toHaveURL(/sort=-connection_count/);
  const back = await waitForResult(page);
  const counts = (await columnTexts(back, 'connection_count')).map(Number);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  await expect(bodyRows(back).filter({ hasText: 'kworkerds' })).toBeInViewport();
});

test('the drill-down URL reloads to the same view, sorted events and open flyout included', async ({ page }) => {
  const key = encodeURIComponent(JSON.stringify(['dbus-daemon-lnx']));
  await page.goto(`${SEED}/events?q=1&key=${key}&sort=@timestamp&event=0`);
  const eventsTable = page.getByRole('table', { name: /^Events, / });
  await expect(bodyRows(eventsTable)).toHaveCount(5);
  const times = await columnTexts(eventsTable, '@timestamp');
  expect(times).toEqual([...times].sort());
  await expect(eventsTable.getByRole('columnheader', { name: '@timestamp' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByRole('dialog')).toContainText('dbus-daemon-lnx');
});
