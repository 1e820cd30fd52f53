/**
 * Merging a bundle's triage into the local one. A finding nobody triaged here takes the bundle's
 * state and history. One triaged on both sides keeps the state changed last (by updated_at) and
 * both histories, an entry counted once by (at, who, to_status), in time order. A replaced state
 * gets a new version so that a page holding the old one is told of the change instead of overwriting it.
 */
import type { AppDatabase } from '../appstate/db';
import { appendTriageHistory, getTriage, triageHistory, writeTriageState, type FindingRef, type TriageHistoryEntry } from '../appstate/triage';
import type { BundleHistoryEntry, BundleTriage } from './format';

export type MergeOutcome = 'inserted' | 'updated' | 'kept';

const entryKey = (e: TriageHistoryEntry) => JSON.stringify([e.at, e.who, e.toStatus]);
const refOf = (s: FindingRef): FindingRef => ({ huntId: s.huntId, queryNumber: s.queryNumber, findingKey: s.findingKey });

function writeState(db: AppDatabase, state: BundleTriage, version: number): void {
  writeTriageState(db, { ...refOf(state), status: state.status, assignee: state.assignee, note: state.note, version, updatedAt: state.updatedAt, updatedBy: state.updatedBy });
}

/** Adds the entries not already there; returns how many. Rewrites the finding's history in time order. */
function mergeHistory(db: AppDatabase, ref: FindingRef, incoming: readonly TriageHistoryEntry[]): number {
  const local = triageHistory(db, ref);
  const seen = new Set(local.map(entryKey));
  const added: TriageHistoryEntry[] = [];
  for (const e of incoming) {
    if (seen.has(entryKey(e))) continue;
    seen.add(entryKey(e));
    added.push(e);
  }
  if (added.length === 0) return 0;
  // Array.prototype.sort is stable: entries at the same instant keep their order, local first.
  const merged = [...local, ...added].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  db.prepare('DELETE FROM triage_history WHERE hunt_id = ? AND query_number = ? AND finding_key = ?').run(ref.huntId, ref.queryNumber, ref.findingKey);
  for (const e of merged) appendTriageHistory(db, ref, e);
  return added.length;
}

/** Call inside the import's transaction. */
export function mergeTriage(db: AppDatabase, state: BundleTriage, history: readonly BundleHistoryEntry[]): { outcome: MergeOutcome; historyAdded: number } {
  const ref = refOf(state);
  const local = getTriage(db, ref);
  let outcome: MergeOutcome = 'kept';
  if (local.version === 0 || local.updatedAt === null) {
    writeState(db, state, state.version);
    outcome = 'inserted';
  } else if (Date.parse(state.updatedAt) > Date.parse(local.updatedAt)) {
    writeState(db, state, local.version + 1);
    outcome = 'updated';
  }
  const entries = history.map(({ at, who, fromStatus, toStatus, fromAssignee, toAssignee, note }) => ({ at, who, fromStatus, toStatus, fromAssignee, toAssignee, note }));
  return { outcome, historyAdded: mergeHistory(db, ref, entries) };
}
