/**
 * The names a FROM can use on a cluster: its open indices, aliases and data streams, through the
 * resolve-index API (one request, whatever the number of indices). `expand_wildcards=open` leaves
 * hidden ones out — system indices and data streams' `.ds-` backing indices — which an analyst
 * names through their data stream; closed indices cannot be searched.
 */
import 'server-only';
import type { Client } from '@elastic/elasticsearch';
import { z } from 'zod';
import type { ClusterCompat } from './elasticsearch-compat';
import { toBackendError, type ErrorContext } from './elasticsearch-errors';
import type { SourcesResult } from './types';

/** A cluster with more names than this lists the first ones: the editor's completion needs no more. */
export const MAX_SOURCES = 10_000;

const named = z.object({ name: z.string(), attributes: z.array(z.string()).optional() });
const resolveSchema = z.object({
  indices: z.array(named).default([]),
  aliases: z.array(named).default([]),
  data_streams: z.array(named).default([]),
});

export interface SourcesDeps {
  client: Client;
  compat: ClusterCompat;
  context: ErrorContext;
  requestTimeoutMs: number;
  retries?: { maxRetries?: number; retryBackoff?: (min: number, max: number, attempt: number) => number };
}

export async function listClusterSources(deps: SourcesDeps, signal?: AbortSignal): Promise<SourcesResult> {
  if (signal?.aborted) return { ok: false, error: { kind: 'cancelled', message: 'The request was cancelled' } };
  let body: unknown;
  try {
    body = await deps.client.indices.resolveIndex(
      { name: '*', expand_wildcards: 'open' },
      { headers: deps.compat.headers, requestTimeout: deps.requestTimeoutMs, ...deps.retries, ...(signal ? { signal } : {}) },
    );
  } catch (err) {
    return { ok: false, error: toBackendError(err, deps.context) };
  }
  const read = resolveSchema.safeParse(body);
  if (!read.success) {
    return { ok: false, error: { kind: 'bad_response', message: `Elasticsearch at ${deps.context.target} sent a resolve-index answer Huntboard cannot read` } };
  }
  const visible = (item: z.infer<typeof named>) => !(item.attributes ?? []).includes('hidden') && !item.name.startsWith('.');
  const names = [...read.data.indices, ...read.data.aliases, ...read.data.data_streams].filter(visible).map((i) => i.name);
  return { ok: true, sources: [...new Set(names)].sort().slice(0, MAX_SOURCES) };
}
