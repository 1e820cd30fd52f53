// The full event, always: a drill-down row carries its document's _index and _id (not shown as
// columns), and the flyout fetches the document by them — every field, even for an event with no
// event.id (the full-event fixture hunt's one event, scripts/e2e-server.mjs) — in a Table tab and
// a JSON tab that nests the dotted names.
import { test, expect } from './fixtures';
import { bodyRows, waitForResult } from './helpers';

test('the flyout of an event with no event.id shows every field of its document, as a table and as nested JSON', async ({ page }) => {
  await page.goto('/hunts/full_event_fixture');
  const table = await waitForResult(page);
  await bodyRows(table).filter({ hasText: 'fullevent-probe' }).getByRole('link', { name: /Events/ }).first().click();

  await expect(page).toHaveURL(/\/events\?/);
  const eventsTable = page.getByRole('table', { name: /^Events, / });
  await expect(bodyRows(eventsTable)).toHaveCount(1);
  // _id and _index travel with the rows but are not default columns
  await expect(eventsTable.getByRole('columnheader', { name: '_id', exact: true })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Drill-down ES|QL' })).toContainText('METADATA _id, _index');

  await bodyRows(eventsTable).first().click();
  const flyout = page.getByRole('dialog');
  // a field's row has a value cell (a group's heading row, `_index` for `_index`, has none)
  const field = (name: string) => flyout.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).filter({ has: page.getByRole('cell') });
  // fields beyond the drill-down's columns: the whole document was fetched
  await expect(field('network.direction')).toContainText('egress');
  await expect(field('host.os.type')).toContainText('linux');
  await expect(field('host.os.family')).toContainText('debian');
  await expect(field('event.type')).toContainText('connection');
  await expect(field('_index')).toContainText('logs-clockskew-default');
  await expect(field('event.id')).toHaveCount(0);
  await expect(flyout.getByRole('note')).toHaveCount(0);

  // Tabs by keyboard: → moves to JSON
  const tableTab = flyout.getByRole('tab', { name: 'Table' });
  await expect(tableTab).toHaveAttribute('aria-selected', 'true');
  await tableTab.focus();
  await page.keyboard.press('ArrowRight');
  const jsonTab = flyout.getByRole('tab', { name: 'JSON' });
  await expect(jsonTab).toHaveAttribute('aria-selected', 'true');
  await expect(jsonTab).toBeFocused();
  const panel = flyout.getByRole('tabpanel', { name: 'JSON' });
  await expect(panel).toBeVisible();
  await expect(flyout.getByRole('tabpanel', { name: 'Table' })).toBeHidden();
  const doc = JSON.parse(await panel.innerText()) as Record<string, Record<string, unknown>>;
  expect(doc.network).toEqual({ direction: 'egress', transport: 'tcp' });
  expect(doc.host).toMatchObject({ name: 'probe-host-01', os: { type: 'linux', family: 'debian' } });
  expect(doc.event.type).toEqual(expect.arrayContaining(['start', 'connection']));
  expect(doc.process).toMatchObject({ name: 'fullevent-probe', executable: '/opt/probe/fullevent-probe' });
  expect(typeof doc._id).toBe('string');

  await page.keyboard.press('ArrowLeft');
  await expect(tableTab).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Escape');
  await expect(flyout).toBeHidden();
});
