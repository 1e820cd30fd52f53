/** Saved runs (migration 1): every run of record with its text, hash, params, window, backend and rows. */
import 'server-only';
import type { Migration } from './migration';

export const RUNS_MIGRATION: Migration = {
  version: 1,
  name: 'saved runs',
  sql: `
      CREATE TABLE runs (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        hunt_id        TEXT    NOT NULL,
        query_number   INTEGER NOT NULL,
        query_text     TEXT    NOT NULL,
        -- sha256 of query_text: runs of the same query compare only when the hash matches
        query_hash     TEXT    NOT NULL,
        params_json    TEXT    NOT NULL,
        window_id      TEXT    NOT NULL,
        window_from    TEXT,
        window_to      TEXT,
        backend_kind   TEXT    NOT NULL CHECK (backend_kind IN ('elasticsearch', 'embedded')),
        backend_label  TEXT    NOT NULL,
        trigger        TEXT    NOT NULL CHECK (trigger IN ('page', 'cli', 'schedule')),
        started_at     TEXT    NOT NULL,
        duration_ms    REAL    NOT NULL,
        status         TEXT    NOT NULL CHECK (status IN ('ok', 'failed')),
        error_kind     TEXT,
        error_message  TEXT,
        row_count      INTEGER NOT NULL DEFAULT 0,
        truncated      INTEGER NOT NULL DEFAULT 0 CHECK (truncated IN (0, 1)),
        is_partial     INTEGER NOT NULL DEFAULT 0 CHECK (is_partial IN (0, 1)),
        warnings_json  TEXT    NOT NULL DEFAULT '[]',
        columns_json   TEXT    NOT NULL DEFAULT '[]',
        values_json    TEXT    NOT NULL DEFAULT '[]'
      );
      CREATE INDEX runs_by_query ON runs (hunt_id, query_number, started_at);
    `,
};
