import { test, expect } from './fixtures';

test('the overview lists the seed hunt and says what the embedded store holds', async ({ page }) => {
  await page.goto('/');
  const hunts = page.getByRole('region', { name: 'Hunts' });
  await expect(hunts.getByRole('table')).toBeVisible();
  const row = hunts.getByRole('row', { name: /Low Volume External Network Connections from Process by Unique Agent/ });
  await expect(row).toBeVisible();
  await expect(row.getByRole('link', { name: 'T1071.001' })).toHaveAttribute('href', 'https://attack.mitre.org/techniques/T1071/001/');
  await expect(row.getByRole('link', { name: 'T1071.004' })).toBeVisible();
  const backend = page.getByRole('region', { name: 'Backend' });
  // The fixture store is the demo's three indices plus one ingested (the clock-skew fixture): not "demo data".
  await expect(backend).toContainText(/Embedded store: [\d,]+ events in 4 indices, 3 of them demo data/);
  await expect(backend).not.toContainText('Embedded demo data');
  // The fixture world ends at HUNTBOARD_NOW (2026-01-08T12:00Z) and spans the week before it.
  await expect(backend).toContainText('2026-01-08T');
});
