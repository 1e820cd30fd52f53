/**
 * Sign-in and sign-out. Neither goes through `authorize`: signing in is how one gets an identity,
 * and signing out must work for an expired session too. Both pass the CSRF guard (origin and
 * token), so another site cannot sign a browser in as someone else (login CSRF) or out. Sign-in
 * attempts are limited per source before the password hash is computed, which is the expensive
 * part (http/rate-limit.ts), and wrong passwords lock out their source, never the name for everyone.
 * A browser that signed in before brings a device cookie and is judged on its own (device-cookie.ts).
 */
import 'server-only';
import { z } from 'zod';
import type { AppDatabase } from '../../appstate/database';
import type { AccessDecision } from '../../auth/access';
import { clearedSessionCookie, cookieSecure, cookieValue, SESSION_COOKIE, sessionCookie } from '../../auth/cookies';
import { DEVICE_COOKIE, deviceCookie, deviceIdFor, newDeviceValue } from '../../auth/device-cookie';
import { loadDeviceKey } from '../../auth/device-key';
import { LOCKED_OUT } from '../../auth/lockout';
import { createSession, endSession } from '../../auth/sessions';
import { verifyCredentials } from '../../auth/users';
import { serverAccess } from '../process/access';
import { apiError } from '../../model/api';
import { serverAppState, serverDataDir } from '../process/app-state';
import { serverNow } from '../process/now';
import { clientAddress } from '../http/peer';
import { readBody } from '../http/requests';
import { checkWrite } from '../http/csrf';
import { NO_STORE, refusal } from '../http/error-status';
import { signInLimiter, type SignInLimiter } from '../http/rate-limit';

export interface AuthContext {
  db: AppDatabase;
  env: Record<string, string | undefined>;
  /** The server's clock for sessions (may be pinned); limits and lockouts use the wall clock. */
  now: Date;
  /** The mode and how far client addresses can be believed, as decided at start. */
  access: Pick<AccessDecision, 'mode' | 'trustProxy' | 'peerHeader'>;
  /** Attempts so far; the server keeps one for its lifetime, tests pass their own. */
  limiter?: SignInLimiter;
  /** The key of device cookies; without one none are set or honoured. */
  deviceKey?: Uint8Array;
}

const signinSchema = z.object({ username: z.string().trim().min(1).max(200), password: z.string().min(1).max(4096) }).strict();

const noStore = NO_STORE;
/** Sign-in refusals are all `bad_request` on the wire; the status says which (401 wrong password, 429 slow down). */
const fail = (status: number, message: string, headers: Record<string, string> = {}) => refusal(apiError('bad_request', message), { status, headers });

export const SINGLE_USER_SIGNIN = 'Huntboard runs in local single-user mode; there is nothing to sign in to.';
export const PROXY_SIGNIN = 'Huntboard is behind a sign-in proxy; sign in there.';
export const TOO_MANY_SIGNINS = 'Too many sign-in attempts; wait a moment and try again.';

const serverLimiter = signInLimiter();

export async function signIn(request: Request, ctx: AuthContext): Promise<Response> {
  const refused = checkWrite(request);
  if (refused) return refused;
  const { mode } = ctx.access;
  if (mode.kind === 'single-user') return fail(400, SINGLE_USER_SIGNIN);
  if (mode.kind === 'proxy') return fail(400, PROXY_SIGNIN);
  const body = await readBody(request, signinSchema);
  if (!body.ok) return refusal(body.error);
  const { username, password } = body.value;
  const address = clientAddress(request.headers, ctx.access);
  const limiter = ctx.limiter ?? serverLimiter;
  const { deviceKey } = ctx;
  // A cookie for another name, forged or garbled, is no device: the attempt is the address's.
  const carried = cookieValue(request.headers.get('cookie'), DEVICE_COOKIE);
  const device = deviceKey && deviceIdFor(deviceKey, carried, username);
  const admitted = limiter.admit(username, address, device);
  if (!admitted.ok) return fail(429, admitted.reason === 'locked' ? LOCKED_OUT : TOO_MANY_SIGNINS, { 'retry-after': String(admitted.retryAfterSeconds) });
  const result = await verifyCredentials(ctx.db, username, password);
  if (!result.ok) {
    const locked = limiter.failed(username, address, device);
    return locked === undefined ? fail(401, result.message) : fail(429, LOCKED_OUT, { 'retry-after': String(locked) });
  }
  limiter.succeeded(username, address, device);
  const session = createSession(ctx.db, result.user.username, ctx.now);
  const secure = cookieSecure(request.url, request.headers, ctx.env);
  const headers = new Headers(noStore);
  headers.append('set-cookie', sessionCookie(session.token, { secure }));
  if (deviceKey) {
    // Signing in again from a device renews its cookie under the same id (and lockout history).
    const value = device !== undefined && carried !== undefined ? carried : newDeviceValue(deviceKey, username);
    headers.append('set-cookie', deviceCookie(value, { secure }));
  }
  return Response.json({ ok: true, user: { username: result.user.username, role: result.user.role }, expiresAt: session.expiresAt }, { headers });
}

export async function signOut(request: Request, ctx: Pick<AuthContext, 'db' | 'env'>): Promise<Response> {
  const refused = checkWrite(request);
  if (refused) return refused;
  const token = cookieValue(request.headers.get('cookie'), SESSION_COOKIE);
  if (token) endSession(ctx.db, token);
  const cookie = clearedSessionCookie({ secure: cookieSecure(request.url, request.headers, ctx.env) });
  return Response.json({ ok: true }, { headers: { ...noStore, 'set-cookie': cookie } });
}

let deviceKeyCache: { dir: string; key: Uint8Array | undefined } | undefined;

/** The data dir's device key, read (or made) once per dir; a failure is reported once and means no device cookies. */
function serverDeviceKey(env: Record<string, string | undefined>): Uint8Array | undefined {
  const dir = serverDataDir(env);
  if (deviceKeyCache?.dir !== dir) {
    const loaded = loadDeviceKey(dir);
    if (!loaded.ok) console.error(`huntboard: no device cookies for sign-in: ${loaded.reason}`);
    deviceKeyCache = { dir, key: loaded.ok ? loaded.key : undefined };
  }
  return deviceKeyCache.key;
}

const serverContext = (): AuthContext => {
  const db = serverAppState(); // opened first: it makes the data dir
  return { db, env: process.env, now: serverNow(), access: serverAccess(), deviceKey: serverDeviceKey(process.env) };
};

export const postSigninRoute = (request: Request): Promise<Response> => signIn(request, serverContext());
// Sign-out needs neither the access decision nor the device key.
export const postSignoutRoute = (request: Request): Promise<Response> => signOut(request, { db: serverAppState(), env: process.env });
