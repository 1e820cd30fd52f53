/**
 * What each sign-off froze (table week_snapshots, migration 11): the snapshot's JSON text exactly
 * as hashed, its sha256 and the untriaged count, one row per sign-off, written once. The text is
 * kept verbatim: whoever re-hashes it must get the stored hash. Building and hashing the snapshot
 * is lib/review's (week-snapshot.ts).
 */
import 'server-only';
import type { AppDatabase } from './database';

export interface SnapshotHeader {
  sha256: string;
  untriagedAtSigning: number;
}

export interface SnapshotRow extends SnapshotHeader {
  json: string;
}

export function insertWeekSnapshot(db: AppDatabase, signOffId: number, row: SnapshotRow): void {
  db.prepare('INSERT INTO week_snapshots (signoff_id, sha256, untriaged_at_signing, snapshot_json) VALUES (?, ?, ?, ?)').run(signOffId, row.sha256, row.untriagedAtSigning, row.json);
}

/** The hash and count of a sign-off's snapshot, without reading the snapshot itself. */
export function weekSnapshotHeader(db: AppDatabase, signOffId: number): SnapshotHeader | undefined {
  const row = db.prepare('SELECT sha256, untriaged_at_signing FROM week_snapshots WHERE signoff_id = ?').get(signOffId) as { sha256: string; untriaged_at_signing: number } | undefined;
  return row && { sha256: row.sha256, untriagedAtSigning: row.untriaged_at_signing };
}

export function weekSnapshotRow(db: AppDatabase, signOffId: number): SnapshotRow | undefined {
  const row = db.prepare('SELECT sha256, untriaged_at_signing, snapshot_json FROM week_snapshots WHERE signoff_id = ?').get(signOffId) as
    | { sha256: string; untriaged_at_signing: number; snapshot_json: string }
    | undefined;
  return row && { sha256: row.sha256, untriagedAtSigning: row.untriaged_at_signing, json: row.snapshot_json };
}
