/**
 * Who is asking, from the request headers alone: route handlers pass `request.headers`, server
 * components `await headers()`. Anything unproven is anonymous; the role decides the rest.
 */
import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AppDatabase } from '../appstate/database';
import { cookieValue, SESSION_COOKIE } from './cookies';
import type { AuthMode } from './mode';
import type { Identity } from './roles';
import { sessionUser } from './sessions';
import { getUser } from './users';

export type UserIdentity = Extract<Identity, { kind: 'user' }>;

export const PROXY_SECRET_HEADER = 'x-huntboard-proxy-secret';
const ANONYMOUS: Identity = { kind: 'anonymous' };

export function singleUser(mode: Extract<AuthMode, { kind: 'single-user' }>): UserIdentity {
  return { kind: 'user', username: mode.username, role: 'lead', via: 'single-user' };
}

function sameSecret(given: string, expected: string): boolean {
  // Digests have equal lengths, so the comparison is constant-time whatever was sent.
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** Header values arrive as bytes read as latin1; a proxy sends a non-ASCII name as UTF-8. */
function headerText(value: string): string | undefined {
  if (!/[^\x00-\x7f]/.test(value)) return value;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(value, 'latin1'));
  } catch {
    return undefined;
  }
}

function fromProxy(headers: Headers, db: AppDatabase, mode: Extract<AuthMode, { kind: 'proxy' }>): Identity {
  if (mode.secret !== undefined && !sameSecret(headers.get(PROXY_SECRET_HEADER) ?? '', mode.secret)) return ANONYMOUS;
  const username = headerText(headers.get(mode.header) ?? '')?.trim() ?? '';
  // The name is shown and recorded: no control or bidi characters, bounded length.
  if (!username || username.length > 200 || /[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(username)) return ANONYMOUS;
  const known = getUser(db, username);
  return { kind: 'user', username: known?.username ?? username, role: known?.role ?? mode.defaultRole, via: 'proxy' };
}

/** `mode` is the server's decision made at start (server-access.ts), never recomputed per request. */
export function identify(headers: Headers, db: AppDatabase, mode: AuthMode, now: Date): Identity {
  if (mode.kind === 'single-user') return singleUser(mode);
  if (mode.kind === 'proxy') return fromProxy(headers, db, mode);
  const token = cookieValue(headers.get('cookie'), SESSION_COOKIE);
  const user = token ? sessionUser(db, token, now) : undefined;
  return user ? { kind: 'user', username: user.username, role: user.role, via: 'session' } : ANONYMOUS;
}
