/**
 * First seen of an imported run's findings (migration 13): the source's answer, kept as it was.
 * The importer's backend rarely holds the source's events, so asking it would answer "—" for
 * findings the source could date.
 */
import 'server-only';
import type { Migration } from './migration';

export const BUNDLE_FIRST_SEEN_MIGRATION: Migration = {
  version: 13,
  name: 'first seen of imported runs',
  sql: `
    CREATE TABLE bundle_first_seen (
      run_id       INTEGER PRIMARY KEY REFERENCES runs(id),
      -- the source review's answer: found (per process name), not applicable, or why it failed
      answer_json  TEXT    NOT NULL
    );
  `,
};
