/**
 * Runs before every page and API route (Node runtime): sets the security headers, a fresh CSP
 * nonce per page render (Next.js reads it from the request's CSP header and stamps its scripts),
 * and the double-submit CSRF cookie when the browser has none. Routes still check writes
 * themselves (lib/server/http/csrf.ts `checkWrite`): the proxy only hands out the token.
 * In local single-user mode it also refuses requests addressed to a non-loopback host name (DNS
 * rebinding) when Huntboard's HTTP server, which checks that exactly, is not in front (`next dev`).
 */
import { NextResponse, type NextRequest } from 'next/server';
import { cookieSecure } from './lib/auth/cookies';
import { publishedAccess } from './lib/auth/server-access';
import { loopbackRefusal, MISDIRECTED } from './lib/server/http/loopback-guard';
import { csrfCookie, csrfCookieOf, newCsrfToken } from './lib/server/http/csrf';
import { newNonce, securityHeaders, type ResponseKind } from './lib/server/http/security-headers';

const CSP = 'content-security-policy';

export function proxy(request: NextRequest): NextResponse {
  const env = process.env;
  const access = publishedAccess();
  if (access?.mode.kind === 'single-user' && !access.peerHeader) {
    const refusal = loopbackRefusal({ host: request.headers.get('host'), peer: undefined, path: request.nextUrl.pathname, port: undefined });
    if (refusal !== undefined) return new NextResponse(`${refusal}\n`, { status: MISDIRECTED, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
  }
  const secure = cookieSecure(request.url, request.headers, env);
  const isApi = request.nextUrl.pathname === '/api' || request.nextUrl.pathname.startsWith('/api/');
  const kind: ResponseKind = isApi ? { kind: 'api' } : { kind: 'page', nonce: newNonce() };
  const headers = securityHeaders(kind, { dev: env.NODE_ENV === 'development', secure });

  const forwarded = new Headers(request.headers);
  if (kind.kind === 'page') {
    forwarded.set(CSP, headers[CSP]);
    forwarded.set('x-nonce', kind.nonce);
  }
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  if (csrfCookieOf(request.headers) === undefined) response.headers.append('set-cookie', csrfCookie(newCsrfToken(), { secure }));
  return response;
}

export const config = {
  // Build output and the icons are static files: next.config.js gives them the static headers.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg).*)'],
};
