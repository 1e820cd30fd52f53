/**
 * The week a lead looks at: unsigned, the week as it is (each run with the allow-list of its own
 * start); signed, the snapshot frozen at sign-off, with what changed since listed beside it; signed
 * before snapshots were kept, the week as it is, saying so. Revoked sign-offs stay as history.
 */
import 'server-only';
import type { AppDatabase } from '../appstate/database';
import { summarizeWeek, type HuntRef } from './week';
import { revokedSignOffs, standingSignOff } from '../appstate/week-signoffs';
import { weekSnapshotHeader } from '../appstate/week-snapshots';
import { type RevokedSignOff, type WeekBounds, type WeekSummary, type WeekChanges } from '../model/week';
import { changesSince } from './week-changes';
import { SNAPSHOT_LIST_LIMIT } from './week-sign';
import { readSnapshot, signedSummary } from './week-snapshot';

export type WeekRecord =
  | { kind: 'live'; summary: WeekSummary }
  | { kind: 'signed-before-snapshots'; summary: WeekSummary }
  | { kind: 'snapshot'; summary: WeekSummary; sha256: string; intact: boolean; untriagedAtSigning: number; markdown: string; changes: WeekChanges };

export interface WeekHistory {
  record: WeekRecord;
  /** Revoked sign-offs, newest first, with the hash of what each froze. */
  revoked: (RevokedSignOff & { sha256: string | null })[];
}

/** `now`: the allow-list entries in force then are what "would hide a finding now" means. */
export function weekRecord(db: AppDatabase, week: WeekBounds, hunts: readonly HuntRef[], now: string): WeekHistory {
  const revoked = revokedSignOffs(db, week.monday).map((s) => ({ ...s, sha256: weekSnapshotHeader(db, s.id)?.sha256 ?? null }));
  const signOff = standingSignOff(db, week.monday);
  const stored = signOff && readSnapshot(db, signOff.id);
  if (!signOff || !stored) {
    const summary = summarizeWeek(db, week, hunts);
    return { record: signOff ? { kind: 'signed-before-snapshots', summary } : { kind: 'live', summary }, revoked };
  }
  const { snapshot, sha256, intact } = stored;
  const signed = signedSummary(snapshot);
  const current = summarizeWeek(db, week, hunts, { allowAt: now, listLimit: SNAPSHOT_LIST_LIMIT });
  return {
    record: {
      kind: 'snapshot',
      summary: { ...signed, signOff: { kind: 'signed', signOff, snapshot: { sha256, untriagedAtSigning: snapshot.untriagedAtSigning } } },
      sha256,
      intact,
      untriagedAtSigning: snapshot.untriagedAtSigning,
      markdown: snapshot.markdown,
      changes: changesSince(signed, current),
    },
    revoked,
  };
}
