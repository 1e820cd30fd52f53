/**
 * Triage API: read a finding's state and history, change it. Writes are optimistic (409 with the
 * newer state on a stale version), same-origin only, by a role that may triage, signed with
 * the user's name.
 */
import { z } from 'zod';
import { getTriage, triageHistory, updateTriage } from '../appstate/triage';
import { TRIAGE_STATUSES, type FindingRef } from '../model/triage';
import { apiError } from '../hunts/run/errors';
import { serverAppState } from './app-state';
import { authorize, authorizeWrite } from './authorize';
import { serverNow } from './now';
import { readBody } from './requests';

const ref = {
  huntId: z.string().min(1).max(200),
  queryNumber: z.number().int().min(1).max(9999),
  findingKey: z.string().min(2).max(4000),
};
const changeSchema = z
  .object({
    ...ref,
    expectedVersion: z.number().int().min(0),
    status: z.enum(TRIAGE_STATUSES).optional(),
    assignee: z.string().max(100).nullable().optional(),
    note: z.string().max(10_000).optional(),
  })
  .strict();

const headers = { 'cache-control': 'no-store' };
const fail = (status: number, message: string) => Response.json({ ok: false, error: apiError('bad_request', message) }, { status, headers });

function answer(finding: FindingRef) {
  const db = serverAppState();
  return { state: getTriage(db, finding), history: triageHistory(db, finding) };
}

export async function getTriageRoute(request: Request): Promise<Response> {
  const auth = await authorize(request, 'view');
  if (!auth.ok) return auth.response;
  const url = new URL(request.url);
  const parsed = z.object(ref).safeParse({
    huntId: url.searchParams.get('hunt') ?? '',
    queryNumber: Number(url.searchParams.get('query')),
    findingKey: url.searchParams.get('key') ?? '',
  });
  if (!parsed.success) return fail(400, 'Name the finding: hunt, query and key.');
  return Response.json({ ok: true, ...answer(parsed.data) }, { headers });
}

export async function postTriageRoute(request: Request): Promise<Response> {
  const auth = await authorizeWrite(request, 'triage');
  if (!auth.ok) return auth.response;
  const body = await readBody(request, changeSchema);
  if (!body.ok) return Response.json(body, { status: 400, headers });
  const { expectedVersion, status, assignee, note, ...finding } = body.value;
  const write = updateTriage(serverAppState(), finding, {
    expectedVersion,
    ...(status !== undefined ? { status } : {}),
    ...(assignee !== undefined ? { assignee: assignee?.trim() || null } : {}),
    ...(note !== undefined ? { note } : {}),
    who: auth.who.username,
    at: serverNow().toISOString(),
  });
  if (!write.ok && write.reason === 'invalid') return fail(400, write.message);
  if (!write.ok) return Response.json({ ok: false, conflict: true, ...answer(finding) }, { status: 409, headers });
  return Response.json({ ok: true, ...answer(finding) }, { headers });
}
