import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { pageWriteHeaders } from './support/csrf';

// HUNTBOARD_NOW is Thursday 2026-01-08: every run of these tests starts then, in the week of Monday 2026-01-05.
// The week before holds the seed hunt's review runs of Thursday 2026-01-01 (scripts/e2e-server.mjs).
const WEEK = '2026-01-05';
const EARLIER = '2025-12-29';
const HUNT = 'low_volume_external_network_connections_from_process';

test('the lead’s week: runs, findings, gone; sign-off with confirmation and its snapshot; changes since; the earlier week unchanged; the report', async ({ page }) => {
  test.setTimeout(120_000);
  const week = page.getByRole('region', { name: 'The lead\'s week' });
  const figures = () => week.locator('p').filter({ hasText: 'findings in the latest successful review run of each query' });
  // What the runs found and the allow-list hid (triage, which is live in an unsigned week, aside).
  const found = async () => (await figures().innerText()).replace(/ \d+ still untriaged\.$/, '');
  const findingRows = () => week.getByRole('table', { name: 'Findings this week' }).locator('tbody tr');

  // The earlier week, chosen with the week picker (any day of it), before anything below happens.
  await page.goto('/week');
  await week.getByLabel('Week of', { exact: true }).fill('2025-12-31');
  await week.getByRole('button', { name: 'Go' }).click();
  await expect(page).toHaveURL(new RegExp(`/week\\?week=${EARLIER}$`));
  await expect(week.getByRole('heading', { level: 1 })).toHaveText(`The lead’s week: ${EARLIER}`);
  const earlierFigures = await found();
  const earlierRows = await findingRows().allInnerTexts();
  // update-notifier2 ran both weeks: allow-listed after the sign-off below.
  expect(earlierRows.some((r) => r.includes('update-notifier2'))).toBe(true);

  // A triage change this week, so the week has a reviewer (on a finding no other test triages).
  const triage = async (findingKey: string, status: string, note: string) => {
    const url = `/api/triage?hunt=${HUNT}&query=1&key=${encodeURIComponent(findingKey)}`;
    const current = (await (await page.request.get(url)).json()) as { state: { version: number } };
    const saved = await page.request.post('/api/triage', { data: { huntId: HUNT, queryNumber: 1, findingKey, expectedVersion: current.state.version, status, note }, headers: await pageWriteHeaders(page) });
    expect(saved.status()).toBe(200);
  };
  await triage('["old-beacon"]', 'benign', 'package mirror');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Week' }).click();
  await expect(week.getByRole('heading', { level: 1 })).toHaveText(`The lead’s week: ${WEEK} (this week, still running)`);

  // The schedule ran at the server's start; the fixture hunt's broken queries failed with their message.
  const runs = week.getByRole('table', { name: 'Runs this week' });
  await expect(runs.getByRole('row').filter({ hasText: 'All users' })).toContainText('ok');
  await expect(runs.getByRole('row').filter({ hasText: 'Root only' })).toContainText('ok');
  await expect(runs.getByRole('row').filter({ hasText: 'failed' }).first()).toBeVisible();
  await expect(week.getByRole('table', { name: 'Findings per status' })).toBeVisible();
  await expect(week.getByRole('table', { name: 'Reviewers' }).getByRole('row').filter({ hasText: 'local analyst' })).toBeVisible();
  // One findings table, each finding linked to its review row and its events (where its triage is).
  const notifier = findingRows().filter({ hasText: 'update-notifier2' }).first();
  await expect(notifier.getByRole('link', { name: 'Events and triage' })).toHaveAttribute('href', /\/events\?/);
  await expect(notifier.getByRole('link', { name: 'update-notifier2' })).toHaveAttribute('href', /^\/runs\/\d+\?status=(new|recurring)/);
  // Gone findings: each query's latest review run against the one before it (other specs may have saved runs since the schedule's).
  await expect(week.getByRole('heading', { name: 'Gone', level: 2 })).toBeVisible();
  await expect(week.getByRole('heading', { name: 'Untriaged' })).toHaveCount(0);

  // Sign-off asks first: findings are untriaged.
  const untriaged = Number((await week.getByRole('link', { name: /^Untriaged only \(\d+\)$/ }).innerText()).replace(/\D/g, ''));
  expect(untriaged).toBeGreaterThan(0);
  const signOff = week.getByRole('form', { name: 'Sign off the week' });
  await signOff.getByLabel('Note (optional)').fill('Reviewed with the team; <b>two</b> escalations');
  await signOff.getByRole('button', { name: 'Sign off the week' }).click();
  const confirm = week.getByRole('alertdialog', { name: 'Confirm the sign-off' });
  await expect(confirm).toContainText(`${untriaged} ${untriaged === 1 ? 'finding is' : 'findings are'} untriaged: sign off anyway?`);
  await confirm.getByRole('button', { name: 'Sign off anyway' }).click();
  await expect(week.getByText('Signed off by local analyst at 2026-01-08T12:00:00.000Z')).toBeVisible();
  await expect(week.getByText('Reviewed with the team; <b>two</b> escalations')).toBeVisible();
  await expect(week.getByText(`${untriaged} ${untriaged === 1 ? 'finding was' : 'findings were'} untriaged at signing. Snapshot sha256`)).toBeVisible();
  const hash = await week.locator('p', { hasText: 'untriaged at signing' }).locator('code').innerText();
  expect(hash).toMatch(/^[0-9a-f]{64}$/);
  await expect(week.getByRole('button', { name: 'Sign off the week' })).toBeDisabled();
  const changes = week.getByRole('region', { name: 'Changed since sign-off' });
  await expect(changes).toContainText('Nothing has changed since the sign-off.');
  const signedFigures = await figures().innerText();
  const signedRows = await findingRows().allInnerTexts();

  // After the sign-off: a triage change and an allow-list entry.
  await triage('["sshd-helper"]', 'suspicious', 'after the sign-off');
  const allowed = await page.request.post('/api/allow-list', {
    data: { processName: 'update-notifier2', agentId: null, huntId: null, reason: 'vendor updater, after the sign-off', expiresAt: '2026-02-01T00:00:00.000Z' },
    headers: await pageWriteHeaders(page),
  });
  expect(allowed.status()).toBe(200);
  await page.reload();
  // The signed week is its snapshot; what changed is listed beside it, not folded in.
  await expect(week.getByRole('note').filter({ hasText: 'Signed week: this is the snapshot taken at sign-off' })).toBeVisible();
  expect(await figures().innerText()).toBe(signedFigures);
  expect(await findingRows().allInnerTexts()).toEqual(signedRows);
  const changed = changes.getByRole('list', { name: 'Changes since sign-off' }).getByRole('listitem');
  await expect(changed.filter({ hasText: 'sshd-helper' }).first()).toContainText(/triage: .+ → suspicious/);
  await expect(changed.filter({ hasText: 'update-notifier2' }).first()).toContainText('allow-list: shown → hidden by the allow-list');

  // The report is the snapshot's, and names its hash.
  const [download] = await Promise.all([page.waitForEvent('download'), week.getByRole('link', { name: 'Download Markdown' }).click()]);
  expect(download.suggestedFilename()).toBe(`huntboard-week-${WEEK}.md`);
  const markdown = readFileSync((await download.path())!, 'utf8');
  expect(markdown).toContain(`# Huntboard weekly review, week of ${WEEK}`);
  expect(markdown).toContain('## Runs');
  expect(markdown).toContain('## Gone');
  expect(markdown).toContain('| local analyst |');
  expect(markdown).toContain('Signed off by local analyst at 2026-01-08T12:00:00.000Z.');
  expect(markdown).toContain(`sha256 ${hash}`);
  expect(markdown).not.toContain('after the sign-off');
  // Hostile names and notes stay text: no tag, no formula, no row split.
  expect(markdown).toContain('Note: Reviewed with the team; &lt;b&gt;two&lt;/b&gt; escalations');
  expect(markdown).not.toMatch(/<img|<b>/);
  for (const line of markdown.split('\n').filter((l) => l.startsWith('| ') && l.includes('HYPERLINK'))) {
    expect(line).toContain("'=HYPERLINK");
  }

  // The earlier week is unchanged: the new entry came after its runs.
  await week.getByRole('link', { name: `← Week of ${EARLIER}` }).click();
  await expect(week.getByRole('heading', { level: 1 })).toHaveText(`The lead’s week: ${EARLIER}`);
  expect(await found()).toBe(earlierFigures);
  expect((await findingRows().allInnerTexts()).some((r) => r.includes('update-notifier2'))).toBe(true);

  await page.goto(`/week?week=${WEEK}`);
  await page.emulateMedia({ media: 'print' });
  await expect(week.getByRole('navigation', { name: 'Weeks' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(runs).toBeVisible();

  // old-beacon ran the week before, not this week: the schedule's run lists it gone, with its triage.
  await page.emulateMedia({ media: 'screen' });
  await page.goto('/runs');
  const cell = (n: number, text: string | RegExp) => page.locator(`td:nth-child(${n})`, { hasText: text });
  const scheduled = page.getByRole('region', { name: 'Saved runs' }).locator('tbody tr').filter({ has: cell(3, HUNT) }).filter({ has: cell(4, /^1$/) }).filter({ has: cell(8, 'schedule') });
  await expect(scheduled).toHaveCount(1);
  const href = await scheduled.getByRole('link').first().getAttribute('href');
  await page.goto(`${href}?status=gone`);
  const gone = page.getByRole('region', { name: 'Run review' }).getByRole('table', { name: 'Findings week over week' }).getByRole('row').filter({ hasText: 'old-beacon' });
  await expect(gone).toContainText('gone');
  await expect(gone).toContainText('benign');
});
