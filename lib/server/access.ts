/**
 * The server's access decision (lib/auth/access.ts), as every route and page reads it: the one
 * published at start by Huntboard's HTTP server (serve.ts), else — under `next dev` or a bare
 * `next start` — made here once, eagerly from instrumentation.ts, and never again for this process.
 */
import { decideAccess, type AccessDecision } from '../auth/access';
import { publishAccess, publishedAccess } from '../auth/server-access';
import { readAuthSettings } from '../auth/settings';
import { countUsers } from '../auth/users';
import type { AppDatabase } from '../appstate/db';
import { serverAppState } from './app-state';

type Env = Record<string, string | undefined>;

export class AccessSettingsError extends Error {
  constructor(readonly errors: string[]) {
    super(`Huntboard cannot start:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
    this.name = 'AccessSettingsError';
  }
}

/** The decision for these settings and this app state (pure but for the count); errors as a throw of AccessSettingsError. */
export function decideFrom(env: Env, db: AppDatabase, options: { peerHeader: boolean }): AccessDecision {
  const settings = readAuthSettings(env);
  if (!settings.ok) throw new AccessSettingsError(settings.errors);
  return decideAccess(settings.settings, countUsers(db), options);
}

/** The decision in force for this process; the first call makes it when nobody published one. */
export function serverAccess(): AccessDecision {
  return publishedAccess() ?? publishAccess(decideFrom(process.env, serverAppState(), { peerHeader: false }));
}
