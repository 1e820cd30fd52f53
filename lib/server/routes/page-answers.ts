/**
 * The first API call of the hunt page and of its drill-down, answered while the server renders the
 * page, so the table comes with the HTML in one round trip instead of after hydration and a POST.
 * The same steps as the API route (lib/server/routes/hunts.ts): the role, the body's schema, the
 * prepared query, the shared backend (identical concurrent queries run once), the same runner; the
 * request is the one the browser would make from the same URL, so its answer is keyed by it.
 */
import 'server-only';
import type { z } from 'zod';
import type { EventsResponse, RunResponse } from '../../model/api';
import { isPending, jsonText, type Failed, type InitialCall, type JsonText } from '../../model/initial-call';
import type { Hunt } from '../../hunts/types';
import { can, type Role } from '../../auth/roles';
import { querySummaries } from '../../hunts/query-summaries';
import { runPrepared } from '../../hunts/run/run-prepared';
import { runEvents } from '../../hunts/run/events';
import type { PreparedQuery } from '../../hunts/run/prepare';
import type { Backend } from '../../backends/types';
import { parseEventsState, parseHuntState } from '../../view/url/hunt-url';
import { eventsRequest, runRequest } from '../../view/url/api-requests';
import { eventsBodySchema, parseBody, prepareFromRoute, runBodySchema } from '../http/requests';
import { backendOrError } from '../http/respond';
import { unexpectedError } from '../http/unexpected-error';
import { serverNow } from '../process/now';

export type PageSearch = Record<string, string | string[] | undefined>;

export function searchOf(search: PageSearch): URLSearchParams {
  const out = new URLSearchParams();
  for (const [name, value] of Object.entries(search)) for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) out.append(name, v);
  return out;
}

const queriesPath = (huntId: string, n: number) => `/api/hunts/${encodeURIComponent(huntId)}/queries/${n}`;

/** The hunt page's run of the query its URL shows (QueryPanel's request), or none to leave to the browser. */
export function pageRun(hunt: Hunt, search: PageSearch, role: Role): InitialCall<RunResponse> | undefined {
  const state = parseHuntState(searchOf(search));
  const queries = querySummaries(hunt);
  const current = queries.find((q) => q.number === state.query) ?? queries[0];
  if (!current?.runnable || !can(role, 'run')) return undefined;
  const body = runRequest(state);
  return {
    url: `${queriesPath(hunt.id, current.number)}/run`,
    body,
    answer: answer(hunt.id, current.number, runBodySchema, body, (backend, prepared, _body, now) => runPrepared(backend, prepared, now)),
  };
}

/** The drill-down's events for the row its URL names (EventsWorkspace's request), or none. */
export function pageEvents(hunt: Hunt, search: PageSearch, role: Role): InitialCall<EventsResponse> | undefined {
  const state = parseEventsState(searchOf(search));
  if (state.key.length === 0 || !can(role, 'view')) return undefined;
  const body = eventsRequest(state);
  return {
    url: `${queriesPath(hunt.id, state.query)}/events`,
    body,
    answer: answer(hunt.id, state.query, eventsBodySchema, body, (backend, prepared, parsed, now) => runEvents(backend, prepared, parsed.key, parsed.columns, now, undefined, parsed.filters)),
  };
}

type Step<B, T> = (backend: Backend, prepared: PreparedQuery, body: B, now: Date) => Promise<T>;

/** Never rejects: a failure is the answer the route would give, an exception the guard's. */
async function answer<B extends z.infer<typeof runBodySchema>, T>(huntId: string, n: number, schema: z.ZodType<B>, body: unknown, step: Step<B, T>): Promise<JsonText<T | Failed>> {
  return jsonText(await answerValue(huntId, n, schema, body, step));
}

async function answerValue<B extends z.infer<typeof runBodySchema>, T>(huntId: string, n: number, schema: z.ZodType<B>, body: unknown, step: Step<B, T>): Promise<T | Failed> {
  try {
    const parsed = parseBody(body, schema);
    if (!parsed.ok) return parsed;
    const now = serverNow();
    const prepared = await prepareFromRoute(huntId, String(n), parsed.value, now);
    if (!prepared.ok) return prepared;
    const backend = backendOrError();
    if (!backend.ok) return backend;
    return await step(backend.backend, prepared.value, parsed.value, now);
  } catch (e) {
    console.error(`huntboard: rendering ${queriesPath(huntId, n)} failed:`, e);
    return { ok: false, error: unexpectedError(e, 'read') };
  }
}

/**
 * How long a page waits for its first answer before it streams without it. An answer in by then
 * is in the HTML itself, where the table shows before any script runs (or with none); a slower
 * backend, or a server busy with another user's work, gets the page's frame at once and the
 * answer's place shows the run in progress until the answer streams in. Below the 500 ms a page
 * has to be usable in, so the wait never costs the analyst a blank screen beyond it.
 */
export const PAGE_ANSWER_WAIT_MS = 400;

/** The call with its answer when it comes within `ms`, else with the answer's promise to stream. */
export async function settleBriefly<T>(call: InitialCall<T> | undefined, ms = PAGE_ANSWER_WAIT_MS): Promise<InitialCall<T> | undefined> {
  if (!call || !isPending(call.answer)) return call;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = Symbol('late');
  const answer = await Promise.race([call.answer, new Promise<typeof late>((resolve) => (timer = setTimeout(() => resolve(late), ms)))]);
  clearTimeout(timer);
  return answer === late ? call : { ...call, answer };
}
