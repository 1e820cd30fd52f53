/** Saved runs: every run of a hunt query, kept with its exact text, bounds, backend and rows. */
import 'server-only';
import { createHash } from 'node:crypto';
import type { EsqlColumn, EsqlValue } from '../model/esql';
import type { AppDatabase } from './database';
import { diffSavedRun } from './run-diff';
import { insertRunFindings, keyedRows, runValues } from './run-findings';

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
  /**
   * The query's triage group (lib/hunts/finding-group): triage of this run's findings is stored
   * under this query number. Absent: the query's own number.
   */
  triageQuery?: number;
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

export type SavedRun = NewRun & Saved;

type Saved = { id: number; queryHash: string; rowCount: number; triageQuery: number };
/** A saved run without its rows: what lists and review pages read (rows are in run_findings). */
export type RunHeader = (Omit<Extract<NewRun, { status: 'ok' }>, 'values'> & Saved) | (Extract<NewRun, { status: 'failed' }> & Saved);
export type OkRunHeader = Extract<RunHeader, { status: 'ok' }>;

export function queryHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Saves the run, its rows one each (run_findings) and its diff against the runs before it, in one
 * transaction; a run saved with an earlier start also re-diffs the runs after it.
 */
export function saveRun(db: AppDatabase, run: NewRun): SavedRun {
  return db.transaction(() => {
    const saved = insertRun(db, run);
    if (run.status === 'ok') {
      insertRunFindings(db, saved.id, keyedRows(run.queryText, run.columns, run.values));
      diffSavedRun(db, saved.id);
    }
    return saved;
  })();
}

/** The run's row; `id` given for a run whose id was reserved (lib/appstate/staged-runs). */
export function insertRun(db: AppDatabase, run: NewRun, id: number | null = null): SavedRun {
  const ok = run.status === 'ok';
  const hash = queryHash(run.queryText);
  const triageQuery = run.triageQuery ?? run.queryNumber;
  const info = db
    .prepare(
      `INSERT INTO runs (id, hunt_id, query_number, query_text, query_hash, params_json, window_id, window_from, window_to,
         backend_kind, backend_label, trigger, started_at, duration_ms, status, error_kind, error_message,
         row_count, truncated, is_partial, warnings_json, columns_json, values_json, triage_query)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
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
      // Since migration 7 the rows live in run_findings; the column stays, empty (older files have it).
      '[]',
      triageQuery,
    );
  return { ...run, id: Number(info.lastInsertRowid), queryHash: hash, rowCount: ok ? run.values.length : 0, triageQuery };
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
  triage_query: number | null;
}

/** Every column but the (emptied) values_json. */
const HEADER_COLUMNS = `id, hunt_id, query_number, query_text, query_hash, params_json, window_id, window_from, window_to, backend_kind,
  backend_label, trigger, started_at, duration_ms, status, error_kind, error_message, row_count, truncated, is_partial, warnings_json, columns_json, triage_query`;

function fromRow(r: RunRow): RunHeader {
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
    triageQuery: r.triage_query ?? r.query_number,
  };
  if (r.status === 'failed') return { ...base, status: 'failed', error: { kind: r.error_kind ?? 'internal', message: r.error_message ?? '' } };
  return {
    ...base,
    status: 'ok',
    columns: JSON.parse(r.columns_json) as EsqlColumn[],
    warnings: JSON.parse(r.warnings_json) as string[],
    truncated: r.truncated === 1,
    isPartial: r.is_partial === 1,
  };
}

/** A run with every row: for whole-run readers (bundle export, `runs diff`); pages read getRunHeader. */
function withValues(db: AppDatabase, run: RunHeader): SavedRun {
  return run.status === 'ok' ? { ...run, values: runValues(db, run.id) } : run;
}

export function getRunHeader(db: AppDatabase, id: number): RunHeader | undefined {
  const row = db.prepare(`SELECT ${HEADER_COLUMNS} FROM runs WHERE id = ?`).get(id) as RunRow | undefined;
  return row && fromRow(row);
}

export function getRun(db: AppDatabase, id: number): SavedRun | undefined {
  const run = getRunHeader(db, id);
  return run && withValues(db, run);
}

/** Newest first, without rows. */
export function listRunHeaders(db: AppDatabase, filter: { huntId?: string; queryNumber?: number; limit?: number } = {}): RunHeader[] {
  const rows = db
    .prepare(
      `SELECT ${HEADER_COLUMNS} FROM runs WHERE (@hunt IS NULL OR hunt_id = @hunt) AND (@query IS NULL OR query_number = @query)
       ORDER BY started_at DESC, id DESC LIMIT @limit`,
    )
    .all({ hunt: filter.huntId ?? null, query: filter.queryNumber ?? null, limit: filter.limit ?? 100 }) as RunRow[];
  return rows.map(fromRow);
}

/** Newest first, with every row of each run. */
export function listRuns(db: AppDatabase, filter: { huntId?: string; queryNumber?: number; limit?: number } = {}): SavedRun[] {
  return listRunHeaders(db, filter).map((run) => withValues(db, run));
}

/**
 * Successful runs of the same query text before `run`, newest first: what a week-over-week diff
 * compares against (the first is "the previous run").
 */
export function earlierRuns(db: AppDatabase, run: RunHeader, limit: number): Extract<SavedRun, { status: 'ok' }>[] {
  const rows = db
    .prepare(
      `SELECT ${HEADER_COLUMNS} FROM runs WHERE hunt_id = ? AND query_number = ? AND query_hash = ? AND status = 'ok'
         AND (started_at < ? OR (started_at = ? AND id < ?))
       ORDER BY started_at DESC, id DESC LIMIT ?`,
    )
    .all(run.huntId, run.queryNumber, run.queryHash, run.startedAt, run.startedAt, run.id, limit) as RunRow[];
  return rows.map((r) => withValues(db, fromRow(r))).filter((r): r is Extract<SavedRun, { status: 'ok' }> => r.status === 'ok');
}

/** When the last run of a trigger (the schedule's, say) started. */
export function lastRunAt(db: AppDatabase, trigger: RunTrigger): Date | undefined {
  const row = db.prepare('SELECT MAX(started_at) AS at FROM runs WHERE trigger = ?').get(trigger) as { at: string | null };
  return row.at ? new Date(row.at) : undefined;
}

/** Ids of the runs whose start is in [from, to), oldest first (ISO instants compare as text). */
export function runIdsStartedIn(db: AppDatabase, from: string, to: string): number[] {
  return db.prepare('SELECT id FROM runs WHERE started_at >= ? AND started_at < ? ORDER BY started_at, id').pluck().all(from, to) as number[];
}

/** Of `runs`, those the app state holds no run for with the same id, query text (by hash) and start. */
export function runsNotHeld<T extends { id: number; queryHash: string; startedAt: string }>(db: AppDatabase, runs: readonly T[]): T[] {
  const held = db.prepare('SELECT 1 FROM runs WHERE id = ? AND query_hash = ? AND started_at = ?');
  return runs.filter((run) => !held.get(run.id, run.queryHash, run.startedAt));
}
