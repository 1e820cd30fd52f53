// Explore (issue 16): the ES|QL editor completes a field name from the backend's mapping and
// underlines a positioned error as the analyst types; Ctrl+Enter runs; the URL keeps the query;
// "Open in Explore" from a hunt query shows the same rows.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { bodyRows, columnTexts, SEED, waitForResult } from './helpers';
import { expectNoSeriousViolations, expectTheme, useTheme } from './support/axe';

const NETWORK = 'logs-endpoint.events.network-*';

function editor(page: Page) {
  return page.getByRole('textbox', { name: 'ES|QL query' });
}

function result(page: Page) {
  return page.getByRole('region', { name: 'Explore result' });
}

/** `12 rows in 35 ms · …`: the result's figures above the table. */
function figures(page: Page) {
  return page.getByRole('status').filter({ hasText: / rows? in \d/ });
}

test('the editor completes a field name from the mapping, and the pick lands in the text', async ({ page }) => {
  await page.goto('/explore');
  const box = editor(page);
  await box.click();
  await box.pressSequentially(`FROM ${NETWORK} | WHERE destination.`, { delay: 5 });
  const list = page.getByRole('listbox', { name: 'Suggestions' });
  const options = list.getByRole('option');
  await expect(options.first()).toContainText('destination.');
  // Every suggestion shown continues what was typed, with its type from the mapping.
  for (const text of await options.locator('.esql-completion-label').allInnerTexts()) expect(text.startsWith('destination.')).toBe(true);
  const size = Number(await options.first().getAttribute('aria-setsize'));
  expect(size).toBeGreaterThan(1);

  // Keyboard: the first suggestion is active; arrows move through all of them, Enter picks.
  await expect(box).toHaveAttribute('aria-activedescendant', /option-0$/);
  const selected = list.getByRole('option', { selected: true });
  for (let i = 0; i < size && (await selected.locator('.esql-completion-label').textContent()) !== 'destination.ip'; i++) await box.press('ArrowDown');
  await expect(selected).toHaveAccessibleName(/^destination\.ip\b/);
  await expect(selected.locator('.esql-completion-detail')).toHaveText('ip');
  await expect(box).toHaveAttribute('aria-activedescendant', await selected.getAttribute('id') ?? 'none');
  await box.press('Enter');
  await expect(box).toHaveValue(`FROM ${NETWORK} | WHERE destination.ip`);
  await expect(list).toBeHidden();

  // Escape closes the suggestions, Ctrl+Space brings them back.
  await box.pressSequentially(' ');
  await expect(list.getByRole('option', { name: /^==/ })).toBeVisible();
  await box.press('Escape');
  await expect(list).toBeHidden();
  await box.press('Control+Space');
  await expect(list.getByRole('option', { name: /^AND\b/ })).toBeVisible();
});

test('a query over no index is underlined where the index is named, with Elasticsearch’s message', async ({ page }) => {
  await page.goto('/explore');
  const box = editor(page);
  await box.fill('FROM x | WHERE a = 1');
  await expect(page.getByText('line 1:6: Unknown index [x]', { exact: true })).toBeVisible();
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  const squiggles = page.locator('.esql-editor-overlay .esql-problem');
  await expect(squiggles.first()).toHaveText('x');

  // Fixed as the analyst types: with a real index the unknown column is named, at its column.
  await box.fill(`FROM ${NETWORK} | WHERE a == 1`);
  const at = `FROM ${NETWORK} | WHERE `.length + 1;
  await expect(page.getByText(`line 1:${at}: Unknown column [a]`, { exact: true })).toBeVisible();
  await expect(squiggles).toHaveText(['a']);
  await box.fill(`FROM ${NETWORK} | WHERE process.name == "kworkerds"`);
  await expect(box).not.toHaveAttribute('aria-invalid', 'true');
  await expect(squiggles).toHaveCount(0);
});

test('Ctrl+Enter runs the query with its params; the URL keeps it and a reload shows the same', async ({ page }) => {
  await page.goto('/explore');
  const box = editor(page);
  await box.fill(`FROM ${NETWORK}\n| WHERE process.name == ?name\n| SORT @timestamp DESC\n| LIMIT 50`);
  await page.getByRole('button', { name: 'Add param' }).click();
  await page.getByRole('textbox', { name: 'Param 1 name' }).fill('name');
  await page.getByRole('textbox', { name: 'Param 1 value' }).fill('kworkerds');
  await box.focus();
  await box.press('Control+Enter');

  await expect(page).toHaveURL(/\/explore\?esql=/);
  const table = result(page).getByRole('table', { name: /^Events, / });
  await expect(bodyRows(table).first()).toBeVisible();
  // A cell's text is its value, then its actions' button.
  for (const name of await columnTexts(table, 'process.name')) expect(name).toMatch(/^kworkerds(\s*⋯)?$/);
  const summary = (await figures(page).innerText()).split(' in ')[0];
  // The value went as a param, never into the text.
  await expect(page.getByRole('region', { name: 'Explore ES|QL' })).toContainText('process.name == ?name');
  const url = new URL(page.url());
  expect(JSON.parse(url.searchParams.get('params') ?? '[]')).toEqual([{ name: 'kworkerds' }]);

  await page.reload();
  await expect(editor(page)).toHaveValue(`FROM ${NETWORK}\n| WHERE process.name == ?name\n| SORT @timestamp DESC\n| LIMIT 50`);
  await expect(page.getByRole('textbox', { name: 'Param 1 value' })).toHaveValue('kworkerds');
  await expect(figures(page)).toContainText(summary);
});

test('"Open in Explore" from a hunt query shows the same rows', async ({ page }) => {
  await page.goto(`${SEED}?q=1`);
  const table = await waitForResult(page);
  const rows = await bodyRows(table).count();
  const caption = await page.getByRole('tabpanel').locator('caption').first().innerText();
  const count = Number(/(\d+) rows?/.exec(caption)?.[1] ?? rows);
  await page.getByRole('region', { name: 'Effective ES|QL' }).getByRole('link', { name: 'Open in Explore' }).click();

  await expect(page).toHaveURL(/\/explore\?esql=/);
  await expect(editor(page)).toHaveValue(/\| stats /i);
  await expect(figures(page)).toContainText(new RegExp(`^${count} rows? in`));
  await expect(result(page).getByRole('table', { name: new RegExp(`^Events, ${count} rows?`) })).toBeVisible();
});

for (const theme of ['light', 'dark'] as const) {
  test(`Explore has no serious accessibility violation, suggestions open, in the ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    // A few columns: axe over whole documents (a thousand fields in the sidebar) takes a minute on a loaded machine.
    const query = `FROM ${NETWORK} | WHERE process.name == ?n | KEEP @timestamp, host.name, process.name, destination.ip | LIMIT 5`;
    await page.goto(`/explore?esql=${encodeURIComponent(query)}&params=${encodeURIComponent('[{"n":"kworkerds"}]')}`);
    await expectTheme(page, theme);
    await expect(figures(page)).toBeVisible();
    await expectNoSeriousViolations(page, `explore (${theme})`);
    const box = editor(page);
    await box.click();
    await page.keyboard.press('Control+End');
    await box.pressSequentially(' | WHERE dest', { delay: 5 });
    await expect(page.getByRole('listbox', { name: 'Suggestions' })).toBeVisible();
    await expectNoSeriousViolations(page, `explore with suggestions (${theme})`);
  });
}
