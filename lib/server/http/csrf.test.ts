import { describe, expect, it } from 'vitest';
import { checkWrite, csrfCookie, csrfTokenMatches, newCsrfToken, writeRefusal } from './csrf';
import { sameOrigin } from './same-origin';
import { TEST_CSRF_TOKEN, TEST_ORIGIN, writeHeaders } from '../testing/write-headers';

const post = (headers: Record<string, string>) => new Request(`${TEST_ORIGIN}/api/triage`, { method: 'POST', headers, body: '{}' });

describe('CSRF token', () => {
  it('is 32 random bytes, base64url, new each time', () => {
    const tokens = new Set(Array.from({ length: 20 }, newCsrfToken));
    expect(tokens.size).toBe(20);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('cookie: readable by the page, SameSite=Strict, whole site, Secure when the session cookie is', () => {
    expect(csrfCookie('tok', { secure: false })).toBe('huntboard_csrf=tok; SameSite=Strict; Path=/');
    expect(csrfCookie('tok', { secure: true })).toBe('huntboard_csrf=tok; SameSite=Strict; Path=/; Secure');
    expect(csrfCookie('tok', { secure: true })).not.toMatch(/HttpOnly/i);
  });

  it('matches only when the header equals the cookie', () => {
    expect(csrfTokenMatches(new Headers(writeHeaders()))).toBe(true);
    const h = (cookie: string | null, header: string | null) =>
      new Headers({ ...(cookie !== null ? { cookie } : {}), ...(header !== null ? { 'x-huntboard-csrf': header } : {}) });
    expect(csrfTokenMatches(h(null, TEST_CSRF_TOKEN))).toBe(false);
    expect(csrfTokenMatches(h(`huntboard_csrf=${TEST_CSRF_TOKEN}`, null))).toBe(false);
    expect(csrfTokenMatches(h(`huntboard_csrf=${TEST_CSRF_TOKEN}`, `${TEST_CSRF_TOKEN}x`))).toBe(false);
    expect(csrfTokenMatches(h(`huntboard_csrf=${TEST_CSRF_TOKEN}`, TEST_CSRF_TOKEN.toUpperCase()))).toBe(false);
    // Empty or too-short tokens never match, even when equal.
    expect(csrfTokenMatches(h('huntboard_csrf=', ''))).toBe(false);
    expect(csrfTokenMatches(h('huntboard_csrf=abc', 'abc'))).toBe(false);
    // Another cookie of the same value does not count.
    expect(csrfTokenMatches(h(`other=${TEST_CSRF_TOKEN}`, TEST_CSRF_TOKEN))).toBe(false);
  });
});

describe('checkWrite', () => {
  it('lets a same-origin write with the token through', () => {
    expect(checkWrite(post(writeHeaders()))).toBeUndefined();
  });

  it('refuses no Origin, a foreign Origin, a cross-site fetch, a missing or wrong token with 403', async () => {
    const cases: [Record<string, string>, 'origin' | 'token'][] = [
      [writeHeaders(null), 'origin'],
      [writeHeaders('https://evil.example'), 'origin'],
      [writeHeaders('http://127.0.0.1:3001'), 'origin'],
      [writeHeaders('null'), 'origin'],
      [{ ...writeHeaders(), 'sec-fetch-site': 'cross-site' }, 'origin'],
      [{ ...writeHeaders(), 'x-huntboard-csrf': '' }, 'token'],
      [{ ...writeHeaders(), cookie: '' }, 'token'],
      [{ ...writeHeaders(), 'x-huntboard-csrf': newCsrfToken() }, 'token'],
    ];
    for (const [headers, why] of cases) {
      expect(writeRefusal(post(headers))).toBe(why);
      const refused = checkWrite(post(headers));
      expect(refused?.status).toBe(403);
      expect(refused?.headers.get('cache-control')).toBe('no-store');
      expect(await refused?.json()).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    }
  });

  it('sameOrigin accepts Sec-Fetch-Site: same-origin and refuses same-site', () => {
    expect(sameOrigin(post({ ...writeHeaders(), 'sec-fetch-site': 'same-origin' }))).toBe(true);
    expect(sameOrigin(post({ ...writeHeaders(), 'sec-fetch-site': 'same-site' }))).toBe(false);
  });
});
