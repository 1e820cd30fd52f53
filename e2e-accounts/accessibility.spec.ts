import { test, expect } from '../e2e/fixtures';
import { expectNoSeriousViolations, expectTheme, useTheme } from '../e2e/support/axe';

/** The sign-in form exists only with accounts: axe finds no serious or critical violation on it, in both themes. */
for (const theme of ['light', 'dark'] as const) {
  test(`the sign-in page in the ${theme} theme`, async ({ page }) => {
    await useTheme(page, theme);
    await page.goto('/signin');
    await expectTheme(page, theme);
    const form = page.getByRole('form', { name: 'Sign in' });
    await expect(form.getByLabel('User name')).toBeVisible();
    await expectNoSeriousViolations(page, `${theme}: /signin`);
  });
}
