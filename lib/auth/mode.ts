/**
 * Who may connect, decided once when the server starts (see access.ts) and fixed for the life of
 * the process: a sign-in proxy (HUNTBOARD_AUTH_PROXY_HEADER) wins; else accounts when a user
 * existed at start; else the local single-user mode of a fresh install. Adding or removing
 * accounts later never changes it — a server that started with accounts keeps asking for them
 * even when the last one is removed, until it is restarted.
 */
import 'server-only';
import type { AuthSettings } from './settings';
import type { Role } from './roles';

export type AuthMode =
  | { kind: 'single-user'; username: string }
  | { kind: 'accounts' }
  // secret undefined only when the operator opted out explicitly (HUNTBOARD_AUTH_PROXY_INSECURE=1)
  | { kind: 'proxy'; header: string; secret: string | undefined; defaultRole: Role };

export function modeFor(settings: AuthSettings, accountCount: number): AuthMode {
  if (settings.proxy) return { kind: 'proxy', ...settings.proxy };
  return accountCount > 0 ? { kind: 'accounts' } : { kind: 'single-user', username: settings.singleUserName };
}
