/**
 * `POST /api/document` `{ index, id }`: one stored document, every field (the flyout's full
 * event), on either backend. Role `view`, like every route that only reads; the lookup is
 * lib/hunts/run/document.ts.
 */
import 'server-only';
import { z } from 'zod';
import { runDocument } from '../../hunts/run/document';
import { authorizeWrite } from '../http/authorize';
import { readBody } from '../http/requests';
import { backendOrError, json } from '../http/respond';
import { serverNow } from '../process/now';

export const documentBodySchema = z.object({ index: z.string().min(1).max(300), id: z.string().min(1).max(600) }).strict();

export async function documentRoute(request: Request): Promise<Response> {
  const auth = await authorizeWrite(request, 'view');
  if (!auth.ok) return auth.response;
  const body = await readBody(request, documentBodySchema);
  if (!body.ok) return json(body);
  const backend = backendOrError();
  if (!backend.ok) return json(backend);
  return json(await runDocument(backend.backend, body.value.index, body.value.id, serverNow(), request.signal));
}
