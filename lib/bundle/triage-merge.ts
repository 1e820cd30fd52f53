/**
 * Merging a bundle's triage into the local one. A finding nobody triaged here takes the bundle's
 * state and history. One triaged on both sides keeps the state changed last (by updated_at) and
 * both histories, an entry counted once by (at, who, to_status), in time order. A replaced state
 * gets a new version so that a page holding the old one is told of the change instead of overwriting it.
 *
 * Statements are prepared once per import and a finding's history is looked up by key: a bundle
 * may carry 100,000s of triaged findings, and per-entry prepares or scans made that minutes.
 */
import type { AppDatabase } from '../appstate/db';
import type { FindingRef, TriageHistoryEntry, TriageHistoryRow } from '../appstate/triage';
import type { BundleHistoryEntry, BundleTriage } from './format';

export type MergeOutcome = 'inserted' | 'updated' | 'kept';

const entryKey = (e: TriageHistoryEntry) => JSON.stringify([e.at, e.who, e.toStatus]);
export const findingKeyOf = (s: FindingRef) => JSON.stringify([s.huntId, s.queryNumber, s.findingKey]);



/** The bundle's history entries per finding (findingKeyOf), in the bundle's order. */
export function historyByFinding(history: readonly BundleHistoryEntry[]): Map<string, TriageHistoryEntry[]> {
  const byFinding = new Map<string, TriageHistoryEntry[]>();
  for (const { huntId, queryNumber, findingKey, ...entry } of history) {
    const key = findingKeyOf({ huntId, queryNumber, findingKey });
    const list = byFinding.get(key);
    if (list) list.push(entry);
    else byFinding.set(key, [entry]);
  }
  return byFinding;
}

export type TriageMerger = (state: BundleTriage, history: readonly TriageHistoryEntry[]) => { outcome: MergeOutcome; historyAdded: number };

/** The rule for the state: a finding absent here takes the bundle's; the one changed last wins, with a new local version. */
export function mergedState(local: { version: number; updated_at: string } | undefined, state: BundleTriage): { outcome: MergeOutcome; version?: number } {
  if (!local) return { outcome: 'inserted', version: state.version };
  if (Date.parse(state.updatedAt) > Date.parse(local.updated_at)) return { outcome: 'updated', version: local.version + 1 };
  return { outcome: 'kept' };
}

/** The rule for the history: both, an entry counted once, in time order; `merged` only when the bundle adds entries. */
export function mergedHistory(local: readonly TriageHistoryEntry[], incoming: readonly TriageHistoryEntry[]): { merged?: TriageHistoryEntry[]; added: number } {
  const seen = new Set(local.map(entryKey));
  const added: TriageHistoryEntry[] = [];
  for (const e of incoming) {
    if (seen.has(entryKey(e))) continue;
    seen.add(entryKey(e));
    added.push(e);
  }
  if (added.length === 0) return { added: 0 };
  // Array.prototype.sort is stable: entries at the same instant keep their order, local first.
  return { merged: [...local, ...added].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)), added: added.length };
}

/** Reads of the local triage the merge needs; statements prepared once per import. */
export function triageReader(db: AppDatabase) {
  const readState = db.prepare('SELECT version, updated_at FROM triage WHERE hunt_id = ? AND query_number = ? AND finding_key = ?');
  const readHistory = db.prepare(
    `SELECT at, who, from_status, to_status, from_assignee, to_assignee, note FROM triage_history
     WHERE hunt_id = ? AND query_number = ? AND finding_key = ? ORDER BY id`,
  );
  return {
    state: (ref: FindingRef) => readState.get(ref.huntId, ref.queryNumber, ref.findingKey) as { version: number; updated_at: string } | undefined,
    history: (ref: FindingRef): TriageHistoryEntry[] =>
      (readHistory.all(ref.huntId, ref.queryNumber, ref.findingKey) as TriageHistoryRow[]).map((r) => ({
        at: r.at,
        who: r.who,
        fromStatus: r.from_status,
        toStatus: r.to_status,
        fromAssignee: r.from_assignee,
        toAssignee: r.to_assignee,
        note: r.note,
      })),
  };
}

/** One finding at a time, inside a write transaction; the merger's statements belong to `db`. */
export function triageMerger(db: AppDatabase): TriageMerger {
  const read = triageReader(db);
  const writeState = db.prepare(
    `INSERT INTO triage (hunt_id, query_number, finding_key, status, assignee, note, version, updated_at, updated_by)
     VALUES (@huntId, @queryNumber, @findingKey, @status, @assignee, @note, @version, @updatedAt, @updatedBy)
     ON CONFLICT (hunt_id, query_number, finding_key) DO UPDATE SET
       status = excluded.status, assignee = excluded.assignee, note = excluded.note,
       version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  const dropHistory = db.prepare('DELETE FROM triage_history WHERE hunt_id = ? AND query_number = ? AND finding_key = ?');
  const appendHistory = db.prepare(
    `INSERT INTO triage_history (hunt_id, query_number, finding_key, at, who, from_status, to_status, from_assignee, to_assignee, note)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (state, history) => {
    const ref: FindingRef = { huntId: state.huntId, queryNumber: state.queryNumber, findingKey: state.findingKey };
    const decided = mergedState(read.state(ref), state);
    if (decided.version !== undefined) {
      writeState.run({ ...ref, status: state.status, assignee: state.assignee, note: state.note, version: decided.version, updatedAt: state.updatedAt, updatedBy: state.updatedBy });
    }
    if (history.length === 0) return { outcome: decided.outcome, historyAdded: 0 };
    const local = read.history(ref);
    const merged = mergedHistory(local, history);
    if (merged.merged) {
      if (local.length > 0) dropHistory.run(ref.huntId, ref.queryNumber, ref.findingKey);
      for (const e of merged.merged) appendHistory.run(ref.huntId, ref.queryNumber, ref.findingKey, e.at, e.who, e.fromStatus, e.toStatus, e.fromAssignee, e.toAssignee, e.note);
    }
    return { outcome: decided.outcome, historyAdded: merged.added };
  };
}

/** One finding's merge (tests and callers merging a single state). Call inside a transaction. */
export function mergeTriage(db: AppDatabase, state: BundleTriage, history: readonly BundleHistoryEntry[]): { outcome: MergeOutcome; historyAdded: number } {
  const entries = history.map(({ at, who, fromStatus, toStatus, fromAssignee, toAssignee, note }) => ({ at, who, fromStatus, toStatus, fromAssignee, toAssignee, note }));
  return triageMerger(db)(state, entries);
}
