import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { pageWriteHeaders } from './support/csrf';

// HUNTBOARD_NOW is Thursday 2026-01-08: every run of these tests starts then, in the week of Monday 2026-01-05.
const WEEK = '2026-01-05';

test('the lead’s week: runs, findings per status, reviewers; sign-off; the Markdown report and the print page', async ({ page }) => {
  await page.goto('/');
  // A triage change this week, so the week has a reviewer (on a finding no other test triages).
  const finding = { huntId: 'low_volume_external_network_connections_from_process', queryNumber: 1, findingKey: '["old-beacon"]' };
  const current = (await (await page.request.get(`/api/triage?hunt=${finding.huntId}&query=1&key=${encodeURIComponent(finding.findingKey)}`)).json()) as { state: { version: number } };
  const triaged = await page.request.post('/api/triage', { data: { ...finding, expectedVersion: current.state.version, status: 'benign', note: 'package mirror' }, headers: await pageWriteHeaders(page) });
  expect(triaged.status()).toBe(200);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Week' }).click();
  const week = page.getByRole('region', { name: 'The lead\'s week' });
  await expect(week.getByRole('heading', { level: 1 })).toHaveText(`The lead’s week: ${WEEK} (this week, still running)`);

  // The schedule ran at the server's start; the fixture hunt's broken queries failed with their message.
  const runs = week.getByRole('table', { name: 'Runs this week' });
  await expect(runs.getByRole('row').filter({ hasText: 'All users' })).toContainText('ok');
  await expect(runs.getByRole('row').filter({ hasText: 'Root only' })).toContainText('ok');
  await expect(runs.getByRole('row').filter({ hasText: 'failed' }).first()).toBeVisible();
  await expect(week.getByRole('table', { name: 'Findings per status' })).toBeVisible();

  await expect(week.getByRole('table', { name: 'Reviewers' }).getByRole('row').filter({ hasText: 'local analyst' })).toBeVisible();

  const signOff = week.getByRole('form', { name: 'Sign off the week' });
  await signOff.getByLabel('Note (optional)').fill('Reviewed with the team; <b>two</b> escalations');
  await signOff.getByRole('button', { name: 'Sign off the week' }).click();
  await expect(week.getByText('Signed off by local analyst at 2026-01-08T12:00:00.000Z')).toBeVisible();
  await expect(week.getByText('Reviewed with the team; <b>two</b> escalations')).toBeVisible();
  await expect(week.getByRole('button', { name: 'Sign off the week' })).toBeDisabled();

  const [download] = await Promise.all([page.waitForEvent('download'), week.getByRole('link', { name: 'Download Markdown' }).click()]);
  expect(download.suggestedFilename()).toBe(`huntboard-week-${WEEK}.md`);
  const markdown = readFileSync((await download.path())!, 'utf8');
  expect(markdown).toContain(`# Huntboard weekly review, week of ${WEEK}`);
  expect(markdown).toContain('## Runs');
  expect(markdown).toContain('| local analyst |');
  expect(markdown).toContain('Signed off by local analyst at 2026-01-08T12:00:00.000Z.');
  // Hostile names and notes stay text: no tag, no formula, no row split.
  expect(markdown).toContain('Note: Reviewed with the team; &lt;b&gt;two&lt;/b&gt; escalations');
  expect(markdown).not.toMatch(/<img|<b>/);
  for (const line of markdown.split('\n').filter((l) => l.startsWith('| ') && l.includes('HYPERLINK'))) {
    expect(line).toContain("'=HYPERLINK");
  }

  await page.emulateMedia({ media: 'print' });
  await expect(week.getByRole('navigation', { name: 'Weeks' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(runs).toBeVisible();
});
