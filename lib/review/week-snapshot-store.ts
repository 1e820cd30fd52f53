/**
 * A sign-off's snapshot: the week as the lead saw it when signing (findings with their change,
 * triage and suppression, the figures, the Markdown report), stored as canonical JSON with its
 * sha256. Written once with the sign-off, never updated; a revoked sign-off keeps its snapshot.
 */
import type { AppDatabase } from '../appstate/db';
import { canonicalJson, sha256Hex } from './canonical-json';
import type { WeekSummary } from '../model/week';

/** The week as signed: the summary without its (live) sign-off state. */
export type FrozenSummary = Omit<WeekSummary, 'signOff'>;

export interface WeekSnapshot {
  format: 1;
  signOff: { weekStart: string; signedBy: string; signedAt: string; note: string };
  untriagedAtSigning: number;
  summary: FrozenSummary;
  /** The report as filed: lib/review/week-markdown over the summary, signed. */
  markdown: string;
}

export interface StoredSnapshot {
  snapshot: WeekSnapshot;
  sha256: string;
  /** The stored JSON still hashes to the stored sha256. */
  intact: boolean;
}

/** Writes the snapshot of a sign-off; returns its hash. */
export function storeSnapshot(db: AppDatabase, signOffId: number, snapshot: WeekSnapshot): string {
  const json = canonicalJson(snapshot);
  const sha256 = sha256Hex(json);
  db.prepare('INSERT INTO week_snapshots (signoff_id, sha256, untriaged_at_signing, snapshot_json) VALUES (?, ?, ?, ?)').run(signOffId, sha256, snapshot.untriagedAtSigning, json);
  return sha256;
}

/** The hash and count of a sign-off's snapshot, without reading the snapshot itself. */
export function snapshotHeader(db: AppDatabase, signOffId: number): { sha256: string; untriagedAtSigning: number } | undefined {
  const row = db.prepare('SELECT sha256, untriaged_at_signing FROM week_snapshots WHERE signoff_id = ?').get(signOffId) as { sha256: string; untriaged_at_signing: number } | undefined;
  return row && { sha256: row.sha256, untriagedAtSigning: row.untriaged_at_signing };
}

export function readSnapshot(db: AppDatabase, signOffId: number): StoredSnapshot | undefined {
  const row = db.prepare('SELECT sha256, snapshot_json FROM week_snapshots WHERE signoff_id = ?').get(signOffId) as { sha256: string; snapshot_json: string } | undefined;
  if (!row) return undefined;
  return { snapshot: JSON.parse(row.snapshot_json) as WeekSnapshot, sha256: row.sha256, intact: sha256Hex(row.snapshot_json) === row.sha256 };
}
