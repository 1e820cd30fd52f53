// Issue 16's density: the result table in the first screen, the hunt's description and findings
// folded, resizable columns that keep their widths, a drill-down table as tall as its rows, and
// both themes clean. The figures measured here are the README's "Density" section.
import type { Locator, Page } from '@playwright/test';
import { PLANTED } from '../lib/demo/planted';
import { test, expect } from './fixtures';
import { expectNoSeriousViolations, expectTheme, useTheme } from './support/axe';
import { bodyRows, SEED, waitForResult } from './helpers';

const miner = PLANTED.find((p) => p.name === 'kworkerds')!;

interface FirstScreen {
  headerTop: number;
  rowHeight: number;
  rowsInView: number;
}

/** Where the table's header starts, how tall a body row is, and how many rows end above the fold. */
async function firstScreen(page: Page, table: Locator): Promise<FirstScreen> {
  const fold = page.viewportSize()!.height;
  return table.evaluate((t, foldAt) => {
    const header = t.querySelector('thead')!.getBoundingClientRect();
    const rows = [...t.querySelectorAll('tbody tr[data-row-index]')].map((r) => r.getBoundingClientRect());
    return { headerTop: Math.round(header.top), rowHeight: Math.round(rows[0]?.height ?? 0), rowsInView: rows.filter((r) => r.bottom <= foldAt).length };
  }, fold);
}

function report(name: string, figures: FirstScreen): void {
  test.info().annotations.push({ type: name, description: JSON.stringify(figures) });
  console.log(`${name}: ${JSON.stringify(figures)}`);
}

async function headerWidth(table: Locator, column: string): Promise<number> {
  const th = table.locator('thead th').filter({ has: table.page().locator('.column-name', { hasText: new RegExp(`^${column.replace('.', '\\.')}$`) }) });
  return Math.round((await th.boundingBox())!.width);
}

test.describe('at 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the hunt page shows the result table with at least three rows in the first screen', async ({ page }) => {
    await page.goto(`${SEED}?q=1&sort=-connection_count`);
    const table = await waitForResult(page);
    // The histogram settles the layout: measure once it has drawn (or said why not).
    await expect(page.locator('.hunt-histogram')).toHaveAttribute('aria-busy', 'false');
    const figures = await firstScreen(page, table);
    report('hunt page 1280x800', figures);
    expect(figures.headerTop).toBeLessThan(800);
    expect(figures.rowsInView).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  test('the drill-down of a finding with three events is as tall as its rows, in the first screen', async ({ page }) => {
    await page.goto(`${SEED}?q=1&sort=-connection_count`);
    const table = await waitForResult(page);
    await bodyRows(table).filter({ hasText: 'kworkerds' }).getByRole('link', { name: 'Events' }).click();
    const events = page.getByRole('table', { name: /^Events, / });
    await expect(bodyRows(events)).toHaveCount(miner.count);
    const figures = await firstScreen(page, events);
    report('drill-down 1280x800', figures);
    expect(figures.rowsInView).toBe(miner.count);

    const box = await page.locator('.events-table-scroll').evaluate((el: HTMLElement) => ({ height: el.getBoundingClientRect().height, content: el.querySelector('table')!.getBoundingClientRect().height, scrollbar: el.offsetHeight - el.clientHeight }));
    // No empty box under the rows: the container is its table (plus a horizontal scrollbar, if any, and borders).
    expect(box.height).toBeLessThanOrEqual(box.content + box.scrollbar + 2);
    expect(box.content).toBeLessThanOrEqual(32 + miner.count * 29 + 2);
  });
});

test('at 1024×768 the hunt table still starts in the first screen', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(`${SEED}?q=1&sort=-connection_count`);
  const table = await waitForResult(page);
  await expect(page.locator('.hunt-histogram')).toHaveAttribute('aria-busy', 'false');
  const figures = await firstScreen(page, table);
  report('hunt page 1024x768', figures);
  expect(figures.headerTop).toBeLessThan(768);
  expect(figures.rowsInView).toBeGreaterThanOrEqual(1);
});

