/**
 * Time to a usable table in Chromium: from the navigation's start (the page's own time origin) to
 * the first result row on screen and hydrated — React has attached itself to the row, so its link
 * and its click answer. Measured in the page every few milliseconds, so a busy main thread counts.
 */
import type { BrowserContext, Page } from '@playwright/test';

export interface Usable {
  /** First row painted (from the HTML, before any script). */
  visibleMs: number;
  /** That row hydrated: the table answers clicks. */
  usableMs: number;
  /** Calls the page made to a hunt's run or events API after it loaded (0: the server's answer was used). */
  apiCalls: number;
}

/** A browser tab that times its navigations: every document it loads watches for `selector`. */
export interface UsableTab {
  page: Page;
  /** Run/events API calls since the last navigation started. */
  apiCalls: number;
}

/**
 * A tab in `context` (a fresh context has no cached scripts: a cold visit). Warm figures reuse one
 * tab, as an analyst moving between pages does: a new tab would also time Chromium starting a
 * renderer process, which on 2 cores races the server for the CPU.
 */
export async function openUsableTab(context: BrowserContext, selector: string): Promise<UsableTab> {
  const page = await context.newPage();
  const tab: UsableTab = { page, apiCalls: 0 };
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/api\/hunts\/[^/]+\/queries\/\d+\/(run|events)$/.test(new URL(r.url()).pathname)) tab.apiCalls++;
  });
  // Watched in the page from the document's creation: Playwright's own round trips to the page
  // would otherwise count as the page's time. Plain text, not a function: tsx would wrap the
  // function's inner names in a helper (`__name`) the page does not have.
  await page.addInitScript({
    content: `(() => {
      const selector = ${JSON.stringify(selector)};
      const marks = (window.__usable = {});
      const check = () => {
        const el = document.querySelector(selector);
        if (el && el.getBoundingClientRect().height > 0) {
          if (marks.visible === undefined) marks.visible = performance.now();
          // React marks every element it has hydrated with its internal props.
          if (Object.keys(el).some((k) => k.startsWith('__reactProps$'))) {
            marks.usable = performance.now();
            return;
          }
        }
        setTimeout(check, 4);
      };
      check();
    })();`,
  });
  return tab;
}

/** Navigates the tab to `url` and times it to a usable first row. */
export async function timeToUsableTable(tab: UsableTab, url: string): Promise<Usable> {
  const { page } = tab;
  tab.apiCalls = 0;
  await page.goto(url, { waitUntil: 'commit' });
  const times = await page.waitForFunction(
    () => {
      const marks = (window as unknown as { __usable?: { visible?: number; usable?: number } }).__usable;
      return marks?.usable !== undefined ? { visible: marks.visible, usable: marks.usable } : false;
    },
    undefined,
    { polling: 100, timeout: 120_000 },
  );
  const { visible, usable } = (await times.jsonValue()) as { visible: number; usable: number };
  // The page's later calls (context, histogram) finish before the next measurement starts: an
  // analyst's next page does not race the last one's background work on the server.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  return { visibleMs: visible, usableMs: usable, apiCalls: tab.apiCalls };
}
