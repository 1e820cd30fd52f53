import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { API_CONTENT_SECURITY_POLICY, newNonce, pageContentSecurityPolicy, securityHeaders, STATIC_SECURITY_HEADERS } from './security-headers';

const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));

describe('security headers', () => {
  it('makes a fresh, unguessable nonce per call', () => {
    const nonces = new Set(Array.from({ length: 50 }, newNonce));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it('allows scripts by nonce and strict-dynamic only, never inline', () => {
    const policy = directives(pageContentSecurityPolicy({ nonce: 'abc123', dev: false, secure: false }));
    expect(policy.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(policy.get('script-src')).not.toContain("'unsafe-eval'");
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
  });

  it('keeps inline styles (React style attributes) without a nonce, which would disable them', () => {
    const policy = directives(pageContentSecurityPolicy({ nonce: 'n', dev: false, secure: false }));
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('adds eval and the dev websocket for `next dev` only, and upgrades requests over https', () => {
    const dev = directives(pageContentSecurityPolicy({ nonce: 'n', dev: true, secure: true }));
    expect(dev.get('script-src')).toContain("'unsafe-eval'");
    expect(dev.get('script-src')).not.toContain("'unsafe-inline'");
    expect(dev.get('connect-src')).toEqual(["'self'", 'ws:', 'wss:']);
    expect(dev.has('upgrade-insecure-requests')).toBe(true);
  });

  it('gives pages their nonce policy and API answers a load-nothing policy, both with the static headers', () => {
    const page = securityHeaders({ kind: 'page', nonce: 'xyz' }, { dev: false, secure: false });
    expect(page['content-security-policy']).toContain("'nonce-xyz'");
    expect(page['x-content-type-options']).toBe('nosniff');
    expect(page['x-frame-options']).toBe('DENY');
    expect(page['referrer-policy']).toBe('no-referrer');
    expect(page['permissions-policy']).toContain('camera=()');
    expect(page['strict-transport-security']).toBeUndefined();
    const api = securityHeaders({ kind: 'api' }, { dev: false, secure: true });
    expect(api['content-security-policy']).toBe(API_CONTENT_SECURITY_POLICY);
    expect(directives(api['content-security-policy']).get('default-src')).toEqual(["'none'"]);
    expect(api['strict-transport-security']).toBe('max-age=31536000');
  });

  it('next.config.js sends the same static headers on every path (static files included)', async () => {
    const config = createRequire(import.meta.url)('../../../next.config.js') as { headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]> };
    const rules = await config.headers();
    expect(rules).toHaveLength(1);
    expect(rules[0].source).toBe('/:path*');
    expect(Object.fromEntries(rules[0].headers.map((h) => [h.key, h.value]))).toEqual(STATIC_SECURITY_HEADERS);
  });
});
