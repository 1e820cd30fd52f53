import { readFileSync } from 'node:fs';
import { expectedFindings, PLANTED } from '../lib/demo/planted';
import { test, expect } from './fixtures';
import { bodyRows, columnTexts, resultTable, SEED, waitForResult } from './helpers';

const countOf = (name: string) => PLANTED.find((p) => p.name === name)!.count;
/** What the table shows for a process name: control and bidi characters spelled out. */
const shown = (name: string) => name.replace('\u202E', '\\u202e').replace('\u0007', '\\x07');
/** UTF-8 byte order, as Elasticsearch sorts keywords. */
const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(raw(a)), Buffer.from(raw(b)));
/** The value behind a shown name. */
const raw = (text: string) => text.replace('\\u202e', '\u202E').replace('\\x07', '\u0007');

test('both seed queries list exactly the planted processes with their counts', async ({ page }) => {
  await page.goto(SEED);
  for (const [tab, which] of [['All users', 'allUsers'], ['Root only', 'rootOnly']] as const) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    const table = await waitForResult(page);
    const expected = expectedFindings(which);
    await expect(bodyRows(table)).toHaveCount(expected.length);
    const names = await columnTexts(table, 'process.name');
    expect([...names].sort()).toEqual(expected.map(shown).sort());
    const counts = await columnTexts(table, 'connection_count');
    expect(counts).toEqual(names.map((n) => String(countOf(expected.find((e) => shown(e) === n)!))));
    expect(await columnTexts(table, 'unique_agent_count')).toEqual(names.map(() => '1'));
    await expect(page.getByText(`${expected.length} rows · took`)).toBeVisible();
    await expect(page.locator('.window-ran')).toHaveText('last 7 days');
  }
  // Context columns come from a second query, shown apart.
  const table = resultTable(page);
  await expect(table.locator('th.context-group')).toHaveText('Context');
  const users = await columnTexts(table, 'users');
  expect(new Set(users)).toEqual(new Set(['root']));
});

test('sorting by each column, over the whole result, kept in the URL', async ({ page }) => {
  await page.goto(`${SEED}?q=1`);
  const table = await waitForResult(page);
  for (const column of ['connection_count', 'unique_agent_count', 'process.name']) {
    const header = table.getByRole('columnheader', { name: new RegExp(`^${column.replace('.', '\\.')}`) });
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
    await expect(page).toHaveURL(new RegExp(`sort=${column}`));
    const asc = await columnTexts(table, column);
    const compare = column === 'process.name' ? byteOrder : (a: string, b: string) => Number(a) - Number(b);
    expect(asc).toEqual([...asc].sort(compare));
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const desc = await columnTexts(table, column);
    expect(desc).toEqual([...desc].sort(compare).reverse());
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'none');
  }
  // A shared URL reproduces the sort and the filter.
  await page.goto(`${SEED}?q=1&sort=-connection_count&filter.connection_count=%3E%3D2`);
  const shared = await waitForResult(page);
  const counts = (await columnTexts(shared, 'connection_count')).map(Number);
  expect(counts.length).toBe(expectedFindings('allUsers').filter((n) => countOf(n) >= 2).length);
  expect(counts).toEqual([...counts].sort((a, b) => b - a));
  await expect(shared.getByRole('columnheader', { name: /^connection_count/ })).toHaveAttribute('aria-sort', 'descending');
});

test('the window control rewrites the hunt’s window, and a reload keeps it', async ({ page }) => {
  await page.goto(`${SEED}?q=1`);
  await waitForResult(page);
  await page.getByRole('combobox', { name: 'Time window' }).selectOption('24h');
  await expect(page).toHaveURL(/window=24h/);
  await expect(page.locator('.window-ran')).toHaveText('last 24 hours');
  await expect(page.getByRole('region', { name: 'Effective ES|QL' })).toContainText('TO_DATETIME(?_now1) - 24 hour');
  await page.reload();
  await expect(page.locator('.window-ran')).toHaveText('last 24 hours');
  await expect(page.getByRole('combobox', { name: 'Time window' })).toHaveValue('24h');

  await page.getByRole('combobox', { name: 'Time window' }).selectOption('custom');
  await page.getByLabel('From', { exact: true }).fill('2026-01-05T00:00');
  await page.getByLabel('To', { exact: true }).fill('2026-01-08T12:00');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.locator('.window-ran')).toHaveText('2026-01-05T00:00:00.000Z to 2026-01-08T12:00:00.000Z');
  await expect(page.getByRole('region', { name: 'Effective ES|QL' })).toContainText('?_tstart');
});

