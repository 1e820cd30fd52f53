/** Saved runs: every run of a hunt query, kept with its exact text, bounds, backend and rows. */
import { createHash } from 'node:crypto';
import type { EsqlColumn, EsqlValue } from '../backends/types';
import type { AppDatabase } from './db';

export type RunTrigger = 'page' | 'cli' | 'schedule';

interface RunBase {
  huntId: string;
  queryNumber: number;
  queryText: string;
  params: Record<string, EsqlValue>[];
  window: { id: string; from?: string; to?: string };
  backend: { kind: 'elasticsearch' | 'embedded'; label: string };
  trigger: RunTrigger;
  startedAt: string;
  durationMs: number;
}

export type NewRun =
  | (RunBase & {
      status: 'ok';
      columns: EsqlColumn[];
      values: EsqlValue[][];
      warnings: string[];
      truncated: boolean;
      isPartial: boolean;
    })
  | (RunBase & { status: 'failed'; error: { kind: string; message: string } });

export type SavedRun = NewRun & { id: number; queryHash: string; rowCount: number };

export function queryHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function saveRun(db: AppDatabase, run: NewRun): SavedRun {
  const ok = run.status === 'ok';
  const hash = queryHash(run.queryText);
  const info = db
    .prepare(
      `INSERT INTO runs (hunt_id, query_number, query_text, query_hash, params_json, window_id, window_from, window_to,
         backend_kind, backend_label, trigger, started_at, duration_ms, status, error_kind, error_message,
         row_count, truncated, is_partial, warnings_json, columns_json, values_json)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      run.huntId,
      run.queryNumber,
      run.queryText,
      hash,
      JSON.stringify(run.params),
      run.window.id,
      run.window.from ?? null,
      run.window.to ?? null,
      run.backend.kind,
      run.backend.label,
      run.trigger,
      run.startedAt,
      run.durationMs,
      run.status,
      ok ? null : run.error.kind,
      ok ? null : run.error.message,
      ok ? run.values.length : 0,
      ok && run.truncated ? 1 : 0,
      ok && run.isPartial ? 1 : 0,
      JSON.stringify(ok ? run.warnings : []),
      JSON.stringify(ok ? run.columns : []),
      JSON.stringify(ok ? run.values : []),
    );
  return { ...run, id: Number(info.lastInsertRowid), queryHash: hash, rowCount: ok ? run.values.length : 0 };
}

interface RunRow {
  id: number;
  hunt_id: string;
  query_number: number;
  query_text: string;
  query_hash: string;
  params_json: string;
  window_id: string;
  window_from: string | null;
  window_to: string | null;
  backend_kind: 'elasticsearch' | 'embedded';
  backend_label: string;
  trigger: RunTrigger;
  started_at: string;
  duration_ms: number;
  status: 'ok' | 'failed';
  error_kind: string | null;
  error_message: string | null;
  row_count: number;
  truncated: number;
  is_partial: number;
  warnings_json: string;
  columns_json: string;
  values_json: string;
}

function fromRow(r: RunRow): SavedRun {
  const base = {
    id: r.id,
    huntId: r.hunt_id,
    queryNumber: r.query_number,
    queryText: r.query_text,
    queryHash: r.query_hash,
    params: JSON.parse(r.params_json) as Record<string, EsqlValue>[],
    window: { id: r.window_id, ...(r.window_from ? { from: r.window_from } : {}), ...(r.window_to ? { to: r.window_to } : {}) },
    backend: { kind: r.backend_kind, label: r.backend_label },
    trigger: r.trigger,
    startedAt: r.started_at,
    durationMs: r.duration_ms,
    rowCount: r.row_count,
  };
  if (r.status === 'failed') return { ...base, status: 'failed', error: { kind: r.error_kind ?? 'internal', message: r.error_message ?? '' } };
  return {
    ...base,
    status: 'ok',
    columns: JSON.parse(r.columns_json) as EsqlColumn[],
    values: JSON.parse(r.values_json) as EsqlValue[][],
    warnings: JSON.parse(r.warnings_json) as string[],
    truncated: r.truncated === 1,
    isPartial: r.is_partial === 1,
  };
}

export function getRun(db: AppDatabase, id: number): SavedRun | undefined {
  const row = db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as RunRow | undefined;
  return row && fromRow(row);
}

/** Newest first. */
export function listRuns(db: AppDatabase, filter: { huntId?: string; queryNumber?: number; limit?: number } = {}): SavedRun[] {
  const rows = db
    .prepare(
      `SELECT * FROM runs WHERE (@hunt IS NULL OR hunt_id = @hunt) AND (@query IS NULL OR query_number = @query)
       ORDER BY started_at DESC, id DESC LIMIT @limit`,
    )
    .all({ hunt: filter.huntId ?? null, query: filter.queryNumber ?? null, limit: filter.limit ?? 100 }) as RunRow[];
  return rows.map(fromRow);
}

/**
 * Successful runs of the same query text before `run`, newest first: what a week-over-week diff
 * compares against (the first is "the previous run").
 */
export function earlierRuns(db: AppDatabase, run: SavedRun, limit: number): Extract<SavedRun, { status: 'ok' }>[] {
  const rows = db
    .prepare(
      `SELECT * FROM runs WHERE hunt_id = ? AND query_number = ? AND query_hash = ? AND status = 'ok'
         AND (started_at < ? OR (started_at = ? AND id < ?))
       ORDER BY started_at DESC, id DESC LIMIT ?`,
    )
    .all(run.huntId, run.queryNumber, run.queryHash, run.startedAt, run.startedAt, run.id, limit) as RunRow[];
  return rows.map(fromRow).filter((r): r is Extract<SavedRun, { status: 'ok' }> => r.status === 'ok');
}

/** When the last run of a trigger (the schedule's, say) started. */
export function lastRunAt(db: AppDatabase, trigger: RunTrigger): Date | undefined {
  const row = db.prepare('SELECT MAX(started_at) AS at FROM runs WHERE trigger = ?').get(trigger) as { at: string | null };
  return row.at ? new Date(row.at) : undefined;
}
