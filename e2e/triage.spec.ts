import { test, expect } from './fixtures';
import { SEED } from './helpers';

const eventsOf = (name: string) => `${SEED}/events?q=2&key=${encodeURIComponent(JSON.stringify([name]))}`;

test.describe('triage of a finding', () => {
  test('records status, assignee and note with history; a stale save is refused and shows the newer state', async ({ page, browser }) => {
    await page.goto(eventsOf('sshd-helper'));
    const panel = page.getByRole('region', { name: 'Triage' });
    await expect(panel.locator('.triage-status')).toHaveText('new');

    // A second analyst opens the same finding before the first saves.
    const other = await browser.newPage();
    const otherErrors: string[] = [];
    other.on('console', (m) => m.type() === 'error' && otherErrors.push(m.text()));
    other.on('pageerror', (e) => otherErrors.push(e.message));
    await other.goto(`${page.url()}`);
    const otherPanel = other.getByRole('region', { name: 'Triage' });
    await expect(otherPanel.locator('.triage-status')).toHaveText('new');

    await panel.getByLabel('Status').selectOption('escalated');
    await panel.getByLabel('Assignee').fill('alice');
    await panel.getByLabel('Note').fill('Tor exit node from the bastion; IR ticket 42');
    await panel.getByRole('button', { name: 'Save triage' }).click();
    await expect(panel.locator('.triage-status')).toHaveText('escalated');
    await expect(panel.getByRole('status')).toHaveText('Saved: escalated.');
    await expect(panel.getByRole('listitem')).toHaveCount(1);
    await expect(panel.getByRole('listitem').first()).toContainText('new → escalated · assignee alice — Tor exit node from the bastion; IR ticket 42');

    await otherPanel.getByLabel('Status').selectOption('benign');
    await otherPanel.getByLabel('Note').fill('admin tool');
    await otherPanel.getByRole('button', { name: 'Save triage' }).click();
    await expect(otherPanel.getByRole('alert')).toContainText('Not saved: local analyst changed this finding');
    await expect(otherPanel.getByRole('alert')).toContainText('(now escalated)');
    await expect(otherPanel.locator('.triage-status')).toHaveText('escalated');
    await expect(otherPanel.getByLabel('Note')).toHaveValue('admin tool');
    // The only console error of the second page is the 409 its stale save provoked.
    expect(otherErrors).toEqual([expect.stringMatching(/status of 409/)]);
    await other.close();

    // The state carries over: a reload (or next week's run of the same finding) shows it.
    await page.reload();
    await expect(page.getByRole('region', { name: 'Triage' }).locator('.triage-status')).toHaveText('escalated');
  });
});
