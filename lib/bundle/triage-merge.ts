/**
 * Merging a bundle's triage into the local one. A finding nobody triaged here takes the bundle's
 * state and history. One triaged on both sides keeps the state changed last (by updated_at) and
 * both histories, an entry counted once by (at, who, to_status), in time order. A replaced state
 * gets a new version so that a page holding the old one is told of the change instead of overwriting it.
 *
 * Triage's statements are prepared once per import and a finding's history is looked up by key: a
 * bundle may carry 100,000s of triaged findings, and per-entry prepares or scans made that minutes.
 */
import 'server-only';
import type { AppDatabase } from '../appstate/database';
import { getTriage, replaceTriageHistory, triageHistory, triageStatements, writeTriageState } from '../appstate/triage';
import { type FindingRef, type TriageHistoryEntry } from '../model/triage';
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

/** Reads of the local triage the merge needs: a finding's state as mergedState takes it, and its history. */
export function triageReader(db: AppDatabase) {
  const statements = triageStatements(db);
  return {
    state: (ref: FindingRef): { version: number; updated_at: string } | undefined => {
      const local = getTriage(statements, ref);
      return local.updatedAt === null ? undefined : { version: local.version, updated_at: local.updatedAt };
    },
    history: (ref: FindingRef): TriageHistoryEntry[] => triageHistory(statements, ref),
  };
}

/** One finding at a time, inside a write transaction. */
export function triageMerger(db: AppDatabase): TriageMerger {
  const read = triageReader(db);
  const statements = triageStatements(db);
  return (state, history) => {
    const ref: FindingRef = { huntId: state.huntId, queryNumber: state.queryNumber, findingKey: state.findingKey };
    const decided = mergedState(read.state(ref), state);
    if (decided.version !== undefined) {
      writeTriageState(statements, { ...ref, status: state.status, assignee: state.assignee, note: state.note, version: decided.version, updatedAt: state.updatedAt, updatedBy: state.updatedBy });
    }
    if (history.length === 0) return { outcome: decided.outcome, historyAdded: 0 };
    const merged = mergedHistory(read.history(ref), history);
    if (merged.merged) replaceTriageHistory(statements, ref, merged.merged);
    return { outcome: decided.outcome, historyAdded: merged.added };
  };
}

/** One finding's merge (tests and callers merging a single state). Call inside a transaction. */
export function mergeTriage(db: AppDatabase, state: BundleTriage, history: readonly BundleHistoryEntry[]): { outcome: MergeOutcome; historyAdded: number } {
  const entries = history.map(({ at, who, fromStatus, toStatus, fromAssignee, toAssignee, note }) => ({ at, who, fromStatus, toStatus, fromAssignee, toAssignee, note }));
  return triageMerger(db)(state, entries);
}
