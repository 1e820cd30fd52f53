/**
 * Migration 11: what a sign-off froze. One snapshot per sign-off row (revoked ones keep theirs
 * as history); a sign-off made before this migration has none, and the week says so.
 */
import 'server-only';
import type { Migration } from './migration';

export const WEEK_SNAPSHOT_MIGRATION: Migration = {
  version: 11,
  name: 'week sign-off snapshots',
  sql: `
    CREATE TABLE week_snapshots (
      signoff_id            INTEGER PRIMARY KEY REFERENCES week_signoffs (id),
      -- sha256 (hex) of snapshot_json, the canonical JSON (sorted keys, no spaces) of the week as signed
      sha256                TEXT    NOT NULL,
      untriaged_at_signing  INTEGER NOT NULL,
      snapshot_json         TEXT    NOT NULL
    );
  `,
};