test('CSV export neutralises formulas and holds the context columns; JSON keeps the _query shape', async ({ page }) => {
  await page.goto(`${SEED}?q=1`);
  const table = await waitForResult(page);
  // The CSV is the table as shown: wait for its context columns.
  await expect(table.locator('th.context-group')).toHaveText('Context');
  const exports = page.getByRole('tabpanel').getByRole('group', { name: 'Export' }).first();
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name: /CSV/ }).first().click()]);
  const csv = readFileSync((await csvDownload.path())!, 'utf8');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe('connection_count,unique_agent_count,process.name,host_names,agent_ids,first_seen,last_seen,destinations,ports,users');
  // kworkerds's row with its context: its one host and its user.
  expect(lines.find((line) => line.startsWith('3,1,kworkerds,'))).toMatch(/^3,1,kworkerds,k8s-node-04,.*,root$/);
  expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  expect(csv).toContain('\\u202egnp.sh');
  expect(lines).toHaveLength(expectedFindings('allUsers').length + 1);
  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), exports.getByRole('button', { name: /JSON/ }).first().click()]);
  const json = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as { columns: { name: string; type: string }[]; values: unknown[][] };
  expect(json.columns).toEqual([
    { name: 'connection_count', type: 'long' },
    { name: 'unique_agent_count', type: 'long' },
    { name: 'process.name', type: 'keyword' },
  ]);
  expect(json.values.map((r) => r[2])).toContain('=HYPERLINK("http://evil.example","x")');
});

test('hostile process names render as inert, visible text', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', async (d) => {
    dialogs++;
    await d.dismiss();
  });
  await page.goto(`${SEED}?q=1`);
  const table = await waitForResult(page);
  await expect(table.getByText('<img src=x onerror=alert(1)>', { exact: true })).toBeVisible();
  await expect(table.locator('img')).toHaveCount(0);
  // Value cells, not the row links (whose accessible names carry the row's key).
  const cells = table.locator('td:not(.action-cell)');
  await expect(cells.getByText('\\u202egnp.sh')).toBeVisible();
  await expect(cells.getByText('kthreadd\\x07')).toBeVisible();
  // The formula stays text: the one link naming it is its row's own link to its events.
  await expect(table.locator('a[href^="http"], a[href^="//"]')).toHaveCount(0);
  await expect(table.getByRole('link', { name: /HYPERLINK/ })).toHaveAttribute('href', /\/events\?/);
  expect(dialogs).toBe(0);
});

test('the SORT-before-LIMIT variant is offered, labelled, and runs', async ({ page }) => {
  await page.goto(`${SEED}?q=1`);
  await waitForResult(page);
  const findings = page.getByRole('region', { name: 'Query findings' });
  await expect(findings).toContainText('LIMIT 100 runs before SORT');
  // Folded to one line until opened.
  await findings.locator('summary').click();
  await findings.getByLabel(/Run the variant instead/).click();
  await expect(page).toHaveURL(/variant=limit-before-sort/);
  await expect(page.getByRole('region', { name: 'Effective ES|QL' })).toContainText(/SORT connection_count, unique_agent_count ASC\s+\| LIMIT 100/);
  await expect(bodyRows(resultTable(page))).toHaveCount(expectedFindings('allUsers').length);
});

test.describe('a hunt query that Elasticsearch would reject', () => {
  test.use({ expectedConsoleErrors: [/status of 400/] });

test('a broken hunt query shows its positioned error; the hunt’s other query still runs', async ({ page }) => {
  await page.goto('/hunts/broken_query_fixture');
  const alert = page.getByRole('alert').filter({ hasText: 'Query rejected' });
  await expect(alert).toContainText('line 2:22');
  await expect(alert).toContainText("mismatched input '='");
  await page.getByRole('tab', { name: /host\.os\.type/ }).click();
  const table = await waitForResult(page);
  await expect(bodyRows(table)).toHaveCount(5);
  await page.getByRole('tab', { name: 'Query 3' }).click();
  const unknown = page.getByRole('alert').filter({ hasText: 'Unknown index' });
  await expect(unknown).toContainText('logs-nothing-here-*');
  // The hint names the backend that failed: here the embedded engine's local event store.
  await expect(unknown).toContainText('No index of the local event store matches the query’s FROM pattern');
});

test('the overview runs every hunt query', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: /Run all/ }).click();
  const results = page.getByRole('region', { name: 'Run all' });
  await expect(results.getByRole('row', { name: /All users/ })).toContainText(String(expectedFindings('allUsers').length));
  await expect(results.getByRole('row', { name: /Root only/ })).toContainText(String(expectedFindings('rootOnly').length));
  await expect(results.getByRole('row', { name: /Broken query fixture/ }).first()).toContainText('mismatched input');
});
});

test.describe('a slow query', () => {
  test.use({ expectedConsoleErrors: [] });

  test('shows its progress and can be cancelled, then run again', async ({ page }) => {
    // Hold the run request in the network layer: the page cannot tell it from a slow cluster.
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/queries/1/run', async (route) => {
      await held;
      await route.continue().catch(() => undefined);
    });
    // The page comes with its first result (the server ran it); "Run again" asks the API, held here.
    await page.goto(`${SEED}?q=1`);
    await waitForResult(page);
    await page.getByRole('button', { name: 'Run again' }).click();
    const status = page.getByRole('status').filter({ hasText: 'Running All users' });
    await expect(status).toBeVisible();
    await expect(status).toContainText(/\d+\.\d s/);
    await status.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'You cancelled the query.' })).toBeVisible();
    release();
    await page.unroute('**/queries/1/run');
    await page.getByRole('button', { name: 'Run again' }).click();
    await expect(bodyRows(resultTable(page))).toHaveCount(expectedFindings('allUsers').length);
  });
});
