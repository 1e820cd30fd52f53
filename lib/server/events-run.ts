/** The raw events behind one hunt row (the drill-down), with empty columns left out. */
import type { EventsResponse } from '../api/contract';
import type { Backend, EsqlValue, QueryResponse } from '../backends/types';
import type { ColumnSchema } from '../esql/analyzed';
import { printMultiline } from '../esql/printer';
import type { EsqlType } from '../esql/types';
import { buildDrilldown, DRILLDOWN_LIMIT } from '../hunts/drilldown';
import { apiError, toApiError } from './api-error';
import type { PreparedQuery } from './prepare';
import { statsInputColumns } from './stats-input';

export async function runEvents(
  backend: Backend,
  prepared: PreparedQuery,
  key: EsqlValue[],
  now: Date,
  signal?: AbortSignal,
): Promise<EventsResponse> {
  if (prepared.keys.length === 0) return { ok: false, error: apiError('bad_request', 'This query’s rows are not aggregates of events, so there is nothing to drill into.') };
  if (key.length !== prepared.keys.length) {
    return { ok: false, error: apiError('bad_request', `The drill-down needs ${prepared.keys.length} key values (${prepared.keys.join(', ')}), got ${key.length}.`) };
  }
  const input = await statsInputColumns(backend, prepared.query, prepared.params, now, signal);
  if (!input.ok) return { ok: false, error: 'reason' in input ? apiError('bad_request', input.reason) : toApiError(input.result.error) };
  const columns: ColumnSchema[] = input.columns.map((c) => ({ name: c.name, type: c.type as EsqlType }));
  const row = Object.fromEntries(prepared.keys.map((k, i) => [k, key[i]]));
  const built = buildDrilldown(prepared.query, row, { text: prepared.originalText, columns, keepDefault: false });
  if (!built.ok) return { ok: false, error: apiError('bad_request', built.reason) };
  const text = printMultiline(built.query);
  const params = [...prepared.params, ...built.params];
  const result = await backend.query({ query: text, ...(params.length ? { params } : {}), now, ...(signal ? { signal } : {}) });
  if (!result.ok) return { ok: false, error: toApiError(result.error) };
  return {
    ok: true,
    effectiveQuery: text,
    params,
    window: prepared.window,
    result: withoutEmptyColumns(result.response),
    truncated: result.response.values.length >= DRILLDOWN_LIMIT,
  };
}

/** Elasticsearch's `drop_null_columns`, done here so it works on 8.x clusters and the embedded engine alike. */
export function withoutEmptyColumns(response: QueryResponse): QueryResponse {
  const keep = response.columns.map((_, i) => response.values.some((row) => row[i] !== null && !(Array.isArray(row[i]) && row[i].length === 0)));
  if (keep.every(Boolean)) return response;
  return {
    ...response,
    columns: response.columns.filter((_, i) => keep[i]),
    values: response.values.map((row) => row.filter((_, i) => keep[i])),
  };
}
