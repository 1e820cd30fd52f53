/**
 * The one server-side gate for routes and pages: who is asking (lib/auth/identify), and may they
 * do this? `authorizeWith` is the pure decision over a given database and mode; `authorize` binds
 * it to the server's app state, its access decision made at start (process/access.ts) and its clock.
 */
import 'server-only';
import { headers as requestHeaders } from 'next/headers';
import { redirect } from 'next/navigation';
import type { AppDatabase } from '../../appstate/database';
import { identify, type UserIdentity } from '../../auth/identify';
import type { AuthMode } from '../../auth/mode';
import { signInPath } from '../../auth/next-path';
import { can, refusal, signInPrompt, type Action, type Identity } from '../../auth/roles';
import { serverAccess } from '../process/access';
import { serverAppState } from '../process/app-state';
import { checkWrite } from './csrf';
import { refusal as refusalOf } from './error-status';
import { apiError } from '../../model/api';
import { serverNow } from '../process/now';

export type Authorized = { ok: true; who: Extract<Identity, { kind: 'user' }> } | { ok: false; response: Response };

export function authorizeWith(db: AppDatabase, headers: Headers, action: Action, mode: AuthMode, now: Date): Authorized {
  const who = identify(headers, db, mode, now);
  if (who.kind === 'anonymous') {
    return { ok: false, response: refusalOf(apiError('unauthenticated', signInPrompt(action))) };
  }
  if (!can(who.role, action)) {
    return { ok: false, response: refusalOf(apiError('forbidden', refusal(who.role, action))) };
  }
  return { ok: true, who };
}

export async function authorize(request: Request, action: Action): Promise<Authorized> {
  return authorizeWith(serverAppState(), request.headers, action, serverAccess().mode, serverNow());
}

/** A write: from Huntboard's own page with its CSRF token (csrf.ts), then by a role that may do it. */
export async function authorizeWrite(request: Request, action: Action): Promise<Authorized> {
  const refused = checkWrite(request);
  return refused ? { ok: false, response: refused } : authorize(request, action);
}

/** Who is looking at a server-rendered page (to show or hide controls; routes still check). */
export async function currentIdentity(): Promise<Identity> {
  return identify(await requestHeaders(), serverAppState(), serverAccess().mode, serverNow());
}

/** For pages: the user looking, or (anonymous) a redirect to the sign-in page that comes back to `path`. */
export async function pageUser(path: string): Promise<UserIdentity> {
  const who = await currentIdentity();
  if (who.kind === 'anonymous') redirect(signInPath(path));
  return who;
}
