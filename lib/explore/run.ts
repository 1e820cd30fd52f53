/**
 * Explore's run: the analyst's own ES|QL over the chosen window, on the configured backend, with
 * the request's signal (a closed tab or Cancel stops the query). Viewing only: nothing is written
 * to the app state. `truncated` when the result is as long as the query's effective LIMIT (its
 * last LIMIT, else Elasticsearch's implicit 1,000; never over 10,000).
 */
import 'server-only';
import type { ExploreResponse } from '../model/api';
import type { Backend } from '../backends/types';
import { resultFindings } from '../esql';
import { toExploreError } from './errors';
import { parseExplore, prepareExplore, windowedPatterns } from './prepare';
import type { ExploreInput } from './request';
import { hasTimestamp, type SourceCatalog } from './sources';

export async function runExplore(backend: Backend, input: ExploreInput, now: Date, catalog: SourceCatalog, signal?: AbortSignal): Promise<ExploreResponse> {
  const parsed = parseExplore(input.query);
  if (!parsed.ok) return parsed;
  const patterns = windowedPatterns(parsed.query, input);
  const timestamped = patterns ? await hasTimestamp(catalog, backend, patterns) : undefined;
  const prepared = prepareExplore(parsed.query, input, now, timestamped);
  if (!prepared.ok) return prepared;
  const { query, text, params, window } = prepared.prepared;
  const result = await backend.query({ query: text, ...(params.length ? { params } : {}), now, ...(signal ? { signal } : {}) });
  if (!result.ok) return { ok: false, error: toExploreError(result.error, backend.kind) };
  const truncated = resultFindings(query, result.response.values.length).length > 0;
  return { ok: true, effectiveQuery: text, params, window, result: result.response, truncated };
}
