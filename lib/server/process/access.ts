/**
 * The server's access decision (lib/auth/access.ts), as every route and page reads it: the one
 * published at start by Huntboard's HTTP server (serve.ts), else — under `next dev` or a bare
 * `next start` — made here once, eagerly from instrumentation.ts, and never again for this process.
 */
import 'server-only';
import { cannotStart, decideFromEnv, type AccessDecision } from '../../auth/access';
import { publishAccess, publishedAccess } from '../../auth/server-access';
import { countUsers } from '../../auth/users';
import { serverAppState } from './app-state';

export class AccessSettingsError extends Error {
  constructor(readonly errors: string[]) {
    super(cannotStart(errors));
    this.name = 'AccessSettingsError';
  }
}

/** The decision in force for this process; the first call makes it when nobody published one. */
export function serverAccess(): AccessDecision {
  const published = publishedAccess();
  if (published) return published;
  const decided = decideFromEnv(process.env, () => countUsers(serverAppState()), { peerHeader: false });
  if (!decided.ok) throw new AccessSettingsError(decided.errors);
  return publishAccess(decided.access);
}
