/** proxy.ts called directly, as Next.js calls it before every page and API route. */
import { createRequire } from 'node:module';
import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it } from 'vitest';
import { config, proxy } from '../../../proxy';
import { publishAccess, resetAccessForTests } from '../../auth/server-access';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1];

describe('proxy', () => {
  it('gives every page a CSP with a fresh nonce, passed on to the render in the request headers', () => {
    const first = proxy(new NextRequest('http://127.0.0.1:3000/hunts/x'));
    const second = proxy(new NextRequest('http://127.0.0.1:3000/hunts/x'));
    const policy = first.headers.get('content-security-policy');
    const nonce = nonceOf(policy);
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{24}$/);
    expect(nonceOf(second.headers.get('content-security-policy'))).not.toBe(nonce);
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    expect(policy).toContain("frame-ancestors 'none'");
    // Next.js reads the nonce from the forwarded request's CSP header (x-middleware-request-*).
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
    expect(first.headers.get('x-middleware-request-x-nonce')).toBe(nonce);
    expect(first.headers.get('x-middleware-next')).toBe('1');
    expect(first.headers.get('x-content-type-options')).toBe('nosniff');
    expect(first.headers.get('x-frame-options')).toBe('DENY');
    expect(first.headers.get('referrer-policy')).toBe('no-referrer');
    expect(first.headers.get('permissions-policy')).toContain('geolocation=()');
  });

  it('hands Next.js a nonce its own renderer extracts (the one it stamps on its scripts)', () => {
    const { getScriptNonceFromHeader } = createRequire(import.meta.url)('next/dist/server/app-render/get-script-nonce-from-header.js') as {
      getScriptNonceFromHeader: (csp: string) => string | undefined;
    };
    const response = proxy(new NextRequest('http://127.0.0.1:3000/week'));
    const forwarded = response.headers.get('x-middleware-request-content-security-policy') ?? '';
    expect(getScriptNonceFromHeader(forwarded)).toBe(response.headers.get('x-middleware-request-x-nonce'));
    expect(getScriptNonceFromHeader(forwarded)).toBeTruthy();
  });

  it('overrides a CSP header the client sent (it would choose the nonce otherwise)', () => {
    const response = proxy(new NextRequest('http://127.0.0.1:3000/', { headers: { 'content-security-policy': "script-src 'nonce-evil'", 'x-nonce': 'evil' } }));
    expect(response.headers.get('x-middleware-request-content-security-policy')).not.toContain('evil');
    expect(response.headers.get('x-middleware-request-x-nonce')).not.toBe('evil');
  });

  it('gives API answers the load-nothing policy, no nonce', () => {
    const response = proxy(new NextRequest('http://127.0.0.1:3000/api/triage', { method: 'POST' }));
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    expect(response.headers.get('x-middleware-request-x-nonce')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('sets the CSRF cookie when the browser has none, and leaves a good one alone', () => {
    const fresh = proxy(new NextRequest('http://127.0.0.1:3000/'));
    expect(fresh.headers.get('set-cookie')).toMatch(/^huntboard_csrf=[A-Za-z0-9_-]{43}; SameSite=Strict; Path=\/$/);
    const token = 'A'.repeat(43);
    const kept = proxy(new NextRequest('http://127.0.0.1:3000/', { headers: { cookie: `huntboard_csrf=${token}` } }));
    expect(kept.headers.get('set-cookie')).toBeNull();
    const mangled = proxy(new NextRequest('http://127.0.0.1:3000/', { headers: { cookie: 'huntboard_csrf=<x>' } }));
    expect(mangled.headers.get('set-cookie')).toMatch(/^huntboard_csrf=[A-Za-z0-9_-]{43};/);
  });

  it('marks the cookie Secure and adds HSTS and upgrade-insecure-requests over https', () => {
    const response = proxy(new NextRequest('http://127.0.0.1:3000/', { headers: { 'x-forwarded-proto': 'https' } }));
    expect(response.headers.get('set-cookie')).toMatch(/; Secure$/);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    process.env.HUNTBOARD_COOKIE_SECURE = '1';
    expect(proxy(new NextRequest('http://127.0.0.1:3000/')).headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('allows eval in `next dev` only', () => {
    expect(proxy(new NextRequest('http://127.0.0.1:3000/')).headers.get('content-security-policy')).not.toContain('unsafe-eval');
    (process.env as Record<string, string>).NODE_ENV = 'development';
    expect(proxy(new NextRequest('http://127.0.0.1:3000/')).headers.get('content-security-policy')).toContain("'unsafe-eval'");
  });

  it('runs on pages and API routes, not on build output or the icons', () => {
    const matcher = new RegExp(`^${config.matcher[0]}$`);
    for (const path of ['/', '/hunts/x', '/api/triage', '/runs/3', '/_not-found']) expect(matcher.test(path)).toBe(true);
    for (const path of ['/_next/static/chunks/a.js', '/_next/image', '/favicon.ico', '/icon.svg']) expect(matcher.test(path)).toBe(false);
  });

  it('without Huntboard\'s server in front (`next dev`), refuses a non-loopback Host in single-user mode (DNS rebinding)', async () => {
    try {
      publishAccess({ mode: { kind: 'single-user', username: 'local analyst' }, host: '127.0.0.1', port: 3000, trustProxy: false, peerHeader: false, warnings: [], banner: undefined, notices: [] });
      const rebound = proxy(new NextRequest('http://rebind.attacker.example:3000/api/week/signoff', { method: 'POST', headers: { host: 'rebind.attacker.example:3000' } }));
      expect(rebound.status).toBe(421);
      expect(await rebound.text()).toContain('local single-user mode');
      for (const host of ['127.0.0.1:3000', 'localhost:3001', '[::1]:3000']) expect(proxy(new NextRequest(`http://${host}/`, { headers: { host } })).status, host).toBe(200);
    } finally {
      resetAccessForTests();
    }
  });
});
