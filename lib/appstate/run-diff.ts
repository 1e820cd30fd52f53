/**
 * Week over week, stored: when a run is saved, each finding's diff status against the runs of the
 * same query text before it (new, recurring with runs seen, gone since the previous run) is
 * computed in SQL and kept in run_diff, so a review reads one page of it by index. A run saved
 * with an earlier start (a bundle import) changes the history of the runs after it: theirs is
 * computed again. The rules are lib/review/diff's diffRuns, which the tests hold this to.
 *
 * A run's rows in run_diff are under its diff id: its own id, or (run_diff_summary.diff_id) the id
 * a diff computed again in pieces was written under (lib/appstate/staged-runs).
 */
import 'server-only';
import type { AppDatabase } from './database';

/** Earlier runs a run is compared with: about a quarter of weekly history. */
export const DIFF_HISTORY = 12;

export type FindingStatus = 'new' | 'recurring' | 'gone';
/** Stored as the page's order: new, recurring, gone. */
export const STATUS_CODE: Record<FindingStatus, number> = { new: 0, recurring: 1, gone: 2 };
export const STATUS_OF: readonly FindingStatus[] = ['new', 'recurring', 'gone'];

export interface DiffCounts {
  new: number;
  recurring: number;
  gone: number;
}

export interface DiffSummary {
  previousRunId: number | null;
  /** Earlier comparable runs considered for "runs seen". */
  compared: number;
  counts: DiffCounts;
}

export interface RunRef {
  id: number;
  hunt_id: string;
  query_number: number;
  query_hash: string;
  started_at: string;
}

function runRef(db: AppDatabase, runId: number): RunRef | undefined {
  return db.prepare("SELECT id, hunt_id, query_number, query_hash, started_at FROM runs WHERE id = ? AND status = 'ok'").get(runId) as RunRef | undefined;
}

/** Successful runs of the same query text before the run, newest first (the first is "the previous run"). */
export function historyRefs(db: AppDatabase, run: RunRef, limit = DIFF_HISTORY): RunRef[] {
  return db
    .prepare(
      `SELECT id, hunt_id, query_number, query_hash, started_at FROM runs WHERE hunt_id = ? AND query_number = ? AND query_hash = ? AND status = 'ok'
         AND (started_at < ? OR (started_at = ? AND id < ?))
       ORDER BY started_at DESC, id DESC LIMIT ?`,
    )
    .all(run.hunt_id, run.query_number, run.query_hash, run.started_at, run.started_at, run.id, limit) as RunRef[];
}

export function historyIds(db: AppDatabase, run: RunRef, limit = DIFF_HISTORY): number[] {
  return historyRefs(db, run, limit).map((r) => r.id);
}

export function laterIds(db: AppDatabase, run: RunRef, limit = DIFF_HISTORY): number[] {
  return db
    .prepare(
      `SELECT id FROM runs WHERE hunt_id = ? AND query_number = ? AND query_hash = ? AND status = 'ok'
         AND (started_at > ? OR (started_at = ? AND id > ?))
       ORDER BY started_at, id LIMIT ?`,
    )
    .pluck()
    .all(run.hunt_id, run.query_number, run.query_hash, run.started_at, run.started_at, run.id, limit) as number[];
}

/**
 * The "rows in history holding the key" probe of the run's finding `f`: duplicates within a run
 * count as diffRuns counts them. It names the key index: without table statistics SQLite may pick
 * the run's primary key and walk a whole run per finding.
 */
function seenSql(history: readonly number[]): string {
  const inHistory = history.length > 0 ? `h.run_id IN (${history.map(() => '?').join(', ')})` : '0';
  return `(SELECT COUNT(*) FROM run_findings h INDEXED BY run_findings_by_key WHERE h.finding_key = f.finding_key AND ${inHistory})`;
}

/** Positions [from, to) of a run's findings; the whole run by default. */
export interface PositionRange {
  from: number;
  to: number;
}

const ALL: PositionRange = { from: 0, to: Number.MAX_SAFE_INTEGER };

/**
 * The new and recurring findings among the run's rows at `range`. Ranges must come in position
 * order: OR IGNORE keeps the first row of a key listed twice (by position, as diffRuns does).
 */
export function diffFindings(db: AppDatabase, runId: number, history: readonly number[], range: PositionRange = ALL, diffId = runId): void {
  db.prepare(
    `INSERT OR IGNORE INTO run_diff (run_id, status, finding_key, runs_seen, row_run_id, position, process_name, agent_id)
     SELECT ?, CASE WHEN seen > 0 THEN 1 ELSE 0 END, finding_key, seen + 1, run_id, position, process_name, agent_id
     FROM (SELECT f.run_id, f.finding_key, f.position, f.process_name, f.agent_id, ${seenSql(history)} AS seen
           FROM run_findings f WHERE f.run_id = ? AND f.position >= ? AND f.position < ?)
     ORDER BY position`,
  ).run(diffId, ...history, runId, range.from, range.to);
}

