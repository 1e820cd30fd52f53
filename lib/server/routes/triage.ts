/**
 * Triage API: read a finding's state and history, change it. Writes are optimistic (409 with the
 * newer state on a stale version), same-origin only, by a role that may triage, signed with
 * the user's name. The query named is resolved to its triage group first: the answer is the state
 * every query of the hunt with the same keys shares, and names those queries.
 */
import 'server-only';
import { z } from 'zod';
import type { AppDatabase } from '../../appstate/database';
import { getTriage, storedTriageGroup, triageHistory, updateTriage } from '../../appstate/triage';
import { findHunt, loadCatalogue } from '../../hunts/catalogue';
import { queriesSharingTriage, triageGroupOf } from '../../hunts/finding-group';
import { queryLabels } from '../../hunts/query-labels';
import { TRIAGE_STATUSES, type FindingRef, type TriageShare } from '../../model/triage';
import { apiError } from '../../model/api';
import { serverAppState } from '../process/app-state';
import { authorize, authorizeWrite } from '../http/authorize';
import { serverNow } from '../process/now';
import { readBody } from '../http/requests';
import { NO_STORE, refusal } from '../http/error-status';

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

const headers = NO_STORE;

interface Grouped {
  ref: FindingRef;
  sharedBy: TriageShare[];
}

/** The ref under its triage group, by the catalogue; a hunt it no longer holds (imported) by its runs. */
async function grouped(db: AppDatabase, finding: FindingRef): Promise<Grouped> {
  const hunt = findHunt(await loadCatalogue(), finding.huntId);
  if (!hunt) return { ref: { ...finding, queryNumber: storedTriageGroup(db, finding.huntId, finding.queryNumber) }, sharedBy: [] };
  const sharing = queriesSharingTriage(hunt, finding.queryNumber);
  const labels = queryLabels(hunt);
  return {
    ref: { ...finding, queryNumber: triageGroupOf(hunt, finding.queryNumber) },
    sharedBy: sharing.length > 1 ? sharing.map((n) => ({ queryNumber: n, label: labels.get(n) ?? `Query ${n}` })) : [],
  };
}

function answer(db: AppDatabase, { ref, sharedBy }: Grouped) {
  return { state: getTriage(db, ref), history: triageHistory(db, ref), sharedBy };
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
  if (!parsed.success) return refusal(apiError('bad_request', 'Name the finding: hunt, query and key.'));
  const db = serverAppState();
  return Response.json({ ok: true, ...answer(db, await grouped(db, parsed.data)) }, { headers });
}

export async function postTriageRoute(request: Request): Promise<Response> {
  const auth = await authorizeWrite(request, 'triage');
  if (!auth.ok) return auth.response;
  const body = await readBody(request, changeSchema);
  if (!body.ok) return refusal(body.error);
  const { expectedVersion, status, assignee, note, ...finding } = body.value;
  const db = serverAppState();
  const group = await grouped(db, finding);
  const write = updateTriage(db, group.ref, {
    expectedVersion,
    ...(status !== undefined ? { status } : {}),
    ...(assignee !== undefined ? { assignee: assignee?.trim() || null } : {}),
    ...(note !== undefined ? { note } : {}),
    who: auth.who.username,
    at: serverNow().toISOString(),
  });
  if (!write.ok && write.reason === 'invalid') return refusal(apiError('bad_request', write.message));
  if (!write.ok) return Response.json({ ok: false, conflict: true, ...answer(db, group) }, { status: 409, headers });
  return Response.json({ ok: true, ...answer(db, group) }, { headers });
}
