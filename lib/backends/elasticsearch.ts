/** The Elasticsearch backend: ES|QL through the official client's async query API. */
import 'server-only';
import { Client } from '@elastic/elasticsearch';
import { secretsOf, type ElasticsearchConfig } from './config';
import { runAsyncQuery } from './elasticsearch-async';
import { compatFromInfo, PLAIN_JSON_HEADERS, type ClusterCompat } from './elasticsearch-compat';
import { toBackendError, type ErrorContext } from './elasticsearch-errors';
import { listClusterSources } from './elasticsearch-sources';
import type { Backend, BackendInfo, QueryRequest } from './types';
import type { BackendError, QueryResult } from '../model/esql';

export interface ElasticsearchBackendOptions {
  /** Server-side wait per submit/poll (default `1s`); tests shorten it. */
  waitForCompletion?: string;
  defaultRetryAfterMs?: number;
  /** Retries of idempotent requests (GET /, polls, deletes); default 2. */
  idempotentRetries?: number;
  /** Seconds to wait before a retry (the client's default: exponential with jitter). */
  retryBackoff?: (min: number, max: number, attempt: number) => number;
  /** Largest answer read, in bytes (default MAX_RESPONSE_BYTES); tests lower it. */
  maxResponseBytes?: number;
}

/**
 * Largest `_query` answer read. The body is parsed in one JSON.parse on the thread that answers
 * every request, so a cluster sending millions of rows would hold the server for seconds; 32 MiB
 * parses in well under a quarter second and holds Elasticsearch's own maximum of 10,000 rows
 * (docs/esql-semantics.md §6.6) at over 3 KB a row.
 */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export interface ElasticsearchBackend extends Backend {
  readonly kind: 'elasticsearch';
}

type ClientOptions = ConstructorParameters<typeof Client>[0];

type CompatOutcome = { ok: true; compat: ClusterCompat } | { ok: false; error: BackendError };

export function createElasticsearchBackend(
  config: ElasticsearchConfig,
  options: ElasticsearchBackendOptions = {},
): ElasticsearchBackend {
  const maxResponseBytes = options.maxResponseBytes ?? MAX_RESPONSE_BYTES;
  const client = new Client({ ...clientOptions(config), maxResponseSize: maxResponseBytes, maxCompressedResponseSize: maxResponseBytes });
  const context: ErrorContext = { target: config.displayTarget, secrets: secretsOf(config), maxResponseBytes };
  // Detected once; a failed detection is not cached so the next call retries.
  let compat: Promise<CompatOutcome> | undefined;

  async function detect(): Promise<CompatOutcome> {
    try {
      // Plain JSON headers: an 8.x cluster rejects the 9.x client's compatible-with=9.
      const result = await client.info(undefined, {
        meta: true,
        headers: PLAIN_JSON_HEADERS,
        requestTimeout: config.requestTimeoutMs,
        ...retryOptions(options),
      });
      const read = compatFromInfo(result.body);
      return read.ok ? read : { ok: false, error: { kind: 'unsupported', message: read.message } };
    } catch (err) {
      return { ok: false, error: toBackendError(err, context) };
    }
  }

  function clusterCompat(): Promise<CompatOutcome> {
    const pending = compat ?? detect();
    compat = pending;
    void pending.then((outcome) => {
      if (!outcome.ok && compat === pending) compat = undefined;
    });
    return pending;
  }

  return {
    kind: 'elasticsearch',
    async query(request: QueryRequest): Promise<QueryResult> {
      const outcome = await clusterCompat();
      if (!outcome.ok) return { ok: false, error: outcome.error };
      return runAsyncQuery(
        {
          client,
          compat: outcome.compat,
          context,
          requestTimeoutMs: config.requestTimeoutMs,
          queryTimeoutMs: config.queryTimeoutMs,
          ...options,
        },
        request,
      );
    },
    async describe(): Promise<{ ok: true; info: BackendInfo } | { ok: false; error: BackendError }> {
      // Always asks the cluster: the overview shows live reachability, and an upgrade is picked up.
      const outcome = await detect();
      if (!outcome.ok) return outcome;
      compat = Promise.resolve(outcome);
      const { clusterName, version } = outcome.compat;
      return { ok: true, info: { kind: 'elasticsearch', clusterName, version } };
    },
    async listSources(signal?: AbortSignal) {
      const outcome = await clusterCompat();
      if (!outcome.ok) return outcome;
      return listClusterSources({ client, compat: outcome.compat, context, requestTimeoutMs: config.requestTimeoutMs, retries: retryOptions(options) }, signal);
    },
    async close(): Promise<void> {
      await client.close();
    },
  };
}

export function retryOptions(options: ElasticsearchBackendOptions): { maxRetries?: number; retryBackoff?: (min: number, max: number, attempt: number) => number } {
  return {
    ...(options.idempotentRetries !== undefined ? { maxRetries: options.idempotentRetries } : {}),
    ...(options.retryBackoff !== undefined ? { retryBackoff: options.retryBackoff } : {}),
  };
}

function clientOptions(config: ElasticsearchConfig): ClientOptions {
  const { auth } = config;
  return {
    ...(config.cloudId !== undefined ? { cloud: { id: config.cloudId } } : { node: config.node }),
    ...(auth.kind === 'api_key' ? { auth: { apiKey: auth.apiKey } } : {}),
    ...(auth.kind === 'basic' ? { auth: { username: auth.username, password: auth.password } } : {}),
    tls: {
      ...(config.caCert !== undefined ? { ca: config.caCert } : {}),
      rejectUnauthorized: config.tlsVerify,
    },
    requestTimeout: config.requestTimeoutMs,
    // Idempotent calls opt in per request; the async submit must not be retried.
    maxRetries: 2,
  };
}
