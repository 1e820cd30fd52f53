/**
 * Allow-list API: add an entry (the owner is whoever is signed in) or revoke one. Same-origin,
 * by a role that may change the allow-list; entries are never deleted, so the audit trail stays.
 */
import 'server-only';
import { z } from 'zod';
import { addAllowEntry, revokeAllowEntry } from '../../appstate/allow-list';
import { apiError } from '../../model/api';
import { serverAppState } from '../process/app-state';
import { authorizeWrite } from '../http/authorize';
import { serverNow } from '../process/now';
import { readBody } from '../http/requests';
import { NO_STORE, refusal } from '../http/error-status';

const headers = NO_STORE;

const addSchema = z
  .object({
    processName: z.string().min(1).max(1000),
    agentId: z.string().min(1).max(200).nullable(),
    huntId: z.string().min(1).max(200).nullable(),
    reason: z.string().max(2000),
    expiresAt: z.string().min(10).max(40),
  })
  .strict();
const revokeSchema = z.object({ id: z.number().int().positive() }).strict();

export async function addAllowRoute(request: Request): Promise<Response> {
  const gate = await authorizeWrite(request, 'allow-list');
  if (!gate.ok) return gate.response;
  const body = await readBody(request, addSchema);
  if (!body.ok) return refusal(body.error);
  const added = addAllowEntry(serverAppState(), { ...body.value, reason: body.value.reason.trim(), owner: gate.who.username, createdAt: serverNow().toISOString() });
  return added.ok ? Response.json(added, { headers }) : refusal(apiError('bad_request', added.message));
}

export async function revokeAllowRoute(request: Request): Promise<Response> {
  const gate = await authorizeWrite(request, 'allow-list');
  if (!gate.ok) return gate.response;
  const body = await readBody(request, revokeSchema);
  if (!body.ok) return refusal(body.error);
  const revoked = revokeAllowEntry(serverAppState(), body.value.id, serverNow().toISOString());
  return revoked ? Response.json({ ok: true }, { headers }) : refusal(apiError('not_found', 'No such entry in force; it may be revoked already.'));
}
