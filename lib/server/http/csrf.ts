/**
 * CSRF defence for every state-changing route: the request must come from one of our pages
 * (Origin, see same-origin.ts) AND carry the double-submit token — the `huntboard_csrf` cookie
 * echoed in the `x-huntboard-csrf` header (names and shape: lib/model/csrf.ts). The origin check alone trusts the browser's Origin
 * header; the token adds a secret another site cannot read, so both must fail for a forgery to pass.
 */
import 'server-only';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { CSRF_COOKIE, CSRF_HEADER, csrfTokenIn, isCsrfToken } from '../../model/csrf';
import { refusal as refusalAnswer } from './error-status';
import { sameOrigin } from './same-origin';

export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Readable by the page's script (not HttpOnly: the page must copy it into the header), sent
 * only to our own pages (SameSite=Strict), and Secure whenever the session cookie would be.
 */
export function csrfCookie(token: string, options: { secure: boolean }): string {
  return `${CSRF_COOKIE}=${token}; SameSite=Strict; Path=/${options.secure ? '; Secure' : ''}`;
}

export function csrfCookieOf(headers: Headers): string | undefined {
  return csrfTokenIn(headers.get('cookie'));
}

// Hashing first gives equal-length inputs, so timingSafeEqual compares without leaking the length.
const digest = (text: string) => createHash('sha256').update(text).digest();

export function csrfTokenMatches(headers: Headers): boolean {
  const cookie = csrfCookieOf(headers);
  const header = headers.get(CSRF_HEADER);
  if (cookie === undefined || !isCsrfToken(header)) return false;
  return timingSafeEqual(digest(cookie), digest(header));
}

export type WriteRefusal = 'origin' | 'token';

/** Why a write is refused, or undefined when it may proceed (to the role check). */
export function writeRefusal(request: Request): WriteRefusal | undefined {
  if (!sameOrigin(request)) return 'origin';
  if (!csrfTokenMatches(request.headers)) return 'token';
  return undefined;
}

const MESSAGES: Record<WriteRefusal, string> = {
  origin: 'Changes are accepted from Huntboard’s own pages only.',
  token: 'The page’s security token is missing or out of date: reload the page and try again.',
};

/** The guard at the top of every POST/DELETE handler: a 403 answer, or undefined to go on. */
export function checkWrite(request: Request): Response | undefined {
  const refusal = writeRefusal(request);
  if (refusal === undefined) return undefined;
  return refusalAnswer({ kind: 'forbidden', message: MESSAGES[refusal] });
}
