/**
 * Migration 10: runs saved before their `now` was pinned (pin-now.ts) ran a text with now() in
 * it. A run's diff baseline is the previous run with the same query hash, and a new run's text
 * reads `TO_DATETIME(?_now1)` instead: without this, the first run after an upgrade would have no
 * baseline and list every finding as new. Their hash becomes that of the text prepare would
 * produce for them now; the text itself stays as it ran (its now is its started_at).
 */
import 'server-only';
import type { AppDatabase } from '../database';
import type { Migration } from './migration';
import { queryHash } from '../runs';
import { pinNowInText } from '../../esql';

export function rehashUnpinnedRuns(db: AppDatabase): number {
  // LIKE is case-insensitive for ASCII: a cheap filter before parsing.
  const rows = db.prepare("SELECT id, query_text AS text, query_hash AS hash FROM runs WHERE query_text LIKE '%now%'").all() as { id: number; text: string; hash: string }[];
  const update = db.prepare('UPDATE runs SET query_hash = ? WHERE id = ?');
  let changed = 0;
  for (const row of rows) {
    const pinned = pinNowInText(row.text);
    if (!pinned) continue;
    const hash = queryHash(pinned.text);
    if (hash === row.hash) continue;
    update.run(hash, row.id);
    changed++;
  }
  return changed;
}

export const PIN_NOW_MIGRATION: Migration = {
  version: 10,
  name: 'query hashes of runs with a pinned now',
  sql: '',
  up: (db) => {
    rehashUnpinnedRuns(db);
  },
};
