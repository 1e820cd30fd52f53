/**
 * The app state's bundle tables (migration 6): imported bundles, the runs they brought (runs get
 * a bundle_id), and the saved events of each imported finding.
 */
import 'server-only';
import type { Migration } from './migration';

export const BUNDLE_MIGRATION: Migration = {
  version: 6,
  name: 'imported bundles',
  sql: `
    CREATE TABLE bundles (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      file_name     TEXT    NOT NULL,
      -- sha256 of the file's bytes: the same file is imported once
      file_sha256   TEXT    NOT NULL UNIQUE,
      week_start    TEXT    NOT NULL,
      week_end      TEXT    NOT NULL,
      exported_at   TEXT    NOT NULL,
      source_label  TEXT    NOT NULL,
      imported_at   TEXT    NOT NULL,
      imported_by   TEXT    NOT NULL
    );
    ALTER TABLE runs ADD COLUMN bundle_id INTEGER REFERENCES bundles(id);
    CREATE TABLE bundle_events (
      run_id        INTEGER NOT NULL REFERENCES runs(id),
      finding_key   TEXT    NOT NULL,
      columns_json  TEXT    NOT NULL DEFAULT '[]',
      values_json   TEXT    NOT NULL DEFAULT '[]',
      truncated     INTEGER NOT NULL DEFAULT 0 CHECK (truncated IN (0, 1)),
      -- why the events could not be read when the bundle was made; NULL when they were
      error         TEXT,
      PRIMARY KEY (run_id, finding_key)
    );
  `,
};
