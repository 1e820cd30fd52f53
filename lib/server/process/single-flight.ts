/**
 * Identical queries arriving together share one backend execution: fifty analysts opening the
 * same hunt page at 09:00 cost one DuckDB scan (or one cluster query), not fifty. Nothing is
 * cached: an entry lives only while its execution runs, so a later request always sees fresh data.
 *
 * Callers hold a reference on the execution. One caller leaving (closed tab, Cancel) answers that
 * caller at once with `cancelled` and leaves the execution to the others; only when every caller
 * has left is the execution itself aborted, so a cancelled query still stops the server's work.
 */
import 'server-only';
import { writeFile } from 'node:fs/promises';
import type { Backend, QueryRequest } from '../../backends/types';
import type { QueryResult } from '../../model/esql';

/** Calls that asked for an execution, and executions actually started (calls - executions were shared). */
export interface FlightStats {
  calls: number;
  executions: number;
}

export interface SingleFlight<T> {
  /** `run` starts at most once per `key` at a time; everyone asking meanwhile gets its result (the same object: treat it as read-only). */
  run(key: string, run: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Executions in progress. */
  inFlight(): number;
  stats(): FlightStats;
}

interface Flight<T> {
  promise: Promise<T>;
  controller: AbortController;
  callers: number;
}

/** `cancelled` is what a caller who left gets: errors are data here, so leaving is an answer, not a throw. */
export function createSingleFlight<T>(cancelled: (reason: unknown) => T, onSettled?: (stats: FlightStats) => void): SingleFlight<T> {
  const flights = new Map<string, Flight<T>>();
  const stats: FlightStats = { calls: 0, executions: 0 };

  function start(key: string, run: (signal: AbortSignal) => Promise<T>): Flight<T> {
    const controller = new AbortController();
    stats.executions++;
    // Started through .then so that a synchronous throw in `run` is shared like a rejection.
    const promise = Promise.resolve()
      .then(() => run(controller.signal))
      .finally(() => {
        if (flights.get(key) === flight) flights.delete(key);
        onSettled?.({ ...stats });
      });
    const flight: Flight<T> = { promise, controller, callers: 0 };
    flights.set(key, flight);
    return flight;
  }

  function leave(key: string, flight: Flight<T>): void {
    flight.callers--;
    if (flight.callers > 0) return;
    // Nobody waits any more: stop the work, and let the next caller start afresh rather than join an aborted run.
    if (flights.get(key) === flight) flights.delete(key);
    flight.controller.abort();
  }

  return {
    run(key, run, signal) {
      stats.calls++;
      if (signal?.aborted) return Promise.resolve(cancelled(signal.reason));
      const flight = flights.get(key) ?? start(key, run);
      flight.callers++;
      if (!signal) return flight.promise;
      return new Promise<T>((resolve, reject) => {
        let done = false;
        const onAbort = () => {
          if (done) return;
          done = true;
          leave(key, flight);
          resolve(cancelled(signal.reason));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        flight.promise.then(
          (value) => {
            signal.removeEventListener('abort', onAbort);
            if (done) return;
            done = true;
            resolve(value);
          },
          (error: unknown) => {
            signal.removeEventListener('abort', onAbort);
            if (done) return;
            done = true;
            reject(error);
          },
        );
      });
    },
    inFlight: () => flights.size,
    stats: () => ({ ...stats }),
  };
}

const backendIds = new WeakMap<Backend, number>();
let nextBackendId = 1;

/** Two backend objects are two identities even when alike: a config reload must not join the old backend's runs. */
function backendIdentity(backend: Backend): string {
  let id = backendIds.get(backend);
  if (id === undefined) {
    id = nextBackendId++;
    backendIds.set(backend, id);
  }
  return `${backend.kind}#${id}`;
}

/**
 * Same backend, text, params and pinned `now()` ⇒ the same answer, so one execution may serve all.
 * The backend is the credential boundary (every user reaches it with the server's key), so
 * sharing across users shows nobody more than their own request would. An unpinned `now` (the
 * clock) is left out: every request gets its own millisecond, and an execution that started
 * moments ago is as fresh an answer as a new one; a pinned `now` is part of the question.
 */
export function queryKey(backend: Backend, request: QueryRequest, env: Record<string, string | undefined> = process.env): string {
  const now = env.HUNTBOARD_NOW?.trim() ? (request.now?.toISOString() ?? '') : '';
  return [backendIdentity(backend), request.query, JSON.stringify(request.params ?? null), now].join('\0');
}

function cancelledResult(): QueryResult {
  return { ok: false, error: { kind: 'cancelled', message: 'The query was cancelled.' } };
}

/**
 * HUNTBOARD_SINGLE_FLIGHT_STATS=FILE writes the counters to FILE after each execution, so the load
 * test can compare backend executions with requests without any route exposing internals.
 */
function statsWriter(): ((stats: FlightStats) => void) | undefined {
  const file = process.env.HUNTBOARD_SINGLE_FLIGHT_STATS;
  if (!file) return undefined;
  let pending = false;
  let latest: FlightStats = { calls: 0, executions: 0 };
  return (stats) => {
    latest = stats;
    if (pending) return;
    pending = true;
    setTimeout(() => {
      pending = false;
      writeFile(file, JSON.stringify(latest)).catch(() => undefined);
    }, 200).unref();
  };
}

const queries = createSingleFlight<QueryResult>(cancelledResult, statsWriter());

/** `backend.query(request)`, shared with identical requests already running. */
export function sharedQuery(backend: Backend, request: QueryRequest): Promise<QueryResult> {
  const { signal, ...rest } = request;
  return queries.run(queryKey(backend, rest), (shared) => backend.query({ ...rest, signal: shared }), signal);
}

const sharing = new WeakMap<Backend, Backend>();

/**
 * The same backend with its queries shared. One wrapper per backend, so what is cached per backend
 * object (its label for saved runs) stays cached.
 */
export function sharingQueries(backend: Backend): Backend {
  let wrapped = sharing.get(backend);
  if (!wrapped) {
    const listSources = backend.listSources?.bind(backend);
    wrapped = {
      kind: backend.kind,
      query: (request) => sharedQuery(backend, request),
      describe: () => backend.describe(),
      ...(listSources ? { listSources } : {}),
      close: () => backend.close(),
    };
    sharing.set(backend, wrapped);
  }
  return wrapped;
}

export function sharedQueryStats(): FlightStats {
  return queries.stats();
}
