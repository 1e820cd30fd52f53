import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from '../fixtures';

/** The WCAG 2.0 and 2.1 A/AA rules: what the issue asks of every page. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

export type Theme = 'light' | 'dark';

/**
 * Pins the theme the way ThemeToggle remembers it, before any page script runs, and matches the
 * system preference to it so the first paint and the hydrated page agree.
 */
export async function useTheme(page: Page, theme: Theme): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.addInitScript((t) => window.localStorage.setItem('huntboard-theme', t), theme);
}

/** Waits for ThemeToggle to have applied the theme after hydration. */
export async function expectTheme(page: Page, theme: Theme): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

/**
 * Scans the page as it is now and fails on any serious or critical violation, listing each rule
 * with the CSS targets of its nodes (and axe's summary of the first), so the failure says what to fix.
 * Colour contrast is judged on the theme in force: call it once per theme (useTheme).
 */
export async function expectNoSeriousViolations(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const blocking = violations.filter((v) => BLOCKING.has(v.impact ?? ''));
  const report = blocking.map((v) => {
    const nodes = v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n');
    const why = v.nodes[0]?.failureSummary?.replace(/\s+/g, ' ') ?? '';
    return `${v.id} (${v.impact}, ${v.nodes.length} node${v.nodes.length === 1 ? '' : 's'}): ${v.help}\n  ${why}\n${nodes}`;
  });
  // Soft: one test scans several pages (or states) and reports every one of them.
  expect.soft(report, `${label}: serious or critical axe violations\n${report.join('\n')}`).toEqual([]);
}
