/**
 * Allow-list API: add an entry (the owner is whoever is signed in) or revoke one. Same-origin,
 * by a role that may change the allow-list; entries are never deleted, so the audit trail stays.
 */
import { z } from 'zod';
import { addAllowEntry, revokeAllowEntry } from '../appstate/allow-list';
import { apiError } from '../hunts/run/errors';
import { serverAppState } from './app-state';
import { authorizeWrite } from './authorize';
import { serverNow } from './now';
import { readBody } from './requests';

const headers = { 'cache-control': 'no-store' };
const fail = (status: number, message: string, kind: 'bad_request' | 'not_found' = 'bad_request') => Response.json({ ok: false, error: apiError(kind, message) }, { status, headers });

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
  if (!body.ok) return Response.json(body, { status: 400, headers });
  const added = addAllowEntry(serverAppState(), { ...body.value, reason: body.value.reason.trim(), owner: gate.who.username, createdAt: serverNow().toISOString() });
  return added.ok ? Response.json(added, { headers }) : fail(400, added.message);
}

export async function revokeAllowRoute(request: Request): Promise<Response> {
  const gate = await authorizeWrite(request, 'allow-list');
  if (!gate.ok) return gate.response;
  const body = await readBody(request, revokeSchema);
  if (!body.ok) return Response.json(body, { status: 400, headers });
  const revoked = revokeAllowEntry(serverAppState(), body.value.id, serverNow().toISOString());
  return revoked ? Response.json({ ok: true }, { headers }) : fail(404, 'No such entry in force; it may be revoked already.', 'not_found');
}
