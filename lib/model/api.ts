/**
 * The JSON the dashboard's API routes send to the browser. Results keep Elasticsearch's `_query`
 * shape (`columns`, `values`) so one table, one export and one chart code path serve both
 * backends. Failures are data: the page shows `message` (the server's words) and `hint`.
 */
import type { TriageHistoryEntry, TriageShare, TriageState } from './triage';
import type { BackendErrorKind, EsqlColumn, EsqlValue, QueryResponse } from './esql';

/**
 * A backend's failure, or one of Huntboard's own: `disk_full`, the server could not write its app
 * state (507, the change was not saved); `unauthenticated` (sign in first), `forbidden` (the role
 * may not, or the write did not come from a Huntboard page), `conflict` (the state changed since
 * the page read it).
 */
export type ApiErrorKind = BackendErrorKind | 'not_found' | 'disk_full' | 'unauthenticated' | 'forbidden' | 'conflict';

export interface ApiError {
  kind: ApiErrorKind;
  message: string;
  /** What to check, in the analyst's terms ("Check ELASTICSEARCH_API_KEY …"). */
  hint?: string;
}

/**
 * An error of Huntboard's own (validation, lookups, sign-in, roles): no backend was asked, so no
 * backend hint; the caller words one when there is something to check. A backend's failure with
 * its hint is lib/hunts/run/errors.ts `toApiError`; its HTTP status, lib/server/http/error-status.ts.
 */
export function apiError(kind: ApiErrorKind, message: string, hint?: string): ApiError {
  return { kind, message, ...(hint ? { hint } : {}) };
}

/** A lint finding as the page lists it; `variant` is a safer rewrite the analyst may run instead. */
export interface ApiFinding {
  code: 'limit-before-sort' | 'hardcoded-time-window' | 'no-limit' | 'possibly-truncated';
  severity: 'info' | 'warning';
  message: string;
  line: number;
  column: number;
  variant?: { label: string; query: string };
}

export interface WindowInfo {
  /** `24h`, `7d`, `14d`, `30d`, `custom`, or `hunt` (the hunt's own window, untouched). */
  id: string;
  /** `last 7 days`, or `2026-01-01T00:00:00.000Z to 2026-01-08T00:00:00.000Z`. */
  description: string;
  /** Absolute bounds with now() resolved, when known. */
  from?: string;
  to?: string;
  /** A relative window (`@timestamp > now() - 7 day`) has no end bound: `to` is only the now() it ran with. */
  openEnded?: boolean;
}

/** POST /api/hunts/[id]/queries/[n]/run */
export type RunResponse =
  | {
      ok: true;
      hunt: string;
      query: number;
      /** The ES|QL that ran, after the window rewrite (params are listed separately, never spliced). */
      effectiveQuery: string;
      params: Record<string, EsqlValue>[];
      window: WindowInfo;
      result: QueryResponse;
      findings: ApiFinding[];
      /** The BY keys of the hunt's last STATS: a row with these can be drilled into. Empty if none. */
      keys: string[];
    }
  | { ok: false; error: ApiError };

/**
 * POST /api/hunts/[id]/queries/[n]/save: "Save as run" — the query run again as the page shows it
 * and recorded as a review run; `savedRun` is its id, or `notSaved` says why the app state could
 * not keep it (`this run was not saved: the server's disk is full`). Viewing (…/run) saves nothing.
 */
export type SaveRunResponse =
  | (Extract<RunResponse, { ok: true }> & ({ savedRun: number; notSaved?: undefined } | { savedRun?: undefined; notSaved: string }))
  | { ok: false; error: ApiError };

/** POST /api/hunts/[id]/queries/[n]/context: per result row, the context columns. */
export type ContextResponse =
  | {
      ok: true;
      /** Context columns (`host_names`, `agent_ids`, `first_seen`, `last_seen`, `destinations`, `ports`, `users`). */
      columns: EsqlColumn[];
      /** Keyed by `rowKey(keys, row)` of the hunt row the context belongs to. */
      rows: Record<string, EsqlValue[]>;
    }
  | { ok: false; error: ApiError };

