/**
 * The week's sign-off as a bundle carries it: who signed, when, and the snapshot they signed with
 * its hash, so the importer's week shows what the lead signed, not a live rebuild of partial data.
 */
import 'server-only';
import type { AppDatabase } from '../appstate/database';
import { canonicalJson, sha256Hex } from '../review/canonical-json';
import { standingSignOff } from '../appstate/week-signoffs';
import { signOffWeek } from '../review/week-signoff';
import { readSnapshot, storeSnapshot, type WeekSnapshot } from '../review/week-snapshot';
import type { BundleSignOff } from './format';

/** `monday`: the week's Monday, YYYY-MM-DD. Null when the week is not signed off. */
export function signOffForBundle(db: AppDatabase, monday: string): BundleSignOff | null {
  const standing = standingSignOff(db, monday);
  if (!standing) return null;
  const { id: _id, ...signOff } = standing;
  const stored = readSnapshot(db, standing.id);
  // A snapshot whose JSON no longer matches its hash is not passed on as the signed record.
  return stored?.intact ? { ...signOff, snapshot: stored.snapshot, snapshotHash: stored.sha256 } : signOff;
}

/** Why the bundle's sign-off cannot be taken as the signed record; undefined when it can. */
export function signOffProblem(signOff: BundleSignOff | null, weekStartIso: string): string | undefined {
  if (!signOff) return undefined;
  if (signOff.weekStart !== weekStartIso.slice(0, 10)) return `the sign-off names the week of ${signOff.weekStart.slice(0, 40)}, not the bundle's`;
  if ((signOff.snapshot === undefined) !== (signOff.snapshotHash === undefined)) return 'the sign-off carries a snapshot without its hash, or a hash without its snapshot';
  if (signOff.snapshot !== undefined && sha256Hex(canonicalJson(signOff.snapshot)) !== signOff.snapshotHash) return 'the sign-off’s snapshot does not match its hash';
  return undefined;
}

/**
 * Records the source's sign-off when this Huntboard has none standing for the week (one it has is
 * its own lead's record, kept), through the same write and checks as a lead's sign-off here. Callers
 * hold the import's final transaction and checked signOffProblem; a sign-off the checks refuse
 * throws, so the import is undone.
 */
export function importSignOff(db: AppDatabase, signOff: BundleSignOff | null): 'added' | 'kept' | 'none' {
  if (!signOff) return 'none';
  const signed = signOffWeek(db, signOff.weekStart, signOff.signedBy, signOff.signedAt, signOff.note);
  if (!signed.ok) {
    if (signed.reason === 'already-signed') return 'kept';
    throw new Error(`its sign-off is refused: ${signed.message}`);
  }
  if (signOff.snapshot !== undefined) storeSnapshot(db, signed.signOff.id, signOff.snapshot as WeekSnapshot);
  return 'added';
}
