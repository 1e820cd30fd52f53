import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signInLimiter, type SignInRules } from '../http/rate-limit';
import { PEER_HEADER } from '../http/peer';
import { TEST_CSRF_TOKEN, writeHeaders } from '../testing/write-headers';
import { sessionUser } from '../../auth/sessions';
import { authTestDb } from '../../auth/testing/db';
import { addUser } from '../../auth/users';
import { signIn, signOut, type AuthContext } from './auth';

const NOW = new Date('2026-01-08T12:00:00.000Z');
const ORIGIN = 'http://127.0.0.1:3000';
const PW = 'correct horse battery';
const ACCOUNTS: AuthContext['access'] = { mode: { kind: 'accounts' }, trustProxy: false, peerHeader: true };
/** As Huntboard's HTTP server forwards a request from this socket address. */
const from = (address: string) => ({ [PEER_HEADER]: address });

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
    ctx = { db: state.db, env: {}, now: NOW, access: ACCOUNTS, limiter: signInLimiter() };
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

  it('locks out the source (address + name) after five wrong passwords, not the name for everyone', async () => {
    let clock = 5_000_000;
    ctx = { ...ctx, limiter: signInLimiter(undefined, () => clock) };
    const attempt = (password: string, address: string) => signIn(request('/api/auth/signin', { username: 'ana', password }, from(address)), ctx);
    for (let i = 0; i < 4; i++) expect((await attempt('wrong password', '198.51.100.66')).status).toBe(401);
    const locked = await attempt('wrong password', '198.51.100.66');
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('30');
    expect(await locked.json()).toMatchObject({ ok: false, error: { message: expect.stringContaining('from this address') } });
    // The locked source cannot try even the right password; another address can.
    expect((await attempt(PW, '198.51.100.66')).status).toBe(429);
    expect((await attempt(PW, '192.0.2.10')).status).toBe(200);
    // Backing off: the next wrong password after the lock doubles it.
    clock += 30_000;
    const again = await attempt('wrong password', '198.51.100.66');
    expect(again.status).toBe(429);
    expect(again.headers.get('retry-after')).toBe('60');
    clock += 60_000;
    expect((await attempt(PW, '198.51.100.66')).status).toBe(200);
  });

  it('ends a lockout on the wall clock even with HUNTBOARD_NOW pinned', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2030-05-05T10:00:00Z'));
      // The server's clock is pinned (sessions, records); the limiter is made with the default, wall clock.
      ctx = { ...ctx, env: { HUNTBOARD_NOW: NOW.toISOString() }, now: NOW, limiter: signInLimiter() };
      const attempt = (password: string) => signIn(request('/api/auth/signin', { username: 'ana', password }, from('198.51.100.66')), ctx);
      for (let i = 0; i < 4; i++) expect((await attempt('wrong password')).status).toBe(401);
      expect((await attempt('wrong password')).headers.get('retry-after')).toBe('30');
      vi.setSystemTime(new Date('2030-05-05T10:00:20Z'));
      const still = await attempt(PW);
      expect(still.status).toBe(429);
      expect(Number(still.headers.get('retry-after'))).toBeLessThanOrEqual(10);
      vi.setSystemTime(new Date('2030-05-05T10:00:31Z'));
      expect((await attempt(PW)).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
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
      const single = await signIn(request('/api/auth/signin', { username: 'ana', password: 'correct horse battery' }), { db: empty.db, env: {}, now: NOW, access: { ...ACCOUNTS, mode: { kind: 'single-user', username: 'local analyst' } } });
      expect(single.status).toBe(400);
      expect(await single.json()).toMatchObject({ error: { message: 'Huntboard runs in local single-user mode; there is nothing to sign in to.' } });
    } finally {
      empty.dispose();
    }
    const proxy = { kind: 'proxy', header: 'x-forwarded-user', secret: 'a-secret-of-16-chars-or-more', defaultRole: 'viewer' } as const;
    const proxied = await signIn(request('/api/auth/signin', { username: 'ana', password: 'correct horse battery' }), { ...ctx, access: { ...ACCOUNTS, mode: proxy } });
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
    const rules: SignInRules = {
      perAddress: { capacity: 2, perMinute: 2 },
      perName: { capacity: 2, perMinute: 2 },
      global: { capacity: 3, perMinute: 3 },
      knownGood: { capacity: 2, perMinute: 2 },
    };
    let clock: number;
    beforeEach(() => {
      clock = 1_000_000;
      ctx = { ...ctx, limiter: signInLimiter(rules, () => clock) };
    });
    const attempt = (username: string, headers: Record<string, string> = {}, password = 'wrong password') =>
      signIn(request('/api/auth/signin', { username, password }, headers), ctx);

    it('answers 429 with Retry-After past the per-name budget, before checking the password', async () => {
      expect((await attempt('ana', from('198.51.100.1'))).status).toBe(401);
      expect((await attempt('ANA', from('198.51.100.2'))).status).toBe(401);
      const limited = await attempt('ana', from('198.51.100.3'));
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('30');
      expect(await limited.json()).toMatchObject({ ok: false, error: { message: 'Too many sign-in attempts; wait a moment and try again.' } });
      // The right password is not even tried while limited.
      expect((await attempt('ana', from('198.51.100.4'), PW)).status).toBe(429);
      clock += 30_000;
      expect((await attempt('ana', from('198.51.100.4'), PW)).status).toBe(200);
    });

    it('limits per address first: one address cannot spend the budget of a name or of the server', async () => {
      expect((await attempt('b1', from('198.51.100.1'))).status).toBe(401);
      expect((await attempt('b2', from('198.51.100.1'))).status).toBe(401);
      expect((await attempt('b3', from('198.51.100.1'))).status).toBe(429);
      // Refused attempts took nothing: the server's backstop still has a token for someone else.
      expect((await attempt('b3', from('198.51.100.2'))).status).toBe(401);
    });

    it('counts an IPv6 client by its /64 and an IPv4-mapped address as IPv4', async () => {
      expect((await attempt('c1', from('2001:db8:1:2::a'))).status).toBe(401);
      expect((await attempt('c2', from('2001:db8:1:2:ffff::b'))).status).toBe(401);
      expect((await attempt('c3', from('2001:db8:1:2::c'))).status).toBe(429);
      clock += 60_000;
      expect((await attempt('d1', from('::ffff:198.51.100.9'))).status).toBe(401);
      expect((await attempt('d2', from('198.51.100.9'))).status).toBe(401);
      expect((await attempt('d3', from('::ffff:198.51.100.9'))).status).toBe(429);
    });

    it('believes the peer header only behind Huntboard\'s own server, X-Forwarded-For only behind a trusted proxy', async () => {
      ctx = { ...ctx, access: { ...ACCOUNTS, peerHeader: false } };
      // Unknown address: every attempt shares the per-name and server budgets, whatever header is sent.
      for (const [i, name] of ['e1', 'e2', 'e3'].entries()) expect((await attempt(name, from(`198.51.100.${i}`))).status).toBe(401);
      expect((await attempt('e4', from('198.51.100.77'))).status).toBe(429);
      clock += 60_000;
      ctx = { ...ctx, access: { ...ACCOUNTS, peerHeader: true, trustProxy: true } };
      const forwarded = (address: string) => ({ ...from('10.0.0.1'), 'x-forwarded-for': `203.0.113.99, ${address}` });
      expect((await attempt('f1', forwarded('198.51.100.1'))).status).toBe(401);
      expect((await attempt('f2', forwarded('198.51.100.1'))).status).toBe(401);
      expect((await attempt('f3', forwarded('198.51.100.1'))).status).toBe(429);
      expect((await attempt('f3', forwarded('198.51.100.2'))).status).toBe(401);
    });

    it('lets a known-good address + name sign in while others have spent the name and the server budgets', async () => {
      expect((await attempt('ana', from('192.0.2.10'), PW)).status).toBe(200);
      clock += 60_000;
      for (const address of ['198.51.100.1', '198.51.100.2']) expect((await attempt('ana', from(address))).status).toBe(401);
      expect((await attempt('ana', from('198.51.100.3'))).status).toBe(429);
      expect((await attempt('ana', from('192.0.2.10'), PW)).status).toBe(200);
      expect((await attempt('ana', from('192.0.2.10'), PW)).status).toBe(200);
    });
  });

  it('lets a correct sign-in through 10 times out of 10 while an attacker tries 4 times a second from another address', async () => {
    await addUser(state.db, { username: 'lead', role: 'lead', password: 'the lead passphrase' }, NOW);
    let clock = 10_000_000;
    ctx = { ...ctx, limiter: signInLimiter(undefined, () => clock) };
    const statuses = { attacker: new Map<number, number>(), lead: [] as number[] };
    // 300 s at 4 requests a second: wrong passwords for the lead and for made-up names, alternately.
    for (let tick = 0; tick < 1200; tick++) {
      clock += 250;
      const username = tick % 2 ? 'lead' : `guess${tick}`;
      const status = (await signIn(request('/api/auth/signin', { username, password: 'wrong password' }, from('198.51.100.66')), ctx)).status;
      statuses.attacker.set(status, (statuses.attacker.get(status) ?? 0) + 1);
      if (tick % 120 === 60) statuses.lead.push((await signIn(request('/api/auth/signin', { username: 'lead', password: 'the lead passphrase' }, from('192.0.2.10')), ctx)).status);
    }
    expect(statuses.lead).toEqual(Array(10).fill(200));
    // The attacker was mostly refused before any password was checked.
    expect(statuses.attacker.get(429)).toBeGreaterThan(1100);
  });
});