/**
 * Gone: keys of the previous run (history[0]) at `range` this one lacks, shown with the previous
 * run's last row of the key. Needs every row of this run in place; ranges must come from the end
 * of the previous run backwards (the last row of a key wins).
 */
export function diffGone(db: AppDatabase, runId: number, history: readonly number[], range: PositionRange = ALL, diffId = runId): void {
  const previous = history[0];
  if (previous === undefined) return;
  db.prepare(
    `INSERT OR IGNORE INTO run_diff (run_id, status, finding_key, runs_seen, row_run_id, position, process_name, agent_id)
     SELECT ?, 2, f.finding_key, ${seenSql(history)}, f.run_id, f.position, f.process_name, f.agent_id
     FROM run_findings f
     WHERE f.run_id = ? AND f.position >= ? AND f.position < ?
       AND NOT EXISTS (SELECT 1 FROM run_findings c INDEXED BY run_findings_by_key WHERE c.finding_key = f.finding_key AND c.run_id = ?)
     ORDER BY f.position DESC`,
  ).run(diffId, ...history, previous, range.from, range.to, runId);
}

/** The id a run's diff rows are under. */
export function diffIdOf(db: AppDatabase, runId: number): number {
  return (db.prepare('SELECT COALESCE(diff_id, run_id) FROM run_diff_summary WHERE run_id = ?').pluck().get(runId) as number | undefined) ?? runId;
}

/** Counts of the diff rows under `diffId`, by status. */
export function diffCounts(db: AppDatabase, diffId: number): DiffCounts {
  const counts: DiffCounts = { new: 0, recurring: 0, gone: 0 };
  const rows = db.prepare('SELECT status, COUNT(*) AS n FROM run_diff WHERE run_id = ? GROUP BY status').all(diffId) as { status: number; n: number }[];
  for (const r of rows) counts[STATUS_OF[r.status]] = r.n;
  return counts;
}

/** The run's summary, replacing any; its diff rows are under `diffId`. */
export function writeDiffSummary(db: AppDatabase, runId: number, history: readonly number[], counts: DiffCounts, diffId = runId): void {
  db.prepare('DELETE FROM run_diff_summary WHERE run_id = ?').run(runId);
  db.prepare('INSERT INTO run_diff_summary (run_id, diff_id, previous_run_id, compared, new_count, recurring_count, gone_count) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    runId,
    diffId === runId ? null : diffId,
    history[0] ?? null,
    history.length,
    counts.new,
    counts.recurring,
    counts.gone,
  );
}

/** Computes (again) one run's stored diff. */
export function computeRunDiff(db: AppDatabase, runId: number): void {
  const run = runRef(db, runId);
  const current = diffIdOf(db, runId);
  if (current !== runId) db.prepare('DELETE FROM run_diff WHERE run_id = ?').run(current);
  // Rows under the run's own id are rewritten here: no longer a retired diff for a clean-up to remove.
  db.prepare("DELETE FROM staged_runs WHERE run_id = ? AND kind = 'diff'").run(runId);
  db.prepare('DELETE FROM run_diff WHERE run_id = ?').run(runId);
  db.prepare('DELETE FROM run_diff_summary WHERE run_id = ?').run(runId);
  if (!run) return;
  const history = historyIds(db, run);
  diffFindings(db, runId, history);
  diffGone(db, runId, history);
  writeDiffSummary(db, runId, history, diffCounts(db, runId));
}

/** After a run is saved: its diff, and that of the later runs whose history it joins. */
export function diffSavedRun(db: AppDatabase, runId: number): void {
  const run = runRef(db, runId);
  if (!run) return;
  computeRunDiff(db, runId);
  for (const later of laterIds(db, run)) computeRunDiff(db, later);
}

export function diffSummary(db: AppDatabase, runId: number): DiffSummary | undefined {
  const row = db.prepare('SELECT previous_run_id, compared, new_count, recurring_count, gone_count FROM run_diff_summary WHERE run_id = ?').get(runId) as
    | { previous_run_id: number | null; compared: number; new_count: number; recurring_count: number; gone_count: number }
    | undefined;
  return row && { previousRunId: row.previous_run_id, compared: row.compared, counts: { new: row.new_count, recurring: row.recurring_count, gone: row.gone_count } };
}
