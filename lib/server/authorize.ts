/**
 * The one server-side gate for routes: who is asking, and may they do this? Until accounts are
 * wired in (lib/auth), every request is the local single-user lead.
 */
import { can, refusal, type Action, type Identity } from '../auth/roles';

export type Authorized = { ok: true; who: Extract<Identity, { kind: 'user' }> } | { ok: false; response: Response };

export function localUser(env: Record<string, string | undefined> = process.env): Extract<Identity, { kind: 'user' }> {
  return { kind: 'user', username: env.HUNTBOARD_USER?.trim() || 'local analyst', role: 'lead', via: 'single-user' };
}

export async function authorize(_request: Request, action: Action): Promise<Authorized> {
  const who = localUser();
  if (!can(who.role, action)) {
    return { ok: false, response: Response.json({ ok: false, error: { kind: 'forbidden', message: refusal(who.role, action) } }, { status: 403 }) };
  }
  return { ok: true, who };
}
