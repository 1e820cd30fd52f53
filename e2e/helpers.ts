import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

export const SEED = '/hunts/low_volume_external_network_connections_from_process';

/** The hunt result table of the open tab (the first table in the tab panel). */
export function resultTable(page: Page): Locator {
  return page.getByRole('tabpanel').getByRole('table').first();
}

/** Body rows of a table (rows holding cells, not headers or the filter row). */
export function bodyRows(table: Locator): Locator {
  return table.locator('tbody tr[data-row-index]');
}

/** The text of one column, by column name, for every body row in DOM order. */
export async function columnTexts(table: Locator, name: string): Promise<string[]> {
  // The header row naming the leaf columns has one cell per body cell; a header's name is its
  // `.column-name` (or `.sort-name`) part, without the type label and sort arrow.
  const names = await table.evaluate((t) => {
    const width = t.querySelector('tbody tr[data-row-index]')?.children.length ?? 0;
    const row = [...t.querySelectorAll('thead tr')].find((r) => r.children.length === width);
    return row ? [...row.children].map((c) => (c.querySelector('.column-name, .sort-name') ?? c).textContent?.trim() ?? '') : [];
  });
  const index = names.indexOf(name);
  if (index < 0) throw new Error(`no column [${name}] among ${JSON.stringify(names)}`);
  return table.locator('tbody tr[data-row-index]').evaluateAll(
    (rows, i) => rows.map((r) => (r.children[i] as HTMLElement).innerText.trim()),
    index,
  );
}

/**
 * The result table, once it is on screen and React has hydrated it. The server renders the first
 * result into the HTML, so rows show before the page's script runs; a drag or a key press then
 * would reach no handler (React replays only clicks made while it hydrates).
 */
export async function waitForResult(page: Page): Promise<Locator> {
  const table = resultTable(page);
  await expect(bodyRows(table).first()).toBeVisible();
  await waitForHydration(bodyRows(table).first());
  return table;
}

/** Until React has attached itself to the element (it marks each element it hydrates with its props). */
export async function waitForHydration(element: Locator): Promise<void> {
  await expect.poll(() => element.evaluate((el) => Object.keys(el).some((k) => k.startsWith('__reactProps$')))).toBe(true);
}
