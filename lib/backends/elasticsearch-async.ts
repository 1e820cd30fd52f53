/**
 * One ES|QL query through the async API: submit, poll until done, and cancel (DELETE) on abort or
 * timeout so an abandoned query stops using the cluster (docs/esql-semantics.md §2.1).
 *
 * Retries: the submit is not idempotent (a retried submit may start the query twice), so it is
 * sent with maxRetries 0. Polls and deletes are idempotent and keep the client's retries
 * (502/503/504, connection errors); a 429 on a poll waits for Retry-After and polls again.
 */
import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import { errors, type Client } from '@elastic/elasticsearch';
import { z } from 'zod';
import type { ClusterCompat } from './elasticsearch-compat';
import { parseRetryAfter, toBackendError, type ErrorContext } from './elasticsearch-errors';
import { parseWarnings } from './elasticsearch-warnings';
import type { QueryRequest } from './types';
import type { BackendError, EsqlValue, QueryResult } from '../model/esql';

export interface AsyncQueryDeps {
  client: Client;
  compat: ClusterCompat;
  context: ErrorContext;
  requestTimeoutMs: number;
  queryTimeoutMs: number;
  /** Server-side wait of each submit/poll before answering "still running". */
  waitForCompletion?: string;
  /** Used when a 429 on a poll carries no Retry-After. */
  defaultRetryAfterMs?: number;
  idempotentRetries?: number;
  retryBackoff?: (min: number, max: number, attempt: number) => number;
}

const DEFAULT_RETRIES = 2;

const runningSchema = z.object({ id: z.string().optional(), is_running: z.boolean().optional() });

const resultSchema = z.object({
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  values: z.array(z.array(z.unknown())),
  took: z.number().optional(),
  is_partial: z.boolean().optional(),
});

interface Reply {
  body: unknown;
  warnings: string[] | null;
}

type StopReason = 'cancelled' | 'timeout';

export async function runAsyncQuery(deps: AsyncQueryDeps, request: QueryRequest): Promise<QueryResult> {
  if (request.signal?.aborted) return failure({ kind: 'cancelled', message: 'The query was cancelled' });
  const started = performance.now();
  const control = new AbortController();
  let stopReason: StopReason | undefined;
  const stop = (reason: StopReason) => {
    stopReason ??= reason;
    control.abort();
  };
  const onAbort = () => stop('cancelled');
  request.signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => stop('timeout'), deps.queryTimeoutMs);
  let id: string | undefined;
  let running = false;

  try {
    const submitted = await submit(deps, request, control.signal);
    const warnings: (string[] | null)[] = [submitted.warnings];
    let reply = submitted;
    let state = runningSchema.safeParse(reply.body);
    id = state.success ? state.data.id : undefined;
    running = state.success && state.data.is_running === true;
    while (state.success && state.data.is_running === true) {
      if (id === undefined) return failure(badResponse(deps, 'reported a running query without an id'));
      reply = await poll(deps, id, control.signal);
      warnings.push(reply.warnings);
      state = runningSchema.safeParse(reply.body);
    }
    running = false;
    // A query that outlived the submit wait is stored server-side: free it now we have the result.
    if (id !== undefined) await remove(deps, id);
    return toResult(deps, reply.body, parseWarnings(...warnings), performance.now() - started);
  } catch (err) {
    if (stopReason !== undefined) {
      if (id !== undefined && running) await remove(deps, id);
      return failure(
        stopReason === 'cancelled'
          ? { kind: 'cancelled', message: 'The query was cancelled' }
          : { kind: 'timeout', message: `The query did not finish within ${deps.queryTimeoutMs} ms and was cancelled` },
      );
    }
    if (id !== undefined && running) await remove(deps, id);
    return failure(toBackendError(err, deps.context));
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onAbort);
  }
}

async function submit(deps: AsyncQueryDeps, request: QueryRequest, signal: AbortSignal): Promise<Reply> {
  const result = await deps.client.esql.asyncQuery(
    {
      query: request.query,
      // Passed through as given: values are never spliced into the query text.
      ...(request.params !== undefined ? { params: request.params as never } : {}),
      columnar: false,
      format: 'json',
      wait_for_completion_timeout: deps.waitForCompletion ?? '1s',
      keep_on_completion: false,
    },
    { meta: true, headers: deps.compat.headers, signal, requestTimeout: deps.requestTimeoutMs, maxRetries: 0 },
  );
  return { body: result.body, warnings: result.warnings };
}

async function poll(deps: AsyncQueryDeps, id: string, signal: AbortSignal): Promise<Reply> {
  for (;;) {
    try {
      const result = await deps.client.esql.asyncQueryGet(
        { id, wait_for_completion_timeout: deps.waitForCompletion ?? '1s', format: 'json' },
        { meta: true, headers: deps.compat.headers, signal, requestTimeout: deps.requestTimeoutMs, ...idempotent(deps) },
      );
      return { body: result.body, warnings: result.warnings };
    } catch (err) {
      if (!(err instanceof errors.ResponseError) || err.statusCode !== 429) throw err;
      const seconds = parseRetryAfter(err.meta.headers?.['retry-after']);
      await sleep(seconds !== undefined ? seconds * 1000 : (deps.defaultRetryAfterMs ?? 1000), undefined, { signal });
    }
  }
}

/** Best effort: a failed cancel must not hide the query's own outcome. */
async function remove(deps: AsyncQueryDeps, id: string): Promise<void> {
  try {
    await deps.client.esql.asyncQueryDelete(
      { id },
      { headers: deps.compat.headers, requestTimeout: Math.min(deps.requestTimeoutMs, 5000), ...idempotent(deps) },
    );
  } catch {
    // The stored result expires on its own (keep_alive).
  }
}

function idempotent(deps: AsyncQueryDeps): { maxRetries: number; retryBackoff?: AsyncQueryDeps['retryBackoff'] } {
  return {
    maxRetries: deps.idempotentRetries ?? DEFAULT_RETRIES,
    ...(deps.retryBackoff !== undefined ? { retryBackoff: deps.retryBackoff } : {}),
  };
}

function toResult(deps: AsyncQueryDeps, body: unknown, warnings: string[], measuredMs: number): QueryResult {
  if (typeof body !== 'object' || body === null) {
    return failure(badResponse(deps, 'sent a body that is not JSON'));
  }
  const parsed = resultSchema.safeParse(body);
  if (!parsed.success) return failure(badResponse(deps, 'sent a query response without valid columns and values'));
  const { columns, values, took, is_partial } = parsed.data;
  return {
    ok: true,
    response: {
      columns: columns.map(({ name, type }) => ({ name, type })),
      values: values as EsqlValue[][],
      warnings,
      took: took ?? Math.round(measuredMs),
      is_partial: is_partial ?? false,
    },
  };
}

function badResponse(deps: AsyncQueryDeps, what: string): BackendError {
  return { kind: 'bad_response', message: `Elasticsearch at ${deps.context.target} ${what}` };
}

function failure(error: BackendError): QueryResult {
  return { ok: false, error };
}
