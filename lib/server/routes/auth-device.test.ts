import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSRF_COOKIE } from '../../model/csrf';
import { newDeviceValue } from '../../auth/device-cookie';
import { LOCKED_OUT } from '../../auth/lockout';
import { authTestDb } from '../../auth/testing/db';
import { addUser } from '../../auth/users';
import { signIn, type AuthContext } from './auth';
import { PEER_HEADER } from '../http/peer';
import { signInLimiter } from '../http/rate-limit';
import { TEST_CSRF_TOKEN, writeHeaders } from '../testing/write-headers';

const NOW = new Date('2026-01-08T12:00:00.000Z');
const ORIGIN = 'http://127.0.0.1:3000';
const KEY = Buffer.alloc(32, 42);
const LEAD_PW = 'the lead passphrase';
const OFFICE = '198.51.100.66'; // one NAT address for the lead and the attacker
const ACCOUNTS: AuthContext['access'] = { mode: { kind: 'accounts' }, trustProxy: false, peerHeader: true };

/** A sign-in from `address`, carrying `device` as the huntboard_device cookie when given. */
function attempt(ctx: AuthContext, username: string, password: string, address: string, device?: string, extra: Record<string, string> = {}) {
  const headers = writeHeaders(ORIGIN);
  const cookie = `${CSRF_COOKIE}=${TEST_CSRF_TOKEN}${device !== undefined ? `; huntboard_device=${device}` : ''}`;
  return signIn(
    new Request(`${ORIGIN}/api/auth/signin`, {
      method: 'POST',
      body: JSON.stringify({ username, password }),
      headers: { 'content-type': 'application/json', ...headers, cookie, [PEER_HEADER]: address, ...extra },
    }),
    ctx,
  );
}

const deviceCookieOf = (response: Response) => response.headers.getSetCookie().find((c) => c.startsWith('huntboard_device='));
const deviceValueOf = (response: Response) => deviceCookieOf(response)?.split(';')[0].slice('huntboard_device='.length);

