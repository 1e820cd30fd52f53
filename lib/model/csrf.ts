/**
 * The double-submit CSRF token as both sides know it: the server sets the cookie and checks the
 * header (lib/server/http/csrf.ts), the page echoes the cookie into the header on every write
 * (lib/api/client.ts). Another site can make a browser send our cookies but cannot read them, so
 * it cannot write the header. Browser-safe: no Node, no DOM.
 */
export const CSRF_COOKIE = 'huntboard_csrf';
export const CSRF_HEADER = 'x-huntboard-csrf';

/** Tokens the server issues are 43 characters; anything base64url of a sane length is compared, the rest refused. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

export function isCsrfToken(value: string | null | undefined): value is string {
  return typeof value === 'string' && TOKEN_SHAPE.test(value);
}

/** The token in a Cookie header or `document.cookie` text; undefined when absent or not token-shaped. */
export function csrfTokenIn(cookieText: string | null | undefined): string | undefined {
  // A cookie header is a few hundred bytes; a huge one is not worth splitting.
  if (!cookieText || cookieText.length > 16_384) return undefined;
  for (const pair of cookieText.split(';')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq).trim() !== CSRF_COOKIE) continue;
    const value = pair.slice(eq + 1).trim();
    return isCsrfToken(value) ? value : undefined;
  }
  return undefined;
}
