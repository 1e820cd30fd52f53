/**
 * Migration 9: page views are not runs of record (issue 14). Until now every view of a hunt page
 * was saved as a run with trigger 'page'; from now on 'page' means "saved from the page" ("Save as
 * run"). The old 'page' rows were views: they leave the review — /runs, diffs, the week — without
 * being lost. Each is copied, its result rows put back into values_json, to page_views (and the
 * events an imported one carried to page_view_events); then it and everything keyed by its id is
 * deleted, and the runs whose diff history held a view are diffed again, so a schedule run whose
 * baseline was a view now compares with the review run before it.
 */
import 'server-only';
import type { AppDatabase } from '../database';
import type { Migration } from './migration';
import { computeRunDiff, diffIdOf, laterIds, type RunRef } from '../run-diff';
import { runValues } from '../run-findings';

/** The runs columns of schema version 8, in order; `values_json` is refilled from run_findings. */
const RUN_COLUMNS = `hunt_id, query_number, query_text, query_hash, params_json, window_id, window_from, window_to, backend_kind, backend_label,
  trigger, started_at, duration_ms, status, error_kind, error_message, row_count, truncated, is_partial, warnings_json, columns_json, values_json, bundle_id`;

const SQL = `
  -- Page views saved as runs before version 9: the runs columns as they were, under their old id.
  CREATE TABLE page_views (
    original_run_id INTEGER PRIMARY KEY,
    hunt_id        TEXT    NOT NULL,
    query_number   INTEGER NOT NULL,
    query_text     TEXT    NOT NULL,
    query_hash     TEXT    NOT NULL,
    params_json    TEXT    NOT NULL,
    window_id      TEXT    NOT NULL,
    window_from    TEXT,
    window_to      TEXT,
    backend_kind   TEXT    NOT NULL,
    backend_label  TEXT    NOT NULL,
    trigger        TEXT    NOT NULL,
    started_at     TEXT    NOT NULL,
    duration_ms    REAL    NOT NULL,
    status         TEXT    NOT NULL,
    error_kind     TEXT,
    error_message  TEXT,
    row_count      INTEGER NOT NULL,
    truncated      INTEGER NOT NULL,
    is_partial     INTEGER NOT NULL,
    warnings_json  TEXT    NOT NULL,
    columns_json   TEXT    NOT NULL,
    -- the view's result rows (a run's live in run_findings since version 7)
    values_json    TEXT    NOT NULL,
    bundle_id      INTEGER,
    moved_at       TEXT    NOT NULL
  );
  -- The saved events of a page view that came in a bundle (bundle_events rows name a run).
  CREATE TABLE page_view_events (
    original_run_id INTEGER NOT NULL,
    finding_key     TEXT    NOT NULL,
    columns_json    TEXT    NOT NULL,
    values_json     TEXT    NOT NULL,
    truncated       INTEGER NOT NULL,
    error           TEXT,
    PRIMARY KEY (original_run_id, finding_key)
  );
`;

function moveOutPageViews(db: AppDatabase): void {
  const views = db.prepare("SELECT id, hunt_id, query_number, query_hash, started_at, status FROM runs WHERE trigger = 'page' ORDER BY id").all() as (RunRef & { status: string })[];
  if (views.length === 0) return;
  const viewIds = new Set(views.map((v) => v.id));
  // Runs whose history (the DIFF_HISTORY runs before them) held a view, found while the views are
  // still there: together they are every run whose stored diff named one.
  const rediff = new Set<number>();
  for (const view of views) if (view.status === 'ok') for (const id of laterIds(db, view)) if (!viewIds.has(id)) rediff.add(id);

  const movedAt = new Date().toISOString();
  const copy = db.prepare(
    `INSERT INTO page_views (original_run_id, ${RUN_COLUMNS}, moved_at)
     SELECT id, ${RUN_COLUMNS.replace('values_json', '?')}, ? FROM runs WHERE id = ?`,
  );
  const copyEvents = db.prepare(
    `INSERT INTO page_view_events (original_run_id, finding_key, columns_json, values_json, truncated, error)
     SELECT run_id, finding_key, columns_json, values_json, truncated, error FROM bundle_events WHERE run_id = ?`,
  );
  const deletes = [
    'DELETE FROM bundle_events WHERE run_id = ?',
    'DELETE FROM run_findings WHERE run_id = ?',
    'DELETE FROM run_diff_summary WHERE run_id = ?',
    'DELETE FROM runs WHERE id = ?',
  ].map((sql) => db.prepare(sql));
  const deleteDiff = db.prepare('DELETE FROM run_diff WHERE run_id = ?');
  const deleteStaged = db.prepare('DELETE FROM staged_runs WHERE run_id = ?');
  for (const view of views) {
    copy.run(JSON.stringify(runValues(db, view.id)), movedAt, view.id);
    copyEvents.run(view.id);
    // The view's diff rows: under its own id, and under the id a diff computed in pieces was written to.
    const diffId = diffIdOf(db, view.id);
    for (const id of new Set([view.id, diffId])) {
      deleteDiff.run(id);
      deleteStaged.run(id);
    }
    for (const statement of deletes) statement.run(view.id);
  }
  for (const id of [...rediff].sort((a, b) => a - b)) computeRunDiff(db, id);
}

export const PAGE_VIEWS_MIGRATION: Migration = { version: 9, name: 'page views are not runs of record', sql: SQL, up: moveOutPageViews };
