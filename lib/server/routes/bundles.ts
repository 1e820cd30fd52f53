/**
 * Bundle API and page reads. GET /api/bundle/export?week=YYYY-MM-DD downloads a week as one gzip
 * file; POST /api/bundle/import takes the file's bytes as the body (same-origin, bounded) and
 * answers with what was imported. Handlers are built from their dependencies so tests run them
 * on a state of their own.
 */
import 'server-only';
import { apiError, type ApiError } from '../../model/api';
import type { AppDatabase } from '../../appstate/database';
import { exportWeek } from '../../bundle/export';
import { firstSeenLookbackDays } from '../../hunts/first-seen-query';
import { bundleStream } from '../../bundle/encode-stream';
import { importBundle } from '../../bundle/import-thread';
import { listBundles, type ImportedBundle } from '../../bundle/imported';
import { bundleFileName } from '../../bundle/week';
import { weekOfDay } from '../../review/week-bounds';
import type { Backend } from '../../backends/types';
import { serverAppState } from '../process/app-state';
import { authorize, authorizeWrite } from '../http/authorize';
import { serverNow } from '../process/now';
import { backendOrError } from '../http/respond';
import { NO_STORE, refusal } from '../http/error-status';

/** The largest upload accepted: a bundle holds at most 200 MB of JSON, which gzip makes much smaller. */
export const MAX_BUNDLE_UPLOAD_BYTES = 100 * 1024 * 1024;
/** The header the import form names the file in (the body is the file itself). */
export const FILE_NAME_HEADER = 'x-bundle-file-name';

export interface BundleRouteDeps {
  db(): AppDatabase;
  backend(): { ok: true; backend: Backend } | { ok: false; error: ApiError };
  now(): Date;
  maxUploadBytes?: number;
}

const defaultDeps: BundleRouteDeps = {
  db: () => serverAppState(),
  backend: backendOrError,
  now: () => serverNow(),
};

const headers = NO_STORE;

/** The body, read no further than `max` bytes (a hostile client may announce no length, or lie). */
async function boundedBody(request: Request, max: number): Promise<Uint8Array | undefined> {
  const announced = Number(request.headers.get('content-length'));
  if (Number.isFinite(announced) && announced > max) return undefined;
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export function bundleRoutes(deps: BundleRouteDeps = defaultDeps) {
  async function exportRoute(request: Request): Promise<Response> {
    const auth = await authorize(request, 'export');
    if (!auth.ok) return auth.response;
    const week = weekOfDay(new URL(request.url).searchParams.get('week') ?? '');
    if (!week.ok) return refusal(apiError('bad_request', week.message));
    const backend = deps.backend();
    // Misconfigured: the export cannot start, whatever the request (503, not the 400 of its kind).
    if (!backend.ok) return refusal(backend.error, { status: 503 });
    const bundle = await exportWeek(deps.db(), backend.backend, week.week, deps.now(), { signal: request.signal, firstSeenLookbackDays: firstSeenLookbackDays() });
    // Streamed and compressed in slices: a big week is never one string on this thread.
    return new Response(bundleStream(bundle), {
      headers: {
        ...headers,
        'content-type': 'application/gzip',
        'content-disposition': `attachment; filename="${bundleFileName(week.week)}"`,
      },
    });
  }

  async function importRoute(request: Request): Promise<Response> {
    const auth = await authorizeWrite(request, 'import');
    if (!auth.ok) return auth.response;
    const max = deps.maxUploadBytes ?? MAX_BUNDLE_UPLOAD_BYTES;
    const body = await boundedBody(request, max);
    if (!body) return refusal(apiError('bad_request', `The file is larger than ${Math.round(max / 1024 / 1024)} MB; it is not a bundle Huntboard reads.`), { status: 413 });
    if (body.byteLength === 0) return refusal(apiError('bad_request', 'No file: send the bundle’s bytes as the request body.'));
    // Off the request thread (a worker): other users' requests are answered meanwhile. The file
    // name is reduced to a display name by the import itself (lib/bundle/file-name).
    const result = await importBundle(deps.db(), body, { fileName: request.headers.get(FILE_NAME_HEADER) ?? '', who: auth.who.username, now: deps.now() });
    if (result.ok) return Response.json({ ok: true, summary: result.summary }, { headers });
    const kind = ({ invalid: 'bad_request', duplicate: 'conflict', disk_full: 'disk_full' } as const)[result.reason];
    return refusal(apiError(kind, result.message));
  }

  return { exportRoute, importRoute };
}

const routes = bundleRoutes();
export const getBundleExportRoute = routes.exportRoute;
export const postBundleImportRoute = routes.importRoute;

/** The pages' reads. */
export function importedBundles(db: AppDatabase = serverAppState()): (ImportedBundle & { runIds: number[] })[] {
  return listBundles(db);
}
