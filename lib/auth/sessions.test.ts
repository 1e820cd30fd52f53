import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearedSessionCookie, cookieSecure, cookieValue, sessionCookie } from './cookies';
import { createSession, endSession, sessionUser } from './sessions';
import { authTestDb } from './testing/db';
import { addUser, setRole } from './users';

const T0 = new Date('2026-01-08T12:00:00.000Z');
const hours = (h: number) => new Date(T0.getTime() + h * 3600_000);

describe('sessions', () => {
  let state: ReturnType<typeof authTestDb>;
  beforeEach(async () => {
    state = authTestDb();
    await addUser(state.db, { username: 'ana', role: 'analyst', password: 'correct horse battery' }, T0);
  });
  afterEach(() => state.dispose());

  it('issues a random 32-byte token and stores only its sha256', () => {
    const a = createSession(state.db, 'ana', T0);
    const b = createSession(state.db, 'ana', T0);
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.expiresAt).toBe(hours(12).toISOString());
    const stored = state.db.prepare('SELECT token_hash FROM sessions').all() as { token_hash: string }[];
    expect(stored.map((r) => r.token_hash)).not.toContain(a.token);
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('knows the user and their current role for 12 hours, then not', () => {
    const { token } = createSession(state.db, 'ana', T0);
    expect(sessionUser(state.db, token, hours(11.99))).toEqual({ username: 'ana', role: 'analyst' });
    setRole(state.db, 'ana', 'lead', hours(1));
    expect(sessionUser(state.db, token, hours(2))).toEqual({ username: 'ana', role: 'lead' });
    expect(sessionUser(state.db, token, hours(12))).toBeUndefined();
    expect(sessionUser(state.db, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, hours(1))).toBeUndefined();
    expect(sessionUser(state.db, "' OR 1=1 --", hours(1))).toBeUndefined();
  });

  it('purges expired sessions when creating one, and ends one on sign-out', () => {
    const old = createSession(state.db, 'ana', T0);
    const fresh = createSession(state.db, 'ana', hours(13));
    const count = () => (state.db.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number }).n;
    expect(count()).toBe(1);
    expect(endSession(state.db, old.token)).toBe(false);
    expect(endSession(state.db, fresh.token)).toBe(true);
    expect(sessionUser(state.db, fresh.token, hours(14))).toBeUndefined();
    expect(count()).toBe(0);
  });
});

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Path=/, 12 hours, Secure when asked', () => {
    expect(sessionCookie('tok', { secure: false })).toBe('huntboard_session=tok; HttpOnly; SameSite=Lax; Path=/; Max-Age=43200');
    expect(sessionCookie('tok', { secure: true })).toBe('huntboard_session=tok; HttpOnly; SameSite=Lax; Path=/; Max-Age=43200; Secure');
    expect(clearedSessionCookie({ secure: false })).toBe('huntboard_session=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0');
    expect(clearedSessionCookie({ secure: true })).toMatch(/Max-Age=0; Secure$/);
  });

  it('is Secure over https, behind an https proxy, or when forced', () => {
    const none = new Headers();
    expect(cookieSecure('http://127.0.0.1:3000/x', none, {})).toBe(false);
    expect(cookieSecure('https://hunt.example/x', none, {})).toBe(true);
    expect(cookieSecure('http://127.0.0.1:3000/x', new Headers({ 'x-forwarded-proto': 'https' }), {})).toBe(true);
    expect(cookieSecure('http://127.0.0.1:3000/x', new Headers({ 'x-forwarded-proto': 'http' }), {})).toBe(false);
    expect(cookieSecure('http://127.0.0.1:3000/x', none, { HUNTBOARD_COOKIE_SECURE: '1' })).toBe(true);
  });

  it('is read back from a Cookie header robustly', () => {
    expect(cookieValue('a=1; huntboard_session=tok; b=2', 'huntboard_session')).toBe('tok');
    expect(cookieValue('huntboard_session="tok"', 'huntboard_session')).toBe('tok');
    expect(cookieValue('xhuntboard_session=evil; huntboard_session=tok', 'huntboard_session')).toBe('tok');
    expect(cookieValue('huntboard_session=first; huntboard_session=second', 'huntboard_session')).toBe('first');
    expect(cookieValue('garbage;;=;huntboard_session', 'huntboard_session')).toBeUndefined();
    expect(cookieValue('huntboard_session=%E0%A4%A', 'huntboard_session')).toBeUndefined();
    expect(cookieValue(null, 'huntboard_session')).toBeUndefined();
    expect(cookieValue(`huntboard_session=${'x'.repeat(20_000)}`, 'huntboard_session')).toBeUndefined();
  });
});
