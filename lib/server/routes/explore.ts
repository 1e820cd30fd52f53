/**
 * Explore's API: POST /api/explore runs the analyst's own ES|QL (lib/explore/run.ts); GET
 * /api/explore/sources lists what a FROM can name and resolves the patterns being typed. Both check
 * the role; the POST is a write as far as CSRF goes (it makes the server run a query), like the
 * hunt routes. Nothing is written to the app state.
 */
import 'server-only';
import { apiError, type SourcesResponse } from '../../model/api';
import { runExplore } from '../../explore/run';
import { exploreBodySchema } from '../../explore/request';
import { createSourceCatalog, type SourceCatalog } from '../../explore/sources';
import { toExploreError } from '../../explore/errors';
import { authorize, authorizeWrite } from '../http/authorize';
import { readBody } from '../http/requests';
import { backendOrError, json } from '../http/respond';
import { serverNow } from '../process/now';
import { exploreAdmission, type ExploreAdmission } from './explore-admission';

const catalog: SourceCatalog = createSourceCatalog();
const admission: ExploreAdmission = exploreAdmission();

export async function exploreRoute(request: Request): Promise<Response> {
  const auth = await authorizeWrite(request, 'run');
  if (!auth.ok) return auth.response;
  const body = await readBody(request, exploreBodySchema);
  if (!body.ok) return json(body);
  const backend = backendOrError();
  if (!backend.ok) return json(backend);
  const admitted = admission.run(auth.who.username);
  if (!admitted.ok) return admitted.response;
  try {
    return json(await runExplore(backend.backend, body.value, serverNow(), catalog, request.signal));
  } finally {
    admitted.release();
  }
}

/** `from` longer than this is not a FROM being typed. */
const MAX_FROM_CHARS = 4000;

export async function sourcesRoute(request: Request): Promise<Response> {
  const auth = await authorize(request, 'view');
  if (!auth.ok) return auth.response;
  const from = new URL(request.url).searchParams.get('from');
  if (from !== null && from.length > MAX_FROM_CHARS) return json({ ok: false, error: apiError('bad_request', `The FROM patterns are longer than ${MAX_FROM_CHARS} characters.`) });
  const backend = backendOrError();
  if (!backend.ok) return json(backend);
  const admitted = admission.sources(auth.who.username);
  if (!admitted.ok) return admitted.response;
  const listed = await catalog.list(backend.backend);
  // Listing needs `view_index_metadata`, which a key made for the hunts (`read`) may lack: the editor
  // then completes no index names but still gets the columns of what the analyst types.
  const unlisted = !listed.ok && listed.error.kind === 'authorization';
  if (!listed.ok && !unlisted) return json({ ok: false, error: toExploreError(listed.error, backend.backend.kind) });
  const answer: SourcesResponse = { ok: true, indices: listed.ok ? listed.sources : [] };
  if (from === null || from.trim() === '') return json(answer);
  const resolved = await catalog.resolve(backend.backend, from);
  if (!resolved.ok) return json({ ok: false, error: toExploreError(resolved.error, backend.backend.kind) });
  const withResolved: SourcesResponse = { ...answer, resolved: resolved.resolved };
  return json(withResolved);
}
