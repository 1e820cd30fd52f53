/**
 * Time to a usable table in Chromium: from the navigation's start (the page's own time origin) to
 * the first result row on screen and hydrated — React has attached itself to the row, so its link
 * and its click answer. Measured in the page, frame by frame, so a busy main thread counts.
 */
import type { BrowserContext } from '@playwright/test';

export interface Usable {
  /** First row painted (from the HTML, before any script). */
  visibleMs: number;
  /** That row hydrated: the table answers clicks. */
  usableMs: number;
  /** Calls the page made to a hunt's run or events API after it loaded (0: the server's answer was used). */
  apiCalls: number;
}

/** A new tab in `context` (a fresh context has no cached scripts: a cold visit), timed to a usable first row. */
export async function timeToUsableTable(context: BrowserContext, url: string, row: string): Promise<Usable> {
  const page = await context.newPage();
  let apiCalls = 0;
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/api\/hunts\/[^/]+\/queries\/\d+\/(run|events)$/.test(new URL(r.url()).pathname)) apiCalls++;
  });
  // Watched from the document's creation, in the page, frame by frame: Playwright's own round
  // trips to the page would otherwise be counted as the page's time.
  await page.addInitScript((selector: string) => {
    const marks: { visible?: number; usable?: number } = {};
    (window as unknown as { __usable: typeof marks }).__usable = marks;
    const check = () => {
      const el = document.querySelector(selector);
      if (el && el.getBoundingClientRect().height > 0) {
        marks.visible ??= performance.now();
        // React marks every element it has hydrated with its internal props.
        if (Object.keys(el).some((k) => k.startsWith('__reactProps$'))) {
          marks.usable = performance.now();
          return;
        }
      }
      requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, row);
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
  await page.close();
  return { visibleMs: visible, usableMs: usable, apiCalls };
}
