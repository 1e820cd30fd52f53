/**
 * A saved run's drill-down over HTTP: `POST /api/runs/[id]/events` and `/api/runs/[id]/event`.
 * Validate, authorize (view), find the run, call lib/hunts/run/run-events (an imported run's events
 * come from its bundle: lib/bundle/imported-events); route files stay one line.
 */
import 'server-only';
import { z } from 'zod';
import { getRunHeader, type OkRunHeader } from '../../appstate/runs';
import { apiError, type ApiError } from '../../model/api';
import { bundleOfRun, type ImportedBundle } from '../../bundle/imported';
import { importedRunEvent, importedRunEvents } from '../../bundle/imported-events';
import { runFindingEvent, runFindingEvents } from '../../hunts/run/run-events';
import { serverAppState } from '../process/app-state';
import { authorizeWrite } from '../http/authorize';
import { readBody } from '../http/requests';
import { eventFiltersSchema } from '../../hunts/run/event-filters';
import { backendOrError, json, type Answer } from '../http/respond';
import type { Backend } from '../../backends/types';

const scalar = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);
const key = z.array(z.union([scalar, z.array(scalar).max(1000)])).min(1).max(32);
export const runEventsBodySchema = z.object({ key, columns: z.array(z.string().min(1).max(300)).max(300).optional(), filters: eventFiltersSchema.optional() }).strict();
export const runEventBodySchema = z.object({ key, eventId: z.string().min(1).max(300) }).strict();

export interface RunRouteContext {
  params: Promise<{ id: string }>;
}

type Found = { ok: true; run: OkRunHeader; bundle?: ImportedBundle } | { ok: false; error: ApiError };

/** The saved, successful run the URL names, and the bundle it came in if it was imported. */
export function runForEvents(raw: string): Found {
  const id = Number(raw);
  const db = serverAppState();
  const run = Number.isSafeInteger(id) && id > 0 ? getRunHeader(db, id) : undefined;
  if (!run) return { ok: false, error: apiError('not_found', `There is no saved run #${raw.slice(0, 20)}.`, 'Go back to the saved runs to pick one.') };
  if (run.status !== 'ok') return { ok: false, error: apiError('bad_request', `Run #${run.id} failed, so it has no findings to drill into.`) };
  const bundle = bundleOfRun(db, run.id);
  return bundle ? { ok: true, run, bundle } : { ok: true, run };
}

type Step<T> = (backend: Backend, run: OkRunHeader, body: T, signal: AbortSignal) => Promise<Answer>;
/** An imported run's events came in its bundle: this Huntboard's backend may hold none of them. */
type Saved<T> = (run: OkRunHeader, bundle: ImportedBundle, body: T) => Answer;

function runRoute<T>(schema: z.ZodType<T>, step: Step<T>, saved: Saved<T>) {
  return async (request: Request, context: RunRouteContext): Promise<Response> => {
    const auth = await authorizeWrite(request, 'view');
    if (!auth.ok) return auth.response;
    const body = await readBody(request, schema);
    if (!body.ok) return json(body);
    const found = runForEvents((await context.params).id);
    if (!found.ok) return json(found);
    if (found.bundle) return json(saved(found.run, found.bundle, body.value));
    const backend = backendOrError();
    if (!backend.ok) return json(backend);
    return json(await step(backend.backend, found.run, body.value, request.signal));
  };
}

export const runEventsRoute = runRoute(
  runEventsBodySchema,
  (backend, run, body, signal) => runFindingEvents(backend, run, body.key, body.columns, signal, body.filters),
  (run, bundle, body) =>
    body.filters?.length
      ? { ok: false, error: apiError('bad_request', `Run #${run.id} was imported: its events are those its bundle carried, with no query here to filter them by.`, 'Remove the filters from the address.') }
      : importedRunEvents(serverAppState(), run.id, bundle, body.key),
);
export const runEventRoute = runRoute(
  runEventBodySchema,
  (backend, run, body, signal) => runFindingEvent(backend, run, body.key, body.eventId, signal),
  (run, _bundle, body) => importedRunEvent(serverAppState(), run.id, body.key, body.eventId),
);
