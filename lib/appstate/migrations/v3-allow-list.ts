/** The allow-list (migration 3): suppressed process names with owner, reason and expiry. */
import 'server-only';
import type { Migration } from './migration';

export const ALLOW_LIST_MIGRATION: Migration = {
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
};
