import type { Page } from '@playwright/test';
import { CSRF_COOKIE, CSRF_HEADER } from '../../lib/model/csrf';

const RAW_TOKEN = 'e2e-csrf-token-0123456789abcdef';

/** A write made outside any browser, as a script would: Origin, and a CSRF cookie echoed in its header. */
export function rawWriteHeaders(base: string): Record<string, string> {
  return { origin: base, cookie: `${CSRF_COOKIE}=${RAW_TOKEN}`, [CSRF_HEADER]: RAW_TOKEN };
}

/** A write made with a page's own cookies (its session, the CSRF cookie the server set): the header echoes the token. */
export async function pageWriteHeaders(page: Page): Promise<Record<string, string>> {
  const token = (await page.context().cookies()).find((c) => c.name === CSRF_COOKIE)?.value ?? '';
  return { origin: new URL(page.url()).origin, [CSRF_HEADER]: token };
}
