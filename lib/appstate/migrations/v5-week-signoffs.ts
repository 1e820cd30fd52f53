/** The lead's sign-off of a week (migration 5): one standing sign-off per week; revoked ones kept. */
import 'server-only';
import type { Migration } from './migration';

export const WEEK_MIGRATION: Migration = {
  version: 5,
  name: 'week sign-off',
  sql: `
    CREATE TABLE week_signoffs (
      id          INTEGER PRIMARY KEY AUTOINCREMENT,
      -- the week's Monday, YYYY-MM-DD (UTC)
      week_start  TEXT    NOT NULL,
      signed_by   TEXT    NOT NULL,
      signed_at   TEXT    NOT NULL,
      note        TEXT    NOT NULL DEFAULT '',
      revoked_at  TEXT,
      revoked_by  TEXT
    );
    -- one standing sign-off per week; revoked ones are kept as history
    CREATE UNIQUE INDEX week_signoffs_standing ON week_signoffs (week_start) WHERE revoked_at IS NULL;
  `,
};
