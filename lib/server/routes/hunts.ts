/**
 * The hunt-query API routes share everything but their last step: check the role, validate the body, find
 * and prepare the query, then run (view), save as a run, add context, or drill down. Route files stay one line each.
 */
import 'server-only';
import type { z } from 'zod';
import { contextBodySchema, eventBodySchema, eventsBodySchema, prepareFromRoute, readBody, runBodySchema } from '../http/requests';
import { backendOrError, json, type Answer } from '../http/respond';
import { runContext } from '../../hunts/run/context';
import { runHistogram } from '../../hunts/run/histogram';
import { runEvent, runEvents } from '../../hunts/run/events';
import { runPrepared } from '../../hunts/run/run-prepared';
import { recordPageRun } from '../process/app-state';
import { serverNow } from '../process/now';
import type { PreparedQuery } from '../../hunts/run/prepare';
import type { SaveRunResponse } from '../../model/api';
import type { Backend } from '../../backends/types';
import type { Action } from '../../auth/roles';
import { authorizeWrite } from '../http/authorize';

export interface HuntRouteContext {
  params: Promise<{ id: string; n: string }>;
}

type Step<T> = (backend: Backend, prepared: PreparedQuery, body: T, now: Date, signal: AbortSignal) => Promise<Answer>;

function huntRoute<T extends z.infer<typeof runBodySchema>>(action: Action, schema: z.ZodType<T>, step: Step<T>) {
  return async (request: Request, context: HuntRouteContext): Promise<Response> => {
    const auth = await authorizeWrite(request, action);
    if (!auth.ok) return auth.response;
    const { id, n } = await context.params;
    const body = await readBody(request, schema);
    if (!body.ok) return json(body);
    const now = serverNow();
    const prepared = await prepareFromRoute(id, n, body.value, now);
    if (!prepared.ok) return json(prepared);
    const backend = backendOrError();
    if (!backend.ok) return json(backend);
    return json(await step(backend.backend, prepared.value, body.value, now, request.signal));
  };
}

// Viewing a hunt is not a run of record: reloads, tabs and windows must leave the review untouched.
export const runRoute = huntRoute('run', runBodySchema, (backend, prepared, _body, now, signal) => runPrepared(backend, prepared, now, signal));

/**
 * "Save as run": the query the page shows, run again and recorded as a review run. A query that
 * fails is answered with its error and not saved: the button is there to keep a result worth reviewing.
 */
export const saveRoute = huntRoute('save-run', runBodySchema, async (backend, prepared, _body, now, signal): Promise<SaveRunResponse> => {
  const t0 = performance.now();
  const response = await runPrepared(backend, prepared, now, signal);
  if (!response.ok) return response;
  const record = await recordPageRun(backend, prepared, response, now, performance.now() - t0);
  return record.saved ? { ...response, savedRun: record.id } : { ...response, notSaved: record.notSaved };
});
export const contextRoute = huntRoute('view', contextBodySchema, (backend, prepared, body, now, signal) => runContext(backend, prepared, body.rows, now, signal));
export const eventsRoute = huntRoute('view', eventsBodySchema, (backend, prepared, body, now, signal) => runEvents(backend, prepared, body.key, body.columns, now, signal, body.filters));
export const eventRoute = huntRoute('view', eventBodySchema, (backend, prepared, body, now, signal) => runEvent(backend, prepared, body.key, body.eventId, now, signal));
// The window and variant decide the histogram, as they decide the run: a body of the run's own shape.
export const histogramRoute = huntRoute('view', runBodySchema, (backend, prepared, _body, now, signal) => runHistogram(backend, prepared, now, signal));
