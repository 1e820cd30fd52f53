/**
 * A sign-off's snapshot: the week as the lead saw it when signing (findings with their change,
 * triage and suppression, the figures, the Markdown report), stored as canonical JSON with its
 * sha256. Written once with the sign-off, never updated; a revoked sign-off keeps its snapshot.
 */
import 'server-only';
import type { AppDatabase } from '../appstate/database';
import { insertWeekSnapshot, weekSnapshotRow } from '../appstate/week-snapshots';
import { canonicalJson, sha256Hex } from './canonical-json';
import type { WeekBounds, WeekSummary } from '../model/week';

/** The week as signed: the summary without its (live) sign-off state. */
export type FrozenSummary = Omit<WeekSummary, 'signOff'>;

/** The bounds as snapshots signed before WeekBounds named its Monday `monday` hold them. */
interface StartWeekBounds {
  /** The Monday, YYYY-MM-DD. */
  start: string;
  from: string;
  to: string;
}

export interface WeekSnapshot {
  format: 1;
  signOff: { weekStart: string; signedBy: string; signedAt: string; note: string };
  untriagedAtSigning: number;
  /** As hashed: older snapshots name the week's Monday `start` (signedSummary reads both). */
  summary: Omit<FrozenSummary, 'week'> & { week: WeekBounds | StartWeekBounds };
  /** The report as filed: lib/review/week-markdown over the summary, signed. */
  markdown: string;
}

export interface StoredSnapshot {
  /** As stored: re-hashing its canonical JSON gives `sha256` (a bundle carries it so). */
  snapshot: WeekSnapshot;
  sha256: string;
  /** The stored JSON still hashes to the stored sha256. */
  intact: boolean;
}

/** Writes the snapshot of a sign-off; returns its hash. */
export function storeSnapshot(db: AppDatabase, signOffId: number, snapshot: WeekSnapshot): string {
  const json = canonicalJson(snapshot);
  const sha256 = sha256Hex(json);
  insertWeekSnapshot(db, signOffId, { sha256, untriagedAtSigning: snapshot.untriagedAtSigning, json });
  return sha256;
}

export function readSnapshot(db: AppDatabase, signOffId: number): StoredSnapshot | undefined {
  const row = weekSnapshotRow(db, signOffId);
  if (!row) return undefined;
  return { snapshot: JSON.parse(row.json) as WeekSnapshot, sha256: row.sha256, intact: sha256Hex(row.json) === row.sha256 };
}

/** The week as signed, its bounds in today's shape whichever shape the snapshot was hashed in. */
export function signedSummary(snapshot: WeekSnapshot): FrozenSummary {
  const { week, ...rest } = snapshot.summary;
  const monday = 'monday' in week ? week.monday : week.start;
  return { ...rest, week: { monday, from: week.from, to: week.to } };
}
