/**
 * Allow-list entries as a bundle carries them: those in force at some moment of a week (so the
 * importer hides what the source hid, run by run), and their import, which adds an entry once.
 */
import 'server-only';
import { allowEntryOf, type AllowEntry, type AllowRow } from './allow-list';
import type { AppDatabase } from './database';

/** Created before `to`, and neither revoked nor expired before `from`: the week's runs may have been under it. */
export function allowEntriesInForceDuring(db: AppDatabase, from: string, to: string): AllowEntry[] {
  const rows = db
    .prepare('SELECT * FROM allow_list WHERE created_at < ? AND expires_at > ? AND (revoked_at IS NULL OR revoked_at > ?) ORDER BY id')
    .all(to, from, from) as AllowRow[];
  return rows.map(allowEntryOf);
}

/**
 * Adds the entries this Huntboard lacks, with their own times (an entry applies from its creation
 * on). One equal in everything but its id is the same entry, imported before: kept, not doubled.
 * Callers hold a transaction.
 */
export function importAllowEntries(db: AppDatabase, entries: readonly AllowEntry[]): { added: number; kept: number } {
  const same = db.prepare(
    `SELECT 1 FROM allow_list WHERE process_name = ? AND agent_id IS ? AND hunt_id IS ? AND owner = ? AND reason = ? AND created_at = ?
       AND expires_at = ? AND revoked_at IS ?`,
  );
  const insert = db.prepare(
    'INSERT INTO allow_list (process_name, agent_id, hunt_id, owner, reason, created_at, expires_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let added = 0;
  for (const e of entries) {
    const fields = [e.processName, e.agentId, e.huntId, e.owner, e.reason, e.createdAt, e.expiresAt, e.revokedAt] as const;
    if (same.get(...fields)) continue;
    insert.run(...fields);
    added++;
  }
  return { added, kept: entries.length - added };
}
