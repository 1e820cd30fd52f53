/**
 * Migration 7: findings one row each (run_findings) and the stored week-over-week diff
 * (run_diff, run_diff_summary). Existing runs are moved over from their runs.values_json blob,
 * which is then emptied: a run's rows live in run_findings only, so no reader parses a blob.
 * Their diffs are computed by migration 8, whose schema the diff code writes.
 */
import 'server-only';
import type { EsqlColumn, EsqlValue } from '../../model/esql';
import type { AppDatabase } from '../database';
import type { Migration } from './migration';
import { insertRunFindings, keyedRows } from '../run-findings';

const SQL = `
  CREATE TABLE run_findings (
    run_id        INTEGER NOT NULL,
    -- the row's index in the run's result
    position      INTEGER NOT NULL,
    -- JSON of the row's BY values (lib/review/diff's key)
    finding_key   TEXT    NOT NULL,
    -- the process.name / agent.id BY values when they are keys: the allow-list matches on them
    process_name  TEXT,
    agent_id      TEXT,
    values_json   TEXT    NOT NULL,
    PRIMARY KEY (run_id, position)
  ) WITHOUT ROWID;
  -- runs seen, the previous run's row of a finding, a triaged finding's runs
  CREATE INDEX run_findings_by_key ON run_findings (finding_key, run_id);

  -- A run's review: each finding once (status 0 new, 1 recurring, 2 gone), in the page's order.
  CREATE TABLE run_diff (
    run_id        INTEGER NOT NULL,
    status        INTEGER NOT NULL CHECK (status IN (0, 1, 2)),
    finding_key   TEXT    NOT NULL,
    runs_seen     INTEGER NOT NULL,
    -- the row shown: this run's, or the previous run's for a gone finding
    row_run_id    INTEGER NOT NULL,
    position      INTEGER NOT NULL,
    process_name  TEXT,
    agent_id      TEXT,
    PRIMARY KEY (run_id, status, finding_key)
  ) WITHOUT ROWID;
  CREATE UNIQUE INDEX run_diff_by_key ON run_diff (run_id, finding_key);
  CREATE INDEX run_diff_by_process ON run_diff (run_id, process_name);

  CREATE TABLE run_diff_summary (
    run_id           INTEGER PRIMARY KEY,
    previous_run_id  INTEGER,
    compared         INTEGER NOT NULL,
    new_count        INTEGER NOT NULL,
    recurring_count  INTEGER NOT NULL,
    gone_count       INTEGER NOT NULL
  );
`;

/** Moves every ok run's rows out of its blob. */
function backfill(db: AppDatabase): void {
  const ids = db.prepare("SELECT id FROM runs WHERE status = 'ok' ORDER BY id").pluck().all() as number[];
  const read = db.prepare('SELECT query_text, columns_json, values_json FROM runs WHERE id = ?');
  const empty = db.prepare("UPDATE runs SET values_json = '[]' WHERE id = ?");
  for (const id of ids) {
    const r = read.get(id) as { query_text: string; columns_json: string; values_json: string };
    insertRunFindings(db, id, keyedRows(r.query_text, JSON.parse(r.columns_json) as EsqlColumn[], JSON.parse(r.values_json) as EsqlValue[][]));
    empty.run(id);
  }
}

export const RUN_FINDINGS_MIGRATION: Migration = { version: 7, name: 'findings one row each, stored diff', sql: SQL, up: backfill };
