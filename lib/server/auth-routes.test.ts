import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signInLimiter, type SignInRules } from './rate-limit';
import { TEST_CSRF_TOKEN, writeHeaders } from './write-test-headers';
import { sessionUser } from '../auth/sessions';
import { authTestDb } from '../auth/test-db';
import { addUser } from '../auth/users';
import { signIn, signOut, type AuthContext } from './auth-routes';

const NOW = new Date('2026-01-08T12:00:00.000Z');
const ORIGIN = 'http://127.0.0.1:3000';

function request(path: string, body: unknown, headers: Record<string, string> = {}, origin: string | null = ORIGIN): Request {
  return new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...writeHeaders(origin), ...headers },
  });
}

describe('sign-in and sign-out routes', () => {
  let state: ReturnType<typeof authTestDb>;
  let ctx: AuthContext;
  beforeEach(async () => {
    state = authTestDb();
    ctx = { db: state.db, env: {}, now: NOW, limiter: signInLimiter() };
    await addUser(state.db, { username: 'ana', role: 'analyst', password: 'correct horse battery' }, NOW);
  });
  afterEach(() => state.dispose());

  it('signs in with the right password: 200, a session cookie, the user', async () => {
    const response = await signIn(request('/api/auth/signin', { username: 'Ana', password: 'correct horse battery' }), ctx);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, user: { username: 'ana', role: 'analyst' }, expiresAt: '2026-01-09T00:00:00.000Z' });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^huntboard_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Lax; Path=\/; Max-Age=43200$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const token = cookie.split(';')[0].split('=')[1];
    expect(sessionUser(state.db, token, NOW)).toEqual({ username: 'ana', role: 'analyst' });
  });

  it('sets a Secure cookie behind an https proxy', async () => {
    const response = await signIn(request('/api/auth/signin', { username: 'ana', password: 'correct horse battery' }, { 'x-forwarded-proto': 'https' }), ctx);
    expect(response.headers.get('set-cookie')).toMatch(/; Secure$/);
  });

  it('answers 401 with one generic message for a wrong password or an unknown user', async () => {
    for (const body of [{ username: 'ana', password: 'wrong password' }, { username: 'nobody', password: 'correct horse battery' }]) {
      const response = await signIn(request('/api/auth/signin', body), ctx);
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toBeNull();
      expect(await response.json()).toMatchObject({ ok: false, error: { message: 'Wrong user name or password.' } });
    }
  });

  it('answers 429 with Retry-After once the name is locked out', async () => {
    const attempt = (password: string) => signIn(request('/api/auth/signin', { username: 'ana', password }), ctx);
    for (let i = 0; i < 4; i++) expect((await attempt('wrong password')).status).toBe(401);
    const locked = await attempt('wrong password');
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('900');
    expect(await locked.json()).toMatchObject({ ok: false, error: { message: expect.stringContaining('locked for 15 minutes') } });
    expect((await attempt('correct horse battery')).status).toBe(429);
  });

  it('refuses a cross-origin or origin-less sign-in with 403', async () => {
    for (const origin of ['https://evil.example', null]) {
      const response = await signIn(request('/api/auth/signin', { username: 'ana', password: 'correct horse battery' }, {}, origin), ctx);
      expect(response.status).toBe(403);
      expect(response.headers.get('set-cookie')).toBeNull();
    }
  });

  it('answers 400 to a malformed body', async () => {
    for (const body of [{}, { username: 'ana' }, { username: 'ana', password: 'correct horse battery', role: 'lead' }, 'text']) {
      expect((await signIn(request('/api/auth/signin', body), ctx)).status).toBe(400);
    }
  });

  it('answers 400 in single-user mode and behind a proxy', async () => {
    const empty = authTestDb();
    try {
      const single = await signIn(request('/api/auth/signin', { username: 'ana', password: 'correct horse battery' }), { db: empty.db, env: {}, now: NOW });
      expect(single.status).toBe(400);
      expect(await single.json()).toMatchObject({ error: { message: 'Huntboard runs in local single-user mode; there is nothing to sign in to.' } });
    } finally {
      empty.dispose();
    }
    const proxied = await signIn(request('/api/auth/signin', { username: 'ana', password: 'correct horse battery' }), { ...ctx, env: { HUNTBOARD_AUTH_PROXY_HEADER: 'x-forwarded-user' } });
    expect(proxied.status).toBe(400);
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const signedIn = await signIn(request('/api/auth/signin', { username: 'ana', password: 'correct horse battery' }), ctx);
    const session = (signedIn.headers.get('set-cookie') ?? '').split(';')[0];
    const token = session.split('=')[1];
    const cookie = `${session}; huntboard_csrf=${TEST_CSRF_TOKEN}`;
    expect((await signOut(request('/api/auth/signout', {}, { cookie }, 'https://evil.example'), ctx)).status).toBe(403);
    expect(sessionUser(state.db, token, NOW)).toBeDefined();
    const response = await signOut(request('/api/auth/signout', {}, { cookie }), ctx);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toBe('huntboard_session=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0');
    expect(sessionUser(state.db, token, NOW)).toBeUndefined();
    // Without a session (expired, or never signed in) signing out still clears the cookie.
    expect((await signOut(request('/api/auth/signout', {}), ctx)).status).toBe(200);
  });

  it('refuses a sign-in without the CSRF token, or with a wrong one (login CSRF)', async () => {
    const body = { username: 'ana', password: 'correct horse battery' };
    const missing = await signIn(request('/api/auth/signin', body, { 'x-huntboard-csrf': '' }), ctx);
    expect(missing.status).toBe(403);
    const wrong = await signIn(request('/api/auth/signin', body, { 'x-huntboard-csrf': 'another-token-0123456789abcdef' }), ctx);
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ ok: false, error: { kind: 'forbidden', message: expect.stringContaining('security token') } });
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  describe('rate limit', () => {
    const rules: SignInRules = { global: { capacity: 3, perMinute: 3 }, perName: { capacity: 2, perMinute: 2 }, perAddress: { capacity: 2, perMinute: 2 } };
    let clock: number;
    beforeEach(() => {
      clock = 1_000_000;
      ctx = { ...ctx, limiter: signInLimiter(rules, () => clock) };
    });
    const attempt = (username: string, headers: Record<string, string> = {}) =>
      signIn(request('/api/auth/signin', { username, password: 'wrong password' }, headers), ctx);

    it('answers 429 with Retry-After past the per-name budget, before checking the password', async () => {
      expect((await attempt('ana')).status).toBe(401);
      expect((await attempt('ANA')).status).toBe(401);
      const limited = await attempt('ana');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('30');
      expect(await limited.json()).toMatchObject({ ok: false, error: { message: 'Too many sign-in attempts; wait a moment and try again.' } });
      // The right password is not even tried while limited.
      expect((await signIn(request('/api/auth/signin', { username: 'ana', password: 'correct horse battery' }), ctx)).status).toBe(429);
      clock += 30_000;
      expect((await signIn(request('/api/auth/signin', { username: 'ana', password: 'correct horse battery' }), ctx)).status).toBe(200);
    });

    it('limits all names together (the whole server) when no client address is trusted', async () => {
      for (const name of ['a1', 'a2', 'a3']) expect((await attempt(name)).status).toBe(401);
      const limited = await attempt('a4');
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    });

    it('limits per client address only behind a trusted proxy (HUNTBOARD_TRUST_PROXY=1)', async () => {
      ctx = { ...ctx, env: { HUNTBOARD_TRUST_PROXY: '1' } };
      const from = (address: string) => ({ 'x-forwarded-for': `203.0.113.99, ${address}` });
      expect((await attempt('b1', from('198.51.100.1'))).status).toBe(401);
      expect((await attempt('b2', from('198.51.100.1'))).status).toBe(401);
      expect((await attempt('b3', from('198.51.100.1'))).status).toBe(429);
      expect((await attempt('b3', from('198.51.100.2'))).status).toBe(401);
    });
  });
});
