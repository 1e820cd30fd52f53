/**
 * Runs one hunt query and saves the run, success or failure: the text that ran, its params, the
 * window with now() resolved, the backend it ran on, timing and rows. The CLI (`--save`), the
 * page and the schedule all save through here.
 */
import type { RunResponse } from '../api/contract';
import type { Backend, EsqlValue } from '../backends/types';
import type { Hunt } from '../hunts/types';
import { prepareHuntQuery } from '../server/prepare';
import { runPrepared } from '../server/run-hunt';
import { HUNT_WINDOW, type WindowSpec } from '../server/window-spec';
import type { AppDatabase } from './db';
import { saveRun, type RunTrigger, type SavedRun } from './runs';

export interface RecordOptions {
  now: Date;
  trigger: RunTrigger;
  window?: WindowSpec;
  signal?: AbortSignal;
}

async function backendLabel(backend: Backend): Promise<string> {
  const described = await backend.describe();
  if (!described.ok) return backend.kind;
  const info = described.info;
  return info.kind === 'elasticsearch' ? `${info.clusterName} ${info.version}` : `embedded ${info.dataDir}`;
}

export async function runAndSave(
  db: AppDatabase,
  backend: Backend,
  hunt: Hunt,
  queryNumber: number,
  options: RecordOptions,
): Promise<{ response: RunResponse; saved: SavedRun | undefined }> {
  const window = options.window ?? HUNT_WINDOW;
  const prepared = prepareHuntQuery(hunt, queryNumber, { window, now: options.now });
  // A query that does not exist is the caller's mistake, not a run.
  if (!prepared.ok && prepared.error.kind === 'not_found') return { response: prepared, saved: undefined };
  const startedAt = new Date();
  const t0 = performance.now();
  const response = prepared.ok ? await runPrepared(backend, prepared.prepared, options.now, options.signal) : prepared;
  const entry = hunt.queries.find((q) => q.number === queryNumber);
  const ran = prepared.ok
    ? { text: prepared.prepared.text, params: prepared.prepared.params, window: prepared.prepared.window }
    : { text: entry?.text ?? '', params: [], window: { id: window.id } };
  const saved = await recordRun(db, backend, { huntId: hunt.id, queryNumber, ...ran }, response, { startedAt, durationMs: performance.now() - t0, trigger: options.trigger });
  return { response, saved };
}

/** Saves a run that already happened (the page runs, then records). */
export async function recordRun(
  db: AppDatabase,
  backend: Backend,
  query: { huntId: string; queryNumber: number; text: string; params: Record<string, EsqlValue>[]; window: { id: string; from?: string; to?: string } },
  response: RunResponse,
  timing: { startedAt: Date; durationMs: number; trigger: RunTrigger },
): Promise<SavedRun> {
  const base = {
    huntId: query.huntId,
    queryNumber: query.queryNumber,
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
