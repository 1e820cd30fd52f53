/**
 * The double-submit CSRF token's names, shared by the server (which sets and checks them) and
 * the pages (which echo the cookie into a header on every POST/DELETE). Another site can make a
 * browser send our cookies but cannot read them, so it cannot write the header.
 */
export const CSRF_COOKIE = 'huntboard_csrf';
export const CSRF_HEADER = 'x-huntboard-csrf';

/** The cookie's value in a `document.cookie`-style string; undefined when absent or mangled. */
export function csrfCookieIn(cookieText: string): string | undefined {
  for (const pair of cookieText.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== CSRF_COOKIE) continue;
    const value = pair.slice(eq + 1).trim();
    return /^[A-Za-z0-9_-]+$/.test(value) ? value : undefined;
  }
  return undefined;
}

/**
 * Headers to add to a state-changing fetch. Reads `document.cookie` in the browser; with no
 * cookie (it is set on the first page load) the header is left out and the server says why.
 */
export function csrfHeaders(cookieText: string = typeof document === 'undefined' ? '' : document.cookie): Record<string, string> {
  const token = csrfCookieIn(cookieText);
  return token ? { [CSRF_HEADER]: token } : {};
}