describe('device cookies at sign-in', () => {
  let state: ReturnType<typeof authTestDb>;
  let ctx: AuthContext;
  let clock: number;
  beforeEach(async () => {
    state = authTestDb();
    clock = 50_000_000;
    ctx = { db: state.db, env: {}, now: NOW, access: ACCOUNTS, limiter: signInLimiter(undefined, () => clock), deviceKey: KEY };
    await addUser(state.db, { username: 'lead', role: 'lead', password: LEAD_PW }, NOW);
    await addUser(state.db, { username: 'ana', role: 'analyst', password: 'correct horse battery' }, NOW);
  });
  afterEach(() => state.dispose());

  /** The lead signs in once, before any attack, and keeps the device cookie it was given. */
  async function leadDevice(address = OFFICE): Promise<string> {
    const response = await attempt(ctx, 'lead', LEAD_PW, address);
    expect(response.status).toBe(200);
    return deviceValueOf(response)!;
  }

  /** Locks the lead's name out of `address` without a device cookie (five wrong passwords). */
  async function lockAddress(address = OFFICE) {
    for (let i = 0; i < 5; i++) await attempt(ctx, 'lead', 'wrong password', address);
    expect((await attempt(ctx, 'lead', LEAD_PW, address)).status).toBe(429);
  }

  it('sets a device cookie beside the session cookie: HttpOnly, Strict, /api/auth, 180 days, Secure over https', async () => {
    const response = await attempt(ctx, 'lead', LEAD_PW, OFFICE);
    expect(response.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^huntboard_session=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Lax; Path=\/; Max-Age=43200$/),
      expect.stringMatching(/^huntboard_device=[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=\/api\/auth; Max-Age=15552000$/),
    ]);
    const secure = await attempt(ctx, 'lead', LEAD_PW, OFFICE, undefined, { 'x-forwarded-proto': 'https' });
    expect(deviceCookieOf(secure)).toMatch(/; Secure$/);
    // Signing in again from the device renews the same cookie; a wrong password sets none.
    const value = deviceValueOf(response)!;
    expect(deviceValueOf(await attempt(ctx, 'lead', LEAD_PW, OFFICE, value))).toBe(value);
    expect((await attempt(ctx, 'lead', 'wrong password', OFFICE, value)).headers.getSetCookie()).toEqual([]);
  });

  it('sets and honours no device cookie without a key', async () => {
    const value = await leadDevice();
    ctx = { ...ctx, deviceKey: undefined };
    const response = await attempt(ctx, 'lead', LEAD_PW, '192.0.2.10');
    expect(response.headers.getSetCookie()).toEqual([expect.stringMatching(/^huntboard_session=/)]);
    await lockAddress();
    expect((await attempt(ctx, 'lead', LEAD_PW, OFFICE, value)).status).toBe(429);
  });

  it('lets the lead sign in 10 times of 10 with its device cookie while an attacker at the same address tries 4 times a second', async () => {
    const device = await leadDevice();
    const attacker = new Map<number, number>();
    const lead: number[] = [];
    const leadWithoutCookie: number[] = [];
    // 300 s at 4 wrong passwords a second for "lead", from the lead's own address, without a cookie.
    for (let tick = 0; tick < 1200; tick++) {
      clock += 250;
      const response = await attempt(ctx, 'lead', 'wrong password', OFFICE);
      attacker.set(response.status, (attacker.get(response.status) ?? 0) + 1);
      if (tick % 120 === 60) {
        lead.push((await attempt(ctx, 'lead', LEAD_PW, OFFICE, device)).status);
        // The same browser without its cookie would be locked out with the attacker (the gap closed here).
        if (tick === 660) leadWithoutCookie.push((await attempt(ctx, 'lead', LEAD_PW, OFFICE)).status);
      }
    }
    expect(lead).toEqual(Array(10).fill(200));
    expect(leadWithoutCookie).toEqual([429]);
    // The attacker is locked out: at most 5 wrong passwords a lockout step, and the last answer is the lock.
    expect(attacker.get(401) ?? 0).toBeLessThanOrEqual(5);
    expect(attacker.get(429)).toBeGreaterThan(1190);
    const last = await attempt(ctx, 'lead', 'wrong password', OFFICE);
    expect(await last.json()).toMatchObject({ ok: false, error: { message: LOCKED_OUT } });
  });

  it('gives a forged cookie no exemption: a bad HMAC, another name\'s, another key\'s, a garbled one', async () => {
    const device = await leadDevice();
    const anas = deviceValueOf(await attempt(ctx, 'ana', 'correct horse battery', '192.0.2.20'))!;
    await lockAddress();
    const [id, mac] = device.split('.');
    const forged = [
      `${id}.${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`,
      anas,
      newDeviceValue(Buffer.alloc(32, 1), 'lead'),
      'garbage',
      `${id}.`,
    ];
    for (const value of forged) {
      const response = await attempt(ctx, 'lead', LEAD_PW, OFFICE, value);
      expect(response.status).toBe(429);
      expect(await response.json()).toMatchObject({ error: { message: LOCKED_OUT } });
    }
    expect((await attempt(ctx, 'lead', LEAD_PW, OFFICE, device)).status).toBe(200);
  });

  it('lets a device through when others have spent the name\'s shared budget', async () => {
    const device = await leadDevice('192.0.2.30');
    // 30 wrong passwords for "lead" from 30 addresses spend the name's shared budget.
    for (let i = 0; i < 30; i++) await attempt(ctx, 'lead', 'wrong password', `203.0.113.${i}`);
    expect((await attempt(ctx, 'lead', LEAD_PW, '203.0.113.200')).status).toBe(429);
    expect((await attempt(ctx, 'lead', LEAD_PW, '203.0.113.201', device)).status).toBe(200);
  });

  it('locks out a device that guesses wrong five times, itself only', async () => {
    const device = await leadDevice();
    for (let i = 0; i < 4; i++) expect((await attempt(ctx, 'lead', 'wrong password', OFFICE, device)).status).toBe(401);
    const locked = await attempt(ctx, 'lead', 'wrong password', OFFICE, device);
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBe('30');
    expect((await attempt(ctx, 'lead', LEAD_PW, OFFICE, device)).status).toBe(429);
    // The address's own source, and other devices, are not touched by the device's failures.
    expect((await attempt(ctx, 'lead', LEAD_PW, OFFICE)).status).toBe(200);
    clock += 30_000;
    expect((await attempt(ctx, 'lead', LEAD_PW, OFFICE, device)).status).toBe(200);
  });
});
