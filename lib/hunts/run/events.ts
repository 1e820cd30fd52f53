/**
 * The raw events behind one hunt row (the drill-down) and one event's full document. The list
 * keeps the default columns and those the analyst chose: an ECS index maps about a thousand
 * fields, and 10,000 rows of all of them would be ten million mostly-null cells.
 */
import 'server-only';
import { apiError, type ApiError, type EventFilter, type EventResponse, type EventsResponse } from '../../model/api';
import type { Backend } from '../../backends/types';
import type { EsqlColumn, EsqlValue, QueryResponse } from '../../model/esql';
import { type ColumnSchema, type Command, type Query, printMultiline, type EsqlType } from '../../esql';
import { buildDrilldown, DRILLDOWN_COLUMNS, DRILLDOWN_LIMIT } from '../drilldown';
import { column, equals, freshParamNames, NO_SPAN, param } from '../../esql';
import { toApiError } from './errors';
import { withEventFilters } from './event-filters';
import type { PreparedQuery } from './prepare';
import { statsInputColumns } from './stats-input';
import { DOCUMENT_METADATA, withDocumentMetadata } from './document-metadata';

/** The field that identifies one Elastic Defend event, for the flyout's full document. */
export const EVENT_ID = 'event.id';

/**
 * What a drill-down reads: the query that ran and its params (a prepared hunt query on the hunt
 * page, a saved run's own text on the review), the text naming its unnamed BY keys, and its keys.
 */
export type DrillSource = Pick<PreparedQuery, 'query' | 'params' | 'originalText' | 'keys' | 'window'>;

/** `metadata`: the rows carry `_id` and `_index` (document-metadata.ts). */
type Built = { ok: true; query: Query; params: Record<string, EsqlValue>[]; available: EsqlColumn[]; metadata: boolean } | { ok: false; error: ApiError };

async function drilldownQuery(backend: Backend, prepared: DrillSource, key: EsqlValue[], now: Date, signal?: AbortSignal): Promise<Built> {
  if (prepared.keys.length === 0) return { ok: false, error: apiError('bad_request', 'This query’s rows are not aggregates of events, so there is nothing to drill into.') };
  if (key.length !== prepared.keys.length) {
    return { ok: false, error: apiError('bad_request', `The drill-down needs ${prepared.keys.length} key values (${prepared.keys.join(', ')}), got ${key.length}.`) };
  }
  const input = await statsInputColumns(backend, prepared.query, prepared.params, now, signal);
  if (!input.ok) return { ok: false, error: 'reason' in input ? apiError('bad_request', input.reason) : toApiError(input.result.error, backend.kind) };
  const columns: ColumnSchema[] = input.columns.map((c) => ({ name: c.name, type: c.type as EsqlType }));
  const row = Object.fromEntries(prepared.keys.map((k, i) => [k, key[i]]));
  const built = buildDrilldown(prepared.query, row, { text: prepared.originalText, columns, keepDefault: false });
  if (!built.ok) return { ok: false, error: apiError('bad_request', built.reason) };
  const withMetadata = withDocumentMetadata(built.query);
  // the chooser lists what the rows carry: `_id` and `_index` too when they are asked for
  const available = withMetadata.added ? [...input.columns, ...DOCUMENT_METADATA.map((name) => ({ name, type: 'keyword' }))] : input.columns;
  return { ok: true, query: withMetadata.query, params: [...prepared.params, ...built.params], available, metadata: withMetadata.added };
}

/** The default columns, the key columns, the chosen ones and event.id, in that order, those that exist; then `_id` and `_index` when asked for. */
function keptColumns(available: EsqlColumn[], keys: string[], chosen: readonly string[] = [], metadata = false): string[] {
  const have = new Set(available.map((c) => c.name));
  const wanted = [...DRILLDOWN_COLUMNS, ...keys, ...chosen, EVENT_ID];
  const unique = [...new Set(wanted)].filter((name) => have.has(name));
  if (!metadata) return unique;
  return [...unique.filter((name) => !(DOCUMENT_METADATA as readonly string[]).includes(name)), ...DOCUMENT_METADATA];
}

function withKeep(query: Query, names: string[]): Query {
  if (names.length === 0) return query;
  const keep: Command = { kind: 'keep', columns: names.map((pattern) => ({ kind: 'columnPattern', pattern, span: NO_SPAN })), span: NO_SPAN };
  return { ...query, commands: [...query.commands, keep] };
}

export async function runEvents(
  backend: Backend,
  prepared: DrillSource,
  key: EsqlValue[],
  chosen: readonly string[] | undefined,
  now: Date,
  signal?: AbortSignal,
  filters: readonly EventFilter[] = [],
): Promise<EventsResponse> {
  const drill = await drilldownQuery(backend, prepared, key, now, signal);
  if (!drill.ok) return drill;
  const built = withEventFilters(drill.query, drill.params, drill.available, filters);
  if (!built.ok) return built;
  const text = printMultiline(withKeep(built.query, keptColumns(drill.available, prepared.keys, chosen, drill.metadata)));
  const result = await backend.query({ query: text, ...(built.params.length ? { params: built.params } : {}), now, ...(signal ? { signal } : {}) });
  if (!result.ok) return { ok: false, error: toApiError(result.error, backend.kind) };
  return {
    ok: true,
    effectiveQuery: text,
    params: built.params,
    window: prepared.window,
    result: withoutEmptyColumns(result.response),
    available: drill.available,
    truncated: result.response.values.length >= DRILLDOWN_LIMIT,
  };
}

/** One event of the drill-down, every non-empty field: the drill-down query narrowed to its `event.id`. */
export async function runEvent(backend: Backend, prepared: DrillSource, key: EsqlValue[], eventId: string, now: Date, signal?: AbortSignal): Promise<EventResponse> {
  const built = await drilldownQuery(backend, prepared, key, now, signal);
  if (!built.ok) return built;
  if (!built.available.some((c) => c.name === EVENT_ID)) return { ok: false, error: apiError('bad_request', 'These events have no event.id to find one by.') };
  const [name] = freshParamNames(built.query, 'e', 1);
  const where: Command = { kind: 'where', condition: equals(column(EVENT_ID), param(name)), span: NO_SPAN };
  const commands = built.query.commands.filter((c) => c.kind !== 'limit');
  const query: Query = { ...built.query, commands: [...commands, where, { kind: 'limit', count: 1, span: NO_SPAN }] };
  const params = [...built.params, { [name]: eventId }];
  const result = await backend.query({ query: printMultiline(query), params, now, ...(signal ? { signal } : {}) });
  if (!result.ok) return { ok: false, error: toApiError(result.error, backend.kind) };
  if (result.response.values.length === 0) return { ok: false, error: apiError('not_found', `No event with event.id [${eventId.slice(0, 100)}] behind this row in the window.`) };
  return { ok: true, result: withoutEmptyColumns(result.response) };
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