/**
 * A drill-down's "filter for" / "filter out" of one field's value, sent with the events request
 * (`filters`) and kept in the drill-down's URL; the server adds it as a WHERE with a named param.
 * `negate` keeps the events without the field, as Kibana's "filter out" does.
 */
export interface EventFilter {
  field: string;
  value: string | number | boolean | null;
  negate: boolean;
}

/** The most filters one events request (and so one drill-down URL) carries. */
export const MAX_EVENT_FILTERS = 20;

/** POST /api/hunts/[id]/queries/[n]/events: the raw events behind one hunt row. */
export type EventsResponse =
  | {
      ok: true;
      effectiveQuery: string;
      params: Record<string, EsqlValue>[];
      window: WindowInfo;
      /** The default drill-down columns and the ones asked for, empty ones left out. */
      result: QueryResponse;
      /** Every column the events have (an ECS index maps about a thousand): what the column chooser offers. */
      available: EsqlColumn[];
      /** True when the 10,000-event cap was reached. */
      truncated: boolean;
    }
  | { ok: false; error: ApiError };

/** POST /api/hunts/[id]/queries/[n]/event: one event's full document (by `event.id`), for the flyout. */
export type EventResponse = { ok: true; result: QueryResponse } | { ok: false; error: ApiError };

/**
 * POST /api/hunts/[id]/queries/[n]/histogram: the events the hunt's last STATS aggregates, counted
 * per time bucket over the window. Only non-empty buckets travel; the page fills in the empty ones.
 */
export type HistogramResponse =
  | {
      ok: true;
      effectiveQuery: string;
      params: Record<string, EsqlValue>[];
      window: WindowInfo;
      /** The bucket span (`3h`) and its length. */
      step: { label: string; ms: number };
      /** Bucket starts in epoch milliseconds (UTC), oldest first. */
      buckets: { start: number; count: number }[];
      /** Events with no timestamp, in no bucket. */
      undated: number;
      /** The first and last event time (epoch ms), null when no event has one. */
      first: number | null;
      last: number | null;
    }
  | { ok: false; error: ApiError };

/** A stable key of one hunt row's BY values, shared by the context map and the URL. */
export function rowKey(keys: readonly string[], row: Record<string, EsqlValue>): string {
  return JSON.stringify(keys.map((k) => row[k] ?? null));
}

/** GET/POST /api/triage: a finding's triage state and its history (409 `conflict` when a write was stale). */
export type TriageResponse =
  | { ok: true; state: TriageState; history: TriageHistoryEntry[]; sharedBy?: TriageShare[] }
  | { ok: false; conflict: true; state: TriageState; history: TriageHistoryEntry[]; sharedBy?: TriageShare[] }
  | { ok: false; conflict?: undefined; error: ApiError };

/**
 * POST /api/explore, body `{ query, params?, window }`: the analyst's own ES|QL over the chosen
 * window (`hunt` = as written). Viewing only: nothing Explore runs becomes a review run.
 * `truncated` is true when the result reached the query's LIMIT (the analyst sees the first rows).
 */
export type ExploreResponse =
  | { ok: true; effectiveQuery: string; params: Record<string, EsqlValue>[]; window: WindowInfo; result: QueryResponse; truncated: boolean }
  | { ok: false; error: ApiError };

/** A FROM's patterns resolved as the backend resolves them: the fields with their ES|QL types, or the first pattern matching nothing. */
export type ResolvedFromSources = { indices: string[]; fields: { name: string; type: string }[] } | { unknown: string };

/**
 * GET /api/explore/sources[?from=<FROM patterns, comma-separated>]: what the ES|QL editor needs to
 * complete index and field names and to analyze the query as the analyst types: every index (and
 * data stream) the backend holds, and — when `from` is given — those patterns resolved.
 */
export type SourcesResponse = { ok: true; indices: string[]; resolved?: ResolvedFromSources } | { ok: false; error: ApiError };

/**
 * POST /api/document, body `{ index, id }`: one stored document by its `_index` and `_id` (both
 * backends), every non-empty field, for the flyout's Table and JSON tabs.
 */
export type DocumentResponse = { ok: true; index: string; id: string; result: QueryResponse } | { ok: false; error: ApiError };
