import { test, expect } from './fixtures';
import { SEED } from './helpers';

/**
 * One finding across a hunt's queries (issue 14): the seed hunt's "All users" and "Root only" both
 * aggregate BY process.name, so a root process both list is one finding with one triage. Escalated
 * under "All users", it reads escalated under "Root only" and on the week, where it counts once.
 * (dbus-daemon-lnx: a planted root process no other test triages.)
 */
const PROCESS = 'dbus-daemon-lnx';
const WEEK = '2026-01-05';
const eventsOf = (query: number) => `${SEED}/events?q=${query}&key=${encodeURIComponent(JSON.stringify([PROCESS]))}`;

test('triage under “All users” shows under “Root only” and on the week, where the finding counts once', async ({ page }) => {
  await page.goto(`/week?week=${WEEK}`);
  const weekRows = () => page.getByRole('region', { name: 'The lead\'s week' }).getByRole('table', { name: 'Findings this week' }).getByRole('row').filter({ hasText: PROCESS });
  // Listed by both queries' runs, shown once.
  await expect(weekRows()).toHaveCount(1);
  await expect(weekRows()).toContainText('new');

  await page.goto(eventsOf(1));
  const panel = page.getByRole('region', { name: 'Triage' });
  await expect(panel.locator('.triage-status')).toHaveText('new');
  await expect(panel.getByTestId('triage-shared')).toHaveText('Shared by this hunt’s queries with the same keys: All users (this one), Root only.');
  await panel.getByLabel('Status').selectOption('escalated');
  await panel.getByLabel('Assignee').fill('bo');
  await panel.getByLabel('Note').fill('root beacon to a known C2; IR ticket 51');
  await panel.getByRole('button', { name: 'Save triage' }).click();
  await expect(panel.getByRole('status')).toHaveText('Saved: escalated.');

  await page.goto(eventsOf(2));
  const root = page.getByRole('region', { name: 'Triage' });
  await expect(root.locator('.triage-status')).toHaveText('escalated');
  await expect(root).toContainText('assigned to bo');
  await expect(root.getByTestId('triage-shared')).toHaveText('Shared by this hunt’s queries with the same keys: All users, Root only (this one).');
  await expect(root.getByRole('listitem')).toHaveCount(1);
  await expect(root.getByRole('listitem').first()).toContainText('new → escalated · assignee bo — root beacon to a known C2; IR ticket 51');

  await page.goto(`/week?week=${WEEK}`);
  await expect(weekRows()).toHaveCount(1);
  await expect(weekRows()).toContainText('escalated');
  await page.goto(`/week?week=${WEEK}&only=untriaged`);
  const untriaged = page.getByRole('region', { name: 'The lead\'s week' });
  await expect(untriaged.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(untriaged.getByRole('row').filter({ hasText: PROCESS })).toHaveCount(0);
});
