import { test, expect } from './fixtures';
import { bodyRows } from './helpers';

const E2E_NOW = '2026-01-08T12:00:00.000Z';

// The clock-skew fixture hunt (e2e/hunts) reads one event, an hour after the run's now: the
// scheduled run at the server's start counts it, so its review must show it too.
const AFTER_NOW = new Date(Date.parse(E2E_NOW) + 3_600_000).toISOString();

test('a finding whose only event is after the run’s now: first seen and its one event in the run’s own events page', async ({ page }) => {
  await page.goto('/runs');
  const runs = page.getByRole('region', { name: 'Saved runs' });
  await runs.getByRole('row').filter({ hasText: 'clock_skew_fixture' }).first().getByRole('link', { name: /^#\d+$/ }).click();
  await expect(page).toHaveURL(/\/runs\/\d+$/);
  const runId = new URL(page.url()).pathname.split('/').pop()!;

  const review = page.getByRole('region', { name: 'Run review' });
  const finding = review.getByRole('table', { name: 'Findings week over week' }).getByRole('row').filter({ hasText: 'ntpd-drift' });
  await expect(finding).toHaveCount(1);
  // First seen (fleet) is the event after now, not "—": no end bound cuts it off.
  await expect(finding.locator('time').first()).toHaveAttribute('datetime', AFTER_NOW);

  await finding.getByRole('link', { name: 'Events' }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}/events\\?key=`));
  await expect(page.getByRole('heading', { level: 2 })).toContainText(`Events of run #${runId} (now = ${E2E_NOW}) where`);
  const events = page.getByRole('region', { name: 'Drill-down events' });
  const table = events.getByRole('table', { name: /^Events, / });
  await expect(bodyRows(table)).toHaveCount(1);
  await expect(events.getByRole('status').first()).toContainText('1 event;');
  // The run's own text and its pinned now, as params: the window is the run's, not today's.
  const query = page.getByRole('region', { name: 'Drill-down ES|QL' });
  await expect(query).toContainText('@timestamp > TO_DATETIME(?_now1) - 7 day');
  await expect(query).toContainText(`"_now1":"${E2E_NOW}"`);

  // The flyout's full document comes from the run-scoped event route.
  await bodyRows(table).first().click();
  const flyout = page.getByRole('dialog');
  await expect(flyout).toContainText('/usr/sbin/ntpd-drift');
  await expect(flyout.locator('time').first()).toHaveAttribute('datetime', AFTER_NOW);
  await page.keyboard.press('Escape');
  await page.getByRole('link', { name: `← Back to run #${runId}` }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));
});
