import { test as base, expect } from '@playwright/test';

/**
 * Every test fails if the page logs a console error or throws: a page that "works" while
 * React reports hydration errors or a fetch fails is not working. A test that provokes an
 * error response on purpose lists the console messages it expects in `expectedConsoleErrors`;
 * those must then appear.
 */
export const test = base.extend<{ expectedConsoleErrors: RegExp[]; consoleErrors: string[] }>({
  expectedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ page, expectedConsoleErrors }, use) => {
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await use(errors);
      const unexpected = errors.filter((e) => !expectedConsoleErrors.some((re) => re.test(e)));
      expect(unexpected, 'console errors').toEqual([]);
      for (const re of expectedConsoleErrors) expect(errors.some((e) => re.test(e)), `expected console error ${re}`).toBe(true);
    },
    { auto: true },
  ],
});

export { expect };