test('the description and the findings are folded to one line each and expand', async ({ page }) => {
  await page.goto(`${SEED}?q=1`);
  await waitForResult(page);
  const description = page.locator('details.hunt-description');
  await expect(description).not.toHaveAttribute('open');
  const summary = description.locator('summary');
  expect((await summary.boundingBox())!.height).toBeLessThanOrEqual(24);
  await summary.click();
  await expect(description).toHaveAttribute('open');
  await expect(description.locator('.fold-body p')).toBeVisible();

  const findings = page.getByRole('region', { name: 'Query findings' });
  const fold = findings.locator('summary');
  await expect(fold).toContainText(/^\d+ findings?/);
  await expect(fold).toContainText('LIMIT before SORT');
  expect((await fold.boundingBox())!.height).toBeLessThanOrEqual(24);
  await expect(findings.getByLabel(/Run the variant instead/)).toBeHidden();
  await fold.click();
  await expect(findings.getByLabel(/Run the variant instead/)).toBeVisible();
});

test('a column is resized with the mouse and the keyboard, keeps its width after a re-sort and a reload, and fits its content again', async ({ page }) => {
  await page.goto(`${SEED}?q=1`);
  const table = await waitForResult(page);
  const natural = await headerWidth(table, 'process.name');
  const handle = table.getByRole('separator', { name: 'Resize column process.name' });

  // Mouse: drag the header's right edge 80 px to the right. Retried as a whole: on a busy machine the
  // first drag can land before the handle's listeners are attached (CI saw it once).
  let dragged = natural;
  await expect(async () => {
    const before = await headerWidth(table, 'process.name');
    const at = (await handle.boundingBox())!;
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
    await page.mouse.down();
    await page.mouse.move(at.x + at.width / 2 + 40, at.y + at.height / 2, { steps: 4 });
    await page.mouse.move(at.x + at.width / 2 + 80, at.y + at.height / 2, { steps: 4 });
    await page.mouse.up();
    dragged = await headerWidth(table, 'process.name');
    expect(Math.abs(dragged - (before + 80))).toBeLessThanOrEqual(2);
  }).toPass({ timeout: 10_000 });

  // Keyboard: two steps narrower from the focused handle.
  await handle.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => Math.abs((await headerWidth(table, 'process.name')) - (dragged - 32))).toBeLessThanOrEqual(1);
  const narrowed = await headerWidth(table, 'process.name');

  // A re-sort keeps it, and so does a reload (the session keeps the widths).
  await table.getByRole('button', { name: /^connection_count/ }).click();
  await expect(page).toHaveURL(/sort=connection_count/);
  expect(await headerWidth(table, 'process.name')).toBe(narrowed);
  await page.reload();
  const reloaded = await waitForResult(page);
  await expect.poll(() => headerWidth(reloaded, 'process.name')).toBe(narrowed);

  // Double-click: back to its content's width.
  await reloaded.getByRole('separator', { name: 'Resize column process.name' }).dblclick();
  await expect.poll(async () => Math.abs((await headerWidth(reloaded, 'process.name')) - natural)).toBeLessThanOrEqual(1);
});

for (const theme of ['light', 'dark'] as const) {
  test(`the compact hunt page has no serious accessibility violation in the ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    await page.goto(`${SEED}?q=1`);
    await waitForResult(page);
    await expectTheme(page, theme);
    await expect(page.locator('.hunt-histogram')).toHaveAttribute('aria-busy', 'false');
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Hunts' })).toHaveAttribute('aria-current', 'page');
    await expectNoSeriousViolations(page, `hunt page (${theme})`);
    await page.locator('details.hunt-description summary').click();
    await page.getByRole('region', { name: 'Query findings' }).locator('summary').click();
    await expectNoSeriousViolations(page, `hunt page, folds open (${theme})`);
  });
}
