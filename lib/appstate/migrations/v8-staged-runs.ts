/**
 * Migration 8: saves written in pieces (a bundle import, lib/appstate/staged-runs). A reserved
 * run id ('run') holds rows no runs row names yet, so nothing reads them; a retired diff id
 * ('diff') holds run_diff rows no summary points at any more. Either is removed in pieces after the
 * save, or by the next import when the process that wrote it is gone. A run's diff may live under
 * another id than its own (run_diff_summary.diff_id), so a later run's diff computed again in
 * pieces replaces the old one in one short transaction.
 */
import 'server-only';
import type { AppDatabase } from '../database';
import type { Migration } from './migration';
import { computeRunDiff } from '../run-diff';

/** The diffs of runs migration 7 moved (every row is in place by then); a file migrated to 7 before has them. */
function diffMovedRuns(db: AppDatabase): void {
  const ids = db.prepare("SELECT id FROM runs WHERE status = 'ok' AND id NOT IN (SELECT run_id FROM run_diff_summary) ORDER BY id").pluck().all() as number[];
  for (const id of ids) computeRunDiff(db, id);
}

export const STAGED_RUNS_MIGRATION: Migration = {
  version: 8,
  name: 'saves in pieces',
  sql: `
    CREATE TABLE staged_runs (
      run_id      INTEGER PRIMARY KEY,
      kind        TEXT    NOT NULL CHECK (kind IN ('run', 'diff')),
      -- the process writing it: a mark of a process that is gone is a leftover
      owner_pid   INTEGER NOT NULL,
      staged_at   TEXT    NOT NULL
    );
    -- NULL: the run's diff rows are under its own id
    ALTER TABLE run_diff_summary ADD COLUMN diff_id INTEGER;
  `,
  up: diffMovedRuns,
};
