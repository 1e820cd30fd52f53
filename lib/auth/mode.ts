/**
 * How Huntboard knows who is asking. A sign-in proxy (HUNTBOARD_AUTH_PROXY_HEADER) wins; else
 * accounts once a user exists; else the local single-user mode of a fresh install.
 */
import type { AppDatabase } from '../appstate/db';
import { isRole, type Role } from './roles';
import { countUsers } from './users';

export type AuthMode =
  | { kind: 'single-user' }
  | { kind: 'accounts' }
  // header '' when the configured name is not a valid header name: nobody is trusted (fail closed)
  | { kind: 'proxy'; header: string; secret?: string; defaultRole: Role };

type Env = Record<string, string | undefined>;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export function proxyDefaultRole(env: Env): Role {
  const role = env.HUNTBOARD_AUTH_PROXY_DEFAULT_ROLE?.trim().toLowerCase();
  // A mistyped role gets the least privilege, not an error page for everyone.
  return isRole(role) ? role : 'viewer';
}

export function authMode(env: Env, db: AppDatabase): AuthMode {
  const header = env.HUNTBOARD_AUTH_PROXY_HEADER?.trim();
  if (header) {
    const secret = env.HUNTBOARD_AUTH_PROXY_SECRET?.trim();
    return { kind: 'proxy', header: HEADER_NAME.test(header) ? header.toLowerCase() : '', ...(secret ? { secret } : {}), defaultRole: proxyDefaultRole(env) };
  }
  return countUsers(db) > 0 ? { kind: 'accounts' } : { kind: 'single-user' };
}
