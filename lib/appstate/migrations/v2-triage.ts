/** Triage with history (migration 2): one row per finding, every change recorded. */
import 'server-only';
import type { Migration } from './migration';

export const TRIAGE_MIGRATION: Migration = {
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
};
