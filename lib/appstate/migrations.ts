/**
 * The app state's schema, as numbered migrations applied in order, each in its own transaction.
 * Never edit a released migration: add the next one. Feature schemas live beside their feature.
 */
import { AUTH_MIGRATION } from '../auth/migration';
import { WEEK_MIGRATION } from '../review/week-migration';
import { WEEK_SNAPSHOT_MIGRATION } from '../review/week-snapshot-migration';
import { BUNDLE_MIGRATION } from '../bundle/migration';
import { BUNDLE_FIRST_SEEN_MIGRATION } from '../bundle/first-seen-migration';
import type { AppDatabase } from './db';
import { RUN_FINDINGS_MIGRATION } from './run-findings-migration';
import { STAGED_RUNS_MIGRATION } from './staged-runs-migration';
import { PAGE_VIEWS_MIGRATION } from './page-views-migration';
import { PIN_NOW_MIGRATION } from '../hunts/run/pin-now-migration';
import { TRIAGE_GROUP_MIGRATION } from './triage-group-migration';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Data the SQL alone cannot move, run after it in the same transaction. */
  up?: (db: AppDatabase) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
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
  },
  {
    version: 2,
    name: 'triage with history',
    sql: `
      -- One row per finding (hunt, query, BY values): the state carries over from week to week.
      CREATE TABLE triage (
        hunt_id       TEXT    NOT NULL,
        query_number  INTEGER NOT NULL,
        finding_key   TEXT    NOT NULL,
        status        TEXT    NOT NULL CHECK (status IN ('new', 'investigating', 'benign', 'suspicious', 'escalated')),
        assignee      TEXT,
        note          TEXT    NOT NULL DEFAULT '',
        -- optimistic concurrency: a write names the version it read
        version       INTEGER NOT NULL,
        updated_at    TEXT    NOT NULL,
        updated_by    TEXT    NOT NULL,
        PRIMARY KEY (hunt_id, query_number, finding_key)
      );
      CREATE TABLE triage_history (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        hunt_id       TEXT    NOT NULL,
        query_number  INTEGER NOT NULL,
        finding_key   TEXT    NOT NULL,
        at            TEXT    NOT NULL,
        who           TEXT    NOT NULL,
        from_status   TEXT,
        to_status     TEXT    NOT NULL,
        from_assignee TEXT,
        to_assignee   TEXT,
        note          TEXT    NOT NULL DEFAULT ''
      );
      CREATE INDEX triage_history_by_finding ON triage_history (hunt_id, query_number, finding_key, id);
    `,
  },
  {
    version: 3,
    name: 'allow-list',
    sql: `
      CREATE TABLE allow_list (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        -- the suppressed process name (a finding's BY value); agent_id NULL means on every agent
        process_name TEXT    NOT NULL,
        agent_id     TEXT,
        hunt_id      TEXT,
        owner        TEXT    NOT NULL,
        reason       TEXT    NOT NULL,
        created_at   TEXT    NOT NULL,
        expires_at   TEXT    NOT NULL,
        revoked_at   TEXT
      );
      CREATE INDEX allow_list_by_name ON allow_list (process_name);
    `,
  },
  AUTH_MIGRATION,
  WEEK_MIGRATION,
  BUNDLE_MIGRATION,
  RUN_FINDINGS_MIGRATION,
  STAGED_RUNS_MIGRATION,
  PAGE_VIEWS_MIGRATION,
  PIN_NOW_MIGRATION,
  WEEK_SNAPSHOT_MIGRATION,
  TRIAGE_GROUP_MIGRATION,
  BUNDLE_FIRST_SEEN_MIGRATION,
];
