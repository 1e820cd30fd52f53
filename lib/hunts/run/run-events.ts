/**
 * A saved run's drill-down: the events behind one of its findings, read with THAT run's text and
 * params (its pipeline before the last STATS, its `now` pinned as a param), never a window
 * rewritten to bounds: every event the run counted is found, including one after its `now`
 * (clock skew on an agent) or exactly on its window's edge. No catalogue lookup: a hunt edited or
 * removed since still has its runs' events.
 */
import 'server-only';
import { apiError, type ApiError, type EventFilter, type EventResponse, type EventsResponse, type WindowInfo } from '../../model/api';
import type { Backend } from '../../backends/types';
import type { EsqlValue } from '../../model/esql';
import { type Query, parse, formatErrors } from '../../esql';
import { splitAtLastStats } from '../../esql';
import { runEvent, runEvents, type DrillSource } from './events';
import { hasNowCall, nowParamName, pinnedNow, pinNowInQuery } from '../../esql';

/** What of a saved run its drill-down needs (a RunHeader has it). */
export interface SavedRunQuery {
  id: number;
  queryText: string;
  params: Record<string, EsqlValue>[];
  window: { id: string; from?: string; to?: string };
  startedAt: string;
}

export interface RunQuery {
  query: Query;
  params: Record<string, EsqlValue>[];
  /** The instant the run's now() stood for: its pinned param, else (saved before pinning) its start. */
  now: string;
}

export type RunQueryResult = { ok: true; run: RunQuery } | { ok: false; error: ApiError };

/**
 * The run's query as it ran, now pinned: a run saved before pinning read now() at its start
 * (the run's clock is the now it was prepared with), so that instant becomes its param.
 */
export function runQuery(run: SavedRunQuery): RunQueryResult {
  const parsed = parse(run.queryText);
  if (!parsed.ok) return { ok: false, error: apiError('parsing', formatErrors(parsed.errors), 'The saved run’s text is not valid ES|QL, so its events cannot be read again.') };
  const pinned = pinnedNow(parsed.query, run.params);
  if (pinned !== undefined || !hasNowCall(parsed.query)) return { ok: true, run: { query: parsed.query, params: run.params, now: pinned ?? run.startedAt } };
  const name = nowParamName(parsed.query);
  return { ok: true, run: { query: pinNowInQuery(parsed.query, name), params: [...run.params, { [name]: run.startedAt }], now: run.startedAt } };
}

/** How the events page names where its events come from. */
export function runWindow(run: SavedRunQuery, now: string): WindowInfo {
  const bounds = run.window.from && run.window.to ? `${run.window.from} to ${run.window.to}` : 'its own predicate';
  return { id: run.window.id, description: `run #${run.id} (now = ${now}): ${bounds}`, ...(run.window.from ? { from: run.window.from } : {}), ...(run.window.to ? { to: run.window.to } : {}) };
}

type SourceResult = { ok: true; source: DrillSource; now: Date } | { ok: false; error: ApiError };

export function runDrillSource(run: SavedRunQuery): SourceResult {
  const built = runQuery(run);
  if (!built.ok) return built;
  const split = splitAtLastStats(built.run.query, run.queryText);
  const source: DrillSource = {
    query: built.run.query,
    params: built.run.params,
    originalText: run.queryText,
    keys: 'reason' in split ? [] : split.keys.map((k) => k.name),
    window: runWindow(run, built.run.now),
  };
  return { ok: true, source, now: new Date(built.run.now) };
}

/** The events behind one finding of a saved run (the review's "Events", the bundle export). */
export async function runFindingEvents(
  backend: Backend,
  run: SavedRunQuery,
  key: EsqlValue[],
  chosen?: readonly string[],
  signal?: AbortSignal,
  filters?: readonly EventFilter[],
): Promise<EventsResponse> {
  const source = runDrillSource(run);
  if (!source.ok) return source;
  return runEvents(backend, source.source, key, chosen, source.now, signal, filters);
}

/** One event of a saved run's finding, every field (the flyout). */
export async function runFindingEvent(backend: Backend, run: SavedRunQuery, key: EsqlValue[], eventId: string, signal?: AbortSignal): Promise<EventResponse> {
  const source = runDrillSource(run);
  if (!source.ok) return source;
  return runEvent(backend, source.source, key, eventId, source.now, signal);
}

/** A finding key as stored (JSON of its BY values); undefined when it is not one. */
export function parseFindingKey(findingKey: string): EsqlValue[] | undefined {
  try {
    const key: unknown = JSON.parse(findingKey);
    return Array.isArray(key) ? (key as EsqlValue[]) : undefined;
  } catch {
    return undefined;
  }
}
