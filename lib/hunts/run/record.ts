/**
 * Runs one hunt query and saves the run, success or failure: the text that ran, its params, the
 * window with now() resolved, the backend it ran on, timing and rows. The CLI (`--save`), the
 * page and the schedule all save through here.
 */
import 'server-only';
import type { RunResponse } from '../../model/api';
import type { Backend } from '../../backends/types';
import type { EsqlValue } from '../../model/esql';
import type { Hunt } from '../types';
import { triageGroupOf } from '../finding-group';
import { prepareHuntQuery } from './prepare';
import { runPrepared } from './run-prepared';
import { HUNT_WINDOW, type WindowSpec } from './window-spec';
import type { AppDatabase } from '../../appstate/database';
import { saveRun, type RunTrigger, type SavedRun } from '../../appstate/runs';

export interface RecordOptions {
  now: Date;
  trigger: RunTrigger;
  window?: WindowSpec;
  signal?: AbortSignal;
}

/** Backends whose label is known: describe() is a cluster request (or a store scan), not something to repeat per saved run. */
const labels = new WeakMap<Backend, string>();

export async function backendLabel(backend: Backend): Promise<string> {
  const known = labels.get(backend);
  if (known !== undefined) return known;
  const described = await backend.describe();
  if (!described.ok) return backend.kind;
  const info = described.info;
  const label = info.kind === 'elasticsearch' ? `${info.clusterName} ${info.version}` : 'embedded store';
  labels.set(backend, label);
  return label;
}

/** What ran: the text after the window rewrite, its params, the window with now() resolved. */
export interface RanQuery {
  huntId: string;
  queryNumber: number;
  text: string;
  params: Record<string, EsqlValue>[];
  window: { id: string; from?: string; to?: string };
  /** The query's triage group in the hunt's catalogue (lib/hunts/finding-group); absent: its own number. */
  triageQuery?: number;
}

export type HuntRun =
  | { found: false; response: RunResponse }
  | { found: true; response: RunResponse; ran: RanQuery; startedAt: Date; durationMs: number };

/** Runs one query of a hunt over a window (the hunt's own by default); a query the hunt lacks is not a run. */
export async function runHuntInWindow(backend: Backend, hunt: Hunt, queryNumber: number, options: Omit<RecordOptions, 'trigger'>): Promise<HuntRun> {
  const window = options.window ?? HUNT_WINDOW;
  const prepared = prepareHuntQuery(hunt, queryNumber, { window, now: options.now });
  if (!prepared.ok && prepared.error.kind === 'not_found') return { found: false, response: prepared };
  // The run's clock is the caller's now: pinned (HUNTBOARD_NOW, --now), every time a run records agrees with it.
  const startedAt = options.now;
  const t0 = performance.now();
  const response = prepared.ok ? await runPrepared(backend, prepared.prepared, options.now, options.signal) : prepared;
  const entry = hunt.queries.find((q) => q.number === queryNumber);
  const ran = prepared.ok
    ? { text: prepared.prepared.text, params: prepared.prepared.params, window: prepared.prepared.window }
    : { text: entry?.text ?? '', params: [], window: { id: window.id } };
  return { found: true, response, ran: { huntId: hunt.id, queryNumber, triageQuery: triageGroupOf(hunt, queryNumber), ...ran }, startedAt, durationMs: performance.now() - t0 };
}

export async function runAndSave(
  db: AppDatabase,
  backend: Backend,
  hunt: Hunt,
  queryNumber: number,
  options: RecordOptions,
): Promise<{ response: RunResponse; saved: SavedRun | undefined }> {
  const run = await runHuntInWindow(backend, hunt, queryNumber, options);
  if (!run.found) return { response: run.response, saved: undefined };
  const saved = await recordRun(db, backend, run.ran, run.response, { startedAt: run.startedAt, durationMs: run.durationMs, trigger: options.trigger });
  return { response: run.response, saved };
}

/** Saves a run that already happened (the page runs, then records). */
export async function recordRun(
  db: AppDatabase,
  backend: Backend,
  query: RanQuery,
  response: RunResponse,
  timing: { startedAt: Date; durationMs: number; trigger: RunTrigger },
): Promise<SavedRun> {
  const base = {
    huntId: query.huntId,
    queryNumber: query.queryNumber,
    ...(query.triageQuery !== undefined ? { triageQuery: query.triageQuery } : {}),
    queryText: query.text,
    params: query.params,
    window: query.window,
    backend: { kind: backend.kind, label: await backendLabel(backend) },
    trigger: timing.trigger,
    startedAt: timing.startedAt.toISOString(),
    durationMs: timing.durationMs,
  };
  return response.ok
    ? saveRun(db, {
        ...base,
        status: 'ok',
        columns: response.result.columns,
        values: response.result.values,
        warnings: response.result.warnings,
        truncated: response.findings.some((f) => f.code === 'possibly-truncated'),
        isPartial: response.result.is_partial,
      })
    : saveRun(db, { ...base, status: 'failed', error: { kind: response.error.kind, message: response.error.message } });
}
